/**
 * Stage 6: from mentions to entities within one article. Gives every typed candidate a
 * canonical name, folds surnames into full names ("Musk" -> "Elon Musk"), takes
 * abbreviations introduced in parentheses and acronyms as aliases, merges reordered
 * person names ("Zhao Houlin" / "Houlin Zhao"), and collects mentions and aliases.
 */
import type { EntityType, MentionKind } from '../../model.ts';
import type { Candidate, Doc, DocEntity } from '../document.ts';
import { entityKey } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';
import { candidateText } from './names.ts';

const PLACE_SUFFIX = /\s+(province|city|county|region|prefecture|district|state)$/i;
const STOP_IN_ACRONYM = new Set(['of', 'for', 'the', 'and', 'on', 'in', 'de', '&', 'to', 'against']);

function canonicalFromText(text: string, type: EntityType): string {
  let name = text.replace(/^the\s+/i, '').replace(/['’]s?$/, '').replace(/\s+/g, ' ').trim();
  if (type === 'Place') name = name.replace(PLACE_SUFFIX, '');
  return name;
}

/** Gives every typed candidate a canonical name (gazetteer name, or its cleaned text). */
export function nameCandidates(doc: Doc): void {
  for (const c of doc.candidates) {
    if (c.type && !c.name) c.name = canonicalFromText(candidateText(doc, c), c.type);
  }
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w && !STOP_IN_ACRONYM.has(w.toLowerCase()))
    .map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w.charAt(0)))
    .join('')
    .toUpperCase();
}

function addEntity(doc: Doc, type: EntityType, name: string, extra: Partial<DocEntity> = {}): DocEntity {
  const key = entityKey(type, name);
  let e = doc.entities.get(key);
  if (!e) {
    e = { key, name, type, aliases: new Set(), mentions: [], ...extra };
    doc.entities.set(key, e);
  }
  return e;
}

function addMention(doc: Doc, e: DocEntity, c: Candidate, kind: MentionKind): void {
  const a = doc.tokens[c.first];
  const b = doc.tokens[c.last - 1];
  if (!a || !b) return;
  const text = doc.text.slice(a.start, b.end).replace(/['’]s?$/, '');
  const end = a.start + text.length;
  if (e.mentions.some((m) => m.start === a.start && m.end === end)) return;
  e.mentions.push({ start: a.start, end, text, kind });
  const alias = text.replace(/^the\s+/i, '');
  if (alias !== e.name && alias.length > 0) e.aliases.add(alias);
  c.entityKey = e.key;
}

function personTokens(name: string): string[] {
  return name.split(/\s+/);
}

/** Folds a person's reordered or shortened names into the first full name seen. */
function mergePeople(doc: Doc): Map<string, string> {
  const redirect = new Map<string, string>();
  const people = doc.candidates.filter((c) => c.type === 'Person' && c.name);
  const full: string[] = [];
  for (const c of people) {
    const name = c.name ?? '';
    const tokens = personTokens(name);
    const sameSet = full.find((f) => {
      const ft = personTokens(f);
      return ft.length === tokens.length && ft.every((t) => tokens.includes(t));
    });
    if (sameSet && sameSet !== name) redirect.set(name, sameSet);
    else if (tokens.length >= 2 && !full.includes(name)) full.push(name);
  }
  for (const c of people) {
    const name = c.name ?? '';
    if (personTokens(name).length === 1) {
      const target = full.find((f) => {
        const ft = personTokens(f);
        return ft[ft.length - 1] === name || ft[0] === name;
      });
      if (target) redirect.set(name, target);
    }
    const to = redirect.get(name);
    if (to) c.name = to;
  }
  return redirect;
}

/** Unknown single words that are a known person's surname or given name. */
function resolveSurnames(doc: Doc, lexicon: Lexicon): void {
  const people = [...new Set(doc.candidates.filter((c) => c.type === 'Person' && c.name).map((c) => c.name ?? ''))].filter(
    (n) => n.includes(' '),
  );
  for (const c of doc.candidates) {
    if (c.type !== null || c.last - c.first !== 1) continue;
    const word = doc.tokens[c.first]?.key ?? '';
    const match = people.find((p) => {
      const t = personTokens(p);
      return t[t.length - 1] === word || (t[0] === word && lexicon.surnames.has(word));
    });
    if (match) {
      c.type = 'Person';
      c.name = match;
      c.source = 'coreference';
    }
  }
}

/** Abbreviations: "Word Internet Conference (WIC)" and acronyms of names seen earlier. */
function resolveAbbreviations(doc: Doc): void {
  const typed = doc.candidates.filter((c) => c.type && c.name);
  const byAcronym = new Map<string, Candidate>();
  for (const c of doc.candidates) {
    const token = doc.tokens[c.first];
    if (!token || c.last - c.first !== 1 || !/^[A-Z][A-Z0-9-]{1,9}$/.test(token.key)) continue;
    const prevCandidate = typed.filter((t) => t.last <= c.first).at(-1);
    const introduced = token.pre.includes('(') && prevCandidate && prevCandidate.last === c.first;
    if (c.type && c.source === 'gazetteer') {
      // "Word Internet Conference (WIC)": a known abbreviation names the unknown name before it.
      if (introduced && prevCandidate.source === 'name' && prevCandidate.type === c.type) prevCandidate.name = c.name;
      continue;
    }
    const target = introduced ? prevCandidate : byAcronym.get(token.key) ?? typed.find((t) => t.first < c.first && initials(t.name ?? '') === token.key);
    if (target && target.type) {
      c.type = target.type;
      c.name = target.name;
      c.source = 'coreference';
      byAcronym.set(token.key, target);
    }
  }
}

/** "the Commission", "the Pact": a lone head word refers back to the last name of its type containing it. */
function resolveHeadWords(doc: Doc, lexicon: Lexicon): void {
  for (const c of doc.candidates) {
    const token = doc.tokens[c.first];
    if (c.source !== 'name' || c.last - c.first !== 1 || !token || !lexicon.headType.has(token.lower)) continue;
    const earlier = doc.candidates.filter((o) => o.last <= c.first && o.type === c.type && o.name && o.name !== token.key && o.name.split(' ').includes(token.key)).at(-1);
    if (earlier) {
      c.name = earlier.name;
      c.source = 'coreference';
    } else {
      // A head word alone ("Communications", "Group") names nothing by itself.
      c.type = null;
      c.name = null;
    }
  }
}

/**
 * "Global Artificial Intelligence (AI) Governance Initiative" and "Global AI Governance
 * Initiative" are one name: a name with an abbreviation in parentheses takes the name of a
 * candidate that spells it with the abbreviation instead, or without it.
 */
function mergeParentheticalForms(doc: Doc): void {
  const names = new Map<string, string>();
  for (const c of doc.candidates) if (c.type && c.name && !c.name.includes('(')) names.set(`${c.type}|${c.name.toLowerCase()}`, c.name);
  for (const c of doc.candidates) {
    const m = c.name ? /^(.*?)\s*\(([A-Za-z0-9]+)\)\s*(.*)$/.exec(c.name) : null;
    if (!c.type || !m) continue;
    const [, head = '', abbr = '', tail = ''] = m;
    const words = head.split(' ');
    const forms = [`${head} ${tail}`.trim()];
    for (let k = 1; k <= words.length; k++) {
      if (initials(words.slice(-k).join(' ')) === abbr.toUpperCase()) forms.push(`${[...words.slice(0, -k), abbr].join(' ')} ${tail}`.trim());
    }
    const target = forms.map((f) => names.get(`${c.type}|${f.toLowerCase()}`)).find(Boolean);
    if (target) c.name = target;
  }
}

/** Builds doc.entities from the typed candidates. */
export function resolveEntities(doc: Doc, lexicon: Lexicon): void {
  mergeParentheticalForms(doc);
  resolveHeadWords(doc, lexicon);
  resolveSurnames(doc, lexicon);
  resolveAbbreviations(doc);
  mergePeople(doc);
  for (const c of doc.candidates) {
    if (!c.type || !c.name) continue;
    const extra: Partial<DocEntity> = {};
    if (c.code) extra.code = c.code;
    if (c.country) extra.country = c.country;
    if (c.organization) extra.organization = c.organization;
    const e = addEntity(doc, c.type, c.name, extra);
    addMention(doc, e, c, c.kind);
  }
}
