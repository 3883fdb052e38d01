/**
 * Builds normalised Article values. Pure: no I/O. Every source (file, JSONL line, HTML page,
 * feed item) ends here, so ids and hashes are computed one way for all of them.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../src/model.ts';

export interface ArticleFields {
  title?: string | null;
  body: string;
  url?: string | null;
  source?: string | null;
  published?: string | null;
}

const UNKNOWN = new Set(['', 'unknown', 'n/a', 'none', 'null']);

function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  return UNKNOWN.has(trimmed.toLowerCase()) ? null : trimmed;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Normalises a published value to YYYY, YYYY-MM or YYYY-MM-DD, or null when unreadable. */
export function normalisePublished(value: string | null | undefined): string | null {
  const v = clean(value);
  if (!v) return null;
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(v);
  if (iso) return iso[0];
  const parsed = Date.parse(v);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

/** Derives the first line of a text as a title when a source gives none. */
export function titleFromBody(body: string): string {
  const first = body.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return first.length > 120 ? `${first.slice(0, 117)}...` : first;
}

/**
 * Makes an Article. Its id comes from the url when there is one (so a changed text at the
 * same url replaces the old one), otherwise from the content hash.
 */
export function makeArticle(fields: ArticleFields): Article {
  const body = fields.body.replace(/\r\n?/g, '\n');
  const title = clean(fields.title) ?? titleFromBody(body);
  const url = clean(fields.url);
  const contentHash = sha256(`${title}\n${body}`);
  const id = url ? `url-${sha256(url).slice(0, 24)}` : `sha-${contentHash.slice(0, 24)}`;
  return {
    id,
    title,
    body,
    url,
    source: clean(fields.source),
    published: normalisePublished(fields.published),
    contentHash,
  };
}
