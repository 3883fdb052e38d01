/**
 * Stage 1: sentences, tokens and part-of-speech tags from compromise, with exact UTF-16
 * offsets. compromise is lossless (pre + text + post of every term rebuilds the input), so
 * offsets are the running sum of those lengths.
 */
import nlp from 'compromise';
import type { Doc, Token } from '../document.ts';

interface Term {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
}

const POSSESSIVE = /['’]s?$/;

/** Strips a possessive ending: "Huawei's" -> "Huawei", "Reuters'" stays "Reuters'"-less. */
export function tokenKey(text: string): string {
  if (/['’]s$/i.test(text) && text.length > 2) return text.slice(0, -2);
  if (/s['’]$/.test(text)) return text.slice(0, -1);
  return text;
}

/** Splits a gazetteer phrase into token texts the same way article text is split. */
export function phraseKeys(phrase: string): string[] {
  const doc = nlp.tokenize(phrase);
  const out: string[] = [];
  for (const sentence of doc.docs as Term[][]) for (const term of sentence) if (term.text) out.push(term.text);
  return out;
}

/** Function words that scraped text sometimes glues to the name before them ("Huaweifrom"). */
const GLUED = /^([A-Z][A-Za-z]{2,}?)(from|and|of|the|in|for|to|with|on|at|by)$/;

/**
 * Splits "Huaweifrom" into "Huawei" + "from" when the first part is a known name.
 * Returns null when the term is not glued.
 */
function splitGlued(term: Term, isKnown: (key: string) => boolean): [string, string] | null {
  const m = GLUED.exec(term.text);
  if (!m || !m[1] || !m[2] || !isKnown(m[1].toLowerCase())) return null;
  return [m[1], m[2]];
}

/** Fills doc.tokens and doc.sentences from the document text. */
export function tokenize(doc: Doc, isKnown: (key: string) => boolean = () => false): void {
  const parsed = nlp(doc.text);
  let offset = 0;
  const sentences = parsed.docs as Term[][];
  sentences.forEach((terms) => {
    const first = doc.tokens.length;
    for (const term of terms) {
      offset += term.pre.length;
      const glued = term.text.length > 0 ? splitGlued(term, isKnown) : null;
      if (glued) {
        const [name, word] = glued;
        const common = { pre: '', post: '', sentence: doc.sentences.length, possessive: false };
        doc.tokens.push({ ...common, text: name, key: name, lower: name.toLowerCase(), start: offset, end: offset + name.length, tags: new Set(['ProperNoun', 'Noun']), pre: term.pre });
        const at = offset + name.length;
        doc.tokens.push({ ...common, text: word, key: word, lower: word, start: at, end: at + word.length, tags: new Set(['Preposition']), post: term.post });
      } else if (term.text.length > 0) {
        const key = tokenKey(term.text);
        const token: Token = {
          text: term.text,
          key,
          lower: key.toLowerCase(),
          start: offset,
          end: offset + term.text.length,
          pre: term.pre,
          post: term.post,
          tags: term.tags,
          sentence: doc.sentences.length,
          possessive: key !== term.text && POSSESSIVE.test(term.text),
        };
        doc.tokens.push(token);
      }
      offset += term.text.length + term.post.length;
    }
    const last = doc.tokens.length;
    const a = doc.tokens[first];
    const b = doc.tokens[last - 1];
    // The sentence's closing punctuation belongs to it: "...of WIC."
    if (a && b) doc.sentences.push({ first, last, start: a.start, end: b.end + b.post.trimEnd().length });
  });
}
