/**
 * Name normalisation for scoring, exactly as docs/ontology.md "Scoring" says: lower case,
 * diacritics and punctuation removed, a leading "the" dropped, whitespace collapsed.
 */

const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const PUNCTUATION = /[\p{P}\p{S}]/gu;

/** Normalises a name for comparison ("The Société Générale, Inc." -> "societe generale inc"). */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(PUNCTUATION, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The set of non-empty normalised forms of a name and its aliases. */
export function nameKeys(name: string, aliases: readonly string[] = []): Set<string> {
  const keys = new Set<string>();
  for (const n of [name, ...aliases]) {
    const k = normaliseName(n);
    if (k) keys.add(k);
  }
  return keys;
}

/** True when the two key sets share at least one element. */
export function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) return true;
  return false;
}
