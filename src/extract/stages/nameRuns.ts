/**
 * Where names are: runs of capitalised tokens inside one sentence, with connectors ("of",
 * "and", "for") between capitalised parts, initials ("P. Simmons") and abbreviations in
 * parentheses ("... Intelligence (AI) Governance ..."); not role words, titles, or headline
 * sentences written in capitals. Pure functions over a Doc.
 */
import type { Doc, Token } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';

export const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'al', '&', 'against', 'to']);
/** Punctuation that ends a name. */
export const BREAK = /[,;:()"“”!?]|[.]\s|\s[-–—]\s/;
const NOT_NAME_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Auxiliary', 'Copula'];
const CALENDAR_TAGS = ['Month', 'WeekDay', 'Date', 'Holiday'];

export function isCapitalised(t: Token): boolean {
  return /^[A-Z]/.test(t.key) || /^[0-9]+[A-Z]/.test(t.key);
}

export function isSentenceStart(doc: Doc, i: number): boolean {
  return i === 0 || doc.tokens[i - 1]?.sentence !== doc.tokens[i]?.sentence;
}

export function isRoleOrTitle(t: Token, lexicon: Lexicon): boolean {
  // "Sen." may come as the token "Sen" with the period after it.
  const dotted = t.post.startsWith('.') ? `${t.text}.` : t.text;
  return lexicon.roles.has(t.lower) || lexicon.personTitles.has(t.text) || lexicon.personTitles.has(dotted);
}

/** "(AI)" inside a longer name: "Global Artificial Intelligence (AI) Governance Initiative". */
function parentheticalInside(doc: Doc, i: number, lexicon: Lexicon): boolean {
  const t = doc.tokens[i];
  const after = doc.tokens[i + 1];
  return !!t && !!after && t.pre.trim() === '(' && t.post.startsWith(')') && /^[A-Z][A-Za-z0-9]{0,7}$/.test(t.key) && after.sentence === t.sentence && looksLikeName(doc, i + 1, lexicon);
}

/** True when a role phrase ("Executive Vice President", "Foreign Minister") starts at token i. */
export function roleStartsAt(doc: Doc, i: number, lexicon: Lexicon): boolean {
  let phrase = '';
  for (let k = i; k < Math.min(doc.tokens.length, i + 4); k++) {
    phrase = phrase ? `${phrase} ${doc.tokens[k]?.lower ?? ''}` : (doc.tokens[k]?.lower ?? '');
    if (k > i && lexicon.roles.has(phrase)) return true;
  }
  return false;
}

/** An initial: "P." in "P. Simmons". */
export function isInitial(t: Token | undefined): boolean {
  return !!t && /^[A-Z]\.?$/.test(t.key) && (t.key.endsWith('.') || t.post.startsWith('.'));
}

const shoutingCache = new WeakMap<Doc, Set<number>>();

/** Sentences written in capitals (headlines): capitalisation says nothing there. */
function shoutingSentences(doc: Doc): Set<number> {
  let found = shoutingCache.get(doc);
  if (found) return found;
  found = new Set();
  for (const [n, s] of doc.sentences.entries()) {
    const words = doc.tokens.slice(s.first, s.last).filter((t) => /[A-Za-z]{2,}/.test(t.key));
    const upper = words.filter((t) => t.key === t.key.toUpperCase()).length;
    if (words.length >= 3 && upper / words.length >= 0.7) found.add(n);
  }
  shoutingCache.set(doc, found);
  return found;
}

function looksLikeName(doc: Doc, i: number, lexicon: Lexicon): boolean {
  const t = doc.tokens[i];
  if (!t || !isCapitalised(t)) return false;
  if (shoutingSentences(doc).has(t.sentence)) return false;
  if (roleStartsAt(doc, i, lexicon)) return false;
  if (CALENDAR_TAGS.some((tag) => t.tags.has(tag)) && !t.tags.has('ProperNoun')) return false;
  if (isRoleOrTitle(t, lexicon) && !lexicon.headType.has(t.lower)) return false;
  if (isSentenceStart(doc, i) && NOT_NAME_TAGS.some((tag) => t.tags.has(tag))) return false;
  if (isSentenceStart(doc, i) && !t.tags.has('ProperNoun') && !t.tags.has('Acronym') && (t.tags.has('Verb') || t.tags.has('Adjective'))) return false;
  return true;
}

/** Runs of capitalised tokens (with inner connectors) inside one sentence. */
export function capitalisedRuns(doc: Doc, lexicon: Lexicon): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  let i = 0;
  while (i < doc.tokens.length) {
    if (!looksLikeName(doc, i, lexicon)) {
      i++;
      continue;
    }
    const first = i;
    let last = i + 1;
    while (last < doc.tokens.length) {
      const prev = doc.tokens[last - 1];
      const t = doc.tokens[last];
      if (prev && t && t.sentence === prev.sentence && parentheticalInside(doc, last, lexicon)) {
        last += 2;
        continue;
      }
      if (!prev || !t || t.sentence !== prev.sentence || (BREAK.test(prev.post) && !isInitial(prev)) || BREAK.test(t.pre) || prev.possessive) break;
      if (looksLikeName(doc, last, lexicon)) {
        last++;
        continue;
      }
      // A connector joins two capitalised parts: "Ministry of Foreign Affairs".
      let j = last;
      while (j < doc.tokens.length && CONNECTORS.has(doc.tokens[j]?.lower ?? '') && !BREAK.test(doc.tokens[j]?.post ?? '')) j++;
      // "X and the Y" joins two names, not one: "and" may only stand alone between parts.
      const joinsTwo = j - last > 1 && doc.tokens.slice(last, j).some((c) => c.lower === 'and');
      if (!joinsTwo && j > last && j < doc.tokens.length && !BREAK.test(doc.tokens[j]?.pre ?? '') && doc.tokens[j]?.sentence === t.sentence && looksLikeName(doc, j, lexicon)) {
        last = j + 1;
        continue;
      }
      break;
    }
    runs.push({ first, last });
    i = last;
  }
  return runs;
}

