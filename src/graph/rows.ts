/**
 * Turns one article and its extraction into the flat parameter rows the writer UNWINDs.
 * Pure: no I/O. This is where input is checked against the ontology, so that every label
 * and relationship type that reaches Cypher is one of the fixed constants in model.ts.
 */
import { createHash } from 'node:crypto';
import {
  SYMMETRIC_PREDICATES,
  isEntityType,
  isPredicate,
  type Article,
  type EntityType,
  type Extraction,
  type Predicate,
  type Span,
} from '../model.ts';
import { flattenLists, toColumns, type Columns } from './columns.ts';

export interface ArticleRow {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  published: string | null;
  contentHash: string;
}

export interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  code: string | null;
}

/** One MENTIONS of the article it is prepared with. */
export interface MentionRow {
  entity: string;
  count: number;
  /** Flat `[start0, end0, start1, end1, ...]`. */
  offsets: number[];
}

/** One Statement of the article it is prepared with. */
export interface StatementRow {
  id: string;
  predicate: Predicate;
  subject: string;
  object: string;
  confidence: number;
  start: number;
  end: number;
  sentence: string;
  role: string | null;
}

/** One aggregate edge key: the typed relationship between two entities. */
export interface Triple {
  subject: string;
  predicate: Predicate;
  object: string;
}

export interface PreparedArticle {
  article: ArticleRow;
  entities: EntityRow[];
  mentions: MentionRow[];
  statements: StatementRow[];
  /** Relations dropped: an end not among the entities, an unknown predicate, or a self-loop. */
  skippedRelations: number;
}

/**
 * Deterministic statement id: the first 128 bits of sha256 over article, predicate, both ends
 * and the evidence span, as 32 hex digits (short enough for Neo4j to store inline).
 */
export function statementId(articleId: string, predicate: Predicate, subjectId: string, objectId: string, span: Span): string {
  const key = JSON.stringify([articleId, predicate, subjectId, objectId, span.start, span.end]);
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/**
 * The key all statements of one aggregate edge share, stored (indexed) on each Statement. The
 * writer computes the same key in Cypher (WRITE_ARTICLES in writer.ts) rather than sending it.
 */
export function edgeKey(subject: string, predicate: Predicate, object: string): string {
  return `${subject}|${predicate}|${object}`;
}

/** Orders the ends of a symmetric predicate so the lower id is the subject (stored once). */
export function canonicalEnds(predicate: Predicate, subject: string, object: string): [string, string] {
  if (SYMMETRIC_PREDICATES.has(predicate) && object < subject) return [object, subject];
  return [subject, object];
}

/** Adds `more` to `list` keeping first-seen order and dropping duplicates and `exclude`. */
export function unionStrings(list: readonly string[], more: readonly string[], exclude?: string): string[] {
  const out: string[] = [];
  for (const value of [...list, ...more]) {
    const trimmed = value.trim();
    if (trimmed === '' || trimmed === exclude || out.includes(trimmed)) continue;
    out.push(trimmed);
  }
  return out;
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(length, Math.trunc(span.start)));
  const end = Math.max(start, Math.min(length, Math.trunc(span.end)));
  return { start, end };
}

/** Builds the rows for one article; throws on an entity type outside the ontology. */
export function prepareArticle(article: Article, extraction: Extraction): PreparedArticle {
  const entities = new Map<string, EntityRow>();
  const offsets = new Map<string, number[]>();
  const byName = new Map<string, string>();
  const byAlias = new Map<string, string | null>();

  for (const e of extraction.entities) {
    if (!isEntityType(e.type)) throw new Error(`entity ${e.id}: unknown type ${String(e.type)}`);
    const previous = entities.get(e.id);
    entities.set(e.id, {
      id: e.id,
      name: previous?.name ?? e.name,
      type: e.type,
      aliases: unionStrings(previous?.aliases ?? [], e.aliases, previous?.name ?? e.name),
      code: e.code ?? previous?.code ?? null,
    });
    const flat = offsets.get(e.id) ?? [];
    for (const m of e.mentions) flat.push(Math.trunc(m.start), Math.trunc(m.end));
    offsets.set(e.id, flat);
    if (!byName.has(e.name)) byName.set(e.name, e.id);
    for (const alias of e.aliases) {
      const known = byAlias.get(alias);
      byAlias.set(alias, known === undefined || known === e.id ? e.id : null);
    }
  }

  const resolve = (name: string): string | undefined => byName.get(name) ?? byAlias.get(name) ?? undefined;

  const statements = new Map<string, StatementRow>();
  let skippedRelations = 0;
  for (const r of extraction.relations) {
    const subjectId = resolve(r.subject);
    const objectId = resolve(r.object);
    if (!isPredicate(r.predicate) || subjectId === undefined || objectId === undefined || subjectId === objectId) {
      skippedRelations += 1;
      continue;
    }
    const [subject, object] = canonicalEnds(r.predicate, subjectId, objectId);
    const span = clampSpan(r.evidence, article.body.length);
    const id = statementId(article.id, r.predicate, subject, object, span);
    const confidence = Number.isFinite(r.confidence) ? r.confidence : 0;
    const previous = statements.get(id);
    statements.set(id, {
      id,
      predicate: r.predicate,
      subject,
      object,
      confidence: Math.max(confidence, previous?.confidence ?? confidence),
      start: span.start,
      end: span.end,
      sentence: article.body.slice(span.start, span.end),
      role: r.role ?? previous?.role ?? null,
    });
  }

  return {
    article: {
      id: article.id,
      title: article.title,
      url: article.url,
      source: article.source,
      published: article.published,
      // The text's hash and the extractor that read it: an upgraded extractor re-reads articles.
      contentHash: extraction.extractor ? `${article.contentHash}/${extraction.extractor}` : article.contentHash,
    },
    entities: [...entities.values()],
    mentions: [...entities.keys()].map((entity) => {
      const flat = offsets.get(entity) ?? [];
      return { entity, count: flat.length / 2, offsets: flat };
    }),
    statements: [...statements.values()],
    skippedRelations,
  };
}

/** A statement as WRITE_ARTICLES receives it: its evidence text named by index. */
export interface StatementWriteRow extends Omit<StatementRow, 'sentence'> {
  /** Index into the article's `sentences`. */
  sentence: number;
}

const STATEMENT_COLUMNS = ['id', 'predicate', 'subject', 'object', 'confidence', 'start', 'end', 'sentence', 'role'] as const;
const ENTITY_COLUMNS = ['id', 'name', 'type', 'aliases', 'code'] as const;

/** The entities of a write as WRITE's UPSERT_ENTITIES receives them: a list per field (columns.ts). */
export type EntityColumns = Columns<EntityRow, (typeof ENTITY_COLUMNS)[number]>;

/**
 * One article as WRITE_ARTICLES receives it: its own fields, then its mentions and
 * statements as columns (columns.ts), the offsets of mention `i` being
 * `mentions.offsets[mentions.from[i]..mentions.from[i + 1]]`.
 */
export interface ArticleWriteRow extends ArticleRow {
  mentions: { entity: string[]; offsets: number[]; from: number[] };
  statements: Columns<StatementWriteRow, (typeof STATEMENT_COLUMNS)[number]>;
  /** Each distinct evidence text once: several statements often share one sentence. */
  sentences: string[];
}

/** The parameter row of one prepared article, as columns, each evidence text sent once. Pure. */
export function articleWriteRow(prepared: PreparedArticle): ArticleWriteRow {
  const sentences: string[] = [];
  const index = new Map<string, number>();
  const statements = prepared.statements.map(({ sentence, ...rest }): StatementWriteRow => {
    let i = index.get(sentence);
    if (i === undefined) {
      i = sentences.push(sentence) - 1;
      index.set(sentence, i);
    }
    return { ...rest, sentence: i };
  });
  const offsets = flattenLists(prepared.mentions.map((m) => m.offsets));
  return {
    ...prepared.article,
    mentions: { entity: prepared.mentions.map((m) => m.entity), offsets: offsets.values, from: offsets.from },
    statements: toColumns(statements, STATEMENT_COLUMNS),
    sentences,
  };
}

/** Entity rows as the columns UPSERT_ENTITIES reads. Pure. */
export function entityColumns(rows: readonly EntityRow[]): EntityColumns {
  return toColumns(rows, ENTITY_COLUMNS);
}

/** Merges entity rows from several articles by id: aliases united, the later name/type/code win. */
export function mergeEntityRows(rows: Iterable<EntityRow>): EntityRow[] {
  const byId = new Map<string, EntityRow>();
  for (const row of rows) {
    const previous = byId.get(row.id);
    if (!previous) {
      byId.set(row.id, { ...row, aliases: [...row.aliases] });
      continue;
    }
    byId.set(row.id, {
      ...row,
      aliases: unionStrings(previous.aliases, row.aliases, row.name),
      code: row.code ?? previous.code,
    });
  }
  return [...byId.values()];
}

/** Distinct triples, keyed by subject, predicate and object. */
export function distinctTriples(triples: Iterable<Triple>): Triple[] {
  const byKey = new Map<string, Triple>();
  for (const t of triples) byKey.set(JSON.stringify([t.subject, t.predicate, t.object]), t);
  return [...byKey.values()];
}

/** What a write's new statements add to one edge that already counts none of them. */
export interface EdgeIncrement extends Triple {
  /** Distinct articles among the new statements. */
  support: number;
  statements: number;
  confidence: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /**
   * The role of the first new statement with one in the edge's role order (most confident,
   * then lowest statement id), with that statement's confidence and id; all null when none has a role.
   */
  role: string | null;
  roleConfidence: number | null;
  roleStatement: string | null;
}

/** How a write brings its edges up to date. */
export interface EdgeUpdates {
  /** Edges the new statements are simply added to. */
  increments: EdgeIncrement[];
  /** Edges recounted from all their statements (they lost some). */
  recount: Triple[];
}

/**
 * Whether a statement with a role comes before the edge's current role source in role order:
 * higher confidence first, then the lower statement id (the order RECOUNT_EDGES sorts by).
 */
export function comesFirstInRoleOrder(confidence: number, id: string, current: { confidence: number; id: string } | null): boolean {
  if (current === null) return true;
  return confidence > current.confidence || (confidence === current.confidence && id < current.id);
}

const earlier = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a <= b ? a : b);
const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a >= b ? a : b);

/**
 * Plans the edge updates for the statements of `articles` (all new to the graph): an edge in
 * `changed` (it lost statements in this write) is recounted; every other edge gets an
 * increment, its role included. Pure.
 */
export function planEdgeUpdates(articles: readonly PreparedArticle[], changed: readonly Triple[]): EdgeUpdates {
  const recount = new Map<string, Triple>();
  for (const t of changed) recount.set(edgeKey(t.subject, t.predicate, t.object), t);
  type Sum = Omit<EdgeIncrement, 'support'> & { articles: Set<string> };
  const sums = new Map<string, Sum>();
  const takeRole = (sum: Sum, s: StatementRow): void => {
    const current = sum.roleStatement === null || sum.roleConfidence === null ? null : { confidence: sum.roleConfidence, id: sum.roleStatement };
    if (s.role === null || !comesFirstInRoleOrder(s.confidence, s.id, current)) return;
    sum.role = s.role;
    sum.roleConfidence = s.confidence;
    sum.roleStatement = s.id;
  };
  for (const { article, statements } of articles) {
    for (const s of statements) {
      const key = edgeKey(s.subject, s.predicate, s.object);
      let sum = sums.get(key);
      if (!sum) {
        sum = {
          subject: s.subject, predicate: s.predicate, object: s.object,
          statements: 1, confidence: s.confidence, firstSeen: article.published, lastSeen: article.published,
          role: null, roleConfidence: null, roleStatement: null, articles: new Set([article.id]),
        };
        sums.set(key, sum);
      } else {
        sum.articles.add(article.id);
        sum.statements += 1;
        sum.confidence = Math.max(sum.confidence, s.confidence);
        sum.firstSeen = earlier(sum.firstSeen, article.published);
        sum.lastSeen = later(sum.lastSeen, article.published);
      }
      takeRole(sum, s);
    }
  }
  return {
    increments: [...sums]
      .filter(([key]) => !recount.has(key))
      .map(([, { articles: counted, ...sum }]) => ({ ...sum, support: counted.size })),
    recount: [...recount.values()],
  };
}
