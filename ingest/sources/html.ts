/**
 * The HTML source: a saved page becomes one article. The main text comes from Mozilla's
 * Readability over a linkedom DOM (falling back to the page body without navigation when
 * Readability finds no article); title, date, canonical URL and site name come from meta
 * tags. A page with no text is an ErrorItem naming the file or URL.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../../src/model.ts';
import { makeArticle } from '../article.ts';
import { requireText } from './checks.ts';
import { blockText, type TextNodeLike } from './htmlText.ts';
import { articleItem, type SourceItem, type SourceOptions } from './item.ts';
import { wholeFileSource, type DocumentParser } from './wholeFile.ts';

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

const TITLE_META = ['og:title', 'twitter:title', 'dc.title', 'title', 'headline'];
const DATE_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate',
  'publish-date', 'dc.date.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'sailthru.date',
  'parsely-pub-date', 'article.published', 'published_time',
];
const SITE_META = ['og:site_name', 'application-name', 'publisher', 'dc.publisher'];

/** Meta tag contents by lower-case name or property (first one wins). */
function metaTags(document: HtmlDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    const content = meta.getAttribute('content')?.trim();
    if (key && content && !out.has(key)) out.set(key, content);
  }
  return out;
}

function first(meta: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
}

/** The absolute http(s) form of `href` against `base`, or null. */
function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The page text when Readability finds no article: the body without navigation and chrome. */
function bodyText(document: HtmlDocument): string {
  for (const el of document.querySelectorAll('nav, header, footer, aside, form, [role=navigation]')) el.remove();
  return document.body ? blockText(document.body as unknown as TextNodeLike) : '';
}

/** Parses an HTML page into an Article; `pageUrl` is where it was fetched from, if anywhere. */
export function parseHtmlArticle(html: string, pageUrl: string | null = null, fallbackSource: string | null = null): Article {
  const { document } = parseHTML(html);
  const meta = metaTags(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const url = absoluteUrl(canonical, pageUrl) ?? absoluteUrl(meta.get('og:url'), pageUrl) ?? pageUrl;
  const timeEl = document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const docTitle = document.querySelector('title')?.textContent?.trim() ?? null;
  let parsed: { title?: string | null; content?: unknown; siteName?: string | null; publishedTime?: string | null } | null = null;
  try {
    parsed = new Readability(document as unknown as Document, { serializer: (el: unknown) => el, charThreshold: 200 }).parse();
  } catch {
    parsed = null; // Readability gave up on this page; the body text is used instead
  }
  let body = parsed?.content ? blockText(parsed.content as TextNodeLike) : '';
  if (body.trim().length === 0) body = bodyText(parseHTML(html).document);
  return requireText(
    makeArticle({
      title: first(meta, TITLE_META) ?? parsed?.title ?? docTitle,
      body,
      url,
      source: first(meta, SITE_META) ?? parsed?.siteName ?? fallbackSource,
      published: first(meta, DATE_META) ?? parsed?.publishedTime ?? timeEl,
    }),
    'HTML has no article text',
  );
}

/** Parses an HTML document into its one article item. */
export const parseHtmlDocument: DocumentParser = (text, origin, bytes) => [articleItem(parseHtmlArticle(text), origin, bytes)];

/** Yields the article of a saved HTML page, or the reason it has none. */
export function htmlSource(file: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  return wholeFileSource(file, opts, parseHtmlDocument);
}
