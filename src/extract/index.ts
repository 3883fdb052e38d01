/**
 * extractArticle: text in, Extraction out. Pure apart from reading the bundled language
 * data once per process. See README.md in this folder for the stages.
 */
import type { Article, Extraction, ExtractedEntity, ExtractedRelation } from '../model.ts';
import { entityId } from '../model.ts';
import type { Doc } from './document.ts';
import { newDoc } from './document.ts';
import type { Lexicon } from './lexicon.ts';
import { getLexicon } from './lexicon.ts';
import type { RunOptions } from './pipeline.ts';
import { runPipeline } from './pipeline.ts';
import { extractorVersion } from './version.ts';

export interface ExtractOptions extends RunOptions {
  lexicon?: Lexicon;
}

function toExtraction(article: Pick<Article, 'title' | 'published'>, doc: Doc): Extraction {
  const entities: ExtractedEntity[] = [];
  for (const e of doc.entities.values()) {
    const mentions = [...e.mentions].sort((a, b) => a.start - b.start);
    const aliases = [...e.aliases].filter((a) => a !== e.name).sort();
    const out: ExtractedEntity = { id: entityId(e.type, e.name, e.code), name: e.name, type: e.type, aliases, mentions };
    if (e.code) out.code = e.code;
    entities.push(out);
  }
  const relations: ExtractedRelation[] = doc.relations.map((r) => {
    const subject = doc.entities.get(r.subject);
    const object = doc.entities.get(r.object);
    const rel: ExtractedRelation = {
      subject: subject?.name ?? r.subject,
      predicate: r.predicate,
      object: object?.name ?? r.object,
      confidence: Math.round(r.confidence * 100) / 100,
      evidence: r.evidence,
    };
    if (r.role) rel.role = r.role;
    return rel;
  });
  return { article: { title: article.title, published: article.published }, entities, relations, extractor: extractorVersion() };
}

/** Extracts entities and relations, with provenance, from one article. */
export function extractArticle(article: Pick<Article, 'title' | 'body' | 'published'>, options: ExtractOptions = {}): Extraction {
  const lexicon = options.lexicon ?? getLexicon();
  const doc = runPipeline(newDoc(article.body, article.published), lexicon, options);
  return toExtraction(article, doc);
}

/** The exact JSON shape docs/ontology.md specifies for `govgraph extract --json`. */
export function extractionToJson(x: Extraction): unknown {
  return {
    article: { title: x.article.title, published: x.article.published },
    entities: x.entities.map((e) => ({
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    })),
    relations: x.relations.map((r) => ({
      subject: r.subject,
      predicate: r.predicate,
      object: r.object,
      confidence: r.confidence,
      evidence: { start: r.evidence.start, end: r.evidence.end },
    })),
  };
}
