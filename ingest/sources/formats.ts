/**
 * Which source reads an input: by file extension, by HTTP content type, or by sniffing the
 * first bytes when neither says. Pure.
 */
import { extname } from 'node:path';

export type Format = 'text' | 'jsonl' | 'html' | 'feed';

const BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

/** The format a file's extension names, or null for an extension no source reads. */
export function formatOfPath(path: string): Format | null {
  return BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/** The format an HTTP Content-Type names, or null when it does not say. */
export function formatOfContentType(contentType: string | null): Format | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/^application\/(rss|atom|rdf)\+xml$/.test(type) || type === 'application/xml' || type === 'text/xml') return 'feed';
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/x-jsonlines') return 'jsonl';
  if (type === 'text/plain' || type === 'text/markdown') return 'text';
  return null;
}

/** Guesses the format from the start of a document's text (default: text). */
export function sniffFormat(head: string): Format {
  const start = head.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (/^<(\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)\b/.test(start)) return 'feed';
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || (start.startsWith('<') && /<(head|body|p|div)\b/.test(start))) return 'html';
  if (start.startsWith('<?xml')) return 'feed';
  if (start.startsWith('{')) return 'jsonl';
  return 'text';
}
