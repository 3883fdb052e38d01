/**
 * Extraction speed benchmark (`npm run bench:extract [DIR] [--iterations N]`): words per
 * second on one core for `extractArticle` and for compromise's bare `nlp(text)` on the same
 * texts, after a warm-up, as the median of several passes, and the ratio ours/bare.
 * Texts: the `.txt` files of DIR, by default ../shared/corpus/dev when present, else
 * ingest/samples/. Prints figures only; no pass/fail.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { parseTextArticle } from '../ingest/sources/textFile.ts';
import { loadExtractor, type ExtractFn } from '../src/eval/commands.ts';
import type { Article } from '../src/model.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv: string[]): { dir: string; iterations: number } {
  let dir: string | undefined;
  let iterations = 7;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--iterations') iterations = Math.max(1, Number(argv[++i]) || iterations);
    else if (!a.startsWith('-')) dir = a;
  }
  const shared = resolve(root, '..', 'shared', 'corpus', 'dev');
  return { dir: resolve(dir ?? (existsSync(shared) ? shared : join(root, 'ingest', 'samples'))), iterations };
}

async function readTexts(dir: string): Promise<Article[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map(async (n) => parseTextArticle(await readFile(join(dir, n), 'utf8'))));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

type Runner = (a: Article) => unknown;

async function pass(articles: Article[], run: Runner): Promise<number> {
  const t0 = performance.now();
  for (const a of articles) await run(a);
  return (performance.now() - t0) / 1000;
}

/**
 * Median seconds per pass over all articles for each runner, after two warm-up passes.
 * The runners take turns within each iteration, so a change in machine load hits both.
 */
async function time(articles: Article[], runners: Runner[], iterations: number): Promise<number[]> {
  for (let w = 0; w < 2; w++) for (const run of runners) await pass(articles, run);
  const samples = runners.map((): number[] => []);
  for (let i = 0; i < iterations; i++) for (const [k, run] of runners.entries()) samples[k]!.push(await pass(articles, run));
  return samples.map(median);
}

const { dir, iterations } = parseArgs(process.argv.slice(2));
const articles = await readTexts(dir);
if (!articles.length) {
  console.log(`bench:extract: no .txt articles in ${dir}; nothing to measure`);
} else {
  const words = articles.reduce((n, a) => n + (a.body.match(/\S+/g)?.length ?? 0), 0);
  console.log(`bench:extract: ${articles.length} article(s), ${words} words from ${dir}; ${iterations} timed passes after 2 warm-up passes, single thread`);
  let extract: ExtractFn | null = null;
  try {
    extract = await loadExtractor();
  } catch (err) {
    console.log(`extractArticle unavailable (${(err as Error).message}); timing the bare parse only`);
  }
  const runners: Runner[] = [(a) => nlp(a.body), ...(extract ? [extract] : [])];
  const [bareSecs = 0, oursSecs] = await time(articles, runners, iterations);
  const bare = words / bareSecs;
  const ours = oursSecs === undefined ? null : words / oursSecs;
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-US').padStart(10);
  console.log(`  compromise nlp(text)  ${fmt(bare)} words/s per core`);
  if (ours !== null) {
    console.log(`  extractArticle        ${fmt(ours)} words/s per core`);
    console.log(`  time ratio ours/bare  ${(bare / ours).toFixed(2).padStart(10)}x (our extraction time over the bare parse's; target <= 2x)`);
    console.log(`  speed target          ${ours >= 10_000 ? 'met' : 'NOT met'}: >= 10,000 words/s per core`);
  }
}
