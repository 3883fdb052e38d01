/**
 * HOLDS_ROLE from appositives and possessives: "Tesla CEO Elon Musk", "Ren Xianliang,
 * Secretary General of WIC", "Cristiano Amon, CEO of Qualcomm", "China's President Xi",
 * role chains ("Tesla CEO and owner of Twitter, Elon Musk") and role descriptors that
 * point back to the last person named ("The SpaceX leader said...").
 */
import type { EntityType } from '../../model.ts';
import type { Doc, Sentence } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';
import type { SentenceMention } from './context.ts';
import { addRelation, outermost, sentenceMentions } from './context.ts';

const ORG_TYPES: readonly EntityType[] = ['Company', 'GovernmentBody', 'Organization', 'MediaOutlet', 'Country'];
const CHAIN_GAP = 14;

interface RoleMatch {
  first: number;
  last: number;
  text: string;
}

function matchRole(doc: Doc, i: number, lexicon: Lexicon): RoleMatch | null {
  for (const n of [4, 3, 2, 1]) {
    const words: string[] = [];
    for (let k = i; k < i + n; k++) {
      const t = doc.tokens[k];
      if (!t || t.sentence !== doc.tokens[i]?.sentence) return null;
      words.push(t.lower);
      if (k < i + n - 1 && /[,;:()]/.test(t.post)) break;
    }
    if (words.length === n && lexicon.roles.has(words.join(' '))) {
      const a = doc.tokens[i];
      const b = doc.tokens[i + n - 1];
      return a && b ? { first: i, last: i + n, text: doc.text.slice(a.start, b.end) } : null;
    }
  }
  return null;
}

function mentionEndingAt(ms: SentenceMention[], end: number, types: readonly EntityType[]): SentenceMention | undefined {
  return ms.find((m) => m.last === end && types.includes(m.entity.type));
}

function mentionStartingAt(ms: SentenceMention[], start: number, types: readonly EntityType[]): SentenceMention | undefined {
  return ms.find((m) => m.first === start && types.includes(m.entity.type));
}

/** Words that may stand between an organisation and a role: "ICANN's former CEO". */
const ROLE_MODIFIERS = new Set(['former', 'then', 'current', 'new', 'acting', 'interim', 'outgoing', 'incoming', 'deputy', 'longtime', 'founding', 'top', 'senior', 'chief']);

/** "the company's chief executive": the last organisation of the descriptor's type named before. */
function descriptorOrganisation(doc: Doc, at: number, lexicon: Lexicon): SentenceMention | null {
  const word = doc.tokens[at];
  const type = word?.possessive ? lexicon.descriptorType.get(word.key.toLowerCase()) : undefined;
  if (!type || !ORG_TYPES.includes(type) || doc.tokens[at - 1]?.lower !== 'the') return null;
  const earlier = doc.candidates.filter((c) => c.last <= at && c.entityKey && doc.entities.get(c.entityKey)?.type === type).at(-1);
  const entity = earlier?.entityKey ? doc.entities.get(earlier.entityKey) : undefined;
  return earlier && entity ? { first: at - 1, last: at + 1, entity, candidate: earlier } : null;
}

/** The organisation a role belongs to: "Tesla CEO" (before) or "CEO of Qualcomm" (after). */
function roleOrganisation(doc: Doc, ms: SentenceMention[], role: RoleMatch, lexicon: Lexicon): { org: SentenceMention; before: boolean } | null {
  let end = role.first;
  while (end > 0 && ROLE_MODIFIERS.has(doc.tokens[end - 1]?.lower ?? '')) end--;
  const before = mentionEndingAt(ms, end, ORG_TYPES) ?? descriptorOrganisation(doc, end - 1, lexicon);
  if (before) return { org: before, before: true };
  const of = doc.tokens[role.last];
  if (of && (of.lower === 'of' || of.lower === 'at')) {
    const skip = doc.tokens[role.last + 1]?.lower === 'the' ? 2 : 1;
    const after = mentionStartingAt(ms, role.last + skip, ORG_TYPES);
    if (after) return { org: after, before: false };
    // "Minister of Foreign Affairs of the Republic of Serbia": the office, then its state.
    for (let k = role.last + 1; k < Math.min(doc.tokens.length, role.last + 8); k++) {
      const t = doc.tokens[k];
      if (!t || /[,;:()]/.test(doc.tokens[k - 1]?.post ?? '') || (!/^[A-Z]/.test(t.key) && !['of', 'and', 'the', 'for'].includes(t.lower))) break;
      if (t.lower !== 'of') continue;
      const at = doc.tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1;
      const state = mentionStartingAt(ms, at, ['Country']);
      if (state) return { org: state, before: false };
    }
  }
  return null;
}

function lastPersonBefore(doc: Doc, token: number): SentenceMention['entity'] | null {
  let best: { at: number; entity: SentenceMention['entity'] } | null = null;
  for (const c of doc.candidates) {
    if (c.first >= token || !c.entityKey) continue;
    const e = doc.entities.get(c.entityKey);
    if (e?.type === 'Person' && (!best || c.first > best.at)) best = { at: c.first, entity: e };
  }
  return best?.entity ?? null;
}

function rolePerson(doc: Doc, ms: SentenceMention[], role: RoleMatch, orgEnd: number, lexicon: Lexicon): SentenceMention | null {
  const people = ms.filter((m) => m.entity.type === 'Person');
  // "CEO Tim Cook"
  const right = people.find((m) => m.first === role.last);
  if (right) return right;
  // "Ren Xianliang, Secretary General of WIC" / "Tim Cook, Apple's CEO"
  const start = Math.min(role.first, orgEnd);
  const left = people.find((m) => m.last <= start && m.last >= start - 2 && /^,/.test(doc.tokens[m.last - 1]?.post ?? ''));
  if (left) return left;
  // "Meta president of global affairs Nick Clegg": a lower-case office between role and name.
  const described = people.find((m) => m.first > role.last && m.first - role.last <= 5);
  if (described && doc.tokens.slice(role.last, described.first).every((t) => t.key === t.lower && !t.tags.has('Verb') && !/[,;:()]/.test(t.post))) return described;
  // Role chain ending in ", Name"
  const ahead = people.find((m) => m.first > role.last && m.first - role.last <= CHAIN_GAP);
  if (ahead && /^,/.test(doc.tokens[ahead.first - 1]?.post ?? '')) {
    let verb = false;
    for (let k = role.last; k < ahead.first; k++) {
      const t = doc.tokens[k];
      if (t && t.tags.has('Verb') && !lexicon.roles.has(t.lower)) verb = true;
    }
    if (!verb) return ahead;
  }
  return null;
}

function findRoles(doc: Doc, s: Sentence, lexicon: Lexicon): void {
  const ms = outermost(sentenceMentions(doc, s));
  const evidence = { start: s.start, end: s.end };
  for (let i = s.first; i < s.last; i++) {
    const role = matchRole(doc, i, lexicon);
    if (!role) continue;
    const found = roleOrganisation(doc, ms, role, lexicon);
    if (!found) continue;
    const { org, before } = found;
    const orgEnd = before ? org.first : org.last;
    const person = rolePerson(doc, ms, role, before ? org.first : role.first, lexicon);
    if (person) {
      addRelation(doc, person.entity, 'HOLDS_ROLE', org.entity, 0.85, evidence, role.text);
      if (before) person.entity.aliases.add(doc.text.slice(doc.tokens[org.first]?.start ?? 0, doc.tokens[role.last - 1]?.end ?? 0).replace(/['’]s\b/, "'s"));
    } else if (before && doc.tokens[org.first - 1]?.lower === 'the') {
      // "The Space X leader took the opportunity..." refers to the last person named.
      const referent = lastPersonBefore(doc, org.first);
      if (referent) {
        addRelation(doc, referent, 'HOLDS_ROLE', org.entity, 0.6, evidence, role.text);
        referent.aliases.add(doc.text.slice(doc.tokens[org.first]?.start ?? 0, doc.tokens[role.last - 1]?.end ?? 0));
      }
    }
    i = Math.max(i, role.last - 1, orgEnd - 1);
  }
}

/** Adds HOLDS_ROLE relations for every sentence. */
export function extractRoles(doc: Doc, lexicon: Lexicon): void {
  for (const s of doc.sentences) findRoles(doc, s, lexicon);
}
