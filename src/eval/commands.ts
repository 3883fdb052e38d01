/**
 * The `govgraph eval` and `govgraph eval-conll` commands: the only module here that does
 * I/O (reads article, gold and CoNLL files; prints reports). Returns exit codes.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseTextArticle } from '../../ingest/sources/textFile.ts';
import type { Article, Extraction } from '../model.ts';
import { baselineExtract } from './baseline.ts';
import { parseConll } from './conll.ts';
import { scoreConll, type ConllScore } from './conllScore.ts';
import { GoldFormatError, parseGold } from './gold.ts';
import { evalReportJson, formatConllReport, formatEvalReport } from './report.ts';
import { scoreArticles, type ScoringItem, type SetScore } from './scoreArticles.ts';

/** An extractor: the real one, the baseline, or a fixed one in tests. */
export type ExtractFn = (article: Article) => Extraction | Promise<Extraction>;

/** Where reports and errors go. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Options of `govgraph eval DIR`. */
export interface EvalOptions {
  detail?: boolean;
  baseline?: boolean;
  json?: boolean;
  minEntityF1?: number;
  minRelationF1?: number;
}

/** Options of `govgraph eval-conll FILE`. */
export interface EvalConllOptions {
  baseline?: boolean;
  json?: boolean;
  limitDocs?: number;
  minF1?: number;
}

/** The first threshold that is not a number in [0, 1], as an error message, or null. */
function badThreshold(command: string, thresholds: Record<string, number | undefined>): string | null {
  for (const [name, v] of Object.entries(thresholds)) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 1)) return `${command}: ${name} must be a number from 0 to 1, got ${v}`;
  }
  return null;
}

const consoleOutput: Output = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

const EXTRACTOR_MODULE = new URL('../extract/index.ts', import.meta.url).href;

/** The real extractor (`extractArticle` of src/extract/index.ts), imported on first use. */
export async function loadExtractor(): Promise<ExtractFn> {
  const mod: unknown = await import(EXTRACTOR_MODULE);
  const fn = (mod as { extractArticle?: unknown }).extractArticle;
  if (typeof fn !== 'function') throw new Error(`${EXTRACTOR_MODULE} does not export extractArticle`);
  return fn as ExtractFn;
}

/** The given extractor, else the real one; null (after saying why) when that cannot be loaded. */
async function chooseExtractor(extract: ExtractFn | undefined, io: Output, command: string): Promise<ExtractFn | null> {
  if (extract) return extract;
  try {
    return await loadExtractor();
  } catch (err) {
    io.err(`${command}: cannot load the extractor: ${(err as Error).message}`);
    return null;
  }
}

async function extractAll(articles: readonly { id: string; article: Article }[], extract: ExtractFn): Promise<Extraction[]> {
  const out: Extraction[] = [];
  for (const a of articles) out.push(await extract(a.article));
  return out;
}

/** Reads every `NAME.txt` of `dir` that has a `NAME.gold.json` beside it. */
async function readCorpus(dir: string): Promise<{ id: string; article: Article; gold: ScoringItem['gold'] }[]> {
  const names = (await readdir(dir)).sort();
  const items: { id: string; article: Article; gold: ScoringItem['gold'] }[] = [];
  for (const name of names) {
    if (!name.endsWith('.txt')) continue;
    const id = name.slice(0, -'.txt'.length);
    const goldName = `${id}.gold.json`;
    if (!names.includes(goldName)) continue;
    const goldPath = join(dir, goldName);
    const gold = parseGold(await readFile(goldPath, 'utf8'), goldPath);
    items.push({ id, article: parseTextArticle(await readFile(join(dir, name), 'utf8')), gold });
  }
  return items;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

/** Scores the extractor on DIR's gold articles; non-zero when under a threshold or DIR is unusable. */
export async function runEval(
  dir: string,
  opts: EvalOptions = {},
  extract?: ExtractFn,
  io: Output = consoleOutput,
): Promise<number> {
  const bad = badThreshold('govgraph eval', { '--min-entity-f1': opts.minEntityF1, '--min-relation-f1': opts.minRelationF1 });
  if (bad) {
    io.err(bad);
    return 2;
  }
  if (!(await isDirectory(dir))) {
    io.err(`govgraph eval: ${dir} is not a directory`);
    return 2;
  }
  let items;
  try {
    items = await readCorpus(dir);
  } catch (err) {
    if (err instanceof GoldFormatError) {
      io.err(`govgraph eval: ${err.message}`);
      return 2;
    }
    throw err;
  }
  if (!items.length) {
    io.err(`govgraph eval: no .txt article with a .gold.json beside it in ${dir}`);
    return 2;
  }
  const fn = await chooseExtractor(extract, io, 'govgraph eval');
  if (!fn) return 2;
  const ours = await scoreWith(items, fn);
  const baseline = opts.baseline ? await scoreWith(items, baselineExtract) : undefined;
  const title = `govgraph eval ${dir}`;
  if (opts.json) io.out(JSON.stringify(evalReportJson(ours, { baseline, detail: opts.detail }), null, 2));
  else io.out(formatEvalReport(ours, { title, baseline, detail: opts.detail }));
  let code = 0;
  if (opts.minEntityF1 !== undefined && ours.typed.f1 < opts.minEntityF1) {
    io.err(`govgraph eval: typed entity F1 ${ours.typed.f1.toFixed(3)} is under the minimum ${opts.minEntityF1}`);
    code = 1;
  }
  if (opts.minRelationF1 !== undefined && ours.relations.f1 < opts.minRelationF1) {
    io.err(`govgraph eval: relation F1 ${ours.relations.f1.toFixed(3)} is under the minimum ${opts.minRelationF1}`);
    code = 1;
  }
  return code;
}

async function scoreWith(items: { id: string; article: Article; gold: ScoringItem['gold'] }[], extract: ExtractFn): Promise<SetScore> {
  const extractions = await extractAll(items, extract);
  return scoreArticles(items.map((it, i) => ({ id: it.id, gold: it.gold, extraction: extractions[i]! })));
}

/** Scores the extractor's name spans on a CoNLL-2003 file; non-zero when under `minF1` (headline). */
export async function runEvalConll(
  file: string,
  opts: EvalConllOptions = {},
  extract?: ExtractFn,
  io: Output = consoleOutput,
): Promise<number> {
  const bad = badThreshold('govgraph eval-conll', { '--min-f1': opts.minF1 });
  if (bad) {
    io.err(bad);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    io.err(`govgraph eval-conll: cannot read ${file}: ${(err as Error).message}`);
    return 2;
  }
  let docs = parseConll(text);
  if (opts.limitDocs !== undefined && opts.limitDocs >= 0) docs = docs.slice(0, opts.limitDocs);
  if (!docs.length) {
    io.err(`govgraph eval-conll: no CoNLL documents in ${file}`);
    return 2;
  }
  const fn = await chooseExtractor(extract, io, 'govgraph eval-conll');
  if (!fn) return 2;
  const ours = await scoreConll(docs, fn);
  const baseline: ConllScore | undefined = opts.baseline ? await scoreConll(docs, baselineExtract) : undefined;
  if (opts.json) io.out(JSON.stringify(baseline ? { ours, baseline } : { ours }, null, 2));
  else io.out(formatConllReport(ours, { title: `govgraph eval-conll ${basename(file)}`, baseline }));
  if (opts.minF1 !== undefined && ours.headline.f1 < opts.minF1) {
    io.err(`govgraph eval-conll: PER/ORG/LOC F1 ${ours.headline.f1.toFixed(3)} is under the minimum ${opts.minF1}`);
    return 1;
  }
  return 0;
}
