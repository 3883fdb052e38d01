/**
 * The CoNLL-2003 format: reads the 4-column files (IOB1 or IOB2), chunks tags into spans by
 * conlleval's rules and rebuilds each document as text with token offsets. Pure.
 */

export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof CONLL_TYPES)[number];
/** Types counted in the headline F1 (MISC is reported, not counted). */
export const HEADLINE_TYPES: readonly ConllType[] = ['PER', 'ORG', 'LOC'];

export interface ConllToken {
  text: string;
  /** The NER column as written, e.g. `I-PER`, `B-LOC`, `O`. */
  tag: string;
}
export interface ConllDocument {
  sentences: ConllToken[][];
}
/** A typed span over a document's tokens, numbered across sentences; `end` exclusive. */
export interface TokenSpan {
  start: number;
  end: number;
  type: string;
}

/** Parses CoNLL text: `-DOCSTART-` separates documents, blank lines separate sentences. */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sentence: ConllToken[] = [];
  const endSentence = (): void => {
    if (sentence.length) (doc ??= pushDoc()).sentences.push(sentence);
    sentence = [];
  };
  const pushDoc = (): ConllDocument => {
    const d: ConllDocument = { sentences: [] };
    docs.push(d);
    return d;
  };
  for (const raw of text.split(/\r?\n/)) {
    const cols = raw.trim().split(/\s+/);
    if (cols[0] === '') endSentence();
    else if (cols[0] === '-DOCSTART-') {
      endSentence();
      doc = pushDoc();
    } else sentence.push({ text: cols[0] ?? '', tag: cols.length > 1 ? (cols[cols.length - 1] ?? 'O') : 'O' });
  }
  endSentence();
  return docs.filter((d) => d.sentences.length > 0);
}

function split(tag: string): [string, string] {
  const i = tag.indexOf('-');
  return i < 0 ? [tag, ''] : [tag.slice(0, i), tag.slice(i + 1)];
}

/** 'IOB1' when some `I-X` opens an entity (after O or another type), else 'IOB2'. */
export function detectScheme(docs: readonly ConllDocument[]): 'IOB1' | 'IOB2' {
  for (const d of docs)
    for (const s of d.sentences) {
      let prev = 'O';
      for (const t of s) {
        const [tag, type] = split(t.tag);
        const [ptag, ptype] = split(prev);
        if (tag === 'I' && (ptag === 'O' || ptype !== type)) return 'IOB1';
        prev = t.tag;
      }
    }
  return 'IOB2';
}

/** Chunks one sentence's tags into spans by conlleval's start/end-of-chunk rules (IOB1, IOB2, IOBES). */
export function chunkTags(tags: readonly string[], offset = 0): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: { start: number; type: string } | null = null;
  let [ptag, ptype] = ['O', ''];
  for (let i = 0; i <= tags.length; i++) {
    const [tag, type] = i < tags.length ? split(tags[i] ?? 'O') : ['O', ''];
    const end =
      ptag === 'E' || ptag === 'S' ||
      ((ptag === 'B' || ptag === 'I') && (tag === 'B' || tag === 'S' || tag === 'O')) ||
      (ptag !== 'O' && ptype !== type);
    const start =
      tag === 'B' || tag === 'S' ||
      ((ptag === 'E' || ptag === 'S' || ptag === 'O') && (tag === 'I' || tag === 'E')) ||
      (tag !== 'O' && ptype !== type);
    if (open && end) {
      spans.push({ start: offset + open.start, end: offset + i, type: open.type });
      open = null;
    }
    if (start && tag !== 'O') open = { start: i, type };
    [ptag, ptype] = [tag, type];
  }
  return spans;
}

/** The gold spans of a document, token indices numbered across its sentences. */
export function goldSpans(doc: ConllDocument): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let offset = 0;
  for (const s of doc.sentences) {
    spans.push(...chunkTags(s.map((t) => t.tag), offset));
    offset += s.length;
  }
  return spans;
}

/** A document rebuilt as text (tokens joined by spaces, sentences by newlines) with token offsets. */
export interface DocumentLayout {
  text: string;
  tokens: { start: number; end: number; sentence: number }[];
}

/** Rebuilds a document's text and records where each token lies in it. */
export function layoutDocument(doc: ConllDocument): DocumentLayout {
  const tokens: DocumentLayout['tokens'] = [];
  let text = '';
  doc.sentences.forEach((s, si) => {
    if (si > 0) text += '\n';
    s.forEach((t, ti) => {
      if (ti > 0) text += ' ';
      tokens.push({ start: text.length, end: text.length + t.text.length, sentence: si });
      text += t.text;
    });
  });
  return { text, tokens };
}

