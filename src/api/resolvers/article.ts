/** Resolvers of `type Article`: its mentions, statements and relations, through loaders. */
import { limitArg } from '../args.ts';
import type { ArticleRow, EvidenceRow, MentionRow, RelationRow } from '../rows.ts';
import type { LimitArgs, Resolver } from './types.ts';

const mentions: Resolver<ArticleRow, unknown, MentionRow[]> = (article, _args, ctx) =>
  ctx.loaders.articleMentions.load(article.id);

const statements: Resolver<ArticleRow, LimitArgs, EvidenceRow[]> = (article, args, ctx) =>
  ctx.loaders.articleStatements.load({ id: article.id, limit: limitArg(args.limit) });

const relations: Resolver<ArticleRow, LimitArgs, RelationRow[]> = (article, args, ctx) =>
  ctx.loaders.articleRelations.load({ id: article.id, limit: limitArg(args.limit) });

/** Resolvers of `type Article`. */
export const articleResolvers = { mentions, statements, relations };
