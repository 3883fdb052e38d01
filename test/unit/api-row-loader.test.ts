import { describe, expect, it } from 'vitest';
import { RowLoader } from '../../src/api/rowLoader.ts';

interface Row {
  id: string;
  name: string;
}

/** A loader over `rows` that records each fetch's ids. */
function loaderOver(rows: Row[]): { loader: RowLoader<Row>; fetches: string[][] } {
  const fetches: string[][] = [];
  const loader = new RowLoader<Row>(async (ids) => {
    fetches.push([...ids]);
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
  return { loader, fetches };
}

describe('RowLoader', () => {
  const itu = { id: 'org:itu', name: 'ITU' };
  const icann = { id: 'org:icann', name: 'ICANN' };

  it('batches the loads of one tick into one fetch, in order, null where there is no row', async () => {
    const { loader, fetches } = loaderOver([itu, icann]);
    const rows = await Promise.all([loader.load('org:icann'), loader.load('org:none'), loader.load('org:itu')]);
    expect(rows).toEqual([icann, null, itu]);
    expect(fetches).toEqual([['org:icann', 'org:none', 'org:itu']]);
  });

  it('answers primed ids without a fetch, a primed null included', async () => {
    const { loader, fetches } = loaderOver([itu, icann]);
    const primedItu = { id: 'org:itu', name: 'International Telecommunication Union' };
    loader.prime('org:itu', primedItu).prime('org:gone', null);
    expect(await loader.load('org:itu')).toBe(primedItu);
    expect(await loader.load('org:gone')).toBeNull();
    expect(fetches).toEqual([]);
    expect(await loader.load('org:icann')).toBe(icann);
    expect(fetches).toEqual([['org:icann']]);
  });

  it('keeps the first row primed for an id', async () => {
    const { loader } = loaderOver([]);
    loader.prime('org:itu', itu).prime('org:itu', icann);
    expect(await loader.load('org:itu')).toBe(itu);
  });

  it('fetches an id once per request', async () => {
    const { loader, fetches } = loaderOver([itu]);
    await loader.load('org:itu');
    await loader.load('org:itu');
    expect(fetches).toEqual([['org:itu']]);
  });
});
