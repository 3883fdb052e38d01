/**
 * Stage 2: known names. Finds the longest gazetteer phrase at each token (countries,
 * demonyms, capitals, known organisations, companies, media, bodies, events, policies,
 * places, topic phrases) and records a candidate for it.
 */
import type { Candidate, Doc, Token } from '../document.ts';
import type { Lexicon, PhraseEntry } from '../lexicon.ts';

const BREAKING_PUNCT = /[,;:()"“”!?]|[.]\s/;
/** Words before a capital city that show it is the place, not the state it stands for. */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'outside', 'around', 'via', 'visited', 'visit', 'visiting', 'into', 'across', 'throughout', 'of', 'inside']);

function startsUpper(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toLowerCase();
}

function tokenMatches(token: Token, key: string, surface: string, exactCase: boolean): boolean {
  if (token.lower !== key) return false;
  if (exactCase) return token.key === surface.replace(/['’]s$/, '');
  return !startsUpper(surface) || startsUpper(token.key);
}

function matchAt(doc: Doc, i: number, e: PhraseEntry): boolean {
  const n = e.keys.length;
  if (i + n > doc.tokens.length) return false;
  const sentence = doc.tokens[i]?.sentence;
  for (let k = 0; k < n; k++) {
    const token = doc.tokens[i + k];
    if (!token || token.sentence !== sentence) return false;
    if (!tokenMatches(token, e.keys[k] ?? '', e.surface[k] ?? '', e.exactCase)) return false;
    if (k < n - 1 && (BREAKING_PUNCT.test(token.post) || (token.possessive && !/['’]s$/.test(e.surface[k] ?? '')))) return false;
  }
  if (e.ambiguous) {
    const first = doc.tokens[i];
    const isSentenceStart = i === 0 || doc.tokens[i - 1]?.sentence !== sentence;
    if (isSentenceStart && first && !first.possessive) return false;
  }
  return true;
}

function capitalCandidate(doc: Doc, i: number, e: PhraseEntry & { target: { kind: 'capital' } }): Candidate {
  const prev = doc.tokens[i - 1];
  const next = doc.tokens[i + e.keys.length];
  const token = doc.tokens[i + e.keys.length - 1];
  const country = e.target.country;
  const asPlace =
    (prev && prev.sentence === token?.sentence && PLACE_PREPOSITIONS.has(prev.lower) && !token?.possessive) ||
    (token && /^,/.test(token.post) && next && next.key === country.name);
  const last = i + e.keys.length;
  if (asPlace) return { first: i, last, type: 'Place', name: e.surface.join(' '), kind: 'name', source: 'gazetteer', country: country.code };
  return { first: i, last, type: 'Country', name: country.name, code: country.code, kind: 'name', source: 'gazetteer' };
}

function toCandidate(doc: Doc, i: number, e: PhraseEntry): Candidate {
  const last = i + e.keys.length;
  const t = e.target;
  if (t.kind === 'topic') return { first: i, last, type: 'Topic', name: t.topic, kind: 'name', source: 'gazetteer' };
  if (t.kind === 'capital') return capitalCandidate(doc, i, e as PhraseEntry & { target: { kind: 'capital' } });
  const c: Candidate = { first: i, last, type: t.entity.type, name: t.entity.name, kind: t.mention, source: 'gazetteer' };
  if (t.code) c.code = t.code;
  if (t.entity.country) c.country = t.entity.country;
  if (t.entity.recurring) c.recurring = true;
  if (t.entity.organization) c.organization = t.entity.organization;
  return c;
}

/** Adds topic candidates for topic phrases inside event and policy names ("Global AI Governance Initiative"). */
export function topicsInsideNames(doc: Doc, lexicon: Lexicon): void {
  const named = doc.candidates.filter((c) => c.type === 'Event' || c.type === 'Policy');
  for (const c of named) {
    for (let i = c.first; i < c.last; i++) {
      const hit = lexicon.phrases.get(doc.tokens[i]?.lower ?? '')?.find((e) => e.target.kind === 'topic' && i + e.keys.length <= c.last && matchAt(doc, i, e));
      const known = doc.candidates.some((o) => o.type === 'Topic' && o.first === i);
      if (hit && !known) doc.candidates.push(toCandidate(doc, i, hit));
    }
  }
}

/** "Nancy Faeser": a city that is also a first name, right before a capitalised word, starts a person's name. */
function firstNamePlaces(doc: Doc, lexicon: Lexicon): void {
  doc.candidates = doc.candidates.filter((c) => {
    if (c.type !== 'Place' || c.last - c.first !== 1) return true;
    const t = doc.tokens[c.first];
    const next = doc.tokens[c.last];
    const starts = !!t && lexicon.firstNames.has(t.key) && !!next && next.sentence === t.sentence && /^[A-Z][a-z]/.test(next.key) && !/[,;:()]/.test(t.post);
    return !starts || doc.candidates.some((o) => o.first === c.last);
  });
}

/** "Vodafone Germany": a known company directly followed by a country name is its national unit. */
function nationalUnits(doc: Doc): void {
  const added: Candidate[] = [];
  doc.candidates.forEach((c, i) => {
    const next = doc.candidates[i + 1];
    const last = doc.tokens[c.last - 1];
    if (c.type !== 'Company' || !next || next.type !== 'Country' || next.kind !== 'name' || next.first !== c.last) return;
    if (!last || BREAKING_PUNCT.test(last.post) || last.possessive || !/^[A-Z]/.test(doc.tokens[next.first]?.key ?? '')) return;
    const text = doc.text.slice(doc.tokens[next.first]?.start ?? 0, doc.tokens[next.last - 1]?.end ?? 0).replace(/['’]s?$/, '');
    added.push({ first: c.first, last: next.last, type: 'Company', name: `${c.name ?? ''} ${text}`, kind: 'name', source: 'pattern', country: next.code ?? '' });
    c.type = null; // the unit, not the parent, is meant
  });
  doc.candidates = doc.candidates.filter((c) => c.type !== null);
  doc.candidates.push(...added);
  doc.candidates.sort((x, y) => x.first - y.first || y.last - x.last);
}

/** Adds a candidate for every longest gazetteer match, left to right, without overlaps. */
export function matchGazetteer(doc: Doc, lexicon: Lexicon): void {
  let i = 0;
  while (i < doc.tokens.length) {
    const token = doc.tokens[i];
    const entries = token ? lexicon.phrases.get(token.lower) : undefined;
    const hit = entries?.find((e) => matchAt(doc, i, e));
    if (hit) {
      doc.candidates.push(toCandidate(doc, i, hit));
      i += hit.keys.length;
    } else {
      i += 1;
    }
  }
  nationalUnits(doc);
  firstNamePlaces(doc, lexicon);
}
