/** The text and Markdown source: one file, one article (see textFile.ts for the format). */
import { requireText } from './checks.ts';
import { articleItem, type SourceItem, type SourceOptions } from './item.ts';
import { parseTextArticle } from './textFile.ts';
import { wholeFileSource, type DocumentParser } from './wholeFile.ts';

/** Parses a text document into its one article item. */
export const parseTextDocument: DocumentParser = (text, origin, bytes) => [articleItem(requireText(parseTextArticle(text)), origin, bytes)];

/** Yields the article of a text or Markdown file, or the reason it cannot be read. */
export function textSource(file: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  return wholeFileSource(file, opts, parseTextDocument);
}
