/**
 * What the mutations do: ingest one article (check the input, build the Article, extract,
 * write) and delete one. The same functions `govgraph ingest` uses do the work; this file
 * only checks input and shapes the outcome for the schema.
 */
import { makeArticle } from '../../ingest/article.ts';
import { deleteArticle } from '../graph/deleteArticle.ts';
import { writeArticles } from '../graph/writer.ts';
import { extractArticle } from '../extract/index.ts';
import type { Driver } from 'neo4j-driver';
import type { EntityType, Predicate } from '../model.ts';
import { dateBoundArg } from './args.ts';
import { badArgument } from './errors.ts';

export interface IngestArticleInput {
  title: string;
  body: string;
  url?: string | null;
  source?: string | null;
  published?: string | null;
}

export interface TextSpanRow {
  start: number;
  end: number;
  text: string;
}

export interface IngestResultRow {
  status: 'NEW' | 'UNCHANGED' | 'UPDATED';
  articleId: string;
  entities: { id: string; name: string; type: EntityType; aliases: string[]; code: string | null; mentions: TextSpanRow[] }[];
  relations: { subject: string; predicate: Predicate; object: string; confidence: number; role: string | null; evidence: TextSpanRow }[];
  statements: number;
  skippedRelations: number;
}

export interface DeleteResultRow {
  id: string;
  deleted: boolean;
  removedEntities: number;
}

/** Where mutations write, and their transaction timeout. */
export interface WriteDb {
  driver: Driver;
  database: string;
  timeoutMs: number;
}

const LIMITS = { title: 1000, body: 1_000_000, url: 2000, source: 200 } as const;

function checkLength(value: string | null | undefined, field: keyof typeof LIMITS, required: boolean): void {
  const length = value?.trim().length ?? 0;
  if (required && length === 0) throw badArgument(`input.${field}`, 'must not be empty.');
  if (length > LIMITS[field]) throw badArgument(`input.${field}`, `must be at most ${LIMITS[field]} characters (got ${length}).`);
}

/** Checks an ingest input, naming the offending field ("input.body", ...). */
export function checkIngestInput(input: IngestArticleInput): void {
  checkLength(input.title, 'title', false);
  checkLength(input.body, 'body', true);
  checkLength(input.source, 'source', false);
  checkLength(input.url, 'url', false);
  const url = input.url?.trim();
  if (url) {
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') throw badArgument('input.url', `must be an http or https URL (got "${url}").`);
  }
  if (input.published?.trim()) dateBoundArg(input.published, 'input.published', 'from');
}

function span(body: string, start: number, end: number): TextSpanRow {
  return { start, end, text: body.slice(start, end) };
}

/** Extracts and stores one article, as `govgraph ingest` would; returns what was extracted and written. */
export async function ingestOne(db: WriteDb, input: IngestArticleInput): Promise<IngestResultRow> {
  checkIngestInput(input);
  const article = makeArticle({ title: input.title, body: input.body, url: input.url, source: input.source, published: input.published });
  const extraction = extractArticle(article);
  const [summary] = await writeArticles(db.driver, db.database, [{ article, extraction }], { timeoutMs: db.timeoutMs });
  if (!summary) throw new Error('writeArticles returned no summary');
  return {
    status: summary.status === 'new' ? 'NEW' : summary.status === 'updated' ? 'UPDATED' : 'UNCHANGED',
    articleId: summary.articleId,
    entities: extraction.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      code: e.code ?? null,
      mentions: e.mentions.map((m) => span(article.body, m.start, m.end)),
    })),
    relations: extraction.relations.map((r) => ({
      subject: r.subject,
      predicate: r.predicate,
      object: r.object,
      confidence: r.confidence,
      role: r.role ?? null,
      evidence: span(article.body, r.evidence.start, r.evidence.end),
    })),
    statements: summary.statements,
    skippedRelations: summary.skippedRelations,
  };
}

/** Deletes one article and what only it supported. */
export async function deleteOne(db: WriteDb, id: string): Promise<DeleteResultRow> {
  const result = await deleteArticle(db.driver, db.database, id, { timeoutMs: db.timeoutMs });
  return { id, deleted: result.deleted, removedEntities: result.removedEntities };
}
