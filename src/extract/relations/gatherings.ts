/**
 * Events: HOSTS ("hosted by the Chinese government", "Japan will host the forum"),
 * PARTICIPATES_IN ("X will attend", "in attendance", "took part", "went to <Event>"), and
 * LOCATED_IN ("takes place in Wuzhen", "<Event> in Kyoto", "Wuzhen, Zhejiang province").
 * A sentence that talks about "the event" or "the conference" without naming it refers to
 * the article's main event.
 */
import type { EntityType } from '../../model.ts';
import type { Doc, DocEntity, Sentence } from '../document.ts';
import { entityKey } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';
import type { SentenceMention } from './context.ts';
import { addRelation, findTrigger, findTriggers, outermost, salientEvent, sentenceMentions } from './context.ts';

const HOST_TYPES: readonly EntityType[] = ['Country', 'GovernmentBody', 'Organization', 'Company'];
const PARTICIPANT_TYPES: readonly EntityType[] = ['Person', 'Company', 'Organization', 'GovernmentBody', 'Country', 'MediaOutlet'];
const EVENT_WORDS = new Set(['event', 'conference', 'summit', 'forum', 'meeting', 'gathering', 'show', 'edition', 'congress', 'expo', 'session', 'assembly', 'sub-forum', 'sub-forums']);
const VENUE_PREPS = new Set(['in', 'at']);

const YEAR_SUFFIX = / ((?:19|20)\d{2})$/;

/** "Last year" about a recurring event means its previous edition: a separate Event. */
function previousEdition(doc: Doc, event: DocEntity): DocEntity {
  const m = YEAR_SUFFIX.exec(event.name);
  if (!m?.[1]) return event;
  const name = event.name.replace(YEAR_SUFFIX, ` ${Number(m[1]) - 1}`);
  const key = entityKey('Event', name);
  let e = doc.entities.get(key);
  if (!e) {
    e = { key, name, type: 'Event', aliases: new Set(), mentions: [] };
    doc.entities.set(key, e);
  }
  return e;
}

function mentionsLastYear(doc: Doc, s: Sentence): boolean {
  for (let i = s.first; i < s.last - 1; i++) {
    if (doc.tokens[i]?.lower === 'last' && doc.tokens[i + 1]?.lower === 'year') return true;
  }
  return false;
}

/** The event a sentence is about: one it names, or the article's main event for "the conference". */
function eventReference(doc: Doc, s: Sentence, ms: SentenceMention[], fallback = false): DocEntity | null {
  const named = ms.find((m) => m.entity.type === 'Event');
  if (named) return named.entity;
  let refers = fallback;
  for (let i = s.first; i < s.last; i++) if (EVENT_WORDS.has(doc.tokens[i]?.lower ?? '')) refers = true;
  const main = refers ? salientEvent(doc) : null;
  if (!main) return null;
  return mentionsLastYear(doc, s) ? previousEdition(doc, main) : main;
}

/** A company named only as a person's employer ("Tesla CEO ...", "CEO of Qualcomm"). */
function isEmployerMention(doc: Doc, m: SentenceMention, lexicon: Lexicon): boolean {
  const after = doc.tokens[m.last];
  const b1 = doc.tokens[m.first - 1];
  const b2 = doc.tokens[m.first - 2];
  if (after && lexicon.roles.has(after.lower)) return true;
  return !!b1 && !!b2 && (b1.lower === 'of' || b1.lower === 'at') && lexicon.roles.has(b2.lower);
}

const LOCATIVE = new Set(['in', 'to', 'across', 'throughout', 'within', 'inside', 'outside']);

function reportedBy(doc: Doc, m: SentenceMention): boolean {
  const b1 = doc.tokens[m.first - 1]?.lower;
  const b2 = doc.tokens[m.first - 2]?.lower;
  const a1 = doc.tokens[m.last]?.lower;
  return (b1 === 'to' && b2 === 'according') || a1 === 'reported' || a1 === 'said' || m.entity.type === 'MediaOutlet';
}

function hosts(doc: Doc, s: Sentence, ms: SentenceMention[], lexicon: Lexicon, evidence: { start: number; end: number }): void {
  const event = eventReference(doc, s, ms);
  if (!event) return;
  for (const trigger of findTriggers(doc, lexicon, 'HOSTS', s.first, s.last)) hostsAt(doc, ms, trigger, event, evidence);
}

function hostsAt(doc: Doc, ms: SentenceMention[], trigger: { at: number; end: number }, event: DocEntity, evidence: { start: number; end: number }): void {
  const passive = doc.tokens.slice(trigger.end, trigger.end + 3).some((t) => t.lower === 'by');
  const candidates = passive
    ? ms.filter((m) => m.first >= trigger.end && m.first <= trigger.end + 4)
    : [...ms].reverse().filter((m) => m.last <= trigger.at);
  let host = candidates.find((m) => HOST_TYPES.includes(m.entity.type) && !reportedBy(doc, m));
  if (!host && !passive) {
    // "By hosting the conference, China shows ...": the actor follows the fronted clause.
    const comma = doc.tokens.findIndex((t, i) => i >= trigger.end && t.sentence === doc.tokens[trigger.at]?.sentence && /^,/.test(t.post));
    if (comma >= 0) host = ms.find((m) => m.first > comma && m.first <= comma + 3 && HOST_TYPES.includes(m.entity.type));
  }
  if (!host) return;
  addRelation(doc, host.entity, 'HOSTS', event, passive ? 0.85 : 0.75, evidence);
  // "France and India will co-host ...": conjoined hosts before the verb share it.
  if (!passive) {
    for (const other of ms) {
      const gap = doc.tokens.slice(other.last, host.first).map((t) => t.lower);
      if (other.last <= host.first && gap.length === 1 && gap[0] === 'and' && HOST_TYPES.includes(other.entity.type)) addRelation(doc, other.entity, 'HOSTS', event, 0.7, evidence);
    }
  }
}

function participants(doc: Doc, s: Sentence, ms: SentenceMention[], lexicon: Lexicon, evidence: { start: number; end: number }): void {
  const trigger = findTrigger(doc, lexicon, 'PARTICIPATES_IN', s.first, s.last);
  if (!trigger) return;
  const weak = findTrigger(doc, lexicon, 'PARTICIPATES_IN_WEAK', trigger.at, trigger.end)?.at === trigger.at;
  const eventAfter = ms.find((m) => m.entity.type === 'Event' && m.first >= trigger.end);
  const event = eventAfter?.entity ?? eventReference(doc, s, ms, !weak);
  if (!event) return;
  const eligible = ms.filter(
    (m) =>
      PARTICIPANT_TYPES.includes(m.entity.type) &&
      m.entity.key !== event.key &&
      m.candidate.kind !== 'demonym' &&
      !reportedBy(doc, m) &&
      !(m.entity.type === 'Country' && LOCATIVE.has(doc.tokens[m.first - 1]?.lower ?? '')),
  );
  const hasPerson = eligible.some((m) => m.entity.type === 'Person');
  const before = eligible.filter((m) => m.last <= trigger.at);
  // "a panel alongside A, B and C": after a weak trigger only listed people take part.
  const afterTrigger = eligible.filter((m) => m.first >= trigger.end && (!eventAfter || m.first < eventAfter.first || m.first > eventAfter.last));
  if (weak && before.length === 0) {
    for (const m of afterTrigger) if (m.entity.type === 'Person') addRelation(doc, m.entity, 'PARTICIPATES_IN', event, 0.6, evidence);
    return;
  }
  const chosen = before.length > 0 ? before : afterTrigger;
  // Countries are participants only when they act ("Japan attended"), not as modifiers.
  for (const m of chosen) {
    if (m.entity.type === 'Country' && doc.tokens[m.last - 1]?.possessive) continue;
    if (hasPerson && m.entity.type !== 'Person' && isEmployerMention(doc, m, lexicon)) continue;
    addRelation(doc, m.entity, 'PARTICIPATES_IN', event, before.length > 0 ? 0.75 : 0.6, evidence);
  }
}

function venues(doc: Doc, s: Sentence, ms: SentenceMention[], evidence: { start: number; end: number }): void {
  ms.forEach((m, idx) => {
    const next = ms[idx + 1];
    if (!next) return;
    const between = doc.tokens.slice(m.last, next.first);
    // "Wuzhen, Zhejiang province" / "Sydney, Australia"
    if (m.entity.type === 'Place' && (next.entity.type === 'Place' || next.entity.type === 'Country') && between.length === 0 && /^,/.test(doc.tokens[m.last - 1]?.post ?? '')) {
      addRelation(doc, m.entity, 'LOCATED_IN', next.entity, 0.85, evidence);
    }
    // "Wuzhen, in Zhejiang Province, ..."
    if (m.entity.type === 'Place' && (next.entity.type === 'Place' || next.entity.type === 'Country') && between.length === 1 && between[0]?.lower === 'in' && /^,/.test(doc.tokens[m.last - 1]?.post ?? '')) {
      addRelation(doc, m.entity, 'LOCATED_IN', next.entity, 0.8, evidence);
    }
    // "<Event> in Kyoto", "<Event> from Shanghai"
    if (m.entity.type === 'Event' && next.entity.type === 'Place' && between.length === 1 && ['in', 'at', 'from'].includes(between[0]?.lower ?? '')) {
      addRelation(doc, m.entity, 'LOCATED_IN', next.entity, 0.75, evidence);
    }
  });
  // "Wuzhen is the venue of the World Internet Conference"
  for (const m of ms) {
    const venue = doc.tokens.findIndex((t, i) => i >= m.last && i <= m.last + 8 && t.sentence === doc.tokens[m.first]?.sentence && (t.lower === 'venue' || t.lower === 'host city'));
    if (m.entity.type !== 'Place' || venue < 0) continue;
    const event = ms.find((e) => e.entity.type === 'Event' && e.first > venue && e.first <= venue + 5);
    if (event) addRelation(doc, event.entity, 'LOCATED_IN', m.entity, 0.8, evidence);
  }
  // "This event, which takes place in Wuzhen" / "held in Kyoto"
  for (const m of ms) {
    if (m.entity.type !== 'Place') continue;
    const b1 = doc.tokens[m.first - 1]?.lower ?? '';
    const b2 = doc.tokens[m.first - 2]?.lower ?? '';
    if (!VENUE_PREPS.has(b1) || !['place', 'held', 'hosted', 'staged', 'convened', 'opened', 'opens', 'organised', 'organized'].includes(b2)) continue;
    const event = eventReference(doc, s, ms.filter((x) => x.first < m.first));
    if (event) addRelation(doc, event, 'LOCATED_IN', m.entity, 0.8, evidence);
  }
}

/** Adds HOSTS, PARTICIPATES_IN and LOCATED_IN relations. */
export function extractGatherings(doc: Doc, lexicon: Lexicon): void {
  for (const s of doc.sentences) {
    const ms = outermost(sentenceMentions(doc, s));
    const evidence = { start: s.start, end: s.end };
    hosts(doc, s, ms, lexicon, evidence);
    participants(doc, s, ms, lexicon, evidence);
    venues(doc, s, ms, evidence);
  }
}
