/**
 * The checks every item passes before it becomes an Article: size, binary content, UTF-8,
 * and some text. Each failure is an ItemError whose message is the reason alone; the source
 * adds the file, line or URL. Pure.
 */
import type { Article } from '../../src/model.ts';

/** Why one item could not be read (the message is the reason, without the origin). */
export class ItemError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ItemError';
  }
}

/** Throws when `size` bytes is over the `maxBytes` limit. */
export function checkSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new ItemError(`is ${size} bytes, over the ${maxBytes}-byte limit (--max-bytes)`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 text, rejecting empty, binary and invalid input. */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ItemError('is empty');
  if (bytes.includes(0)) throw new ItemError('looks binary (contains NUL bytes), expected text');
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ItemError('is not valid UTF-8 text');
  }
}

/** Returns the article, or throws when its body has no text. */
export function requireText(article: Article, what = 'has no article text'): Article {
  if (article.body.trim().length === 0) throw new ItemError(what);
  return article;
}
