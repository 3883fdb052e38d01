import { describe, expect, it } from 'vitest';
import { flattenLists, toColumns } from '../../src/graph/columns.ts';

describe('toColumns', () => {
  it('turns rows into one list per key, in row order', () => {
    const rows = [
      { id: 'a', n: 1, role: null, extra: true },
      { id: 'b', n: 2, role: 'chair', extra: false },
    ];
    expect(toColumns(rows, ['id', 'n', 'role'])).toEqual({ id: ['a', 'b'], n: [1, 2], role: [null, 'chair'] });
  });

  it('gives empty columns for no rows', () => {
    expect(toColumns<{ id: string; n: number }, 'id' | 'n'>([], ['id', 'n'])).toEqual({ id: [], n: [] });
  });
});

describe('flattenLists', () => {
  it('keeps where each list starts, so list i is values[from[i]..from[i + 1]]', () => {
    const flat = flattenLists([[3, 7], [], [10, 12, 20, 25]]);
    expect(flat).toEqual({ values: [3, 7, 10, 12, 20, 25], from: [0, 2, 2, 6] });
    expect(flat.values.slice(flat.from[2], flat.from[3])).toEqual([10, 12, 20, 25]);
  });

  it('has a single start for no lists', () => {
    expect(flattenLists([])).toEqual({ values: [], from: [0] });
  });
});
