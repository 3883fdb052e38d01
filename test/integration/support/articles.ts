/**
 * Builds article inputs by hand for integration tests: entities and relations whose mention
 * and evidence offsets are found in the body, so every expected value follows from the test.
 */
import { entityId, type Article, type EntityType, type ExtractedEntity, type ExtractedRelation, type Predicate } from '../../../src/model.ts';
import type { ArticleInput } from '../../../src/graph/writer.ts';

export interface EntitySpec {
  name: string;
  type: EntityType;
  code?: string;
  aliases?: string[];
}

export interface RelationSpec {
  subject: string;
  predicate: Predicate;
  object: string;
  /** A substring of the body: the evidence sentence. */
  evidence: string;
  confidence?: number;
  role?: string;
}

function mentionsOf(body: string, text: string): ExtractedEntity['mentions'] {
  const out: ExtractedEntity['mentions'] = [];
  for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + text.length)) {
    out.push({ start: at, end: at + text.length, text });
  }
  return out;
}

/** An article input with entities and relations whose offsets are found in `body`. */
export function makeInput(id: string, published: string, title: string, body: string, entities: EntitySpec[], relations: RelationSpec[]): ArticleInput {
  const article: Article = {
    id,
    title,
    body,
    url: `https://news.example/${id}`,
    source: 'Example Wire',
    published,
    contentHash: `hash-of:${body}`,
  };
  const extracted: ExtractedEntity[] = entities.map((e) => ({
    id: entityId(e.type, e.name, e.code),
    name: e.name,
    type: e.type,
    aliases: e.aliases ?? [],
    mentions: [e.name, ...(e.aliases ?? [])].flatMap((text) => mentionsOf(body, text)),
    ...(e.code ? { code: e.code } : {}),
  }));
  const rels: ExtractedRelation[] = relations.map((r) => {
    const start = body.indexOf(r.evidence);
    if (start < 0) throw new Error(`evidence not in body: ${r.evidence}`);
    return {
      subject: r.subject,
      predicate: r.predicate,
      object: r.object,
      confidence: r.confidence ?? 0.8,
      evidence: { start, end: start + r.evidence.length },
      ...(r.role ? { role: r.role } : {}),
    };
  });
  return { article, extraction: { article: { title, published }, entities: extracted, relations: rels } };
}
