/**
 * What every source yields: an Article with where it came from, or an item error naming the
 * file, file:line or URL and the reason. `bytes` is how much of the input the item used up,
 * so progress can be measured against the inputs' total size. Pure types and constructors.
 */
import type { Article } from '../../src/model.ts';

/** An article read from a source. */
export interface ArticleItem {
  kind: 'article';
  article: Article;
  /** `file`, `file:line`, `file#item` or the URL it came from. */
  origin: string;
  bytes: number;
}

/** An item that could not be read, and why. */
export interface ErrorItem {
  kind: 'error';
  origin: string;
  reason: string;
  bytes: number;
}

export type SourceItem = ArticleItem | ErrorItem;

/** Limits shared by every source. */
export interface SourceOptions {
  /** Largest file, JSONL line or HTTP response read, in bytes. */
  maxBytes: number;
  /** Time allowed for one HTTP request, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_SOURCE_OPTIONS: SourceOptions = { maxBytes: 5 * 1024 * 1024, timeoutMs: 30_000 };

/** An ArticleItem. */
export function articleItem(article: Article, origin: string, bytes: number): ArticleItem {
  return { kind: 'article', article, origin, bytes };
}

/** An ErrorItem. */
export function errorItem(origin: string, reason: string, bytes = 0): ErrorItem {
  return { kind: 'error', origin, reason, bytes };
}

/** An ErrorItem from a thrown value (its message is the reason). */
export function errorItemFrom(origin: string, err: unknown, bytes = 0): ErrorItem {
  return errorItem(origin, err instanceof Error ? err.message : String(err), bytes);
}
