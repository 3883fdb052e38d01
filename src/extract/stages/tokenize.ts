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

/** Fills doc.tokens and doc.sentences from the document text. */
export function tokenize(doc: Doc): void {
  const parsed = nlp(doc.text);
  let offset = 0;
  const sentences = parsed.docs as Term[][];
  sentences.forEach((terms) => {
    const first = doc.tokens.length;
    for (const term of terms) {
      offset += term.pre.length;
      if (term.text.length > 0) {
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
    if (a && b) doc.sentences.push({ first, last, start: a.start, end: b.end });
  });
}
