/** Mutation resolvers: check the caller's key first, then the input, then write. */
import { requireWriteAccess } from '../auth.ts';
import { textArg } from '../args.ts';
import type { ApiContext } from '../context.ts';
import { deleteOne, ingestOne, type DeleteResultRow, type IngestArticleInput, type IngestResultRow, type WriteDb } from '../ingest.ts';
import type { ArticleRow, EntityRow } from '../rows.ts';
import type { Resolver } from './types.ts';

function writeDb(ctx: ApiContext): WriteDb {
  return { driver: ctx.db.driver, database: ctx.db.database, timeoutMs: ctx.writeTimeoutMs };
}

const ingestArticle: Resolver<unknown, { input: IngestArticleInput }, IngestResultRow> = (_parent, args, ctx) => {
  requireWriteAccess(ctx.access);
  return ingestOne(writeDb(ctx), args.input);
};

const deleteArticle: Resolver<unknown, { id: string }, DeleteResultRow> = (_parent, args, ctx) => {
  requireWriteAccess(ctx.access);
  return deleteOne(writeDb(ctx), textArg(args.id, 'id'));
};

const storedArticle: Resolver<IngestResultRow, unknown, ArticleRow | null> = (result, _args, ctx) =>
  ctx.loaders.article.load(result.articleId);

const storedEntity: Resolver<{ id: string }, unknown, EntityRow | null> = (entity, _args, ctx) =>
  ctx.loaders.entity.load(entity.id);

/** Resolvers of `type Mutation`. */
export const mutationResolvers = { ingestArticle, deleteArticle };

/** Resolvers of `type IngestResult`. */
export const ingestResultResolvers = { article: storedArticle };

/** Resolvers of `type ExtractedEntityResult`. */
export const extractedEntityResolvers = { entity: storedEntity };
