import { describe, expect, it } from 'vitest';
import type { Article, EntityType, Extraction, MentionKind } from '../../src/model.ts';
import { chunkTags, detectScheme, goldSpans, layoutDocument, parseConll } from '../../src/eval/conll.ts';
import { mentionSpans, scoreConll } from '../../src/eval/conllScore.ts';

// A hand-made two-sentence document in IOB1 (B- only where an entity directly follows one of the same type).
const CONLL = `-DOCSTART- -X- O O

Angela NNP I-NP I-PER
Merkel NNP I-NP I-PER
visited VBD I-VP O
Paris NNP I-NP I-LOC
. . O O

German JJ I-NP I-MISC
firm NN I-NP O
Siemens NNP I-NP I-ORG
met VBD I-VP O
Bosch NNP I-NP I-ORG
AG NNP I-NP I-ORG
. . O O
`;

describe('parseConll and conlleval chunking', () => {
  const docs = parseConll(CONLL);
  it('reads documents, sentences and the NER column', () => {
    expect(docs).toHaveLength(1);
    expect(docs[0]!.sentences.map((s) => s.length)).toEqual([5, 7]);
    expect(docs[0]!.sentences[0]![0]).toEqual({ text: 'Angela', tag: 'I-PER' });
  });
  it('turns IOB1 tags into spans numbered across sentences', () => {
    expect(goldSpans(docs[0]!)).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 5, end: 6, type: 'MISC' },
      { start: 7, end: 8, type: 'ORG' },
      { start: 9, end: 11, type: 'ORG' },
    ]);
  });
  it('splits on B- in IOB1 and IOB2, and on a change of type', () => {
    expect(chunkTags(['I-ORG', 'B-ORG', 'I-ORG'])).toEqual([{ start: 0, end: 1, type: 'ORG' }, { start: 1, end: 3, type: 'ORG' }]);
    expect(chunkTags(['B-PER', 'I-PER', 'B-PER', 'O'])).toEqual([{ start: 0, end: 2, type: 'PER' }, { start: 2, end: 3, type: 'PER' }]);
    expect(chunkTags(['I-PER', 'I-LOC', 'O', 'I-LOC'])).toEqual([
      { start: 0, end: 1, type: 'PER' },
      { start: 1, end: 2, type: 'LOC' },
      { start: 3, end: 4, type: 'LOC' },
    ]);
  });
  it('tells IOB1 from IOB2', () => {
    expect(detectScheme(docs)).toBe('IOB1');
    expect(detectScheme(parseConll('a x x B-PER\nb x x I-PER\nc x x O\n'))).toBe('IOB2');
  });
  it('rebuilds the text with single spaces and newlines between sentences', () => {
    const layout = layoutDocument(docs[0]!);
    expect(layout.text).toBe('Angela Merkel visited Paris .\nGerman firm Siemens met Bosch AG .');
    expect(layout.tokens[5]).toEqual({ start: 30, end: 36, sentence: 1 });
  });
});

type M = [text: string, kind?: MentionKind];

/** A fixed extraction whose mentions are located by their first occurrence in the text. */
function fixed(text: string, entities: [EntityType, M[]][]): Extraction {
  return {
    article: { title: '', published: null },
    entities: entities.map(([type, mentions], i) => ({
      id: `e${i}`,
      name: mentions[0]?.[0] ?? '',
      type,
      aliases: [],
      mentions: mentions.map(([t, kind]) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length, text: t, kind })),
    })),
    relations: [],
  };
}

describe('span scoring', () => {
  const docs = parseConll(CONLL);
  const text = layoutDocument(docs[0]!).text;
  const extraction = fixed(text, [
    ['Person', [['Angela Merkel', 'name'], ['Merkel']]], // "Merkel" overlaps the longer mention: dropped
    ['Place', [['Paris']]],
    ['Country', [['German', 'demonym']]], // demonym -> MISC
    ['Company', [['Siemens', 'name'], ['firm', 'descriptor']]], // descriptors are not spans
    ['Organization', [['Bosch']]], // wrong extent: misses "Bosch AG"
    ['Person', [['met']]], // false positive
    ['Event', [['visited']]], // no CoNLL type: ignored
  ]);

  it('maps mentions to non-overlapping token spans', () => {
    const stats = { snapped: 0, crossSentence: 0, overlapping: 0 };
    const spans = mentionSpans(extraction, layoutDocument(docs[0]!), stats);
    expect(spans).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 5, end: 6, type: 'MISC' },
      { start: 7, end: 8, type: 'ORG' },
      { start: 8, end: 9, type: 'PER' },
      { start: 9, end: 10, type: 'ORG' },
    ]);
    expect(stats).toEqual({ snapped: 0, crossSentence: 0, overlapping: 1 });
  });

  it('snaps a mention inside a token to the token edges', () => {
    const stats = { snapped: 0, crossSentence: 0, overlapping: 0 };
    const spans = mentionSpans(fixed(text, [['Person', [['ngela Merke']]]]), layoutDocument(docs[0]!), stats);
    expect(spans).toEqual([{ start: 0, end: 2, type: 'PER' }]);
    expect(stats.snapped).toBe(1);
  });

  it('scores exact spans per type, with a PER/ORG/LOC headline', async () => {
    const s = await scoreConll(docs, (_a: Article) => extraction);
    expect(s.byType['PER']).toMatchObject({ tp: 1, pred: 2, gold: 1, precision: 0.5, recall: 1 });
    expect(s.byType['ORG']).toMatchObject({ tp: 1, pred: 2, gold: 2, precision: 0.5, recall: 0.5 });
    expect(s.byType['LOC']).toMatchObject({ tp: 1, pred: 1, gold: 1, f1: 1 });
    expect(s.byType['MISC']).toMatchObject({ tp: 1, pred: 1, gold: 1, f1: 1 });
    // headline: tp 3, pred 5, gold 4 -> P 0.6, R 0.75, F1 2/3
    expect(s.headline).toMatchObject({ tp: 3, pred: 5, gold: 4, precision: 0.6, recall: 0.75 });
    expect(s.headline.f1).toBeCloseTo(2 / 3);
    expect(s.overall).toMatchObject({ tp: 4, pred: 6, gold: 5 });
    expect(s).toMatchObject({ documents: 1, sentences: 2, tokens: 12, scheme: 'IOB1' });
  });

  it('hands the extractor the rebuilt text as the article body', async () => {
    let body = '';
    await scoreConll(docs, (a: Article) => ((body = a.body), fixed(a.body, [])));
    expect(body).toBe(text);
  });
});
