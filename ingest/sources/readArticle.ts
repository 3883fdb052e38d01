/**
 * Reads one article file into an Article synchronously, or says clearly why it cannot:
 * empty, binary, not valid UTF-8, or over the size limit. Used by `govgraph extract`; the
 * ingest pipeline reads through the streaming sources instead. I/O: reads the file.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Article } from '../../src/model.ts';
import { checkSize, decodeUtf8, requireText } from './checks.ts';
import { InputError } from './files.ts';
import { DEFAULT_SOURCE_OPTIONS } from './item.ts';
import { parseTextArticle } from './textFile.ts';

export const DEFAULT_MAX_BYTES = DEFAULT_SOURCE_OPTIONS.maxBytes;

/** Runs `fn`, turning an item error into an InputError naming `input`. */
function naming<T>(input: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new InputError(input, (err as Error).message);
  }
}

/** Decodes bytes as UTF-8, rejecting empty, binary content and invalid sequences. */
export function decodeText(bytes: Uint8Array, input: string): string {
  return naming(input, () => decodeUtf8(bytes));
}

/** Reads and parses a text or Markdown article file. */
export function readArticleFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Article {
  return naming(path, () => {
    checkSize(statSync(path).size, maxBytes);
    return requireText(parseTextArticle(decodeUtf8(readFileSync(path))));
  });
}
