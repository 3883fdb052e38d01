/**
 * Stage 3: names the gazetteer does not know. Finds runs of capitalised tokens and types
 * them from their head word ("... Ministry", "... Forum", "... Act"), from the words around
 * them ("technology company Infosys", "CEO Tim Cook", "according to X") and from first
 * names and surnames. A longer name with a head word replaces known names inside it
 * ("Nanjing University of ...").
 */
import type { EntityType } from '../../model.ts';
import type { Candidate, Doc, Token } from '../document.ts';
import { spanText } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';

const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'al', '&', 'against', 'to']);
const BREAK = /[,;:()"“”!?]|[.]\s|\s[-–—]\s/;
const NOT_NAME_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Auxiliary', 'Copula'];
const CALENDAR_TAGS = ['Month', 'WeekDay', 'Date', 'Holiday'];
/** Continents, oceans and world regions: not sub-national places, so not Place entities. */
const SUPRANATIONAL = new Set(['europe', 'asia', 'africa', 'america', 'americas', 'oceania', 'antarctica', 'pacific', 'atlantic', 'arctic', 'mediterranean', 'caribbean', 'balkans', 'eurasia', 'scandinavia', 'middle', 'far', 'global', 'south', 'north', 'east', 'west']);
const PLACE_WORDS = new Set(['province', 'city', 'county', 'region', 'prefecture', 'district', 'state']);
const MEDIA_BEFORE = new Set(['according to', 'reported by', 'told', 'quoted by', 'cited by']);
const MEDIA_AFTER = new Set(['reported', 'reports', 'reporting', 'quoted', 'cited', 'citing']);

function isCapitalised(t: Token): boolean {
  return /^[A-Z]/.test(t.key) || /^[0-9]+[A-Z]/.test(t.key);
}

function isSentenceStart(doc: Doc, i: number): boolean {
  return i === 0 || doc.tokens[i - 1]?.sentence !== doc.tokens[i]?.sentence;
}

function isRoleOrTitle(t: Token, lexicon: Lexicon): boolean {
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
function isInitial(t: Token | undefined): boolean {
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

/**
 * "Lotte and Hyundai", "Acme Inc and Lear Corp" are two names; "Ministry of Industry and
 * Information Technology" is one: split at "and" unless only the whole has a head word.
 */
function splitAtAnd(doc: Doc, first: number, last: number, lexicon: Lexicon): { first: number; last: number }[] {
  const at = doc.tokens.slice(first, last).findIndex((t) => t.lower === 'and' || t.lower === '&');
  if (at <= 0) return [{ first, last }];
  const mid = first + at;
  const wholeHead = headTypeOf(doc, first, last, lexicon);
  const rightHead = headTypeOf(doc, mid + 1, last, lexicon);
  const leftHead = headTypeOf(doc, first, mid, lexicon);
  if (wholeHead && !rightHead && !(leftHead && lexicon.headType.has(doc.tokens[mid - 1]?.lower ?? ''))) return [{ first, last }];
  return [{ first, last: mid }, ...splitAtAnd(doc, mid + 1, last, lexicon)];
}

/** The type a name's head word gives it, if any. */
function headTypeOf(doc: Doc, first: number, last: number, lexicon: Lexicon): EntityType | null {
  const words: string[] = [];
  for (let k = first; k < last; k++) words.push(doc.tokens[k]?.lower ?? '');
  for (const h of lexicon.multiHeads) {
    const n = h.words.length;
    for (let s = 0; s + n <= words.length; s++) if (h.words.every((w, k) => words[s + k] === w)) return h.type;
  }
  const lastWord = words[words.length - 1] ?? '';
  const headLast = lexicon.headType.get(lastWord);
  if (headLast) return headLast;
  // "Ministry of Foreign Affairs", "University of Essex": the head comes before "of".
  const ofAt = words.findIndex((w) => w === 'of' || w === 'for');
  if (ofAt > 0) {
    const head = lexicon.headType.get(words[ofAt - 1] ?? '');
    if (head && head !== 'Company' && head !== 'MediaOutlet') return head;
  }
  return null;
}

function wordsBefore(doc: Doc, i: number, n: number): string {
  const out: string[] = [];
  for (let k = Math.max(0, i - n); k < i; k++) {
    const t = doc.tokens[k];
    if (t && t.sentence === doc.tokens[i]?.sentence) out.push(t.lower);
  }
  return out.join(' ');
}

function descriptorType(doc: Doc, first: number, last: number, lexicon: Lexicon): EntityType | null {
  const before = doc.tokens[first - 1];
  if (before && before.key === before.lower && before.sentence === doc.tokens[first]?.sentence && !BREAK.test(before.post)) {
    const two = wordsBefore(doc, first, 2);
    const type = lexicon.descriptorType.get(two) ?? lexicon.descriptorType.get(before.lower);
    if (type && type !== 'Event' && type !== 'Policy') return type;
  }
  // Appositive after: "Infosys, the IT company," / "X, a Russian firm".
  const lastToken = doc.tokens[last - 1];
  if (lastToken && /^,/.test(lastToken.post)) {
    for (let k = last; k < Math.min(doc.tokens.length, last + 5); k++) {
      const t = doc.tokens[k];
      if (!t || t.sentence !== lastToken.sentence) break;
      const type = lexicon.descriptorType.get(t.lower);
      if (type && type !== 'Event' && type !== 'Policy') return type;
      if (BREAK.test(t.post)) break;
    }
  }
  return null;
}

function mediaContext(doc: Doc, first: number, last: number): boolean {
  const before = wordsBefore(doc, first, 2);
  if ([...MEDIA_BEFORE].some((m) => before.endsWith(m))) return true;
  const after = doc.tokens[last];
  return !!after && after.sentence === doc.tokens[first]?.sentence && MEDIA_AFTER.has(after.lower);
}

function personByName(doc: Doc, first: number, last: number, lexicon: Lexicon): boolean {
  const n = last - first;
  if (n < 2 || n > 4) return false;
  for (let k = first; k < last; k++) {
    const t = doc.tokens[k];
    if (!t || !(/^[A-Z][a-zà-ÿ'’-]+\.?$/.test(t.key) || isInitial(t)) || (k < last - 1 && t.possessive)) return false;
  }
  const a = doc.tokens[first];
  const b = doc.tokens[first + 1];
  if (!a || !b) return false;
  if (isInitial(a) && /^[A-Z][a-z]/.test(doc.tokens[last - 1]?.key ?? '')) return true;
  if (lexicon.firstNames.has(a.key) || a.tags.has('FirstName') || a.tags.has('Person')) return true;
  if (lexicon.surnames.has(a.key) && /^[A-Z][a-z]+$/.test(b.key)) return true;
  return false;
}

function personByContext(doc: Doc, first: number, last: number, lexicon: Lexicon): boolean {
  const n = last - first;
  if (n > 4) return false;
  const before = doc.tokens[first - 1];
  const titled = !!before && before.sentence === doc.tokens[first]?.sentence && isRoleOrTitle(before, lexicon);
  // "President Biden", "Sen. Cruz": a capitalised title before one name is enough.
  if (titled && (n >= 2 || lexicon.personTitles.has(before.text))) return true;
  if (n < 2) return false;
  const after = doc.tokens[last];
  const lastToken = doc.tokens[last - 1];
  if (after && after.sentence === lastToken?.sentence) {
    if (lexicon.speechVerbs.has(after.lower) && !lastToken?.possessive) return true;
    // "Shou Chew, TikTok's chief executive," / "Ana Ruiz, the director of ..."
    if (lastToken && /^,/.test(lastToken.post)) {
      for (let k = last; k < Math.min(doc.tokens.length, last + 4); k++) {
        const t = doc.tokens[k];
        if (!t || t.sentence !== after.sentence) break;
        if (lexicon.roles.has(t.lower) || roleStartsAt(doc, k, lexicon)) return true;
        if (/[,;:()]/.test(t.post)) break;
      }
    }
  }
  return false;
}

function typeRun(doc: Doc, first: number, last: number, lexicon: Lexicon): EntityType | null {
  const head = headTypeOf(doc, first, last, lexicon);
  if (head) return head;
  if (personByName(doc, first, last, lexicon) || personByContext(doc, first, last, lexicon)) return 'Person';
  const desc = descriptorType(doc, first, last, lexicon);
  if (desc) return desc;
  if (mediaContext(doc, first, last)) return 'MediaOutlet';
  return typeFromTags(doc, first, last);
}

/** compromise's own guess, when no cue of ours applies (single words need more evidence). */
function typeFromTags(doc: Doc, first: number, last: number): EntityType | null {
  const has = (tag: string): boolean => doc.tokens.slice(first, last).some((t) => t.tags.has(tag));
  const single = last - first === 1;
  const sentenceStart = isSentenceStart(doc, first);
  const person = (has('Person') || has('FirstName') || has('LastName') || has('MaleName') || has('FemaleName')) && !has('Month') && !has('Date');
  if (person && !has('Organization') && (!single || has('LastName') || has('Person'))) return 'Person';
  if (has('Organization') && (!single || has('Acronym')) && !sentenceStart) return 'Organization';
  const supranational = doc.tokens.slice(first, last).some((t) => SUPRANATIONAL.has(t.lower));
  if ((has('City') || has('Region') || has('Country') || has('Place')) && !sentenceStart && !supranational) return 'Place';
  return null;
}

function stripLeadingThe(doc: Doc, first: number, last: number): number {
  return last - first > 1 && doc.tokens[first]?.lower === 'the' ? first + 1 : first;
}

function covered(doc: Doc, first: number, last: number): Candidate[] {
  return doc.candidates.filter((c) => c.first < last && c.last > first);
}

/** Adds typed candidates for capitalised names that the gazetteer did not cover. */
export function findNames(doc: Doc, lexicon: Lexicon): void {
  const added: Candidate[] = [];
  for (const run of capitalisedRuns(doc, lexicon)) {
    const first = stripLeadingThe(doc, run.first, run.last);
    const last = run.last;
    const inside = covered(doc, first, last);
    const head = headTypeOf(doc, first, last, lexicon);
    const wholeKnown = inside.length === 1 && inside[0]?.first === first && inside[0]?.last === last;
    if (wholeKnown) continue;
    if (!head && inside.length > 0 && last - first >= 3 && mediaContext(doc, first, last)) {
      // "according to South China Morning Post": the whole run is the outlet.
      doc.candidates = doc.candidates.filter((c) => !inside.includes(c));
      added.push({ first, last, type: 'MediaOutlet', name: null, kind: 'name', source: 'name' });
      continue;
    }
    if (inside.length > 0 && head && head !== 'Place' && last - first >= 2 && !inside.some((c) => c.first === first && c.last === last)) {
      // A longer name with a head word wins over known names inside it.
      const longest = inside.reduce((m, c) => Math.max(m, c.last - c.first), 0);
      if (last - first > longest) {
        // Countries stay mentioned: "Ministry of ... of the Republic of Kazakhstan" names Kazakhstan too.
        doc.candidates = doc.candidates.filter((c) => !inside.includes(c) || c.type === 'Topic' || (c.type === 'Country' && c.last === last));
        doc.candidates = doc.candidates.filter((c) => !(c.type === 'Topic' && c.first >= first && c.last <= last));
        added.push({ first, last, type: head, name: null, kind: 'name', source: 'name' });
        continue;
      }
    }
    // Otherwise type each uncovered stretch of the run on its own.
    let k = first;
    while (k < last) {
      if (inside.some((c) => c.first <= k && c.last > k)) {
        k++;
        continue;
      }
      let end = k;
      while (end < last && !inside.some((c) => c.first <= end && c.last > end)) end++;
      for (const part of splitAtAnd(doc, k, end, lexicon)) {
        let a = part.first;
        while (a < part.last && CONNECTORS.has(doc.tokens[a]?.lower ?? '')) a++;
        let b = part.last;
        while (b > a && CONNECTORS.has(doc.tokens[b - 1]?.lower ?? '')) b--;
        if (b > a) added.push({ first: a, last: b, type: typeRun(doc, a, b, lexicon), name: null, kind: 'name', source: 'name' });
      }
      k = end;
    }
  }
  doc.candidates.push(...added);
  doc.candidates.sort((x, y) => x.first - y.first);
  markPlaceSuffixes(doc);
  typeListsAlike(doc);
  typeBySurnameLater(doc);
}

/**
 * In a list "A, B, C and D" where most typed members share a type, untyped multi-word members
 * take it too ("Maria Ressa, Nick Clegg, Vint Cerf").
 */
function typeListsAlike(doc: Doc): void {
  const cs = [...doc.candidates].sort((a, b) => a.first - b.first);
  let start = 0;
  for (let i = 1; i <= cs.length; i++) {
    const prev = cs[i - 1];
    const cur = cs[i];
    const gap = prev && cur ? doc.tokens.slice(prev.last, cur.first).map((t) => t.lower) : ['x'];
    const lastOfPrev = prev ? doc.tokens[prev.last - 1] : undefined;
    const joined = !!cur && !!lastOfPrev && ((gap.length === 0 && /^,\s*$/.test(lastOfPrev.post)) || (gap.length === 1 && (gap[0] === 'and' || gap[0] === 'or')));
    if (joined) continue;
    const list = cs.slice(start, i);
    start = i;
    if (list.length < 3) continue;
    const counts = new Map<EntityType, number>();
    for (const c of list) if (c.type) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
    const [type, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
    if (!type || n < 2 || n < list.filter((c) => c.type).length) continue;
    for (const c of list) if (!c.type && c.last - c.first >= 2) c.type = type;
  }
}

/** An untyped two- or three-word name whose last word later stands alone is a person ("Vint Cerf ... Cerf said"). */
function typeBySurnameLater(doc: Doc): void {
  const singles = new Set(doc.candidates.filter((c) => c.last - c.first === 1 && (c.type === null || c.type === 'Person')).map((c) => doc.tokens[c.first]?.key));
  for (const c of doc.candidates) {
    const n = c.last - c.first;
    if (c.type !== null || n < 2 || n > 3) continue;
    const last = doc.tokens[c.last - 1];
    if (last && /^[A-Z][a-z]+$/.test(last.key) && singles.has(last.key)) c.type = 'Person';
  }
}

/**
 * "Zhejiang province": the capitalised word before a lower-case place word is a Place; and
 * "Suzhou, Jiangsu province" / "Mombasa, Kenya": an unknown name followed by a comma and a
 * place or country is a Place.
 */
function markPlaceSuffixes(doc: Doc): void {
  const sorted = [...doc.candidates].sort((a, b) => a.first - b.first);
  sorted.forEach((c, i) => {
    const next = sorted[i + 1];
    const lastToken = doc.tokens[c.last - 1];
    if (c.type !== null || !next || next.first !== c.last || !lastToken || !/^,\s*$/.test(lastToken.post)) return;
    const nextIsPlace = next.type === 'Country' || next.type === 'Place' || PLACE_WORDS.has(doc.tokens[next.last]?.lower ?? '');
    if (nextIsPlace && c.last - c.first <= 3) c.type = 'Place';
  });
  for (const c of doc.candidates) {
    const next = doc.tokens[c.last];
    const lastToken = doc.tokens[c.last - 1];
    if (!next || !lastToken || next.sentence !== lastToken.sentence || BREAK.test(lastToken.post)) continue;
    if (PLACE_WORDS.has(next.lower) && (c.type === null || c.type === 'Place')) {
      // "Zhejiang Province": drop a separate candidate for the capitalised place word.
      doc.candidates = doc.candidates.filter((o) => !(o.first === c.last && o.last === c.last + 1 && o !== c));
      c.type = 'Place';
      c.last += 1;
    }
  }
}

/** The surface name of a candidate: its text without a possessive ending. */
export function candidateText(doc: Doc, c: Candidate): string {
  const text = spanText(doc, c.first, c.last);
  return text.replace(/['’]s?$/, '');
}
