/**
 * Reads one article file into an Article, or says clearly why it cannot: empty, binary,
 * not valid UTF-8, or over the size limit. I/O: reads the file.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Article } from '../../src/model.ts';
import { InputError } from './files.ts';
import { parseTextArticle } from './textFile.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Decodes bytes as UTF-8, rejecting binary content and invalid sequences. */
export function decodeText(bytes: Uint8Array, input: string): string {
  if (bytes.includes(0)) throw new InputError(input, 'looks binary (contains NUL bytes), expected a text article');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(input, 'is not valid UTF-8 text');
  }
}

/** Reads and parses a text or Markdown article file. */
export function readArticleFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Article {
  const size = statSync(path).size;
  if (size > maxBytes) throw new InputError(path, `is ${size} bytes, over the ${maxBytes}-byte limit`);
  const text = decodeText(readFileSync(path), path);
  const article = parseTextArticle(text);
  if (article.body.trim().length === 0) throw new InputError(path, 'has no article text');
  return article;
}
