/**
 * The JSONL source: one article per line, `{"title", "body" | "text", "url", "published",
 * "source"}`. Streams the file line by line, so memory stays bounded whatever its size; a
 * bad line is an ErrorItem naming `file:line`, and the lines after it are still read.
 */
import { createReadStream } from 'node:fs';
import type { Article } from '../../src/model.ts';
import { makeArticle } from '../article.ts';
import { ItemError, checkSize, decodeUtf8, requireText } from './checks.ts';
import { articleItem, errorItemFrom, type SourceItem, type SourceOptions } from './item.ts';
import { splitLines } from './lines.ts';

function field(record: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
  }
  return null;
}

/** Parses one JSONL record's text into an Article; throws an ItemError saying why not. */
export function parseJsonlRecord(text: string): Article {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ItemError(`malformed JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ItemError('is not a JSON object');
  const record = value as Record<string, unknown>;
  const body = field(record, 'body', 'text', 'content');
  if (body === null) throw new ItemError('has no "body" or "text" string');
  return requireText(
    makeArticle({
      title: field(record, 'title', 'headline'),
      body,
      url: field(record, 'url', 'link'),
      source: field(record, 'source', 'publisher'),
      published: field(record, 'published', 'date', 'published_at'),
    }),
    'has an empty body',
  );
}

/** Yields the article (or the error) of each non-blank line of a JSONL file. */
export async function* jsonlSource(file: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  let stream;
  try {
    stream = createReadStream(file, { highWaterMark: 256 * 1024 });
    let carried = 0; // bytes of blank lines, counted with the next item
    for await (const line of splitLines(stream, opts.maxBytes)) {
      const origin = `${file}:${line.number}`;
      const bytes = line.consumed + carried;
      carried = 0;
      try {
        checkSize(line.size, opts.maxBytes);
        if (line.bytes === null) throw new ItemError('line is over the size limit');
        if (line.bytes.toString('latin1').trim() === '') {
          carried = bytes;
          continue;
        }
        yield articleItem(parseJsonlRecord(decodeUtf8(line.bytes)), origin, bytes);
      } catch (err) {
        yield errorItemFrom(origin, err, bytes);
      }
    }
  } catch (err) {
    yield errorItemFrom(file, err);
  } finally {
    stream?.destroy();
  }
}
