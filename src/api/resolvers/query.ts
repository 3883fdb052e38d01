/** Root query resolvers for single things and networks: check arguments, call one query or loader. */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { EntityType } from '../../model.ts';
import { intInRange, limitArg, MAX_NETWORK_LIMIT, offsetArg, textArg } from '../args.ts';
import { resolveCountry } from '../filters.ts';
import type { ArticleRow, CountryStatsRow, EntityRow, PartnerNetworkRow, SearchHitRow, StatsRow } from '../rows.ts';
import { ALL_ARTICLES, listArticles } from '../queries/articles.ts';
import { countryByNameOrCode, entityByName } from '../queries/entities.ts';
import { partnerNetwork, partnersOf } from '../queries/partners.ts';
import { searchEntities } from '../queries/search.ts';
import { graphStats } from '../queries/stats.ts';
import { selectedFieldArguments } from '../lookahead.ts';
import type { RelationsKey } from '../queries/relations.ts';
import { relationsKey, type RelationsArgs } from './entity.ts';
import type { LimitArgs, Resolver } from './types.ts';

interface EntityArgs {
  id?: string | null;
  name?: string | null;
}
interface SearchArgs extends LimitArgs {
  text: string;
  type?: EntityType | null;
}
interface ArticlesArgs extends LimitArgs {
  offset?: number | null;
}
interface PartnerNetworkArgs extends LimitArgs {
  country?: string | null;
  includeOrganizations?: boolean | null;
  minSupport?: number | null;
}

/** Largest `minSupport` of the partner network. */
const MAX_NETWORK_SUPPORT = 10_000;

function eitherIdOrName(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument: 'id' } });
}

/**
 * The relations key of the first `relations` selected under this field, when it has valid
 * arguments: the entity and that page are then read in one query. A bad argument is left
 * for the `relations` field to report, on its own path.
 */
function lookaheadRelations(id: string, info: GraphQLResolveInfo): RelationsKey | null {
  const [args] = selectedFieldArguments(info, 'relations');
  if (!args) return null;
  try {
    return relationsKey(id, args as RelationsArgs);
  } catch {
    return null;
  }
}

const entity: Resolver<unknown, EntityArgs, EntityRow | null> = async (_parent, args, ctx, info) => {
  const hasId = args.id !== null && args.id !== undefined;
  const hasName = args.name !== null && args.name !== undefined;
  if (hasId && hasName) throw eitherIdOrName('Give only one of the arguments "id" and "name", not both.');
  if (hasId) {
    const id = textArg(args.id, 'id');
    const withRelations = lookaheadRelations(id, info);
    if (withRelations) return (await ctx.loaders.entityRelations.load(withRelations)).entity;
    return ctx.loaders.entity.load(id);
  }
  if (hasName) return entityByName(ctx.db, textArg(args.name, 'name'));
  throw eitherIdOrName('Give either the argument "id" or the argument "name".');
};

const search: Resolver<unknown, SearchArgs, SearchHitRow[]> = async (_parent, args, ctx) => {
  const hits = await searchEntities(ctx.db, textArg(args.text, 'text'), args.type ?? null, limitArg(args.limit));
  for (const hit of hits) ctx.loaders.entity.prime(hit.entity.id, hit.entity);
  return hits;
};

const articles: Resolver<unknown, ArticlesArgs, ArticleRow[]> = async (_parent, args, ctx) => {
  const rows = await listArticles(ctx.db, ALL_ARTICLES, offsetArg(args.offset), limitArg(args.limit));
  for (const row of rows) ctx.loaders.article.prime(row.id, row);
  return rows;
};

const article: Resolver<unknown, { id: string }, ArticleRow | null> = (_parent, args, ctx) =>
  ctx.loaders.article.load(textArg(args.id, 'id'));

const partnerNetworkResolver: Resolver<unknown, PartnerNetworkArgs, PartnerNetworkRow> = async (_parent, args, ctx) => {
  const options = {
    limit: limitArg(args.limit, MAX_NETWORK_LIMIT),
    includeOrganizations: args.includeOrganizations ?? false,
    minSupport: intInRange(args.minSupport ?? 1, 'minSupport', 1, MAX_NETWORK_SUPPORT),
  };
  if (args.country === null || args.country === undefined) return partnerNetwork(ctx.db, options);
  return partnersOf(ctx.db, await resolveCountry(ctx.db, args.country, 'country'), options);
};

const countryStats: Resolver<unknown, { country: string }, CountryStatsRow | null> = async (_parent, args, ctx) => {
  const country = await countryByNameOrCode(ctx.db, textArg(args.country, 'country'));
  return country ? ctx.loaders.countryStats.load(country.id) : null;
};

const stats: Resolver<unknown, Record<string, never>, StatsRow> = (_parent, _args, ctx) => graphStats(ctx.db);

/** Resolvers of `type Query` for single things and networks. */
export const queryResolvers = {
  entity,
  search,
  articles,
  article,
  partnerNetwork: partnerNetworkResolver,
  countryStats,
  stats,
};
