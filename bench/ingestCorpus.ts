/**
 * Generates a corpus of fictional but realistic internet-governance news for the ingest
 * benchmark: sentences from templates filled from gazetteers (the extractor's own known
 * entities, world-countries, faker's person names), written as a mix of the formats ingest
 * reads: JSONL files, text files, HTML pages and RSS/Atom feeds. Seeded, so the same
 * arguments write the same corpus. No text is copied from anywhere.
 *
 *   node bin/run-ts.js bench/ingestCorpus.ts DIR [--articles 10000] [--seed 7]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Faker, en } from '@faker-js/faker';
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import known from '../src/extract/data/known-entities.json' with { type: 'json' };
import { TOPICS } from '../src/model.ts';

interface Named {
  name: string;
}
interface CountryName {
  name: string;
  demonym: string;
  capital: string;
}

const COUNTRIES: CountryName[] = (createRequire(import.meta.url)('world-countries/countries.json') as Country[])
  .filter((c) => c.independent && c.unMember && c.capital[0] && c.demonyms?.['eng']?.m)
  .map((c) => ({ name: c.name.common, demonym: c.demonyms['eng']?.m ?? '', capital: c.capital[0] ?? '' }));
const pick = <T extends Named>(key: keyof typeof known): T[] => (known[key] as unknown as T[]).filter((e) => typeof e === 'object');
const COMPANIES = pick<Named>('Company');
const ORGS = pick<Named>('Organization');
const BODIES = pick<Named>('GovernmentBody');
const MEDIA = pick<Named>('MediaOutlet');
const EVENTS = pick<Named>('Event');
const POLICIES = pick<Named>('Policy');
const PLACES = pick<Named>('Place');
const ROLES = ['chief executive', 'CEO', 'president', 'chairman', 'secretary general', 'director general', 'minister', 'spokesperson', 'chief technology officer'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const DEVICES = ['undersea cables', 'data centres', '5G networks', 'satellite links', 'cloud platforms', 'payment systems', 'AI models', 'chip factories'];

/** A small deterministic source of choices. */
class Dice {
  readonly faker: Faker;
  constructor(seed: number) {
    this.faker = new Faker({ locale: [en] });
    this.faker.seed(seed);
  }
  of<T>(xs: readonly T[]): T {
    return xs[this.faker.number.int({ min: 0, max: xs.length - 1 })] as T;
  }
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }
  person(): string {
    return `${this.faker.person.firstName()} ${this.faker.person.lastName()}`;
  }
}

/** The cast of one article: who and what it is about. */
interface Cast {
  c1: CountryName;
  c2: CountryName;
  company: string;
  org: string;
  body: string;
  media: string;
  event: string;
  policy: string;
  place: string;
  person: string;
  person2: string;
  role: string;
  topic: string;
  topic2: string;
  year: number;
  day: string;
  device: string;
}

type Template = (c: Cast) => string;

const LEADS: Template[] = [
  (c) => `${c.c1.name} and ${c.c2.name} signed a memorandum on ${c.topic} cooperation in ${c.c1.capital} on ${c.day}.`,
  (c) => `The ${c.body} adopted the ${c.policy} on ${c.day}, setting new rules on ${c.topic} for companies operating in ${c.c1.name}.`,
  (c) => `${c.c1.name} imposed sanctions on ${c.company} on ${c.day}, citing risks to ${c.topic} and national security.`,
  (c) => `Delegates from more than ${40 + c.year % 60} countries gathered in ${c.place} for the ${c.event} ${c.year}, which focused on ${c.topic}.`,
  (c) => `${c.company} announced a partnership with ${c.org} to expand ${c.device} across ${c.c2.name}, ${c.media} reported on ${c.day}.`,
  (c) => `${c.c2.name} joined the ${c.org} on ${c.day}, becoming its newest member after years of talks on ${c.topic}.`,
];

const BODY: Template[] = [
  (c) => `${c.person}, the ${c.role} of ${c.company}, said the agreement would help ${c.c2.demonym} firms compete in ${c.topic2}.`,
  (c) => `${c.c1.demonym} officials said the ${c.policy} would take effect next year.`,
  (c) => `The ${c.c1.demonym} government has promoted ${c.device} as part of its strategy on ${c.topic2}.`,
  (c) => `${c.company} will help build ${c.device} in ${c.c2.capital}, while local regulators keep control of customer data.`,
  (c) => `According to ${c.media}, the ${c.body} will publish detailed guidance on ${c.topic} before the end of ${c.year}.`,
  (c) => `${c.person2}, ${c.role} at the ${c.org}, told reporters that ${c.c1.name} and ${c.c2.name} had agreed to share research on ${c.topic2}.`,
  (c) => `Critics warned that the rules could restrict ${c.topic} and raise costs for smaller companies in ${c.c2.name}.`,
  (c) => `The ${c.event} ${c.year} is hosted by ${c.c1.name} and takes place in ${c.place}.`,
  (c) => `${c.c1.name} has also restricted exports of equipment to ${c.company}, according to ${c.media}.`,
  (c) => `Analysts said the move reflects a wider contest over ${c.topic} between ${c.c1.name} and ${c.c2.name}.`,
  (c) => `${c.org} said ${c.c2.name} would present its own plan for ${c.topic2} at the ${c.event} ${c.year}.`,
  (c) => `Russian, Chinese and ${c.c2.demonym} delegations attended the talks, which lasted ${2 + c.year % 3} days.`,
  (c) => `${c.person} spoke at the ${c.event} ${c.year} in ${c.place} about ${c.topic}.`,
  (c) => `The ${c.body} said it had opened an inquiry into how ${c.company} handles ${c.topic2}.`,
  (c) => `Ministers from ${c.c1.name} and ${c.c2.name} are expected to meet again in ${c.c2.capital} in the spring.`,
];

const TITLES: Template[] = [
  (c) => `${c.c1.name} and ${c.c2.name} deepen ${c.topic} ties`,
  (c) => `${c.body} moves on ${c.topic}`,
  (c) => `${c.company} faces new scrutiny over ${c.topic2}`,
  (c) => `${c.event} ${c.year} opens in ${c.place}`,
  (c) => `${c.org} welcomes ${c.c2.name}`,
];

/** One generated article. */
export interface GeneratedArticle {
  title: string;
  body: string;
  url: string;
  source: string;
  published: string;
}

/** Writes article number `n` (deterministic in `n` and `seed`). */
export function generateArticle(n: number, seed = 7): GeneratedArticle {
  const d = new Dice(seed * 1_000_003 + n);
  let c2 = d.of(COUNTRIES);
  const c1 = d.of(COUNTRIES);
  while (c2.name === c1.name) c2 = d.of(COUNTRIES);
  const cast: Cast = {
    c1,
    c2,
    company: d.of(COMPANIES).name,
    org: d.of(ORGS).name,
    body: d.of(BODIES).name,
    media: d.of(MEDIA).name,
    event: d.of(EVENTS).name,
    policy: d.of(POLICIES).name,
    place: d.of(PLACES).name,
    person: d.person(),
    person2: d.person(),
    role: d.of(ROLES),
    topic: d.of(TOPICS),
    topic2: d.of(TOPICS),
    year: d.int(2018, 2025),
    day: d.of(WEEKDAYS),
    device: d.of(DEVICES),
  };
  const paragraphs = [d.of(LEADS)(cast)];
  const body = d.faker.helpers.shuffle([...BODY]); // each sentence at most once per article
  const count = d.int(4, 7);
  for (let i = 0; i < count && body.length > 0; i++) {
    paragraphs.push(body.splice(0, d.int(1, 2)).map((t) => t(cast)).join(' '));
  }
  const month = String(d.int(1, 12)).padStart(2, '0');
  const dom = String(d.int(1, 28)).padStart(2, '0');
  return {
    title: d.of(TITLES)(cast),
    body: paragraphs.join('\n\n'),
    url: `https://news.bench.example/${cast.year}/${month}/story-${seed}-${n}`,
    source: `${cast.media}`,
    published: `${cast.year}-${month}-${dom}`,
  };
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paras = (body: string): string => body.split('\n\n').map((p) => `<p>${escapeXml(p)}</p>`).join('\n');

function asText(a: GeneratedArticle): string {
  return `# ${a.title}\nsource: ${a.source}\nurl: ${a.url}\npublished: ${a.published}\n\n${a.body}\n`;
}

function asHtml(a: GeneratedArticle): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(a.title)} | ${escapeXml(a.source)}</title>
<meta property="og:title" content="${escapeXml(a.title)}"><meta property="og:site_name" content="${escapeXml(a.source)}">
<meta property="article:published_time" content="${a.published}T09:00:00Z"><link rel="canonical" href="${a.url}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Technology</a></nav>
<article><h1>${escapeXml(a.title)}</h1>\n${paras(a.body)}\n</article><footer>Bench News Network</footer></body></html>\n`;
}

function asRss(items: GeneratedArticle[], name: string): string {
  const entries = items
    .map((a) => `<item><title>${escapeXml(a.title)}</title><link>${a.url}</link><pubDate>${new Date(`${a.published}T09:00:00Z`).toUTCString()}</pubDate><description>${escapeXml(paras(a.body))}</description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${name}</title><link>https://news.bench.example/</link><description>bench</description>\n${entries}\n</channel></rss>\n`;
}

function asAtom(items: GeneratedArticle[], name: string): string {
  const entries = items
    .map((a) => `<entry><title>${escapeXml(a.title)}</title><link rel="alternate" href="${a.url}"/><id>${a.url}</id><published>${a.published}T09:00:00Z</published><content type="html">${escapeXml(paras(a.body))}</content></entry>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${name}</title><id>urn:bench:${name}</id><updated>2024-01-01T00:00:00Z</updated>\n${entries}\n</feed>\n`;
}

/** What generateCorpus wrote. */
export interface CorpusStats {
  dir: string;
  articles: number;
  files: number;
  bytes: number;
}

/**
 * Writes `articles` articles under `dir`: 60% in JSONL files of 1,000 lines, 25% as text
 * files, 10% as HTML pages, 5% in RSS and Atom feeds of 50 items.
 */
export function generateCorpus(dir: string, articles: number, seed = 7): CorpusStats {
  const stats: CorpusStats = { dir, articles, files: 0, bytes: 0 };
  const write = (path: string, text: string): void => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    stats.files += 1;
    stats.bytes += Buffer.byteLength(text);
  };
  const jsonl = Math.round(articles * 0.6);
  const text = Math.round(articles * 0.25);
  const html = Math.round(articles * 0.1);
  let n = 0;
  for (let f = 0; n < jsonl; f++) {
    const lines: string[] = [];
    for (let i = 0; i < 1000 && n < jsonl; i++, n++) lines.push(JSON.stringify(generateArticle(n, seed)));
    write(join(dir, 'jsonl', `batch-${String(f).padStart(3, '0')}.jsonl`), `${lines.join('\n')}\n`);
  }
  for (let i = 0; i < text; i++, n++) write(join(dir, 'text', `${String(i % 50).padStart(2, '0')}`, `story-${n}.txt`), asText(generateArticle(n, seed)));
  for (let i = 0; i < html; i++, n++) write(join(dir, 'html', `page-${n}.html`), asHtml(generateArticle(n, seed)));
  for (let f = 0; n < articles; f++) {
    const items: GeneratedArticle[] = [];
    for (let i = 0; i < 50 && n < articles; i++, n++) items.push(generateArticle(n, seed));
    const name = `Bench feed ${f}`;
    write(join(dir, 'feeds', f % 2 ? `feed-${f}.atom` : `feed-${f}.rss`), f % 2 ? asAtom(items, name) : asRss(items, name));
  }
  return stats;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const opt = (name: string, fallback: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  if (!dir) {
    console.error('usage: node bin/run-ts.js bench/ingestCorpus.ts DIR [--articles N] [--seed S]');
    process.exit(2);
  }
  const stats = generateCorpus(resolve(dir), opt('--articles', 10_000), opt('--seed', 7));
  console.log(`wrote ${stats.articles} articles in ${stats.files} files (${(stats.bytes / 1e6).toFixed(1)} MB) to ${stats.dir}`);
}
