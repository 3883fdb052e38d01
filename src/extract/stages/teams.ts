/**
 * Stage: places that stand for teams. In sports results a city or county names its club
 * ("Kent 3 Surrey 1", "Essex v Derbyshire", "Chicago beat Boston"): such a Place mention is
 * an Organization. Countries are left alone (national sides are usually read as the country).
 */
import type { Candidate, Doc } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';

const VERSUS = new Set(['v', 'v.', 'vs', 'vs.', 'versus', 'at']);
const RESULT_VERBS = new Set(['beat', 'beats', 'defeated', 'defeats', 'drew', 'draw', 'lost', 'edged', 'routed', 'thrashed', 'downed', 'blanked', 'outscored', 'trounced', 'overcame', 'hammered', 'crushed', 'whipped']);
const SCORE = /^\d{1,3}$/;

function isTeamContext(doc: Doc, c: Candidate, places: Candidate[]): boolean {
  const next = doc.tokens[c.last];
  const prev = doc.tokens[c.first - 1];
  const sentence = doc.tokens[c.first]?.sentence;
  const inSentence = (t: typeof next): boolean => !!t && t.sentence === sentence;
  if (inSentence(next) && next && SCORE.test(next.key) && !/[%$]/.test(next.post)) return true;
  const otherPlaceAt = (i: number): boolean => places.some((o) => o !== c && o.first === i);
  if (inSentence(next) && next && VERSUS.has(next.lower) && otherPlaceAt(c.last + 1)) return true;
  if (inSentence(prev) && prev && VERSUS.has(prev.lower) && places.some((o) => o.last === c.first - 1)) return true;
  if (inSentence(next) && next && RESULT_VERBS.has(next.lower) && places.some((o) => o.first > c.last && o.first <= c.last + 2)) return true;
  if (inSentence(prev) && prev && RESULT_VERBS.has(prev.lower) && places.some((o) => o.last <= c.first - 1 && o.last >= c.first - 3)) return true;
  return false;
}

/** Retypes place mentions used as sports teams to Organization. */
export function findTeams(doc: Doc, _lexicon: Lexicon): void {
  const places = doc.candidates.filter((c) => c.type === 'Place');
  const teams = places.filter((c) => isTeamContext(doc, c, places));
  for (const c of teams) {
    c.type = 'Organization';
    c.name = null;
    delete c.country;
  }
}
