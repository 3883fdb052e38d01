/** The API bench's recorder (bench/apiRecord.ts) keeps a query's parameters as they were sent. */
import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { snapshotParams } from '../../bench/apiRecord.ts';

describe('snapshotParams', () => {
  it('copies lists and maps at every depth, so later changes by the caller do not reach the recording', () => {
    const seen = ['person:a'];
    const keys = [{ id: 'org:itu', tags: ['x'] }];
    const params = { seen, keys };
    const recorded = snapshotParams(params);
    seen.push('person:b');
    keys[0]?.tags.push('y');
    expect(recorded).toEqual({ seen: ['person:a'], keys: [{ id: 'org:itu', tags: ['x'] }] });
  });

  it('keeps driver values as they are', () => {
    const cap = neo4j.int(101);
    const recorded = snapshotParams({ cap, day: new neo4j.types.Date(2024, 5, 1) });
    expect(recorded.cap).toBe(cap);
    expect(neo4j.isInt(recorded.cap)).toBe(true);
    expect(neo4j.isDate(recorded.day)).toBe(true);
  });
});
