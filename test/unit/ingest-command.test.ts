/** The ingest command's option parsing and summary printing (no server). */
import { describe, expect, it } from 'vitest';
import { parseByteSize, printIngestSummary, type IngestSummary } from '../../src/commands/ingest.ts';

const summary: IngestSummary = {
  articles: 4, new: 2, unchanged: 1, updated: 0, entities: 7, relations: 3, inputs: 3, seconds: 2, rate: 1.5, workers: 2, peakRssMiB: 100, cpuSeconds: 3,
  failed: [{ input: 'a.jsonl:3', error: 'malformed JSON (Unexpected end)' }],
  stopped: null,
  graph: { nodes: 20, relationships: 30, entities: 7, articles: 3, statements: 3 },
};

describe('ingest command', () => {
  it('parses --max-bytes sizes in bytes, k, m and g', () => {
    expect(['200000', '512k', '5m', '1g', '1.5m', '64KiB'].map(parseByteSize)).toEqual([200000, 524288, 5242880, 1073741824, 1572864, 65536]);
    expect(() => parseByteSize('lots')).toThrow('--max-bytes must be a size');
    expect(() => parseByteSize('0')).toThrow('--max-bytes must be a size');
  });

  it('prints counts, graph totals and every failure by its input', () => {
    const lines: string[] = [];
    printIngestSummary(summary, false, (t) => lines.push(t));
    expect(lines).toEqual([
      'ingested 3 input(s), 4 article(s) in 2.0 s (1.5/s): 2 new, 1 unchanged, 0 updated, 1 failed',
      'written: 7 entities (counted once per article) and 3 relation statements',
      'graph now: 7 entities, 3 articles, 3 statements, 30 relationships',
      '  failed: a.jsonl:3: malformed JSON (Unexpected end)',
    ]);
  });

  it('prints one JSON object with --json', () => {
    const lines: string[] = [];
    printIngestSummary({ ...summary, stopped: 'Neo4j unavailable (gave up)' }, true, (t) => lines.push(t));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ new: 2, stopped: 'Neo4j unavailable (gave up)' });
  });
});
