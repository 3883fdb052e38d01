/**
 * Stage: policies named in lower case. "presented its first action plan dedicated to
 * virtual reality", "issued data localisation guidelines": a policy noun (plan, law,
 * strategy, guidelines...) after an adopting verb, with its modifiers and a short
 * "for/on/dedicated to ..." complement, becomes a Policy candidate.
 */
import type { Candidate, Doc, Token } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';

const DROP = new Set(['its', 'their', 'his', 'her', 'a', 'an', 'the', 'this', 'that', 'these', 'those', 'new', 'our']);
const COMPLEMENT = new Set(['for', 'on', 'to', 'dedicated', 'aimed', 'covering', 'governing', 'regulating', 'against', 'concerning']);
const STOP_TAGS = ['Verb', 'Pronoun', 'Conjunction', 'Preposition'];
/** Words that end a policy's complement: "a strategy for cloud computing | last week". */
const COMPLEMENT_END = new Set(['last', 'next', 'this', 'in', 'on', 'at', 'by', 'after', 'before', 'during', 'since', 'until', 'with', 'which', 'that', 'and', 'but', 'as', 'from', 'while', 'amid', 'earlier', 'later']);
const MAX_COMPLEMENT = 6;

function isStop(t: Token): boolean {
  return /[,;:.()]/.test(t.post);
}

/** Finds lower-case policy phrases after ISSUES trigger verbs. */
export function findPolicyPhrases(doc: Doc, lexicon: Lexicon): void {
  const triggers = lexicon.triggers.get('ISSUES') ?? new Set<string>();
  const policyNouns = new Set(lexicon.cues.descriptors['Policy']?.map((w) => w.toLowerCase()) ?? []);
  const taken = (i: number): boolean => doc.candidates.some((c) => c.first <= i && c.last > i && c.type !== 'Topic');
  const added: Candidate[] = [];
  doc.tokens.forEach((t, i) => {
    if (!triggers.has(t.lower) || !t.tags.has('Verb')) return;
    // Modifiers and the head noun, within 6 tokens of the verb.
    let start = i + 1;
    while (start < doc.tokens.length && DROP.has(doc.tokens[start]?.lower ?? '')) start++;
    let head = -1;
    for (let k = start; k < Math.min(doc.tokens.length, start + 6); k++) {
      const tk = doc.tokens[k];
      if (!tk || tk.sentence !== t.sentence || taken(k)) break;
      if (policyNouns.has(tk.lower) || policyNouns.has(`${doc.tokens[k - 1]?.lower ?? ''} ${tk.lower}`)) head = k;
      if (isStop(tk) || (k > start && STOP_TAGS.some((tag) => tk.tags.has(tag)) && !policyNouns.has(tk.lower))) break;
    }
    if (head < 0) return;
    let end = head + 1;
    const next = doc.tokens[end];
    if (next && next.sentence === t.sentence && COMPLEMENT.has(next.lower) && !isStop(doc.tokens[head] as Token)) {
      let k = end + 1;
      if (next.lower === 'dedicated' || next.lower === 'aimed') k += 1; // "dedicated to", "aimed at"
      const limit = Math.min(doc.tokens.length, k + MAX_COMPLEMENT);
      let stop = k;
      for (; stop < limit; stop++) {
        const tk = doc.tokens[stop];
        if (!tk || tk.sentence !== t.sentence || (tk.tags.has('Verb') && !tk.tags.has('Gerund'))) break;
        if (stop > k && (COMPLEMENT_END.has(tk.lower) || tk.tags.has('Date'))) break;
        if (isStop(tk)) {
          stop++;
          break;
        }
      }
      if (stop > k) end = stop;
    }
    // A bare noun ("adopted rules") names no particular policy.
    if (end - start < 2) return;
    added.push({ first: start, last: end, type: 'Policy', name: null, kind: 'name', source: 'pattern' });
  });
  doc.candidates.push(...added);
  doc.candidates.sort((x, y) => x.first - y.first || y.last - x.last);
}
