/** Resolvers of `type Entity` and `type Relation`; every list goes through a loader. */
import type { Predicate } from '../../model.ts';
import { SYMMETRIC_PREDICATES } from '../../model.ts';
import { canonicalEnds } from '../../graph/rows.ts';
import { dateRangeArg, firstArg, limitArg } from '../args.ts';
import { toConnection, type Connection } from '../connection.ts';
import { offsetAfter } from '../cursor.ts';
import { predicatesArg, type DateRangeInput } from '../filters.ts';
import type { ArticleRow, CountryStatsRow, DirectionValue, EntityRow, EvidenceRow, RelationRow } from '../rows.ts';
import type { EvidenceKey } from '../queries/evidence.ts';
import type { RelationsKey } from '../queries/relations.ts';
import type { LimitArgs, Resolver } from './types.ts';

export interface RelationsArgs extends LimitArgs {
  direction?: DirectionValue | null;
  predicate?: Predicate | null;
}

/** The relations loader's key for `Entity.relations(args)` of entity `id`; throws on a bad limit. */
export function relationsKey(id: string, args: RelationsArgs): RelationsKey {
  return { id, direction: args.direction ?? 'BOTH', predicate: args.predicate ?? null, limit: limitArg(args.limit) };
}

interface TimelineArgs {
  published?: DateRangeInput | null;
  predicates?: Predicate[] | null;
  newestFirst?: boolean | null;
  first?: number | null;
  after?: string | null;
}

/** The loader key for a relation's statements (field order fixed: it is the cache key). */
export function evidenceKey(subject: string, predicate: Predicate, object: string, limit: number): EvidenceKey {
  return { subject, predicate, object, symmetric: SYMMETRIC_PREDICATES.has(predicate), limit };
}

const mentionCount: Resolver<EntityRow, unknown, number> = (entity, _args, ctx) =>
  ctx.loaders.mentionCount.load(entity.id);

const articles: Resolver<EntityRow, LimitArgs, ArticleRow[]> = (entity, args, ctx) =>
  ctx.loaders.entityArticles.load({ id: entity.id, limit: limitArg(args.limit) });

const relations: Resolver<EntityRow, RelationsArgs, RelationRow[]> = (entity, args, ctx) =>
  ctx.loaders.relations.load(relationsKey(entity.id, args));

const evidence: Resolver<RelationRow, LimitArgs, EvidenceRow[]> = (relation, args, ctx) =>
  ctx.loaders.evidence.load(evidenceKey(relation.subject.id, relation.predicate, relation.object.id, limitArg(args.limit)));

const timeline: Resolver<EntityRow, TimelineArgs, Promise<Connection<EvidenceRow>>> = async (entity, args, ctx) => {
  const skip = offsetAfter('timeline', args.after);
  const first = firstArg(args.first);
  const range = dateRangeArg(args.published, 'published');
  const page = await ctx.loaders.timeline.load({
    id: entity.id,
    from: range?.from ?? null,
    to: range?.to ?? null,
    predicates: predicatesArg(args.predicates, 'predicates'),
    newestFirst: args.newestFirst ?? false,
    skip,
    limit: first + 1,
  });
  return toConnection('timeline', page.rows, skip, first, () => page.total);
};

const countryStats: Resolver<EntityRow, unknown, CountryStatsRow | null> = (entity, _args, ctx) =>
  entity.type === 'Country' ? ctx.loaders.countryStats.load(entity.id) : null;

/** "<subject>|<PREDICATE>|<object>" with the ends as stored (symmetric: lower id first). */
const relationId: Resolver<RelationRow, unknown, string> = (relation) => {
  const [subject, object] = canonicalEnds(relation.predicate, relation.subject.id, relation.object.id);
  return `${subject}|${relation.predicate}|${object}`;
};

const statementCount: Resolver<RelationRow, unknown, number> = (relation) => relation.statements;

/** Resolvers of `type Entity`. */
export const entityResolvers = { mentionCount, articles, relations, timeline, countryStats };

/** Resolvers of `type Relation`. */
export const relationResolvers = { id: relationId, statementCount, evidence };
