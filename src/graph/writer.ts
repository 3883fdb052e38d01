/**
 * Stores articles and their extractions. One write transaction per call (the caller
 * batches, e.g. 200 articles), `UNWIND $rows ... MERGE` under the unique constraints, so a
 * repeated or concurrent ingest never duplicates a node and a failure leaves nothing half
 * written. Each article is locked first, then: unchanged contentHash, skipped; changed, its
 * old mentions and statements replaced and the edges they touched recounted; new, its
 * statements added to their edges.
 */
import { ENTITY_TYPES, type Article, type Extraction } from '../model.ts';
import { writeTx, type Driver, type ManagedTransaction, type TxOptions } from './driver.ts';
import { addToEdges, detachArticles, recomputeEdges, removeOrphans } from './edges.ts';
import { planOnce } from './planOnce.ts';
import { articleWriteRow, entityColumns, mergeEntityRows, planEdgeUpdates, prepareArticle, type PreparedArticle } from './rows.ts';

export interface ArticleInput {
  article: Article;
  extraction: Extraction;
}

export type WriteStatus = 'new' | 'unchanged' | 'updated';

export interface WriteSummary {
  articleId: string;
  status: WriteStatus;
  /** Entities of this article merged (0 when unchanged). */
  entities: number;
  /** MENTIONS relationships written. */
  mentions: number;
  /** Statements written. */
  statements: number;
  /** Relations skipped: an end not among the entities, or subject = object. */
  skippedRelations: number;
}

export interface WriteOptions extends TxOptions {
  /** Rewrite articles even when their contentHash is unchanged (e.g. after an extractor change). */
  force?: boolean;
}

// The type label is set with Neo4j 5.26's dynamic label syntax; e.type was checked against
// ENTITY_TYPES in prepareArticle, and any other type label is removed so labels and `type` agree.
// An entity already stored exactly so (most of them, in a long ingest) is left as it is: no
// write, no label changes.
const UPSERT_ENTITIES = planOnce(`
  UNWIND range(0, size($entities.id) - 1) AS i
  WITH {id: $entities.id[i], name: $entities.name[i], type: $entities.type[i], aliases: $entities.aliases[i], code: $entities.code[i]} AS e
  MERGE (n:Entity {id: e.id})
  WITH n, e, [a IN coalesce(n.aliases, []) + e.aliases WHERE a <> e.name] AS candidates
  WITH n, e, reduce(acc = [], a IN candidates | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS aliases
  WHERE n.type IS NULL OR n.type <> e.type OR n.name <> e.name
     OR coalesce(n.code, '') <> coalesce(e.code, '') OR coalesce(n.aliases, []) <> aliases
  SET n.name = e.name,
      n.type = e.type,
      n.code = e.code,
      n.aliases = aliases,
      n.aliasText = reduce(text = '', a IN aliases | CASE text WHEN '' THEN a ELSE text + ' | ' + a END)
  REMOVE n:$([t IN $entityTypes WHERE t <> e.type])
  SET n:$(e.type)`);

/**
 * Sets each article's properties and creates its mentions and statements, nested under the
 * article so it is found once. The nodes exist (LOCK_ARTICLES merged them), and mentions
 * and statements are created, not merged: the article is new or its old ones were just
 * detached, and the lock keeps other writers out.
 *
 * A statement names its two entities by id (its edge is found by the indexed edgeKey) rather
 * than by relationships: links to a busy entity would cost every write, and nothing reads
 * them that the ids and the edgeKey index don't serve. Both ends are entities this article
 * mentions (prepareArticle resolves them among its entities). The parameter rows are lean
 * (articleWriteRow): mentions and statements as columns (columns.ts), each evidence text sent
 * once per article, and the edgeKey derived here, exactly as `edgeKey()` in rows.ts derives it.
 */
const WRITE_ARTICLES = planOnce(`
  UNWIND $articles AS row
  MATCH (a:Article {id: row.id})
  SET a.title = row.title,
      a.url = row.url,
      a.source = row.source,
      a.published = row.published,
      a.contentHash = row.contentHash,
      a.ingestedAt = $now
  WITH a, row
  CALL (a, row) {
    UNWIND range(0, size(row.mentions.entity) - 1) AS i
    MATCH (e:Entity {id: row.mentions.entity[i]})
    WITH a, e, [x IN row.mentions.offsets[toInteger(row.mentions.from[i])..toInteger(row.mentions.from[i + 1])] | toInteger(x)] AS offsets
    CREATE (a)-[:MENTIONS {count: size(offsets) / 2, offsets: offsets}]->(e)
  }
  CALL (a, row) {
    UNWIND range(0, size(row.statements.id) - 1) AS i
    WITH a, row, row.statements AS s, i
    CREATE (a)-[:STATES]->(:Statement {
        id: s.id[i],
        predicate: s.predicate[i],
        subject: s.subject[i],
        object: s.object[i],
        edgeKey: s.subject[i] + '|' + s.predicate[i] + '|' + s.object[i],
        confidence: toFloat(s.confidence[i]),
        start: toInteger(s.start[i]),
        end: toInteger(s.end[i]),
        sentence: row.sentences[toInteger(s.sentence[i])],
        role: s.role[i]
      })
  }`);

/**
 * Merges each article node and locks it before reading its stored hash (the SET reads what
 * it writes, so Cypher takes the write lock first): of several processes writing one
 * article, the first decides and the others wait and then see its result. A node created
 * here has no hash yet; if the transaction fails, it is rolled back with everything else.
 */
const LOCK_ARTICLES = planOnce(`
  UNWIND $ids AS id
  MERGE (n:Article {id: id})
  SET n.contentHash = n.contentHash
  RETURN id, n.contentHash AS contentHash`);

/** Writes a batch of articles in one transaction; returns one summary per input item, in order. */
export async function writeArticles(
  driver: Driver,
  database: string,
  items: readonly ArticleInput[],
  options: WriteOptions = {},
): Promise<WriteSummary[]> {
  if (items.length === 0) return [];
  const prepared = items.map(({ article, extraction }) => prepareArticle(article, extraction));
  const now = new Date().toISOString();
  return writeTx(
    driver,
    database,
    async (tx) => {
      const summaries: WriteSummary[] = [];
      for (const round of rounds(prepared)) {
        summaries.push(...(await writeRound(tx, round, now, options.force ?? false)));
      }
      return summaries;
    },
    options,
  );
}

/**
 * Splits the batch, in order, into runs with distinct article ids, so an id given twice is
 * written twice in sequence (the later item wins) rather than merged into one row set.
 */
function rounds(prepared: readonly PreparedArticle[]): PreparedArticle[][] {
  const out: PreparedArticle[][] = [];
  let current: PreparedArticle[] = [];
  let ids = new Set<string>();
  for (const p of prepared) {
    if (ids.has(p.article.id)) {
      out.push(current);
      current = [];
      ids = new Set();
    }
    current.push(p);
    ids.add(p.article.id);
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function writeRound(
  tx: ManagedTransaction,
  round: readonly PreparedArticle[],
  now: string,
  force: boolean,
): Promise<WriteSummary[]> {
  // Locked in id order, so two writers of overlapping batches queue rather than deadlock.
  const existing = await tx.run(LOCK_ARTICLES, { ids: round.map((p) => p.article.id).sort() });
  const storedHash = new Map<string, string | null>(existing.records.map((r) => [r.get('id') as string, r.get('contentHash') as string | null]));
  const statusOf = (p: PreparedArticle): WriteStatus => {
    const stored = storedHash.get(p.article.id);
    if (stored === null || stored === undefined) return 'new';
    return !force && stored === p.article.contentHash ? 'unchanged' : 'updated';
  };
  const statuses = round.map(statusOf);
  const toWrite = round.filter((_, i) => statuses[i] !== 'unchanged');

  if (toWrite.length > 0) {
    const replaced = round.filter((_, i) => statuses[i] === 'updated').map((p) => p.article.id);
    const detached = await detachArticles(tx, replaced, false);
    await tx.run(UPSERT_ENTITIES, {
      entities: entityColumns(mergeEntityRows(toWrite.flatMap((p) => p.entities))),
      entityTypes: ENTITY_TYPES,
    });
    await tx.run(WRITE_ARTICLES, {
      articles: toWrite.map(articleWriteRow),
      now,
    });
    const edges = planEdgeUpdates(toWrite, detached.triples);
    await addToEdges(tx, edges.increments);
    await recomputeEdges(tx, edges.recount);
    await removeOrphans(tx, detached.entityIds);
  }

  return round.map((p, i) => {
    const status = statuses[i] ?? 'new';
    const written = status !== 'unchanged';
    return {
      articleId: p.article.id,
      status,
      entities: written ? p.entities.length : 0,
      mentions: written ? p.mentions.length : 0,
      statements: written ? p.statements.length : 0,
      skippedRelations: p.skippedRelations,
    };
  });
}
