/**
 * Stage: typing names from the document around them. Lists type their members alike, a
 * surname standing alone later marks a person, and "X province" or "X, <place>" marks a
 * place. Runs after the names stage.
 */
import type { EntityType } from '../../model.ts';
import type { Doc } from '../document.ts';
import { BREAK } from './nameRuns.ts';

const PLACE_WORDS = new Set(['province', 'city', 'county', 'region', 'prefecture', 'district', 'state']);

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

/** Types names from their surroundings: place suffixes, lists, later surnames. */
export function typeNamesFromContext(doc: Doc): void {
  markPlaceSuffixes(doc);
  typeListsAlike(doc);
  typeBySurnameLater(doc);
}
