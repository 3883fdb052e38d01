/**
 * Stage 5: events and the organisations behind them. A recurring event keeps its year when
 * the text gives one ("World Internet Conference 2022", "the 2022 edition", "this year's")
 * or when it is numbered ("the fourth World Internet Conference") in a dated article. The
 * same name in an organisational role ("Secretary General of WIC", "members of") is the
 * organisation that runs the event.
 */
import type { Candidate, Doc, Token } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';

const YEAR = /^(19|20)\d{2}$/;
const ORDINAL = /^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|annual|latest|this|upcoming|current|next)$/i;
const ORG_CONTEXT = new Set(['member', 'members', 'membership', 'secretariat', 'staff', 'chairman', 'board']);

function yearOf(t: Token | undefined): string | null {
  return t && YEAR.test(t.key) ? t.key : null;
}

function sameSentence(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.sentence === b.sentence;
}

/** The year a mention of an event refers to, if the text gives or implies it. */
export function eventYear(doc: Doc, c: Candidate, recurring: boolean): string | null {
  const first = doc.tokens[c.first];
  const before = doc.tokens[c.first - 1];
  const after = doc.tokens[c.last];
  if (sameSentence(after, first) && yearOf(after) && !/[,;]/.test(doc.tokens[c.last - 1]?.post ?? '')) return yearOf(after);
  if (sameSentence(before, first) && yearOf(before)) return yearOf(before);
  if (!recurring) return null;
  const year = doc.published?.slice(0, 4) ?? null;
  if (sameSentence(before, first) && before && ORDINAL.test(before.key)) return year;
  return year;
}

/** True when the words ending just before token `end` are a role or an organisational noun. */
function roleEndsAt(doc: Doc, end: number, lexicon: Lexicon): boolean {
  let phrase = '';
  for (let k = end - 1; k >= Math.max(0, end - 4); k--) {
    phrase = phrase ? `${doc.tokens[k]?.lower ?? ''} ${phrase}` : (doc.tokens[k]?.lower ?? '');
    if (lexicon.roles.has(phrase) || ORG_CONTEXT.has(phrase)) return true;
  }
  return false;
}

function inOrganisationRole(doc: Doc, c: Candidate, lexicon: Lexicon): boolean {
  const b1 = doc.tokens[c.first - 1];
  const first = doc.tokens[c.first];
  if (!sameSentence(b1, first)) return false;
  const ofAt = b1?.lower === 'the' ? c.first - 2 : c.first - 1;
  if (doc.tokens[ofAt]?.lower === 'of' && roleEndsAt(doc, ofAt, lexicon)) return true;
  const after = doc.tokens[c.last];
  return sameSentence(after, first) && !!after && lexicon.roles.has(after.lower) && /^[A-Z]/.test(after.key);
}

/** Names events with their year and turns organisational mentions into the organisation. */
export function nameEvents(doc: Doc, lexicon: Lexicon): void {
  for (const c of doc.candidates) {
    if (c.type !== 'Event') continue;
    if (c.organization && inOrganisationRole(doc, c, lexicon)) {
      c.type = 'Organization';
      c.name = c.organization;
      continue;
    }
    const base = c.name;
    if (!base) continue;
    if (/\b(19|20)\d{2}\b/.test(base)) continue;
    const year = eventYear(doc, c, c.recurring === true);
    if (year) {
      c.name = `${base} ${year}`;
      // Take an adjacent year into the mention.
      if (yearOf(doc.tokens[c.last]) === year) c.last += 1;
      else if (yearOf(doc.tokens[c.first - 1]) === year) c.first -= 1;
    }
  }
}
