/**
 * Parses the text-article format: an optional `# Title` first line, then `key: value`
 * header lines (source, url, published, ...), a blank line, then the body. A text without
 * the `# Title` line is taken whole as the body. Pure: takes the text, not a path.
 */
import type { Article } from '../../src/model.ts';
import { makeArticle } from '../article.ts';

const HEADER_LINE = /^([A-Za-z][\w-]*):\s*(.*)$/;

/** Splits a text article into its header fields and body, keeping the body verbatim. */
export function splitTextArticle(text: string): { title: string | null; headers: Record<string, string>; body: string } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalised.startsWith('# ')) return { title: null, headers: {}, body: normalised };
  const lines = normalised.split('\n');
  const title = (lines[0] ?? '').slice(2).trim();
  const headers: Record<string, string> = {};
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') break;
    const m = HEADER_LINE.exec(line);
    if (!m) break;
    headers[(m[1] ?? '').toLowerCase()] = (m[2] ?? '').trim();
  }
  // Skip the blank separator line(s); the body starts at the first non-blank line.
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  return { title, headers, body: lines.slice(i).join('\n') };
}

/** Parses a text or Markdown article into an Article. */
export function parseTextArticle(text: string): Article {
  const { title, headers, body } = splitTextArticle(text);
  return makeArticle({
    title,
    body,
    url: headers['url'] ?? null,
    source: headers['source'] ?? null,
    published: headers['published'] ?? headers['date'] ?? null,
  });
}
