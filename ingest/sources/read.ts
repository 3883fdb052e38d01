/**
 * The dispatcher: reads planned inputs one after another through the source for each one's
 * format (sniffing a file whose extension names none), as one stream of items. Only one
 * input is open at a time, so memory stays bounded by the largest item.
 */
import { open } from 'node:fs/promises';
import { feedSource } from './feed.ts';
import { sniffFormat, type Format } from './formats.ts';
import { htmlSource } from './html.ts';
import type { Input } from './inputs.ts';
import { errorItemFrom, type SourceItem, type SourceOptions } from './item.ts';
import { jsonlSource } from './jsonl.ts';
import { textSource } from './text.ts';
import { urlSource } from './url.ts';

const SOURCES: Readonly<Record<Format, (file: string, opts: SourceOptions) => AsyncGenerator<SourceItem>>> = {
  text: textSource,
  jsonl: jsonlSource,
  html: htmlSource,
  feed: feedSource,
};

/** The format of a file from its first bytes. */
async function sniffFile(path: string): Promise<Format> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    return sniffFormat(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

/** Yields the items of one input. */
export async function* readInput(input: Input, opts: SourceOptions): AsyncGenerator<SourceItem> {
  if (input.kind === 'url') {
    yield* urlSource(input.url, opts);
    return;
  }
  let format = input.format;
  if (format === null) {
    try {
      format = await sniffFile(input.path);
    } catch (err) {
      yield errorItemFrom(input.path, err, input.size);
      return;
    }
  }
  yield* SOURCES[format](input.path, opts);
}

/** Yields the items of every input, in order. */
export async function* readInputs(inputs: Iterable<Input>, opts: SourceOptions): AsyncGenerator<SourceItem> {
  for (const input of inputs) yield* readInput(input, opts);
}
