/**
 * CoNLL span scoring: maps an extractor's mentions onto a rebuilt document's tokens and
 * scores exact span matches per type, as conlleval does. Pure apart from calling `extract`.
 */
import { makeArticle } from '../../ingest/article.ts';
import type { Article, EntityType, Extraction } from '../model.ts';
import { CONLL_TYPES, HEADLINE_TYPES, detectScheme, goldSpans, layoutDocument, type ConllDocument, type ConllType, type DocumentLayout, type TokenSpan } from './conll.ts';
import { addTo, emptyCounts, prf, type Counts, type Prf } from './metrics.ts';

const TYPE_MAP: Partial<Record<EntityType, ConllType>> = {
  Person: 'PER',
  Company: 'ORG',
  GovernmentBody: 'ORG',
  Organization: 'ORG',
  MediaOutlet: 'ORG',
  Country: 'LOC',
  Place: 'LOC',
};

/** How mentions became spans: how many were snapped to token edges or dropped. */
export interface MappingStats {
  snapped: number;
  crossSentence: number;
  overlapping: number;
}

/** Maps name mentions (and demonyms, as MISC) to non-overlapping token spans, longest first. */
export function mentionSpans(extraction: Extraction, layout: DocumentLayout, stats: MappingStats): TokenSpan[] {
  const candidates: TokenSpan[] = [];
  for (const e of extraction.entities)
    for (const m of e.mentions) {
      const type = m.kind === 'demonym' ? 'MISC' : m.kind === 'descriptor' ? undefined : TYPE_MAP[e.type];
      if (!type) continue;
      const first = layout.tokens.findIndex((t) => t.end > m.start);
      let last = -1;
      for (let i = layout.tokens.length - 1; i >= 0; i--) if (layout.tokens[i]!.start < m.end) { last = i; break; }
      if (first < 0 || last < first) continue;
      const a = layout.tokens[first]!;
      const b = layout.tokens[last]!;
      if (a.sentence !== b.sentence) { stats.crossSentence++; continue; }
      if (a.start !== m.start || b.end !== m.end) stats.snapped++;
      candidates.push({ start: first, end: last + 1, type });
    }
  candidates.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const taken = new Set<number>();
  const spans: TokenSpan[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = `${c.start}:${c.end}`;
    if (seen.has(key)) continue;
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = !taken.has(i);
    if (!free) { stats.overlapping++; continue; }
    seen.add(key);
    for (let i = c.start; i < c.end; i++) taken.add(i);
    spans.push(c);
  }
  return spans.sort((x, y) => x.start - y.start);
}

/** Exact-span counts per type (same start, end and type), added into `table`. */
export function scoreSpans(gold: readonly TokenSpan[], pred: readonly TokenSpan[], table: Record<string, Counts>): void {
  const goldKeys = new Set(gold.map((s) => `${s.start}:${s.end}:${s.type}`));
  for (const s of gold) addTo(table, s.type, { gold: 1 });
  for (const s of pred) addTo(table, s.type, { pred: 1, tp: goldKeys.has(`${s.start}:${s.end}:${s.type}`) ? 1 : 0 });
}

/** CoNLL results: per type, headline over PER/ORG/LOC, all four types, and mapping stats. */
export interface ConllScore extends MappingStats {
  documents: number;
  sentences: number;
  tokens: number;
  scheme: 'IOB1' | 'IOB2';
  byType: Record<string, Prf>;
  headline: Prf;
  overall: Prf;
}

/** Runs `extract` on each rebuilt document and scores its spans against the gold tags. */
export async function scoreConll(docs: readonly ConllDocument[], extract: (a: Article) => Extraction | Promise<Extraction>): Promise<ConllScore> {
  const table: Record<string, Counts> = {};
  const stats: MappingStats = { snapped: 0, crossSentence: 0, overlapping: 0 };
  let sentences = 0;
  let tokens = 0;
  for (const doc of docs) {
    const layout = layoutDocument(doc);
    const extraction = await extract(makeArticle({ body: layout.text }));
    scoreSpans(goldSpans(doc), mentionSpans(extraction, layout, stats), table);
    sentences += doc.sentences.length;
    tokens += layout.tokens.length;
  }
  const sum = (types: readonly string[]): Counts => types.reduce((acc, t) => { const c = table[t]; if (c) { acc.tp += c.tp; acc.pred += c.pred; acc.gold += c.gold; } return acc; }, emptyCounts());
  const byType: Record<string, Prf> = {};
  for (const t of CONLL_TYPES) byType[t] = prf(table[t] ?? emptyCounts());
  return {
    documents: docs.length,
    sentences,
    tokens,
    scheme: detectScheme(docs),
    byType,
    headline: prf(sum(HEADLINE_TYPES)),
    overall: prf(sum(CONLL_TYPES)),
    ...stats,
  };
}
