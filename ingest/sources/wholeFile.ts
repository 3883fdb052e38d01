/**
 * Reads a file that is one document (text, HTML page, feed) under the size limit and hands
 * its text to a parser; any failure becomes one ErrorItem naming the file. I/O: one read.
 */
import { readFile, stat } from 'node:fs/promises';
import { checkSize, decodeUtf8 } from './checks.ts';
import { errorItemFrom, type SourceItem, type SourceOptions } from './item.ts';

/** Parses a document's text into items; `bytes` is the document's size. */
export type DocumentParser = (text: string, origin: string, bytes: number) => Iterable<SourceItem>;

/** Reads `file` whole (at most opts.maxBytes) and yields what `parse` makes of it. */
export async function* wholeFileSource(file: string, opts: SourceOptions, parse: DocumentParser): AsyncGenerator<SourceItem> {
  let size = 0;
  let items: SourceItem[];
  try {
    size = (await stat(file)).size;
    checkSize(size, opts.maxBytes);
    items = [...parse(decodeUtf8(await readFile(file)), file, size)];
  } catch (err) {
    yield errorItemFrom(file, err, size);
    return;
  }
  yield* items;
}
