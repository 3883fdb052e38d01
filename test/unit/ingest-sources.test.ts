/**
 * The ingest sources over the fixtures in test/fixtures/ingest: every format, the item
 * errors (naming file, file:line or feed item, and the reason), the size limit and the
 * folder globs. No server.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planInputs, type SelectOptions } from '../../ingest/sources/inputs.ts';
import { DEFAULT_SOURCE_OPTIONS, type SourceItem, type SourceOptions } from '../../ingest/sources/item.ts';
import { readInputs } from '../../ingest/sources/read.ts';
import { formatOfContentType, formatOfPath, sniffFormat } from '../../ingest/sources/formats.ts';
import { parseHtmlArticle } from '../../ingest/sources/html.ts';
import { htmlFragmentText } from '../../ingest/sources/htmlText.ts';
import { parseJsonlRecord } from '../../ingest/sources/jsonl.ts';
import { splitLines } from '../../ingest/sources/lines.ts';
import { tempDir } from '../support/tempDir.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const fixture = (name: string): string => join(FIXTURES, name);

async function readAll(names: string[], select: SelectOptions = {}, opts: SourceOptions = DEFAULT_SOURCE_OPTIONS): Promise<SourceItem[]> {
  const plan = await planInputs(names, select);
  const items: SourceItem[] = [...plan.errors];
  for await (const item of readInputs(plan.inputs, opts)) items.push(item);
  return items;
}

const articles = (items: SourceItem[]) => items.flatMap((i) => (i.kind === 'article' ? [i] : []));
const errors = (items: SourceItem[]) => items.flatMap((i) => (i.kind === 'error' ? [i] : []));
const rel = (origin: string): string => origin.replace(FIXTURES, '');

describe('a folder of every format', () => {
  it('reads each article once and names each bad item with its reason', async () => {
    const items = await readAll([FIXTURES], { exclude: ['skip/**'] });
    expect(articles(items).map((a) => a.article.title)).toEqual([
      'Ruritania joins the ITU',
      'Text field',
      'Last one',
      'Sylvania restricts Acme Networks',
      'Freedonia hosts a summit',
      'Summary only',
      'The European Commission adopted the Digital Services Act after long talks in Brussels.',
      'Freedonia and Sylvania sign a data pact',
      'Ruritania opens a data centre',
    ]);
    expect(errors(items).map((e) => `${rel(e.origin)}: ${e.reason}`)).toEqual([
      'bad/binary.txt: looks binary (contains NUL bytes), expected text',
      'bad/empty.txt: is empty',
      'bad/latin1.txt: is not valid UTF-8 text',
      expect.stringMatching(/^data\/items\.jsonl:3: malformed JSON/),
      'data/items.jsonl:5: has no "body" or "text" string',
      'feeds/news.rss#item-2 ("An item with no text"): feed item has no text (no content, description or summary)',
      'pages/empty.html: HTML has no article text',
    ]);
  });

  it('counts every input byte exactly once across items', async () => {
    const plan = await planInputs([FIXTURES]);
    let bytes = 0;
    for await (const item of readInputs(plan.inputs, DEFAULT_SOURCE_OPTIONS)) bytes += item.bytes;
    expect(bytes).toBe(plan.totalBytes);
  });

  it('takes only files matching --include, in any extension', async () => {
    const items = await readAll([FIXTURES], { include: ['*.log', 'one.txt'] });
    expect(articles(items).map((a) => a.article.url)).toEqual(['https://fixtures.example/news/data-pact', 'https://fixtures.example/log']);
  });

  it('skips folders matching --exclude', async () => {
    const all = await readAll([FIXTURES]);
    expect(articles(all).some((a) => a.article.url === 'https://fixtures.example/ignored')).toBe(true);
    const some = await readAll([FIXTURES], { exclude: ['skip', 'bad/**', '*.jsonl'] });
    expect(articles(some).some((a) => a.article.url === 'https://fixtures.example/ignored')).toBe(false);
    expect(some.some((i) => i.origin.includes('/bad/') || i.origin.includes('.jsonl'))).toBe(false);
  });

  it('reports a missing path and goes on', async () => {
    const items = await readAll([fixture('nope.txt'), fixture('one.txt')]);
    expect(errors(items).map((e) => e.reason)).toEqual(['no such file or folder']);
    expect(articles(items)).toHaveLength(1);
  });

  it('rejects an item over --max-bytes, naming the limit', async () => {
    const items = await readAll([fixture('one.txt'), fixture('data/items.jsonl')], {}, { ...DEFAULT_SOURCE_OPTIONS, maxBytes: 150 });
    expect(errors(items).map((e) => `${rel(e.origin)}: ${e.reason}`)).toEqual([
      expect.stringMatching(/^one\.txt: is \d+ bytes, over the 150-byte limit/),
      expect.stringMatching(/^data\/items\.jsonl:1: is 2\d\d bytes, over the 150-byte limit/),
      expect.stringMatching(/^data\/items\.jsonl:2: is 1\d\d bytes, over the 150-byte limit/),
      expect.stringMatching(/^data\/items\.jsonl:3: malformed JSON/),
      'data/items.jsonl:5: has no "body" or "text" string',
    ]);
  });
});

describe('each format', () => {
  it('text: header lines give title, url, source and date', async () => {
    const [item] = articles(await readAll([fixture('one.txt')]));
    expect(item?.article).toMatchObject({
      title: 'Freedonia and Sylvania sign a data pact',
      url: 'https://fixtures.example/news/data-pact',
      source: 'Fixture Wire',
      published: '2024-03-05',
    });
    expect(item?.article.body.startsWith('Freedonia and Sylvania signed')).toBe(true);
  });

  it('JSONL: body or text, and the id comes from the url', async () => {
    const items = articles(await readAll([fixture('data/items.jsonl')]));
    expect(items.map((i) => rel(i.origin))).toEqual(['data/items.jsonl:1', 'data/items.jsonl:2', 'data/items.jsonl:6']);
    expect(items[1]?.article.body).toBe('The United Nations held a meeting on artificial intelligence in New York.');
    expect(items[0]?.article.id).toMatch(/^url-/);
    expect(items[2]?.article.id).toMatch(/^sha-/);
    expect(() => parseJsonlRecord('[1, 2]')).toThrow('is not a JSON object');
    expect(() => parseJsonlRecord('{"body": "   "}')).toThrow('has an empty body');
  });

  it('HTML: main text without navigation; title, date, site and canonical url from meta tags', async () => {
    const [item] = articles(await readAll([fixture('pages/page.html')]));
    expect(item?.article).toMatchObject({
      title: 'Ruritania opens a data centre',
      url: 'https://fixtures.example/html/data-centre',
      source: 'Fixture Times',
      published: '2024-02-10',
    });
    expect(item?.article.body).toContain('Ruritania opened a national data centre in its capital on Saturday, officials said.\n\nTencent will supply');
    expect(item?.article.body).not.toMatch(/Home|Copyright/);
  });

  it('HTML: a relative canonical link resolves against the page URL', () => {
    const a = parseHtmlArticle('<html><head><link rel="canonical" href="/a/b"></head><body><p>Some text about ICANN.</p></body></html>', 'https://site.example/x?y=1');
    expect(a.url).toBe('https://site.example/a/b');
  });

  it('RSS: content:encoded preferred, link and pubDate kept', async () => {
    const [item] = articles(await readAll([fixture('feeds/news.rss')]));
    expect(item?.article).toMatchObject({ url: 'https://fixtures.example/rss/1', published: '2024-03-05', source: 'Fixture Feed' });
    expect(item?.article.body).toBe('Sylvania banned Acme Networks from its 5G networks on Tuesday.\n\nThe decision follows a review of cybersecurity risks.');
  });

  it('Atom: HTML content, rel=alternate link, published or updated', async () => {
    const items = articles(await readAll([fixture('feeds/updates.atom')]));
    expect(items.map((i) => [i.article.url, i.article.published, i.article.body])).toEqual([
      ['https://fixtures.example/atom/1', '2024-03-06', 'Freedonia hosted the World Internet Conference 2024 in Wuzhen.'],
      ['https://fixtures.example/atom/2', '2024-03-07', 'ICANN published a report on internet governance.'],
    ]);
  });

  it('feeds: malformed XML and other XML are one error each', async () => {
    const dir = tempDir('feed');
    writeFileSync(join(dir, 'broken.rss'), '<rss><channel><item><title>x</title></channel></rss>');
    writeFileSync(join(dir, 'other.xml'), '<?xml version="1.0"?><catalog><book/></catalog>');
    const items = await readAll([dir]);
    expect(errors(items).map((e) => e.reason)).toEqual([
      expect.stringMatching(/^is not well-formed XML \(line 1: /),
      'is not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)',
    ]);
  });

  it('a file with an unknown extension given by name is sniffed', async () => {
    const dir = tempDir('sniff');
    writeFileSync(join(dir, 'page.dat'), '<!doctype html><html><body><p>Reuters reported on the summit in Geneva.</p></body></html>');
    const [item] = articles(await readAll([join(dir, 'page.dat')]));
    expect(item?.article.body).toBe('Reuters reported on the summit in Geneva.');
  });
});

describe('helpers', () => {
  it('formats by extension, content type and first bytes', () => {
    expect(['a.md', 'b.JSONL', 'c.htm', 'd.atom', 'e.pdf'].map(formatOfPath)).toEqual(['text', 'jsonl', 'html', 'feed', null]);
    expect(formatOfContentType('text/html; charset=utf-8')).toBe('html');
    expect(formatOfContentType('application/rss+xml')).toBe('feed');
    expect(formatOfContentType('application/octet-stream')).toBeNull();
    expect(sniffFormat('<?xml version="1.0"?>\n<!-- c -->\n<feed xmlns="x">')).toBe('feed');
    expect(sniffFormat('  <!DOCTYPE html><html>')).toBe('html');
    expect(sniffFormat('{"title": 1}')).toBe('jsonl');
    expect(sniffFormat('# Title\n\nbody')).toBe('text');
  });

  it('HTML fragments become paragraphs; plain text is kept', () => {
    expect(htmlFragmentText('<p>One <b>two</b></p><p>Three&nbsp;four<br>five</p><script>x()</script>')).toBe('One two\n\nThree four\nfive');
    expect(htmlFragmentText('AT&amp;T and 5 &lt; 6')).toBe('AT&T and 5 < 6');
    expect(htmlFragmentText('plain  words\n\nnext')).toBe('plain words\n\nnext');
  });

  it('splits lines across chunks, drops \\r, and does not keep an over-long line', async () => {
    async function* chunks(): AsyncGenerator<Buffer> {
      yield Buffer.from('ab');
      yield Buffer.from('c\r\nxxxxxxxxxx');
      yield Buffer.from('xx\nlast');
    }
    const lines = [];
    for await (const line of splitLines(chunks(), 5)) lines.push({ n: line.number, text: line.bytes?.toString() ?? null, size: line.size, consumed: line.consumed });
    expect(lines).toEqual([
      { n: 1, text: 'abc', size: 3, consumed: 5 },
      { n: 2, text: null, size: 12, consumed: 13 },
      { n: 3, text: 'last', size: 4, consumed: 4 },
    ]);
  });
});
