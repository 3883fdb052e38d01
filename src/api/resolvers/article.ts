/** Resolvers of `type Article`: its mentions and statements, through loaders. */
import { limitArg } from '../args.ts';
import type { ArticleRow, EvidenceRow, MentionRow } from '../rows.ts';
import type { LimitArgs, Resolver } from './types.ts';

const mentions: Resolver<ArticleRow, unknown, MentionRow[]> = (article, _args, ctx) =>
  ctx.loaders.articleMentions.load(article.id);

const statements: Resolver<ArticleRow, LimitArgs, EvidenceRow[]> = (article, args, ctx) =>
  ctx.loaders.articleStatements.load({ id: article.id, limit: limitArg(args.limit) });

/** Resolvers of `type Article`. */
export const articleResolvers = { mentions, statements };
