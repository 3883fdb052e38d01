/**
 * Plain rows the query layer returns and the resolvers read. Entities and articles are
 * embedded wherever a query already has them, so a resolver rarely needs another round trip.
 */
import type { EntityType, Predicate } from '../model.ts';

import type { ArticleRow as StoredArticleRow, EntityRow } from '../graph/rows.ts';

/** An entity as the graph stores it (the same row the writer writes). */
export type { EntityRow };

/** An article as the API shows it: the stored row without its content hash. */
export type ArticleRow = Omit<StoredArticleRow, 'contentHash'>;

export type DirectionValue = 'OUT' | 'IN' | 'BOTH';

/** A relation as seen from one of its ends (`self`). */
export interface RelationRow {
  predicate: Predicate;
  direction: DirectionValue;
  self: EntityRow;
  other: EntityRow;
  subject: EntityRow;
  object: EntityRow;
  support: number;
  /** Number of statements behind the relation. */
  statements: number;
  confidence: number;
  role: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A relation as a drawn edge: ends as stored (subject -> object). */
export interface GraphEdgeRow {
  source: string;
  target: string;
  predicate: Predicate;
  support: number;
  confidence: number;
  role: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface PathRow {
  length: number;
  nodes: EntityRow[];
  edges: GraphEdgeRow[];
}

export interface NeighbourRow {
  entity: EntityRow;
  distance: number;
}

export interface NeighbourhoodRow {
  center: EntityRow;
  nodes: NeighbourRow[];
  edges: GraphEdgeRow[];
  truncated: boolean;
}

export interface CountryStatsRow {
  country: EntityRow;
  partners: number;
  partnerCountries: number;
  partnershipSupport: number;
  companies: number;
  policiesIssued: number;
  restrictionsGiven: number;
  restrictionsReceived: number;
}

/** One Statement node with its article and its subject and object as stated. */
export interface EvidenceRow {
  id: string;
  sentence: string;
  start: number;
  end: number;
  confidence: number;
  predicate: Predicate;
  role: string | null;
  subject: EntityRow;
  object: EntityRow;
  article: ArticleRow;
}

export interface MentionRow {
  entity: EntityRow;
  count: number;
}

export interface SearchHitRow {
  entity: EntityRow;
  score: number;
}

/** A PARTNERS_WITH edge of the partner network. */
export type PartnerEdgeRow = Omit<GraphEdgeRow, 'predicate' | 'role'>;

export interface PartnerNetworkRow {
  nodes: EntityRow[];
  edges: PartnerEdgeRow[];
  truncated: boolean;
}

export interface StatsRow {
  entities: number;
  entitiesByType: { type: EntityType; count: number }[];
  articles: number;
  relations: number;
  relationsByPredicate: { predicate: Predicate; count: number }[];
  statements: number;
}
