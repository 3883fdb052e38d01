/**
 * The working document that extraction stages annotate in order (as in spaCy's pipeline):
 * tokens and sentences first, then candidate mentions, then entities, then relations.
 * Plain data, so every stage stays a function of (document, lexicon).
 */
import type { EntityType, ExtractedRelation, MentionKind, Span } from '../model.ts';

export interface Token {
  /** Surface text without surrounding punctuation, e.g. "Huawei's". */
  text: string;
  /** Text without a possessive ending, used for matching: "Huawei". */
  key: string;
  lower: string;
  start: number;
  end: number;
  /** Punctuation and spaces before and after, as compromise keeps them. */
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  sentence: number;
  possessive: boolean;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last. */
  first: number;
  last: number;
}

/** A stretch of tokens that names (or may name) an entity. */
export interface Candidate {
  first: number;
  last: number;
  type: EntityType | null;
  /** Canonical name when known (gazetteer, or decided during resolution). */
  name: string | null;
  kind: MentionKind;
  /** Where the candidate came from, for debugging and confidence. */
  source: 'gazetteer' | 'pattern' | 'name' | 'coreference';
  /** ISO code for countries. */
  code?: string;
  /** For recurring events: the name of the organisation that runs them. */
  organization?: string;
  /** For known companies, media and government bodies: home country code. */
  country?: string;
  recurring?: boolean;
  /** Set when this mention is folded into another entity (e.g. a surname). */
  entityKey?: string;
}

export interface DocEntity {
  key: string;
  name: string;
  type: EntityType;
  aliases: Set<string>;
  mentions: { start: number; end: number; text: string; kind: MentionKind }[];
  code?: string;
  country?: string;
  organization?: string;
}

/** A relation inside the document: like the output's, but subject and object are entity keys. */
export type DocRelation = ExtractedRelation;

export interface Doc {
  text: string;
  published: string | null;
  tokens: Token[];
  sentences: Sentence[];
  candidates: Candidate[];
  /** Entities by key (`type|name`). */
  entities: Map<string, DocEntity>;
  relations: DocRelation[];
}

/** The entity key used inside one document. */
export function entityKey(type: EntityType, name: string): string {
  return `${type}|${name}`;
}

/** Creates an empty document for a text. */
export function newDoc(text: string, published: string | null): Doc {
  return { text, published, tokens: [], sentences: [], candidates: [], entities: new Map(), relations: [] };
}

/** The text a run of tokens covers, from the first token's start to the last one's end. */
export function spanText(doc: Doc, first: number, last: number): string {
  const a = doc.tokens[first];
  const b = doc.tokens[last - 1];
  return a && b ? doc.text.slice(a.start, b.end) : '';
}
