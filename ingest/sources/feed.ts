/**
 * The feed source: RSS 2.0, RSS 1.0 (RDF) and Atom files (or responses), one article per
 * item. The item's full content (content:encoded, Atom content) is preferred over its
 * summary; HTML in it is reduced to paragraphs. An item without text is an ErrorItem
 * naming the feed and the item; a file that is not a well-formed feed is one ErrorItem.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { makeArticle } from '../article.ts';
import { ItemError, requireText } from './checks.ts';
import { htmlFragmentText } from './htmlText.ts';
import { articleItem, errorItemFrom, type SourceItem, type SourceOptions } from './item.ts';
import { wholeFileSource, type DocumentParser } from './wholeFile.ts';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** The text of an element that may be a string, a number, or an object with #text. */
function text(value: unknown): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') return text((value as Node)['#text']);
  return null;
}

/** An item's link: RSS `<link>text</link>`, or Atom's rel="alternate" (or first) href. */
function link(value: unknown): string | null {
  const links = Array.isArray(value) ? (value as unknown[]) : value == null ? [] : [value];
  const hrefOf = (l: unknown): string | null => (typeof l === 'object' && l !== null ? text((l as Node)['@_href']) ?? text(l) : text(l));
  const alternate = links.find((l) => typeof l === 'object' && l !== null && ((l as Node)['@_rel'] ?? 'alternate') === 'alternate');
  return hrefOf(alternate ?? links[0]);
}

interface FeedShape {
  title: string | null;
  items: Node[];
}

function feedShape(doc: Node): FeedShape {
  const rss = doc['rss'] as Node | undefined;
  if (rss) {
    const channel = (rss['channel'] ?? {}) as Node;
    return { title: text(channel['title']), items: (channel['item'] as Node[] | undefined) ?? [] };
  }
  const rdf = doc['RDF'] as Node | undefined;
  if (rdf) return { title: text((rdf['channel'] as Node | undefined)?.['title']), items: (rdf['item'] as Node[] | undefined) ?? [] };
  const atom = doc['feed'] as Node | undefined;
  if (atom) return { title: text(atom['title']), items: (atom['entry'] as Node[] | undefined) ?? [] };
  throw new ItemError('is not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)');
}

function itemBody(item: Node): string {
  for (const key of ['encoded', 'content', 'description', 'summary']) {
    const value = text(item[key]);
    if (value && value.trim()) return htmlFragmentText(value);
  }
  return '';
}

/** Parses a feed document into one item per entry; `origin` names the feed in errors. */
export const parseFeedDocument: DocumentParser = (xml, origin, bytes) => {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ItemError(`is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const feed = feedShape(parser.parse(xml) as Node);
  if (feed.items.length === 0) throw new ItemError('is a feed with no items');
  const share = Math.floor(bytes / feed.items.length);
  return feed.items.map((item, i): SourceItem => {
    const itemBytes = i === feed.items.length - 1 ? bytes - share * i : share;
    const title = text(item['title']);
    const where = `${origin}#item-${i + 1}${title ? ` ("${title.slice(0, 60)}")` : ''}`;
    try {
      const article = makeArticle({
        title: title ? htmlFragmentText(title) : null,
        body: itemBody(item),
        url: link(item['link']) ?? text(item['@_about']),
        source: text(item['source']) ?? feed.title,
        published: text(item['pubDate']) ?? text(item['published']) ?? text(item['date']) ?? text(item['updated']),
      });
      return articleItem(requireText(article, 'feed item has no text (no content, description or summary)'), where, itemBytes);
    } catch (err) {
      return errorItemFrom(where, err, itemBytes);
    }
  });
};

/** Yields the articles of an RSS or Atom feed file. */
export function feedSource(file: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  return wholeFileSource(file, opts, parseFeedDocument);
}
