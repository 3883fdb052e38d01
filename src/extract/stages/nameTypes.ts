/**
 * What kind of name a run is: from its head word ("... Ministry", "... Act"), the words
 * around it ("technology company Infosys", "CEO Tim Cook", "according to X"), first names
 * and surnames, and finally compromise's own tags. Pure functions over a Doc.
 */
import type { EntityType } from '../../model.ts';
import type { Doc } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';
import { BREAK, isInitial, isRoleOrTitle, isSentenceStart, roleStartsAt } from './nameRuns.ts';

/** Continents, oceans and world regions: not sub-national places, so not Place entities. */
const SUPRANATIONAL = new Set(['europe', 'asia', 'africa', 'america', 'americas', 'oceania', 'antarctica', 'pacific', 'atlantic', 'arctic', 'mediterranean', 'caribbean', 'balkans', 'eurasia', 'scandinavia', 'middle', 'far', 'global', 'south', 'north', 'east', 'west']);
const MEDIA_BEFORE = new Set(['according to', 'reported by', 'told', 'quoted by', 'cited by']);
const MEDIA_AFTER = new Set(['reported', 'reports', 'reporting', 'quoted', 'cited', 'citing']);

/** The type a name's head word gives it, if any. */
export function headTypeOf(doc: Doc, first: number, last: number, lexicon: Lexicon): EntityType | null {
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

export function mediaContext(doc: Doc, first: number, last: number): boolean {
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

/** The type of the name spanning tokens [first, last), or null when nothing tells. */
export function typeRun(doc: Doc, first: number, last: number, lexicon: Lexicon): EntityType | null {
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

