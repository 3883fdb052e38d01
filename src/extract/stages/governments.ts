/**
 * Stage 4: governments. "the Chinese government", "China's government", "the government
 * of China" and "the X government" become the GovernmentBody "Government of X" (naming rule
 * in docs/ontology.md); the country stays mentioned through its demonym or name.
 */
import type { Candidate, Doc } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';

const GOVERNMENT = new Set(['government', 'govt']);

/** The canonical name of a country's government: "Government of the United States". */
export function governmentName(countryName: string, code: string, lexicon: Lexicon): string {
  return lexicon.takesThe.has(code) ? `Government of the ${countryName}` : `Government of ${countryName}`;
}

function governmentCandidate(first: number, last: number, country: Candidate, lexicon: Lexicon): Candidate {
  const name = governmentName(country.name ?? '', country.code ?? '', lexicon);
  return { first, last, type: 'GovernmentBody', name, kind: 'name', source: 'pattern', country: country.code ?? '' };
}

/** Adds a "Government of X" candidate wherever a country's government is named. */
export function findGovernments(doc: Doc, lexicon: Lexicon): void {
  const added: Candidate[] = [];
  for (const c of doc.candidates) {
    if (c.type !== 'Country' || !c.code) continue;
    const next = doc.tokens[c.last];
    const lastToken = doc.tokens[c.last - 1];
    if (next && lastToken && next.sentence === lastToken.sentence && GOVERNMENT.has(next.lower) && !/[,;:]/.test(lastToken.post)) {
      // "Chinese government", "China's government", "German federal government".
      added.push(governmentCandidate(c.first, c.last + 1, c, lexicon));
      continue;
    }
    const of = doc.tokens[c.first - 1];
    const gov = doc.tokens[c.first - 2];
    if (of?.lower === 'of' && gov && GOVERNMENT.has(gov.lower) && gov.sentence === doc.tokens[c.first]?.sentence) {
      added.push(governmentCandidate(c.first - 2, c.last, c, lexicon));
    }
  }
  doc.candidates.push(...added);
  doc.candidates.sort((x, y) => x.first - y.first || y.last - x.last);
}
