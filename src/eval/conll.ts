/**
 * CoNLL-2003 NER evaluation: reads the 4-column format (IOB1 or IOB2, chunked by
 * conlleval's rules), rebuilds each document as text, maps an extractor's mentions to
 * token spans and scores exact span matches per type. Pure apart from calling `extract`.
 */
import { makeArticle } from '../../ingest/article.ts';
import type { Article, EntityType, Extraction } from '../model.ts';
import { addTo, emptyCounts, prf, type Counts, type Prf } from './metrics.ts';

export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof CONLL_TYPES)[number];
/** Types counted in the headline F1 (MISC is reported, not counted). */
export const HEADLINE_TYPES: readonly ConllType[] = ['PER', 'ORG', 'LOC'];

export interface ConllToken {
  text: string;
  /** The NER column as written, e.g. `I-PER`, `B-LOC`, `O`. */
  tag: string;
}
export interface ConllDocument {
  sentences: ConllToken[][];
}
/** A typed span over a document's tokens, numbered across sentences; `end` exclusive. */
export interface TokenSpan {
  start: number;
  end: number;
  type: string;
}

/** Parses CoNLL text: `-DOCSTART-` separates documents, blank lines separate sentences. */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sentence: ConllToken[] = [];
  const endSentence = (): void => {
    if (sentence.length) (doc ??= pushDoc()).sentences.push(sentence);
    sentence = [];
  };
  const pushDoc = (): ConllDocument => {
    const d: ConllDocument = { sentences: [] };
    docs.push(d);
    return d;
  };
  for (const raw of text.split(/\r?\n/)) {
    const cols = raw.trim().split(/\s+/);
    if (cols[0] === '') endSentence();
    else if (cols[0] === '-DOCSTART-') {
      endSentence();
      doc = pushDoc();
    } else sentence.push({ text: cols[0] ?? '', tag: cols.length > 1 ? (cols[cols.length - 1] ?? 'O') : 'O' });
  }
  endSentence();
  return docs.filter((d) => d.sentences.length > 0);
}

function split(tag: string): [string, string] {
  const i = tag.indexOf('-');
  return i < 0 ? [tag, ''] : [tag.slice(0, i), tag.slice(i + 1)];
}

/** 'IOB1' when some `I-X` opens an entity (after O or another type), else 'IOB2'. */
export function detectScheme(docs: readonly ConllDocument[]): 'IOB1' | 'IOB2' {
  for (const d of docs)
    for (const s of d.sentences) {
      let prev = 'O';
      for (const t of s) {
        const [tag, type] = split(t.tag);
        const [ptag, ptype] = split(prev);
        if (tag === 'I' && (ptag === 'O' || ptype !== type)) return 'IOB1';
        prev = t.tag;
      }
    }
  return 'IOB2';
}

/** Chunks one sentence's tags into spans by conlleval's start/end-of-chunk rules (IOB1, IOB2, IOBES). */
export function chunkTags(tags: readonly string[], offset = 0): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: { start: number; type: string } | null = null;
  let [ptag, ptype] = ['O', ''];
  for (let i = 0; i <= tags.length; i++) {
    const [tag, type] = i < tags.length ? split(tags[i] ?? 'O') : ['O', ''];
    const end =
      ptag === 'E' || ptag === 'S' ||
      ((ptag === 'B' || ptag === 'I') && (tag === 'B' || tag === 'S' || tag === 'O')) ||
      (ptag !== 'O' && ptype !== type);
    const start =
      tag === 'B' || tag === 'S' ||
      ((ptag === 'E' || ptag === 'S' || ptag === 'O') && (tag === 'I' || tag === 'E')) ||
      (tag !== 'O' && ptype !== type);
    if (open && end) {
      spans.push({ start: offset + open.start, end: offset + i, type: open.type });
      open = null;
    }
    if (start && tag !== 'O') open = { start: i, type };
    [ptag, ptype] = [tag, type];
  }
  return spans;
}

/** The gold spans of a document, token indices numbered across its sentences. */
export function goldSpans(doc: ConllDocument): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let offset = 0;
  for (const s of doc.sentences) {
    spans.push(...chunkTags(s.map((t) => t.tag), offset));
    offset += s.length;
  }
  return spans;
}

/** A document rebuilt as text (tokens joined by spaces, sentences by newlines) with token offsets. */
export interface DocumentLayout {
  text: string;
  tokens: { start: number; end: number; sentence: number }[];
}

/** Rebuilds a document's text and records where each token lies in it. */
export function layoutDocument(doc: ConllDocument): DocumentLayout {
  const tokens: DocumentLayout['tokens'] = [];
  let text = '';
  doc.sentences.forEach((s, si) => {
    if (si > 0) text += '\n';
    s.forEach((t, ti) => {
      if (ti > 0) text += ' ';
      tokens.push({ start: text.length, end: text.length + t.text.length, sentence: si });
      text += t.text;
    });
  });
  return { text, tokens };
}

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
