/** Helpers for extraction tests: run the extractor on a short text and look things up. */
import { extractArticle } from '../../../src/extract/index.ts';
import type { EntityType, Extraction, Predicate } from '../../../src/model.ts';

/** Extracts from a body text with a fixed title and publication date. */
export function extract(body: string, published: string | null = '2023-05-10'): Extraction {
  return extractArticle({ title: 'Test article', body, published });
}

/** "Type:Name" for every entity, for readable assertions. */
export function entitySet(x: Extraction): string[] {
  return x.entities.map((e) => `${e.type}:${e.name}`);
}

/** "Subject PREDICATE Object" for every relation. */
export function relationSet(x: Extraction): string[] {
  return x.relations.map((r) => `${r.subject} ${r.predicate} ${r.object}`);
}

/** The entity with this name and type, or undefined. */
export function entity(x: Extraction, name: string, type?: EntityType) {
  return x.entities.find((e) => e.name === name && (!type || e.type === type));
}

/** True when the relation was extracted. */
export function hasRelation(x: Extraction, subject: string, predicate: Predicate, object: string): boolean {
  return x.relations.some((r) => r.subject === subject && r.predicate === predicate && r.object === object);
}
