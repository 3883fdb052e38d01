/**
 * Shared helpers for relation patterns: the resolved mentions of a sentence in order,
 * trigger lookup, and adding a relation with its evidence. Pure functions over a Doc.
 */
import type { Predicate } from '../../model.ts';
import { allowsRelation } from '../../model.ts';
import type { Candidate, Doc, DocEntity, Sentence } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';

export interface SentenceMention {
  first: number;
  last: number;
  entity: DocEntity;
  candidate: Candidate;
}

/** Resolved mentions in sentence order; of overlapping mentions the longest comes first. */
export function sentenceMentions(doc: Doc, s: Sentence): SentenceMention[] {
  const out: SentenceMention[] = [];
  for (const c of doc.candidates) {
    if (c.first < s.first || c.first >= s.last || !c.entityKey) continue;
    const entity = doc.entities.get(c.entityKey);
    if (entity) out.push({ first: c.first, last: c.last, entity, candidate: c });
  }
  return out.sort((a, b) => a.first - b.first || b.last - a.last);
}

/** Mentions that are not inside a longer mention ("Chinese" inside "Chinese government"). */
export function outermost(mentions: SentenceMention[]): SentenceMention[] {
  return mentions.filter((m) => !mentions.some((o) => o !== m && o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first));
}

/**
 * The first token in [from, to) whose lower-case form (or two-word form) is in a trigger
 * list of cues.json (named by predicate, or e.g. "PARTICIPATES_IN_WEAK").
 */
export function findTrigger(doc: Doc, lexicon: Lexicon, list: string, from: number, to: number): { at: number; end: number } | null {
  const words = lexicon.triggers.get(list);
  if (!words) return null;
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i];
    if (!t) continue;
    const two = `${t.lower} ${doc.tokens[i + 1]?.lower ?? ''}`;
    if (i + 1 < to && words.has(two)) return { at: i, end: i + 2 };
    if (words.has(t.lower)) return { at: i, end: i + 1 };
  }
  return null;
}

/** All trigger positions in [from, to). */
export function findTriggers(doc: Doc, lexicon: Lexicon, list: string, from: number, to: number): { at: number; end: number }[] {
  const out: { at: number; end: number }[] = [];
  let i = from;
  while (i < to) {
    const hit = findTrigger(doc, lexicon, list, i, to);
    if (!hit) break;
    out.push(hit);
    i = hit.end;
  }
  return out;
}

/** Adds a relation if the ontology allows it between these types; keeps the best duplicate. */
export function addRelation(
  doc: Doc,
  subject: DocEntity,
  predicate: Predicate,
  object: DocEntity,
  confidence: number,
  evidence: { start: number; end: number },
  role?: string,
): void {
  if (subject.key === object.key) return;
  if (!allowsRelation(predicate, subject.type, object.type)) return;
  let [s, o] = [subject, object];
  if (predicate === 'PARTNERS_WITH' && s.name > o.name) [s, o] = [o, s];
  const existing = doc.relations.find((r) => r.predicate === predicate && r.subject === s.key && r.object === o.key);
  if (existing) {
    if (confidence > existing.confidence) {
      existing.confidence = confidence;
      existing.evidence = evidence;
    }
    if (role && !existing.role) existing.role = role;
    return;
  }
  const rel = { subject: s.key, predicate, object: o.key, confidence, evidence, ...(role ? { role } : {}) };
  doc.relations.push(rel);
}

/** The Event entity mentioned most often (ties: the first seen), if any. */
export function salientEvent(doc: Doc): DocEntity | null {
  let best: DocEntity | null = null;
  for (const e of doc.entities.values()) {
    if (e.type !== 'Event') continue;
    if (!best || e.mentions.length > best.mentions.length) best = e;
  }
  return best;
}

/** True when the token range holds a verb (used to keep patterns inside one clause). */
export function hasVerb(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i];
    if (t && t.tags.has('Verb') && !t.tags.has('Participle') && !t.tags.has('Gerund') && !t.tags.has('Adjective')) return true;
  }
  return false;
}

/** True when a comma, semicolon or colon follows one of the tokens [from, to). */
export function clauseBreakBetween(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (/[,;:]/.test(doc.tokens[i]?.post ?? '')) return true;
  return false;
}
