/**
 * What actors do to each other: ISSUES (a country or body adopts, presents or publishes a
 * policy), PARTNERS_WITH (partner lists, "signed with", "cooperation between X and Y") and
 * RESTRICTS (bans, sanctions, blacklists, exclusions; active and passive voice).
 */
import type { EntityType } from '../../model.ts';
import type { Doc, Sentence } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';
import type { SentenceMention } from './context.ts';
import { addRelation, clauseBreakBetween, findTrigger, findTriggers, sentenceMentions, outermost } from './context.ts';

const ACTOR_TYPES: readonly EntityType[] = ['Country', 'GovernmentBody', 'Organization'];
const PARTNER_TYPES: readonly EntityType[] = ['Country', 'Organization', 'Company', 'GovernmentBody'];
const TARGET_TYPES: readonly EntityType[] = ['Company', 'Country', 'Person', 'Organization'];
const LIST_INTRO = new Set(['including', 'such', 'namely', 'like']);

type Evidence = { start: number; end: number };

/** The actor of a clause: the nearest actor mention before the verb (outermost, so "the Chinese government"). */
function actorsBefore(all: SentenceMention[], at: number, types: readonly EntityType[]): SentenceMention[] {
  const actor = [...outermost(all)].reverse().find((m) => m.last <= at && types.includes(m.entity.type) && m.candidate.kind !== 'demonym');
  return actor ? [actor] : [];
}

function issues(doc: Doc, s: Sentence, all: SentenceMention[], lexicon: Lexicon, ev: Evidence): void {
  const outer = outermost(all);
  for (const policy of outer.filter((m) => m.entity.type === 'Policy')) {
    const trigger = findTriggers(doc, lexicon, 'ISSUES', s.first, policy.first).at(-1);
    if (trigger) {
      const [actor] = actorsBefore(all, trigger.at, ACTOR_TYPES);
      if (actor) addRelation(doc, actor.entity, 'ISSUES', policy.entity, 0.8, ev);
      continue;
    }
    // Passive: "<Policy> adopted/issued by <actor>"
    const after = findTrigger(doc, lexicon, 'ISSUES', policy.last, Math.min(s.last, policy.last + 4));
    if (after && doc.tokens[after.end]?.lower === 'by') {
      const actor = outer.find((m) => m.first > after.end && ACTOR_TYPES.includes(m.entity.type));
      if (actor) addRelation(doc, actor.entity, 'ISSUES', policy.entity, 0.8, ev);
    }
  }
}

function listAfter(doc: Doc, outer: SentenceMention[], from: number, types: readonly EntityType[]): SentenceMention[] {
  const out: SentenceMention[] = [];
  let prevEnd = from;
  for (const m of outer) {
    if (m.first < from) continue;
    const gap = doc.tokens.slice(prevEnd, m.first).map((t) => t.lower);
    const ok = gap.length <= 2 && gap.every((w) => w === 'and' || w === 'or' || w === 'with' || w === 'the' || LIST_INTRO.has(w) || w === 'as');
    if (!ok && out.length > 0) break;
    if (!ok && m.first - from > 6) break;
    // "China's Huawei": the possessive country only modifies the name after it.
    const modifier = doc.tokens[m.last - 1]?.possessive && outer.some((o) => o.first === m.last);
    if (types.includes(m.entity.type) && !modifier) out.push(m);
    prevEnd = m.last;
  }
  return out;
}

/** Verbs that only carry a partnership noun: "agreed a partnership", "struck a deal". */
const LIGHT_VERBS = new Set(['agreed', 'agree', 'agrees', 'announced', 'announce', 'announces', 'formed', 'form', 'established', 'establish', 'forged', 'forge', 'struck', 'strike', 'reached', 'reach', 'launched', 'launch', 'deepened', 'deepen', 'expanded', 'expand', 'renewed', 'renew', 'have', 'has', 'had', 'will', 'would', 'to', 'be', 'been', 'is', 'are', 'was', 'were', 'did', 'do', 'does', 'can', 'could', 'may', 'might', 'should', 'shall', 'must', 'pledged', 'pledge', 'vowed', 'vow', 'promised', 'promise', 'decided', 'decide', 'plan', 'plans', 'planned', 'aim', 'aims', 'seek', 'seeks', 'sought', 'continue', 'continues', 'continued', 'want', 'wants', 'wanted', 'hope', 'hopes', 'intend', 'intends', 'agreed', 'signed', 'sign', 'signs']);

function otherVerbBetween(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i];
    if (t && t.tags.has('Verb') && !LIGHT_VERBS.has(t.lower)) return true;
  }
  return false;
}

function partners(doc: Doc, s: Sentence, all: SentenceMention[], lexicon: Lexicon, ev: Evidence): void {
  const outer = outermost(all).filter((m) => m.candidate.kind !== 'demonym' || m.entity.type === 'Country');
  const trigger = findTrigger(doc, lexicon, 'PARTNERS_WITH', s.first, s.last);
  if (!trigger) return;
  const triggerToken = doc.tokens[trigger.end - 1];
  // "named A, B and C as partner countries"
  if (doc.tokens[trigger.at - 1]?.lower === 'as') {
    const listed = outer.filter((m) => m.last < trigger.at && PARTNER_TYPES.includes(m.entity.type));
    const [subject, ...named] = listed;
    if (subject) for (const p of named) addRelation(doc, subject.entity, 'PARTNERS_WITH', p.entity, 0.7, ev);
    if (named.length > 0) return;
  }
  // "partner countries: A, B and C" / "partners such as A and B"
  if (triggerToken && (/:/.test(triggerToken.post) || /:/.test(doc.tokens[trigger.end]?.post ?? '') || LIST_INTRO.has(doc.tokens[trigger.end]?.lower ?? '') || doc.tokens[trigger.end]?.lower === 'countries')) {
    const list = listAfter(doc, outer, trigger.end, PARTNER_TYPES);
    const countries = all.filter((m) => m.entity.type === 'Country' && m.last <= trigger.at);
    const subject = countries[countries.length - 1] ?? actorsBefore(all, trigger.at, PARTNER_TYPES)[0];
    if (subject) for (const p of list) addRelation(doc, subject.entity, 'PARTNERS_WITH', p.entity, 0.75, ev);
    return;
  }
  // "between A and B"
  const between = doc.tokens.findIndex((t, i) => i >= s.first && i < s.last && t.lower === 'between');
  if (between >= 0) {
    const pair = listAfter(doc, outer, between + 1, PARTNER_TYPES);
    if (pair.length >= 2) for (let i = 1; i < pair.length; i++) addRelation(doc, (pair[0] as SentenceMention).entity, 'PARTNERS_WITH', (pair[i] as SentenceMention).entity, 0.7, ev);
    if (pair.length >= 2) return;
  }
  // "A signed an agreement with B", "A will cooperate with B", "A and B signed"
  // The subject must belong to the trigger's clause: no other verb between them.
  const subjects = outer.filter((m) => m.last <= trigger.at && PARTNER_TYPES.includes(m.entity.type) && !otherVerbBetween(doc, m.last, trigger.at));
  const withAt = doc.tokens.findIndex((t, i) => i >= trigger.at && i < s.last && t.lower === 'with');
  const objects = withAt >= 0 ? listAfter(doc, outer, withAt + 1, PARTNER_TYPES) : [];
  if (objects.length > 0 && subjects.length > 0) {
    const subject = subjects[subjects.length - 1] as SentenceMention;
    const group = subjects.filter((m) => m === subject || doc.tokens.slice(m.last, subject.first).every((t) => t.lower === 'and' || t.lower === ','));
    for (const a of group) for (const b of objects) addRelation(doc, a.entity, 'PARTNERS_WITH', b.entity, 0.7, ev);
  } else if (subjects.length >= 2) {
    const last = subjects[subjects.length - 1] as SentenceMention;
    const prev = subjects[subjects.length - 2] as SentenceMention;
    const gap = doc.tokens.slice(prev.last, last.first).map((t) => t.lower);
    if (gap.length >= 1 && gap[0] === 'and' && gap.every((w) => w === 'and' || w === 'the')) addRelation(doc, prev.entity, 'PARTNERS_WITH', last.entity, 0.65, ev);
  }
}

function restricts(doc: Doc, s: Sentence, all: SentenceMention[], lexicon: Lexicon, ev: Evidence): void {
  const outer = outermost(all);
  for (const trigger of findTriggers(doc, lexicon, 'RESTRICTS', s.first, s.last)) {
    const passive = doc.tokens.slice(trigger.end, trigger.end + 2).some((t) => t.lower === 'by');
    let actors: SentenceMention[];
    let targets: SentenceMention[];
    if (passive) {
      actors = outer.filter((m) => m.first >= trigger.end && m.first <= trigger.end + 3 && ACTOR_TYPES.includes(m.entity.type)).slice(0, 1);
      targets = [...outer].reverse().filter((m) => m.last <= trigger.at && TARGET_TYPES.includes(m.entity.type)).slice(0, 2);
    } else {
      actors = actorsBefore(all, trigger.at, ACTOR_TYPES);
      targets = listAfter(doc, outer.filter((m) => m.candidate.kind !== 'demonym'), trigger.end, TARGET_TYPES);
      if (targets.length === 0) {
        // "blocked 59 apps, including TikTok and WeChat": the examples after "including".
        const intro = doc.tokens.findIndex((t, i) => i >= trigger.end && i <= trigger.end + 8 && t.sentence === doc.tokens[trigger.at]?.sentence && LIST_INTRO.has(t.lower));
        if (intro >= 0) targets = listAfter(doc, outer.filter((m) => m.candidate.kind !== 'demonym'), intro + 1, TARGET_TYPES);
      }
      if (targets.length === 0) {
        // "added SMIC and DJI to its Entity List, restricting ...": targets between actor and trigger.
        const actorEnd = actors[0]?.last ?? s.first;
        targets = outer.filter((m) => m.first >= actorEnd && m.last <= trigger.at && TARGET_TYPES.includes(m.entity.type) && m.candidate.kind !== 'demonym');
      }
      if (targets.length === 0) {
        const near = outer.find(
          (m) => m.first >= trigger.end && m.first <= trigger.end + 6 && TARGET_TYPES.includes(m.entity.type) && m.candidate.kind !== 'demonym' && !clauseBreakBetween(doc, trigger.end - 1, m.first),
        );
        if (near) targets = [near];
      }
    }
    for (const a of actors) {
      for (const t of targets) addRelation(doc, a.entity, 'RESTRICTS', t.entity, 0.7, ev);
      // "Germany's government" acts for Germany too.
      const country = all.find((m) => m.entity.type === 'Country' && m.first >= a.first && m.last <= a.last);
      if (country && a.entity.type === 'GovernmentBody') for (const t of targets) addRelation(doc, country.entity, 'RESTRICTS', t.entity, 0.6, ev);
    }
  }
}

/** Adds ISSUES, PARTNERS_WITH and RESTRICTS relations. */
export function extractActions(doc: Doc, lexicon: Lexicon): void {
  for (const s of doc.sentences) {
    const all = sentenceMentions(doc, s);
    const ev = { start: s.start, end: s.end };
    issues(doc, s, all, lexicon, ev);
    partners(doc, s, all, lexicon, ev);
    restricts(doc, s, all, lexicon, ev);
  }
}
