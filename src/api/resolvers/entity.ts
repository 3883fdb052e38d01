/** Resolvers of `type Entity` and `type Relation`; every list goes through a loader. */
import type { Predicate } from '../../model.ts';
import { SYMMETRIC_PREDICATES } from '../../model.ts';
import { limitArg } from '../args.ts';
import type { ArticleRow, DirectionValue, EntityRow, EvidenceRow, RelationRow } from '../rows.ts';
import type { EvidenceKey } from '../queries/evidence.ts';
import type { LimitArgs, Resolver } from './types.ts';

interface RelationsArgs extends LimitArgs {
  direction?: DirectionValue | null;
  predicate?: Predicate | null;
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
  ctx.loaders.relations.load({
    id: entity.id,
    direction: args.direction ?? 'BOTH',
    predicate: args.predicate ?? null,
    limit: limitArg(args.limit),
  });

const evidence: Resolver<RelationRow, LimitArgs, EvidenceRow[]> = (relation, args, ctx) =>
  ctx.loaders.evidence.load(evidenceKey(relation.subject.id, relation.predicate, relation.object.id, limitArg(args.limit)));

/** Resolvers of `type Entity`. */
export const entityResolvers = { mentionCount, articles, relations };

/** Resolvers of `type Relation`. */
export const relationResolvers = { evidence };
