/**
 * The bench's view of the Cypher the API runs: a driver wrapper that records, per read
 * transaction, every query and its parameters, and a replayer that sends the same
 * transactions through the bare driver. Comparing the two isolates what the API adds.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { withoutCallerStack } from '../src/graph/driver.ts';

/** One read transaction as the API ran it: an auto-commit query, or a managed transaction's queries. */
export interface RecordedTx {
  autoCommit: boolean;
  queries: { cypher: string; params: Record<string, unknown> }[];
}

export interface Recorder {
  /** A driver that records into the current buffer; pass it to the API server. */
  driver: Driver;
  /** Starts a new recording and returns what the previous one caught. */
  take(): RecordedTx[];
}

/**
 * A copy of query parameters as they are when the query starts: the API may change a list
 * it passed after the query ran (the ego network adds each hop's entities to the `seen`
 * list it sends), and the replay must send what the API sent. Lists and plain maps are
 * copied at every depth; driver values (Integers, temporal values) are immutable and kept.
 */
export function snapshotParams<T>(value: T): T {
  if (Array.isArray(value)) return value.map(snapshotParams) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshotParams(v)])) as T;
  }
  return value;
}

/** Wraps `driver` so that every `executeRead` and auto-commit `run` it runs is recorded. */
export function recordingDriver(driver: Driver): Recorder {
  let buffer: RecordedTx[] = [];
  const wrapTx = (tx: ManagedTransaction, into: RecordedTx): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop) {
        if (prop === 'run') {
          return (cypher: string, params: Record<string, unknown> = {}) => {
            into.queries.push({ cypher, params: snapshotParams(params) });
            return target.run(cypher, params);
          };
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop) {
        if (prop === 'executeRead') {
          return <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: { timeout?: number }) => {
            const tx: RecordedTx = { autoCommit: false, queries: [] };
            buffer.push(tx);
            return target.executeRead((inner) => work(wrapTx(inner, tx)), config);
          };
        }
        if (prop === 'run') {
          return (cypher: string, params: Record<string, unknown> = {}, config?: { timeout?: number }) => {
            buffer.push({ autoCommit: true, queries: [{ cypher, params: snapshotParams(params) }] });
            return target.run(cypher, params, config);
          };
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const proxy = new Proxy(driver, {
    get(target, prop) {
      if (prop === 'session') return (...args: Parameters<Driver['session']>) => wrapSession(target.session(...args));
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    driver: proxy,
    take() {
      const out = buffer;
      buffer = [];
      return out;
    },
  };
}

/**
 * Runs recorded transactions, in order and of the same kind, through the bare driver (one
 * session each, as the API does). Queries start without the driver's stack capture, as the
 * API's do (`withoutCallerStack`): the API saves that cost on its own, and the comparison
 * is of what the API adds to the same calls.
 */
export async function replay(driver: Driver, database: string, txs: readonly RecordedTx[], timeoutMs: number): Promise<void> {
  for (const { autoCommit, queries } of txs) {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const [first] = queries;
      if (autoCommit && first) await withoutCallerStack(() => session.run(first.cypher, first.params, { timeout: timeoutMs }));
      else {
        await session.executeRead(async (tx) => {
          for (const q of queries) await withoutCallerStack(() => tx.run(q.cypher, q.params));
        }, { timeout: timeoutMs });
      }
    } finally {
      await session.close();
    }
  }
}
