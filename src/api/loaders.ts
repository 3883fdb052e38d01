/**
 * Per-request DataLoaders: every resolver that reads "something of one entity/article"
 * goes through one of these, so a list of N parents costs one query per field, not N.
 * Loaders that return entities prime the entity loader, so a later `entity(id)` is free.
 */
import DataLoader from 'dataloader';
import type { ArticleRow, CountryStatsRow, EntityRow, EvidenceRow, MentionRow, RelationRow } from './rows.ts';
import type { ReadDb } from './queries/cypher.ts';
import { articlesMentioning, entitiesByIds, mentionCounts, type EntityArticlesKey } from './queries/entities.ts';
import { articlesByIds, mentionsOfArticles, relationsOfArticles, type ArticleRelationsKey } from './queries/articles.ts';
import { countryStats } from './queries/countries.ts';
import { entitiesWithRelations, relationsOf, type EntityRelations, type RelationsKey } from './queries/relations.ts';
import {
  evidenceFor,
  statementsOfArticles,
  timelineOf,
  type ArticleStatementsKey,
  type EvidenceKey,
  type TimelineKey,
  type TimelinePage,
} from './queries/evidence.ts';

export interface Loaders {
  entity: DataLoader<string, EntityRow | null>;
  article: DataLoader<string, ArticleRow | null>;
  mentionCount: DataLoader<string, number>;
  entityArticles: DataLoader<EntityArticlesKey, ArticleRow[], string>;
  relations: DataLoader<RelationsKey, RelationRow[], string>;
  /** An entity and one page of its relations in one query; primes `entity` and `relations`. */
  entityRelations: DataLoader<RelationsKey, EntityRelations, string>;
  evidence: DataLoader<EvidenceKey, EvidenceRow[], string>;
  articleMentions: DataLoader<string, MentionRow[]>;
  articleStatements: DataLoader<ArticleStatementsKey, EvidenceRow[], string>;
  articleRelations: DataLoader<ArticleRelationsKey, RelationRow[], string>;
  timeline: DataLoader<TimelineKey, TimelinePage, string>;
  countryStats: DataLoader<string, CountryStatsRow | null>;
}

const byJson = { cacheKeyFn: (key: object): string => JSON.stringify(key) };

/** Fresh loaders for one request (caches must not outlive it: the graph changes). */
export function createLoaders(db: ReadDb): Loaders {
  const entity = new DataLoader<string, EntityRow | null>((ids) => entitiesByIds(db, ids));
  const article = new DataLoader<string, ArticleRow | null>((ids) => articlesByIds(db, ids));
  const primeEntities = (rows: EntityRow[]): void => {
    for (const row of rows) entity.prime(row.id, row);
  };
  const primeArticles = (rows: ArticleRow[]): void => {
    for (const row of rows) article.prime(row.id, row);
  };
  const primeEvidence = (lists: EvidenceRow[][]): EvidenceRow[][] => {
    for (const ev of lists.flat()) {
      primeEntities([ev.subject, ev.object]);
      primeArticles([ev.article]);
    }
    return lists;
  };
  const primeRelations = (lists: RelationRow[][]): RelationRow[][] => {
    for (const rel of lists.flat()) primeEntities([rel.self, rel.other]);
    return lists;
  };
  const relations = new DataLoader<RelationsKey, RelationRow[], string>(async (keys) => primeRelations(await relationsOf(db, keys)), byJson);
  return {
    entity,
    article,
    mentionCount: new DataLoader((ids) => mentionCounts(db, ids)),
    entityArticles: new DataLoader<EntityArticlesKey, ArticleRow[], string>(async (keys) => {
      const lists = await articlesMentioning(db, keys);
      primeArticles(lists.flat());
      return lists;
    }, byJson),
    relations,
    entityRelations: new DataLoader<RelationsKey, EntityRelations, string>(async (keys) => {
      const found = await entitiesWithRelations(db, keys);
      found.forEach((f, i) => {
        const key = keys[i];
        if (!key) return;
        entity.prime(key.id, f.entity);
        relations.prime(key, f.relations);
        primeRelations([f.relations]);
      });
      return found;
    }, byJson),
    evidence: new DataLoader<EvidenceKey, EvidenceRow[], string>(async (keys) => primeEvidence(await evidenceFor(db, keys)), byJson),
    articleMentions: new DataLoader(async (ids) => {
      const lists = await mentionsOfArticles(db, ids);
      primeEntities(lists.flat().map((m) => m.entity));
      return lists;
    }),
    articleStatements: new DataLoader<ArticleStatementsKey, EvidenceRow[], string>(async (keys) => primeEvidence(await statementsOfArticles(db, keys)), byJson),
    articleRelations: new DataLoader<ArticleRelationsKey, RelationRow[], string>(async (keys) => primeRelations(await relationsOfArticles(db, keys)), byJson),
    timeline: new DataLoader<TimelineKey, TimelinePage, string>(async (keys) => {
      const pages = await timelineOf(db, keys);
      primeEvidence(pages.map((p) => p.rows));
      return pages;
    }, byJson),
    countryStats: new DataLoader((ids) => countryStats(db, ids)),
  };
}
