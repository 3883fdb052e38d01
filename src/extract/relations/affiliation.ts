/**
 * Where actors belong: HEADQUARTERED_IN from demonym and possessive modifiers ("Russian
 * antivirus giant Kaspersky", "China's Huawei", "Berlin-based X", "X, based in Y"),
 * PART_OF for governments and state bodies ("Government of China", "Cyberspace
 * Administration of China", "China's Foreign Ministry", "TikTok's parent company
 * ByteDance"), and MEMBER_OF ("X, a member of Y").
 */
import type { EntityType } from '../../model.ts';
import type { Doc, DocEntity, Sentence } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';
import type { SentenceMention } from './context.ts';
import { addRelation, hasVerb, outermost, sentenceMentions } from './context.ts';

const BASED_TYPES: readonly EntityType[] = ['Company', 'Organization', 'MediaOutlet'];
const MAX_MODIFIER_GAP = 4;
const PARENT_WORDS = new Set(['parent', 'owner', 'holding']);
const CHILD_WORDS = new Set(['subsidiary', 'unit', 'division', 'arm', 'affiliate']);

function gapIsModifiers(doc: Doc, from: number, to: number, lexicon: Lexicon): boolean {
  if (to - from > MAX_MODIFIER_GAP) return false;
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k];
    if (!t || /[,;:()]/.test(t.post) || /^[A-Z]/.test(t.key)) return false;
    if (lexicon.descriptorType.has(t.lower)) continue;
    if (t.tags.has('Verb') && !t.tags.has('Adjective') && t.lower !== 'based') return false;
  }
  return !/[,;:()]/.test(doc.tokens[from - 1]?.post ?? '');
}

/** "Russian antivirus giant Kaspersky", "Chinese firms Huawei and ZTE", "China's Huawei". */
function modifierHeadquarters(doc: Doc, ms: SentenceMention[], evidence: { start: number; end: number }, lexicon: Lexicon): void {
  ms.forEach((m, idx) => {
    if (m.entity.type !== 'Country') return;
    const next = ms[idx + 1];
    if (!next || !BASED_TYPES.includes(next.entity.type) || !gapIsModifiers(doc, m.last, next.first, lexicon)) return;
    const confidence = m.candidate.kind === 'demonym' ? 0.85 : 0.75;
    addRelation(doc, next.entity, 'HEADQUARTERED_IN', m.entity, confidence, evidence);
    // A list after the modifier shares it: "Chinese firms Huawei and ZTE".
    let prev = next;
    for (const more of ms.slice(idx + 2)) {
      const between = doc.tokens.slice(prev.last, more.first).map((t) => t.lower);
      const joined = between.length <= 1 && (between.length === 0 || between[0] === 'and' || between[0] === 'or');
      if (!joined || !BASED_TYPES.includes(more.entity.type)) break;
      addRelation(doc, more.entity, 'HEADQUARTERED_IN', m.entity, confidence - 0.1, evidence);
      prev = more;
    }
  });
}

/** "X, based in Germany", "X, headquartered in Y", "a Y-based X". */
function basedIn(doc: Doc, ms: SentenceMention[], evidence: { start: number; end: number }): void {
  for (const c of ms) {
    if (c.entity.type !== 'Country') continue;
    const b1 = doc.tokens[c.first - 1]?.lower;
    const b2 = doc.tokens[c.first - 2]?.lower;
    const a1 = doc.tokens[c.last];
    if ((b1 === 'in' && (b2 === 'based' || b2 === 'headquartered')) || (b1 === 'from' && b2 === 'based')) {
      const subject = [...ms].reverse().find((m) => m.last <= c.first - 2 && BASED_TYPES.includes(m.entity.type));
      if (subject && !hasVerb(doc, subject.last, c.first - 2)) addRelation(doc, subject.entity, 'HEADQUARTERED_IN', c.entity, 0.8, evidence);
    }
    if (a1?.lower === 'based' && /-$/.test(doc.tokens[c.last - 1]?.post ?? '')) {
      const subject = ms.find((m) => m.first > c.last && m.first - c.last <= 4 && BASED_TYPES.includes(m.entity.type));
      if (subject) addRelation(doc, subject.entity, 'HEADQUARTERED_IN', c.entity, 0.8, evidence);
    }
  }
}

function countryEntity(doc: Doc, code: string | undefined): DocEntity | undefined {
  if (!code) return undefined;
  for (const e of doc.entities.values()) if (e.type === 'Country' && e.code === code) return e;
  return undefined;
}

function firstSentence(doc: Doc, e: DocEntity): { start: number; end: number } {
  const m = e.mentions[0];
  const s = doc.sentences.find((x) => m && x.start <= m.start && x.end >= m.end);
  return s ? { start: s.start, end: s.end } : { start: m?.start ?? 0, end: m?.end ?? 0 };
}

/** Governments and state bodies are part of their country when that country is mentioned. */
function stateBodies(doc: Doc): void {
  const countries = [...doc.entities.values()].filter((e) => e.type === 'Country');
  for (const e of doc.entities.values()) {
    if (e.type !== 'GovernmentBody') continue;
    // Only what the name says: "Government of China", "Cyberspace Administration of China".
    const named = e.name.startsWith('Government of') ? countryEntity(doc, e.country) : undefined;
    const country = named ?? countries.find((c) => e.name.endsWith(` of ${c.name}`) || e.name.endsWith(` of the ${c.name}`));
    if (country) addRelation(doc, e, 'PART_OF', country, e.name.startsWith('Government of') ? 0.95 : 0.8, firstSentence(doc, e));
  }
}

/** "China's Foreign Ministry", "TikTok's parent company ByteDance", "Google's unit X". */
function possessives(doc: Doc, ms: SentenceMention[], evidence: { start: number; end: number }): void {
  ms.forEach((m, idx) => {
    const last = doc.tokens[m.last - 1];
    const next = ms[idx + 1];
    if (!last?.possessive || !next) return;
    if (m.entity.type === 'Country' && next.entity.type === 'GovernmentBody' && next.first === m.last) {
      addRelation(doc, next.entity, 'PART_OF', m.entity, 0.8, evidence);
      return;
    }
    // "China's Data Security Law", "the EU's AI Act": the owner of a policy issued it.
    if (next.entity.type === 'Policy' && next.first - m.last <= 1 && doc.tokens.slice(m.last, next.first).every((t) => ['new', 'draft', 'landmark', 'proposed', 'own'].includes(t.lower))) {
      addRelation(doc, m.entity, 'ISSUES', next.entity, 0.7, evidence);
      return;
    }
    const between = doc.tokens.slice(m.last, next.first).map((t) => t.lower);
    if (between.length === 0 || between.length > 3) return;
    if (between.some((w) => PARENT_WORDS.has(w))) addRelation(doc, m.entity, 'PART_OF', next.entity, 0.8, evidence);
    else if (between.some((w) => CHILD_WORDS.has(w))) addRelation(doc, next.entity, 'PART_OF', m.entity, 0.8, evidence);
  });
}

/** "Ofcom, an agency of the UK government", "Jio, a unit of Reliance": an appositive part. */
function appositiveParts(doc: Doc, ms: SentenceMention[], evidence: { start: number; end: number }): void {
  ms.forEach((m, idx) => {
    const next = ms[idx + 1];
    if (!next || !/^,/.test(doc.tokens[m.last - 1]?.post ?? '')) return;
    const between = doc.tokens.slice(m.last, next.first).map((t) => t.lower);
    const det = between[0];
    const noun = between[between.length - 2];
    if (between.length < 3 || between.length > 5 || !['a', 'an', 'the'].includes(det ?? '') || between[between.length - 1] !== 'of') return;
    if (noun && (CHILD_WORDS.has(noun) || ['part', 'agency', 'body', 'organ', 'branch', 'subsidiary', 'department', 'office'].includes(noun))) {
      addRelation(doc, m.entity, 'PART_OF', next.entity, 0.75, evidence);
    }
  });
}

/** "X, a member of Y", "X joined Y", "Y members such as X". */
function membership(doc: Doc, ms: SentenceMention[], evidence: { start: number; end: number }): void {
  ms.forEach((m) => {
    if (m.entity.type !== 'Organization') return;
    const b1 = doc.tokens[m.first - 1]?.lower;
    const b2 = doc.tokens[m.first - 2]?.lower;
    const memberOf = b1 === 'of' && (b2 === 'member' || b2 === 'members') || (b1 === 'the' && doc.tokens[m.first - 2]?.lower === 'of' && ['member', 'members'].includes(doc.tokens[m.first - 3]?.lower ?? ''));
    const joined = b1 === 'joined' || (b1 === 'join' && b2 !== 'to');
    if (!memberOf && !joined) return;
    const subject = [...ms].reverse().find((s) => s.last < m.first - 1 && s.entity.key !== m.entity.key && ['Country', 'Organization', 'Company', 'GovernmentBody'].includes(s.entity.type));
    if (subject) addRelation(doc, subject.entity, 'MEMBER_OF', m.entity, 0.7, evidence);
  });
}

function sentenceAffiliations(doc: Doc, s: Sentence, lexicon: Lexicon): void {
  const ms = outermost(sentenceMentions(doc, s));
  const all = sentenceMentions(doc, s);
  const evidence = { start: s.start, end: s.end };
  modifierHeadquarters(doc, all.filter((m) => m.entity.type !== 'Topic' && (m.entity.type !== 'GovernmentBody' || m.candidate.source !== 'pattern')), evidence, lexicon);
  basedIn(doc, ms, evidence);
  possessives(doc, ms, evidence);
  appositiveParts(doc, ms, evidence);
  membership(doc, ms, evidence);
}

/** A national unit ("Vodafone Germany") is based in the country its name ends with. */
function nationalUnitsBased(doc: Doc): void {
  for (const e of doc.entities.values()) {
    if (e.type !== 'Company' || !e.country) continue;
    const country = countryEntity(doc, e.country);
    const named = country?.mentions.some((m) => e.name.endsWith(` ${m.text}`));
    if (country && named) addRelation(doc, e, 'HEADQUARTERED_IN', country, 0.8, firstSentence(doc, e));
  }
}

/** Adds HEADQUARTERED_IN, PART_OF and MEMBER_OF relations. */
export function extractAffiliations(doc: Doc, lexicon: Lexicon): void {
  for (const s of doc.sentences) sentenceAffiliations(doc, s, lexicon);
  stateBodies(doc);
  nationalUnitsBased(doc);
}
