/**
 * The comparison baseline: compromise's bare people(), organizations() and places(),
 * typed Person, Organization and Country, no relations. Pure.
 */
import nlp from 'compromise';
import { entityId, type Article, type EntityType, type ExtractedEntity, type Extraction, type Mention } from '../model.ts';
import { normaliseName } from './normalise.ts';

/** The part of compromise's `.json({ offset: true })` output the baseline reads. */
interface OffsetJson {
  terms?: { offset?: { start: number; length: number } }[];
}

/** Body spans of a compromise selection, one per match, from its first to its last term. */
function spans(matches: OffsetJson[], body: string): Mention[] {
  const out: Mention[] = [];
  for (const m of matches) {
    const first = m.terms?.[0]?.offset;
    const last = m.terms?.[m.terms.length - 1]?.offset;
    if (!first || !last) continue;
    const start = first.start;
    const end = last.start + last.length;
    if (end > start) out.push({ start, end, text: body.slice(start, end), kind: 'name' });
  }
  return out;
}

/** Runs the bare compromise baseline on an article: one entity per distinct type and name. */
export function baselineExtract(article: Article): Extraction {
  const doc = nlp(article.body);
  const selections: [EntityType, OffsetJson[]][] = [
    ['Person', doc.people().json({ offset: true }) as OffsetJson[]],
    ['Organization', doc.organizations().json({ offset: true }) as OffsetJson[]],
    ['Country', doc.places().json({ offset: true }) as OffsetJson[]],
  ];
  const byKey = new Map<string, ExtractedEntity>();
  for (const [type, matches] of selections) {
    for (const mention of spans(matches, article.body)) {
      const norm = normaliseName(mention.text);
      if (!norm) continue;
      const key = `${type}\u0000${norm}`;
      let entity = byKey.get(key);
      if (!entity) {
        entity = { id: entityId(type, mention.text), name: mention.text, type, aliases: [], mentions: [] };
        byKey.set(key, entity);
      }
      entity.mentions.push(mention);
    }
  }
  return { article: { title: article.title, published: article.published }, entities: [...byKey.values()], relations: [] };
}
