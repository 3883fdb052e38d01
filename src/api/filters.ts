/**
 * Turns the filter and order inputs of the list fields into the query layer's specs,
 * checking each value and naming the offending input field (e.g. "filter.minSupport").
 * A country given by name is resolved here, so the query layer only ever sees ids.
 */
import type { EntityType, Predicate } from '../model.ts';
import { dateRangeArg, optIntInRange, optNumberInRange, optTextArg, textArg } from './args.ts';
import { badArgument } from './errors.ts';
import type { DirectionValue, EntityRow } from './rows.ts';
import type { ReadDb } from './queries/cypher.ts';
import { countryByNameOrCode } from './queries/entities.ts';
import type { EntityListSpec, EntityOrderField } from './queries/entityList.ts';
import type { RelationAnchor, RelationListSpec, RelationOrderField } from './queries/relationList.ts';
import type { ArticleListSpec } from './queries/articles.ts';

type SortDirection = 'ASC' | 'DESC';

export interface DateRangeInput {
  from?: string | null;
  to?: string | null;
}

export interface EntityFilterInput {
  type?: EntityType | null;
  country?: string | null;
  mentionedIn?: DateRangeInput | null;
  minSupport?: number | null;
}

export interface RelationFilterInput {
  predicates?: Predicate[] | null;
  subject?: string | null;
  object?: string | null;
  entity?: string | null;
  direction?: DirectionValue | null;
  minConfidence?: number | null;
  minSupport?: number | null;
  seen?: DateRangeInput | null;
}

export interface ArticleFilterInput {
  text?: string | null;
  published?: DateRangeInput | null;
  source?: string | null;
  mentions?: string | null;
}

/** Largest support a filter may ask for. */
const MAX_SUPPORT = 1_000_000;

/** The country named by id, name, alias or ISO code; throws naming `argument` when none matches. */
export async function resolveCountry(db: ReadDb, value: string, argument: string): Promise<EntityRow> {
  const wanted = textArg(value, argument);
  const country = await countryByNameOrCode(db, wanted);
  if (!country) throw badArgument(argument, `matches no country by id, name, alias or ISO code: "${wanted}".`);
  return country;
}

/** A predicate list, or null for "all"; an empty list is refused (it would match nothing). */
export function predicatesArg(value: readonly Predicate[] | null | undefined, argument: string): Predicate[] | null {
  if (value === null || value === undefined) return null;
  if (value.length === 0) throw badArgument(argument, 'must name at least one predicate (omit it for all).');
  return [...new Set(value)];
}

/** The spec of `Query.entities`. */
export async function entityListSpec(
  db: ReadDb,
  filter: EntityFilterInput | null | undefined,
  orderBy: { field: EntityOrderField; direction?: SortDirection | null } | null | undefined,
): Promise<EntityListSpec> {
  const field = orderBy?.field ?? 'NAME';
  const countryText = optTextArg(filter?.country, 'filter.country');
  return {
    type: filter?.type ?? null,
    countryId: countryText === null ? null : (await resolveCountry(db, countryText, 'filter.country')).id,
    mentionedIn: dateRangeArg(filter?.mentionedIn, 'filter.mentionedIn'),
    minSupport: optIntInRange(filter?.minSupport, 'filter.minSupport', 0, MAX_SUPPORT),
    order: { field, direction: orderBy?.direction ?? (field === 'NAME' ? 'ASC' : 'DESC') },
  };
}

function relationAnchor(filter: RelationFilterInput | null | undefined): RelationAnchor {
  const subject = optTextArg(filter?.subject, 'filter.subject');
  const object = optTextArg(filter?.object, 'filter.object');
  const entity = optTextArg(filter?.entity, 'filter.entity');
  if (entity !== null && (subject !== null || object !== null)) {
    throw badArgument('filter.entity', 'cannot be combined with "subject" or "object"; use one or the other.');
  }
  if (entity !== null) return { kind: 'entity', id: entity, direction: filter?.direction ?? 'BOTH' };
  if (subject !== null) return { kind: 'subject', id: subject, object };
  if (object !== null) return { kind: 'object', id: object };
  return { kind: 'none' };
}

/** The spec of `Query.relations`. */
export function relationListSpec(
  filter: RelationFilterInput | null | undefined,
  orderBy: { field: RelationOrderField; direction?: SortDirection | null } | null | undefined,
): RelationListSpec {
  return {
    anchor: relationAnchor(filter),
    predicates: predicatesArg(filter?.predicates, 'filter.predicates'),
    minSupport: optIntInRange(filter?.minSupport, 'filter.minSupport', 1, MAX_SUPPORT),
    minConfidence: optNumberInRange(filter?.minConfidence, 'filter.minConfidence', 0, 1),
    seen: dateRangeArg(filter?.seen, 'filter.seen'),
    order: { field: orderBy?.field ?? 'SUPPORT', direction: orderBy?.direction ?? 'DESC' },
  };
}

/** The spec of `Query.articlesConnection`. */
export function articleListSpec(filter: ArticleFilterInput | null | undefined): ArticleListSpec {
  return {
    text: optTextArg(filter?.text, 'filter.text'),
    published: dateRangeArg(filter?.published, 'filter.published'),
    source: optTextArg(filter?.source, 'filter.source'),
    mentions: optTextArg(filter?.mentions, 'filter.mentions'),
  };
}
