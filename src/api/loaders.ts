/**
 * Per-request loaders: every resolver that reads "something of one entity/article" goes
 * through one of these, so a list of N parents costs one query per field, not N.
 * Loaders that return entities or articles prime `entity`/`article` (rowLoader.ts), so a
 * later `entity(id)` is free.
 *
 * A request uses one or two of the twelve loaders, so each is made on first use: a
 * request does not pay for building the others.
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
import { RowLoader } from './rowLoader.ts';

/** Loaders whose keys are objects are cached by the key's JSON. */
const byJson = { cacheKeyFn: (key: object): string => JSON.stringify(key) };

/** Relation pages are cached by their four parts (the most used key: every entity with relations). */
const byRelationsKey = {
  cacheKeyFn: (key: RelationsKey): string => `${key.id}\u0000${key.direction}\u0000${key.predicate ?? ''}\u0000${key.limit}`,
};

/** Fresh loaders for one request (caches must not outlive it: the graph changes). */
export class Loaders {
  readonly #db: ReadDb;
  readonly entity: RowLoader<EntityRow>;
  readonly article: RowLoader<ArticleRow>;
  #mentionCount: DataLoader<string, number> | undefined;
  #entityArticles: DataLoader<EntityArticlesKey, ArticleRow[], string> | undefined;
  #relations: DataLoader<RelationsKey, RelationRow[], string> | undefined;
  #entityRelations: DataLoader<RelationsKey, EntityRelations, string> | undefined;
  #evidence: DataLoader<EvidenceKey, EvidenceRow[], string> | undefined;
  #articleMentions: DataLoader<string, MentionRow[]> | undefined;
  #articleStatements: DataLoader<ArticleStatementsKey, EvidenceRow[], string> | undefined;
  #articleRelations: DataLoader<ArticleRelationsKey, RelationRow[], string> | undefined;
  #timeline: DataLoader<TimelineKey, TimelinePage, string> | undefined;
  #countryStats: DataLoader<string, CountryStatsRow | null> | undefined;

  constructor(db: ReadDb) {
    this.#db = db;
    this.entity = new RowLoader((ids) => entitiesByIds(db, ids));
    this.article = new RowLoader((ids) => articlesByIds(db, ids));
  }

  get mentionCount(): DataLoader<string, number> {
    return (this.#mentionCount ??= new DataLoader<string, number>((ids) => mentionCounts(this.#db, ids)));
  }

  get entityArticles(): DataLoader<EntityArticlesKey, ArticleRow[], string> {
    return (this.#entityArticles ??= new DataLoader<EntityArticlesKey, ArticleRow[], string>(async (keys) => {
      const lists = await articlesMentioning(this.#db, keys);
      this.#primeArticles(lists.flat());
      return lists;
    }, byJson));
  }

  get relations(): DataLoader<RelationsKey, RelationRow[], string> {
    return (this.#relations ??= new DataLoader<RelationsKey, RelationRow[], string>(async (keys) => this.#primeRelations(await relationsOf(this.#db, keys)), byRelationsKey));
  }

  /** An entity and one page of its relations in one query; primes `entity` and `relations`. */
  get entityRelations(): DataLoader<RelationsKey, EntityRelations, string> {
    return (this.#entityRelations ??= new DataLoader<RelationsKey, EntityRelations, string>(async (keys) => {
      const found = await entitiesWithRelations(this.#db, keys);
      found.forEach((f, i) => {
        const key = keys[i];
        if (!key) return;
        this.entity.prime(key.id, f.entity);
        this.relations.prime(key, f.relations);
        this.#primeRelations([f.relations]);
      });
      return found;
    }, byRelationsKey));
  }

  get evidence(): DataLoader<EvidenceKey, EvidenceRow[], string> {
    return (this.#evidence ??= new DataLoader<EvidenceKey, EvidenceRow[], string>(async (keys) => this.#primeEvidence(await evidenceFor(this.#db, keys)), byJson));
  }

  get articleMentions(): DataLoader<string, MentionRow[]> {
    return (this.#articleMentions ??= new DataLoader<string, MentionRow[]>(async (ids) => {
      const lists = await mentionsOfArticles(this.#db, ids);
      this.#primeEntities(lists.flat().map((m) => m.entity));
      return lists;
    }));
  }

  get articleStatements(): DataLoader<ArticleStatementsKey, EvidenceRow[], string> {
    return (this.#articleStatements ??= new DataLoader<ArticleStatementsKey, EvidenceRow[], string>(async (keys) => this.#primeEvidence(await statementsOfArticles(this.#db, keys)), byJson));
  }

  get articleRelations(): DataLoader<ArticleRelationsKey, RelationRow[], string> {
    return (this.#articleRelations ??= new DataLoader<ArticleRelationsKey, RelationRow[], string>(async (keys) => this.#primeRelations(await relationsOfArticles(this.#db, keys)), byJson));
  }

  get timeline(): DataLoader<TimelineKey, TimelinePage, string> {
    return (this.#timeline ??= new DataLoader<TimelineKey, TimelinePage, string>(async (keys) => {
      const pages = await timelineOf(this.#db, keys);
      this.#primeEvidence(pages.map((p) => p.rows));
      return pages;
    }, byJson));
  }

  get countryStats(): DataLoader<string, CountryStatsRow | null> {
    return (this.#countryStats ??= new DataLoader<string, CountryStatsRow | null>((ids) => countryStats(this.#db, ids)));
  }

  #primeEntities(rows: readonly EntityRow[]): void {
    for (const row of rows) this.entity.prime(row.id, row);
  }

  #primeArticles(rows: readonly ArticleRow[]): void {
    for (const row of rows) this.article.prime(row.id, row);
  }

  #primeEvidence(lists: EvidenceRow[][]): EvidenceRow[][] {
    for (const list of lists) {
      for (const ev of list) {
        this.entity.prime(ev.subject.id, ev.subject).prime(ev.object.id, ev.object);
        this.article.prime(ev.article.id, ev.article);
      }
    }
    return lists;
  }

  #primeRelations(lists: RelationRow[][]): RelationRow[][] {
    for (const list of lists) for (const rel of list) this.entity.prime(rel.self.id, rel.self).prime(rel.other.id, rel.other);
    return lists;
  }
}
