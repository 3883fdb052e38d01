/**
 * The govgraph ontology as types and constants. Mirrors docs/ontology.md exactly:
 * node labels, relationship types, GraphQL enum values and extraction output all use
 * these names. Nothing here does I/O.
 */

export const ENTITY_TYPES = [
  'Person',
  'Country',
  'Company',
  'GovernmentBody',
  'Organization',
  'MediaOutlet',
  'Event',
  'Policy',
  'Place',
  'Topic',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const PREDICATES = [
  'HOLDS_ROLE',
  'HEADQUARTERED_IN',
  'LOCATED_IN',
  'PART_OF',
  'HOSTS',
  'PARTICIPATES_IN',
  'ISSUES',
  'PARTNERS_WITH',
  'MEMBER_OF',
  'CONCERNS',
  'RESTRICTS',
] as const;
export type Predicate = (typeof PREDICATES)[number];

/** Predicates stored once but readable from both ends. */
export const SYMMETRIC_PREDICATES: ReadonlySet<Predicate> = new Set<Predicate>(['PARTNERS_WITH']);

/** Which subject and object types each predicate allows (ontology table). */
export const PREDICATE_SIGNATURES: Readonly<Record<Predicate, { subject: readonly EntityType[]; object: readonly EntityType[] }>> = {
  HOLDS_ROLE: { subject: ['Person'], object: ['Company', 'GovernmentBody', 'Organization', 'MediaOutlet', 'Country'] },
  HEADQUARTERED_IN: { subject: ['Company', 'Organization', 'MediaOutlet'], object: ['Country'] },
  LOCATED_IN: { subject: ['Place', 'Event'], object: ['Place', 'Country'] },
  PART_OF: {
    subject: ['GovernmentBody', 'Organization', 'Company', 'Event'],
    object: ['Country', 'GovernmentBody', 'Organization', 'Company', 'Event'],
  },
  HOSTS: { subject: ['Country', 'GovernmentBody', 'Organization', 'Company'], object: ['Event'] },
  PARTICIPATES_IN: {
    subject: ['Person', 'Company', 'Organization', 'GovernmentBody', 'Country', 'MediaOutlet'],
    object: ['Event'],
  },
  ISSUES: { subject: ['Country', 'GovernmentBody', 'Organization'], object: ['Policy'] },
  PARTNERS_WITH: {
    subject: ['Country', 'Organization', 'Company', 'GovernmentBody'],
    object: ['Country', 'Organization', 'Company', 'GovernmentBody'],
  },
  MEMBER_OF: { subject: ['Country', 'Organization', 'Company', 'GovernmentBody'], object: ['Organization'] },
  CONCERNS: { subject: ['Policy', 'Event'], object: ['Topic'] },
  RESTRICTS: { subject: ['Country', 'GovernmentBody', 'Organization'], object: ['Company', 'Country', 'Person', 'Organization'] },
};

export const TOPICS = [
  'artificial intelligence',
  'cybersecurity',
  'data protection',
  'data localization',
  'digital economy',
  'digital health',
  'virtual reality',
  'internet governance',
  'cyber sovereignty',
  'content moderation',
  'censorship',
  'telecommunications',
  'semiconductors',
  'cloud computing',
  'e-commerce',
  'social media',
  'online safety',
  'digital trade',
  'surveillance',
  'misinformation',
] as const;
export type TopicName = (typeof TOPICS)[number];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isPredicate(value: string): value is Predicate {
  return (PREDICATES as readonly string[]).includes(value);
}

/** True when the ontology allows `predicate` between these types. */
export function allowsRelation(predicate: Predicate, subject: EntityType, object: EntityType): boolean {
  const sig = PREDICATE_SIGNATURES[predicate];
  return sig.subject.includes(subject) && sig.object.includes(object);
}

/** A span of the article body in UTF-16 code units, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** How a mention refers to its entity; internal, not part of the extract JSON output. */
export type MentionKind = 'name' | 'demonym' | 'descriptor';

export interface Mention extends Span {
  text: string;
  /** 'name' for a proper name or alias, 'demonym' for "Russian", 'descriptor' for "the company". */
  kind?: MentionKind;
}

/** An article as read from a source, before extraction. */
export interface Article {
  /** Stable id: from the url when there is one, else from the content hash. */
  id: string;
  title: string;
  body: string;
  url: string | null;
  source: string | null;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as given by the source, or null. */
  published: string | null;
  /** sha256 of title + body; tells a changed article from an unchanged one. */
  contentHash: string;
}

export interface ExtractedEntity {
  /** Stable canonical id across articles, e.g. `country:cn`, `company:huawei`. */
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Mention[];
  /** ISO 3166-1 alpha-2 code, for countries only. */
  code?: string;
}

export interface ExtractedRelation {
  subject: string;
  predicate: Predicate;
  object: string;
  confidence: number;
  /** The sentence (or adjacent sentences) stating the relation. */
  evidence: Span;
  /** For HOLDS_ROLE: the position, e.g. "CEO". */
  role?: string;
}

export interface Extraction {
  article: { title: string; published: string | null };
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  /** Version of the extractor that produced this (not part of the extract JSON output). */
  extractor?: string;
}

/** Lower-case slug used in entity ids. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Canonical entity id: countries by ISO code, everything else by type and name. */
export function entityId(type: EntityType, name: string, code?: string): string {
  if (type === 'Country' && code) return `country:${code.toLowerCase()}`;
  return `${type.toLowerCase()}:${slugify(name)}`;
}
