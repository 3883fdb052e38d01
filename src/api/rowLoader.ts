/**
 * A by-id loader for rows that other queries often bring along: entities and articles come
 * back inside relations, search hits, paths and networks. Those rows are remembered as they
 * are (`prime`), so a later `load` of the same id needs no query; only a load of an id not
 * yet known goes to a DataLoader, which batches such loads into one query.
 *
 * DataLoader's own `prime` makes a promise per row. A request that brings back 100 rows and
 * loads none of them by id would pay for 100 promises; here it pays a Map entry each.
 */
import DataLoader from 'dataloader';

/** Fetches the rows of `ids`, in their order, null where there is none. */
export type FetchRows<T> = (ids: readonly string[]) => Promise<(T | null)[]>;

export class RowLoader<T> {
  readonly #known = new Map<string, T | null>();
  readonly #fetch: FetchRows<T>;
  #loader: DataLoader<string, T | null> | undefined;

  constructor(fetch: FetchRows<T>) {
    this.#fetch = fetch;
  }

  /** The row of `id`: a known one, else read (batched with the other loads of this tick). */
  load(id: string): Promise<T | null> {
    if (this.#known.has(id)) return Promise.resolve(this.#known.get(id) ?? null);
    this.#loader ??= new DataLoader<string, T | null>((ids) => this.#fetch(ids));
    return this.#loader.load(id);
  }

  /**
   * Remembers `row` as the row of `id` (null: there is none), unless one is already known
   * (the first one stays).
   */
  prime(id: string, row: T | null): this {
    if (!this.#known.has(id)) this.#known.set(id, row);
    return this;
  }
}
