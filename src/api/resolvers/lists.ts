/** Root resolvers of the paged lists (Relay connections): entities, relations, articles. */
import { firstArg } from '../args.ts';
import { toConnection, type Connection } from '../connection.ts';
import { offsetAfter } from '../cursor.ts';
import {
  articleListSpec,
  entityListSpec,
  relationListSpec,
  type ArticleFilterInput,
  type EntityFilterInput,
  type RelationFilterInput,
} from '../filters.ts';
import type { ArticleRow, EntityRow, RelationRow } from '../rows.ts';
import { countArticles, listArticles } from '../queries/articles.ts';
import { countEntities, listEntities, type EntityOrderField } from '../queries/entityList.ts';
import { countRelations, listRelations, type RelationOrderField } from '../queries/relationList.ts';
import type { Resolver } from './types.ts';

interface PageArgs {
  first?: number | null;
  after?: string | null;
}
interface EntitiesArgs extends PageArgs {
  filter?: EntityFilterInput | null;
  orderBy?: { field: EntityOrderField; direction?: 'ASC' | 'DESC' | null } | null;
}
interface RelationsArgs extends PageArgs {
  filter?: RelationFilterInput | null;
  orderBy?: { field: RelationOrderField; direction?: 'ASC' | 'DESC' | null } | null;
}
interface ArticlesArgs extends PageArgs {
  filter?: ArticleFilterInput | null;
}

/** The page window of a connection field: where it starts and how many rows to fetch. */
function pageWindow(kind: string, args: PageArgs): { offset: number; first: number } {
  return { offset: offsetAfter(kind, args.after), first: firstArg(args.first) };
}

const entities: Resolver<unknown, EntitiesArgs, Connection<EntityRow>> = async (_parent, args, ctx) => {
  const { offset, first } = pageWindow('entities', args);
  const spec = await entityListSpec(ctx.db, args.filter, args.orderBy);
  const rows = await listEntities(ctx.db, spec, offset, first + 1);
  for (const row of rows) ctx.loaders.entity.prime(row.id, row);
  return toConnection('entities', rows, offset, first, () => countEntities(ctx.db, spec));
};

const relations: Resolver<unknown, RelationsArgs, Connection<RelationRow>> = async (_parent, args, ctx) => {
  const { offset, first } = pageWindow('relations', args);
  const spec = relationListSpec(args.filter, args.orderBy);
  const rows = await listRelations(ctx.db, spec, offset, first + 1);
  for (const row of rows) for (const e of [row.self, row.other]) ctx.loaders.entity.prime(e.id, e);
  return toConnection('relations', rows, offset, first, () => countRelations(ctx.db, spec));
};

const articlesConnection: Resolver<unknown, ArticlesArgs, Connection<ArticleRow>> = async (_parent, args, ctx) => {
  const { offset, first } = pageWindow('articles', args);
  const spec = articleListSpec(args.filter);
  const rows = await listArticles(ctx.db, spec, offset, first + 1);
  for (const row of rows) ctx.loaders.article.prime(row.id, row);
  return toConnection('articles', rows, offset, first, () => countArticles(ctx.db, spec));
};

/** Resolvers of the paged fields of `type Query`. */
export const listResolvers = { entities, relations, articlesConnection };
