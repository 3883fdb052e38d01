/**
 * Stage 3: names the gazetteer does not know. Finds runs of capitalised tokens and types
 * them from their head word ("... Ministry", "... Forum", "... Act"), from the words around
 * them ("technology company Infosys", "CEO Tim Cook", "according to X") and from first
 * names and surnames. A longer name with a head word replaces known names inside it
 * ("Nanjing University of ...").
 */
import type { Candidate, Doc } from '../document.ts';
import { spanText } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';
import { CONNECTORS, capitalisedRuns } from './nameRuns.ts';
import { headTypeOf, mediaContext, typeRun } from './nameTypes.ts';

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
    const onlyPlacesInside = inside.every((c) => c.type === 'Country' || c.type === 'Place');
    const joined = doc.tokens.slice(first, last).some((t) => t.lower === 'and');
    if (!head && inside.length > 0 && onlyPlacesInside && !joined && last - first >= 3 && mediaContext(doc, first, last)) {
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
}

/** The surface name of a candidate: its text without a possessive ending. */
export function candidateText(doc: Doc, c: Candidate): string {
  const text = spanText(doc, c.first, c.last);
  return text.replace(/['’]s?$/, '');
}
