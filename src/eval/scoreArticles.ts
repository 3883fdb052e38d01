/**
 * Scores extractions against gold annotations exactly as docs/ontology.md "Scoring" says:
 * typed and untyped entity matches, relation matches (either order for symmetric
 * predicates), micro-averaged P/R/F1 over a set, per type, per predicate, per article. Pure.
 */
import { SYMMETRIC_PREDICATES, type EntityType, type Extraction, type Predicate } from '../model.ts';
import type { Gold, GoldEntity, GoldRelation } from './gold.ts';
import { maximumMatching } from './matching.ts';
import { addCounts, addTo, emptyCounts, prf, type Counts, type Prf } from './metrics.ts';
import { intersects, nameKeys, normaliseName } from './normalise.ts';

/** An entity as the scorer sees it: a type and its normalised names. */
interface Keyed {
  name: string;
  type: EntityType;
  keys: Set<string>;
}

/** A relation argument resolved to candidate entities; `type: null` when it named no entity. */
interface Arg {
  type: EntityType | null;
  keys: Set<string>;
}

export interface EntityRef {
  name: string;
  type: EntityType;
}

export interface RelationRef {
  subject: string;
  predicate: Predicate;
  object: string;
}

/** One article's counts and its errors (misses = gold not found, false = predicted not in gold). */
export interface ArticleScore {
  id: string;
  typed: Counts;
  untyped: Counts;
  relations: Counts;
  byType: Record<string, Counts>;
  byPredicate: Record<string, Counts>;
  missedEntities: EntityRef[];
  falseEntities: EntityRef[];
  /** Entities found with the right name but another type (predicted -> gold type). */
  wrongType: { predicted: EntityRef; gold: EntityRef }[];
  missedRelations: RelationRef[];
  falseRelations: RelationRef[];
}

/** Micro-averaged scores over a set of articles, with the per-article detail. */
export interface SetScore {
  articles: number;
  typed: Prf;
  untyped: Prf;
  relations: Prf;
  byType: Record<string, Prf>;
  byPredicate: Record<string, Prf>;
  perArticle: ArticleScore[];
}

/** One article to score: an id, what the extractor produced, and its gold. */
export interface ScoringItem {
  id: string;
  extraction: Extraction;
  gold: Gold;
}

function keyed(e: { name: string; type: EntityType; aliases?: readonly string[] }): Keyed {
  return { name: e.name, type: e.type, keys: nameKeys(e.name, e.aliases ?? []) };
}

/** Resolves a relation's subject/object name to the entities it names in the same output. */
function resolve(name: string, entities: readonly Keyed[]): Arg[] {
  const exact = entities.filter((e) => e.name === name);
  if (exact.length) return exact;
  const norm = normaliseName(name);
  const byName = entities.filter((e) => normaliseName(e.name) === norm);
  if (byName.length) return byName;
  const byAlias = entities.filter((e) => e.keys.has(norm));
  if (byAlias.length) return byAlias;
  return [{ type: null, keys: norm ? new Set([norm]) : new Set<string>() }];
}

function argsMatch(pred: readonly Arg[], gold: readonly Arg[]): boolean {
  return pred.some((p) => gold.some((g) => (p.type === null || g.type === null || p.type === g.type) && intersects(p.keys, g.keys)));
}

const ref = (e: Keyed): EntityRef => ({ name: e.name, type: e.type });

function scoreEntities(pred: Keyed[], gold: Keyed[], score: ArticleScore): void {
  const typed = maximumMatching(pred.length, gold.length, (p, g) => pred[p]!.type === gold[g]!.type && intersects(pred[p]!.keys, gold[g]!.keys));
  const untyped = maximumMatching(pred.length, gold.length, (p, g) => intersects(pred[p]!.keys, gold[g]!.keys));
  const goldHit = new Set<number>();
  typed.forEach((g, p) => {
    const type = pred[p]!.type;
    addTo(score.byType, type, { pred: 1 });
    if (g >= 0) {
      goldHit.add(g);
      addTo(score.byType, type, { tp: 1 });
    } else score.falseEntities.push(ref(pred[p]!));
  });
  gold.forEach((g, i) => {
    addTo(score.byType, g.type, { gold: 1 });
    if (!goldHit.has(i)) score.missedEntities.push(ref(g));
  });
  untyped.forEach((g, p) => {
    if (g >= 0 && gold[g]!.type !== pred[p]!.type) score.wrongType.push({ predicted: ref(pred[p]!), gold: ref(gold[g]!) });
  });
  score.typed = { tp: goldHit.size, pred: pred.length, gold: gold.length };
  score.untyped = { tp: untyped.filter((g) => g >= 0).length, pred: pred.length, gold: gold.length };
}

function scoreRelations(extraction: Extraction, predEntities: Keyed[], gold: Gold, goldEntities: Keyed[], score: ArticleScore): void {
  const pred = extraction.relations.map((r) => ({ r, s: resolve(r.subject, predEntities), o: resolve(r.object, predEntities) }));
  const golds = gold.relations.map((r) => ({ r, s: resolve(r.subject, goldEntities), o: resolve(r.object, goldEntities) }));
  const match = maximumMatching(pred.length, golds.length, (pi, gi) => {
    const p = pred[pi]!;
    const g = golds[gi]!;
    if (p.r.predicate !== g.r.predicate) return false;
    if (argsMatch(p.s, g.s) && argsMatch(p.o, g.o)) return true;
    return SYMMETRIC_PREDICATES.has(g.r.predicate) && argsMatch(p.s, g.o) && argsMatch(p.o, g.s);
  });
  const goldHit = new Set<number>();
  match.forEach((gi, pi) => {
    const r = pred[pi]!.r;
    addTo(score.byPredicate, r.predicate, { pred: 1 });
    if (gi >= 0) {
      goldHit.add(gi);
      addTo(score.byPredicate, r.predicate, { tp: 1 });
    } else score.falseRelations.push({ subject: r.subject, predicate: r.predicate, object: r.object });
  });
  golds.forEach(({ r }, gi) => {
    addTo(score.byPredicate, r.predicate, { gold: 1 });
    if (!goldHit.has(gi)) score.missedRelations.push(relationRef(r));
  });
  score.relations = { tp: goldHit.size, pred: pred.length, gold: golds.length };
}

const relationRef = (r: GoldRelation): RelationRef => ({ subject: r.subject, predicate: r.predicate, object: r.object });

/** Scores one article's extraction against its gold. */
export function scoreArticle(extraction: Extraction, gold: Gold, id = ''): ArticleScore {
  const score: ArticleScore = {
    id,
    typed: emptyCounts(),
    untyped: emptyCounts(),
    relations: emptyCounts(),
    byType: {},
    byPredicate: {},
    missedEntities: [],
    falseEntities: [],
    wrongType: [],
    missedRelations: [],
    falseRelations: [],
  };
  const predEntities = extraction.entities.map(keyed);
  const goldEntities = gold.entities.map((e: GoldEntity) => keyed(e));
  scoreEntities(predEntities, goldEntities, score);
  scoreRelations(extraction, predEntities, gold, goldEntities, score);
  return score;
}

function prfTable(table: Record<string, Counts>): Record<string, Prf> {
  const out: Record<string, Prf> = {};
  for (const key of Object.keys(table).sort()) out[key] = prf(table[key]!);
  return out;
}

/** Scores a set of articles: micro-averaged over all of them, per type, per predicate. */
export function scoreArticles(items: readonly ScoringItem[]): SetScore {
  const perArticle = items.map((it) => scoreArticle(it.extraction, it.gold, it.id));
  const typed = emptyCounts();
  const untyped = emptyCounts();
  const relations = emptyCounts();
  const byType: Record<string, Counts> = {};
  const byPredicate: Record<string, Counts> = {};
  for (const a of perArticle) {
    addCounts(typed, a.typed);
    addCounts(untyped, a.untyped);
    addCounts(relations, a.relations);
    for (const [k, c] of Object.entries(a.byType)) addTo(byType, k, c);
    for (const [k, c] of Object.entries(a.byPredicate)) addTo(byPredicate, k, c);
  }
  return {
    articles: items.length,
    typed: prf(typed),
    untyped: prf(untyped),
    relations: prf(relations),
    byType: prfTable(byType),
    byPredicate: prfTable(byPredicate),
    perArticle,
  };
}
