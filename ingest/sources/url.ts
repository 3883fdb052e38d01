/**
 * The URL source: fetches an http(s) page or feed (with a timeout and the size limit) and
 * reads it by its Content-Type, or by sniffing when the type says nothing useful. Failures
 * (unreachable host, HTTP error status, too large, no text) are one ErrorItem naming the URL.
 */
import { makeArticle } from '../article.ts';
import { parseTextArticle } from './textFile.ts';
import { ItemError, checkSize, requireText } from './checks.ts';
import { parseFeedDocument } from './feed.ts';
import { formatOfContentType, sniffFormat, type Format } from './formats.ts';
import { parseHtmlArticle } from './html.ts';
import { articleItem, errorItemFrom, type SourceItem, type SourceOptions } from './item.ts';
import { parseJsonlRecord } from './jsonl.ts';

/** True when `input` is an http or https URL. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Reads a response body, failing as soon as it passes `maxBytes`. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared)) checkSize(declared, maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        checkSize(size, maxBytes);
      }
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks, size);
}

/** Decodes a response body in the charset its Content-Type names (UTF-8 by default). */
function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  if (bytes.length === 0) throw new ItemError('returned an empty body');
  const charset = /charset="?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new ItemError(`uses an unknown charset "${charset}"`);
  }
  if (decoder.encoding === 'utf-8' && bytes.includes(0)) throw new ItemError('looks binary (contains NUL bytes), expected text');
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ItemError(`is not valid ${decoder.encoding} text`);
  }
}

function cause(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timed out';
  const detail = e.cause?.code ?? e.cause?.message;
  return `unreachable (${detail ?? e.message ?? String(err)})`;
}

/** Makes the items of a fetched document of format `format`. */
function parseFetched(format: Format, body: string, url: string, bytes: number): SourceItem[] {
  const host = new URL(url).hostname;
  if (format === 'feed') return [...parseFeedDocument(body, url, bytes)];
  if (format === 'html') return [articleItem(parseHtmlArticle(body, url, host), url, bytes)];
  if (format === 'jsonl') {
    return body.split('\n').flatMap((line, i): SourceItem[] => {
      if (!line.trim()) return [];
      try {
        return [articleItem(parseJsonlRecord(line), `${url}:${i + 1}`, line.length + 1)];
      } catch (err) {
        return [errorItemFrom(`${url}:${i + 1}`, err, line.length + 1)];
      }
    });
  }
  const parsed = requireText(parseTextArticle(body));
  // A text document that names no url of its own is identified by the URL it came from.
  const article = parsed.url ? parsed : makeArticle({ ...parsed, url, source: parsed.source ?? host });
  return [articleItem(article, url, bytes)];
}

/** Yields the article(s) at an http(s) URL: a page, a feed, a JSONL or text document. */
export async function* urlSource(url: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  let items: SourceItem[];
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(opts.timeoutMs),
        headers: { 'user-agent': 'govgraph-ingest', accept: 'text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5' },
        redirect: 'follow',
      });
    } catch (err) {
      throw new ItemError(cause(err));
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new ItemError(`returned HTTP ${response.status} ${response.statusText}`.trim());
    }
    const contentType = response.headers.get('content-type');
    const bytes = await readBody(response, opts.maxBytes);
    const body = decodeBody(bytes, contentType);
    items = parseFetched(formatOfContentType(contentType) ?? sniffFormat(body), body, response.url || url, bytes.length);
  } catch (err) {
    yield errorItemFrom(url, err);
    return;
  }
  yield* items;
}
