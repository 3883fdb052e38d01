/** Formats evaluation results as aligned text tables or JSON-ready objects. Pure. */
import type { ConllScore } from './conllScore.ts';
import type { Prf } from './metrics.ts';
import type { ArticleScore, SetScore } from './scoreArticles.ts';

/** Pads cells into aligned columns: the first left-aligned, the rest right-aligned. */
export function alignTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

const num = (x: number): string => x.toFixed(3);

function header(withBaseline: boolean): string[] {
  const h = ['', 'P', 'R', 'F1', 'tp', 'pred', 'gold'];
  return withBaseline ? [...h, '|', 'base P', 'base R', 'base F1'] : h;
}

function row(label: string, ours: Prf | undefined, base: Prf | undefined, withBaseline: boolean): string[] {
  const o = ours ?? { precision: 0, recall: 0, f1: 0, tp: 0, pred: 0, gold: 0 };
  const cells = [label, num(o.precision), num(o.recall), num(o.f1), String(o.tp), String(o.pred), String(o.gold)];
  if (!withBaseline) return cells;
  return [...cells, '|', ...(base ? [num(base.precision), num(base.recall), num(base.f1)] : ['-', '-', '-'])];
}

function section(title: string, keys: readonly string[], ours: Record<string, Prf>, base: Record<string, Prf> | undefined, withBaseline: boolean): string[][] {
  if (!keys.length) return [];
  return [[title], ...keys.map((k) => row(`  ${k}`, ours[k], base?.[k], withBaseline))];
}

const entityLabel = (e: { name: string; type: string }): string => `${e.name} [${e.type}]`;
const relationLabel = (r: { subject: string; predicate: string; object: string }): string => `${r.subject} -${r.predicate}-> ${r.object}`;

/** The per-article lines of a detailed report: counts, misses and false positives. */
export function formatArticleDetail(a: ArticleScore): string {
  const lines = [
    `${a.id}: entities ${a.typed.tp} matched, ${a.typed.pred} predicted, ${a.typed.gold} gold; relations ${a.relations.tp} matched, ${a.relations.pred} predicted, ${a.relations.gold} gold`,
  ];
  const list = (label: string, items: string[]): void => {
    if (items.length) lines.push(`  ${label} (${items.length}): ${items.join('; ')}`);
  };
  list('missed entities', a.missedEntities.map(entityLabel));
  list('false entities', a.falseEntities.map(entityLabel));
  list('wrong type', a.wrongType.map((w) => `${w.predicted.name} [${w.predicted.type}, gold ${w.gold.type}]`));
  list('missed relations', a.missedRelations.map(relationLabel));
  list('false relations', a.falseRelations.map(relationLabel));
  return lines.join('\n');
}

/** The text report of a corpus evaluation, with the baseline's figures beside ours when given. */
export function formatEvalReport(ours: SetScore, opts: { title?: string; baseline?: SetScore; detail?: boolean } = {}): string {
  const withBase = opts.baseline !== undefined;
  const base = opts.baseline;
  const types = [...new Set([...Object.keys(ours.byType), ...Object.keys(base?.byType ?? {})])].sort();
  const preds = [...new Set([...Object.keys(ours.byPredicate), ...Object.keys(base?.byPredicate ?? {})])].sort();
  const rows: string[][] = [
    header(withBase),
    row('entities (typed)', ours.typed, base?.typed, withBase),
    row('entities (any type)', ours.untyped, base?.untyped, withBase),
    row('relations', ours.relations, base?.relations, withBase),
    ...section('by entity type', types, ours.byType, base?.byType, withBase),
    ...section('by predicate', preds, ours.byPredicate, base?.byPredicate, withBase),
  ];
  const parts = [`${opts.title ?? 'evaluation'}: ${ours.articles} article(s), micro-averaged`, alignTable(rows)];
  if (opts.detail) parts.push('per article:', ...ours.perArticle.map(formatArticleDetail));
  return parts.join('\n\n') + '\n';
}

/** The JSON form of a corpus evaluation; per-article detail only when asked for. */
export function evalReportJson(ours: SetScore, opts: { baseline?: SetScore; detail?: boolean } = {}): object {
  const strip = (s: SetScore): object => (opts.detail ? s : { ...s, perArticle: undefined });
  return opts.baseline ? { ours: strip(ours), baseline: strip(opts.baseline) } : { ours: strip(ours) };
}

/** The text report of a CoNLL evaluation, with the baseline's figures beside ours when given. */
export function formatConllReport(ours: ConllScore, opts: { title?: string; baseline?: ConllScore } = {}): string {
  const withBase = opts.baseline !== undefined;
  const base = opts.baseline;
  const rows: string[][] = [
    header(withBase),
    row('PER/ORG/LOC (headline)', ours.headline, base?.headline, withBase),
    row('all four types', ours.overall, base?.overall, withBase),
    ...section('by type', Object.keys(ours.byType), ours.byType, base?.byType, withBase),
  ];
  const stats = (s: ConllScore, who: string): string =>
    `${who}: ${s.snapped} mention(s) snapped to token edges, ${s.crossSentence} crossing a sentence break dropped, ${s.overlapping} overlapping dropped`;
  return [
    `${opts.title ?? 'CoNLL'}: ${ours.documents} document(s), ${ours.sentences} sentence(s), ${ours.tokens} token(s), tags ${ours.scheme}; exact-span scoring`,
    alignTable(rows),
    [stats(ours, 'ours'), ...(base ? [stats(base, 'baseline')] : [])].join('\n'),
  ].join('\n\n') + '\n';
}
