/**
 * The retry loop of `readQuery` (src/graph/driver.ts): which errors it runs a read again
 * for, how often, and that every attempt gets a fresh session that is closed. The driver is
 * a stand-in here so that failures can be scripted; test/integration/read-query.test.ts
 * runs the same function against the real Neo4j.
 */
import { describe, expect, it } from 'vitest';
import { Neo4jError, type Driver } from 'neo4j-driver';
import { readQuery, withoutCallerStack } from '../../src/graph/driver.ts';

/** A driver whose sessions fail with `failures` in turn, then return one record. */
function scriptedDriver(failures: Error[]): { driver: Driver; runs: () => number; openSessions: () => number; modes: string[] } {
  let runs = 0;
  let open = 0;
  const modes: string[] = [];
  const driver = {
    session: (config: { defaultAccessMode: string }) => {
      open += 1;
      modes.push(config.defaultAccessMode);
      return {
        run: async () => {
          const failure = failures[runs++];
          if (failure) throw failure;
          return { records: [{ get: (key: string) => (key === 'x' ? 'ok' : undefined) }] };
        },
        close: async () => {
          open -= 1;
        },
      };
    },
  } as unknown as Driver;
  return { driver, runs: () => runs, openSessions: () => open, modes };
}

const transient = (): Neo4jError => new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', '', '');
const unavailable = (): Neo4jError => new Neo4jError('no server', 'ServiceUnavailable', '', '');

describe('readQuery retries', () => {
  it('runs a read again after retryable errors and returns the result', async () => {
    const s = scriptedDriver([transient(), unavailable()]);
    const records = await readQuery(s.driver, 'neo4j', 'RETURN 1', {}, { retryDelaysMs: [0, 0, 0] });
    expect(records.map((r) => r.get('x'))).toEqual(['ok']);
    expect(s.runs()).toBe(3);
    expect(s.openSessions()).toBe(0);
    expect(s.modes).toEqual(['READ', 'READ', 'READ']);
  });

  it('gives up after the last delay with the last error', async () => {
    const s = scriptedDriver([transient(), transient(), unavailable()]);
    await expect(readQuery(s.driver, 'neo4j', 'RETURN 1', {}, { retryDelaysMs: [0, 0] })).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(s.runs()).toBe(3);
    expect(s.openSessions()).toBe(0);
  });

  it('does not retry a client error', async () => {
    const s = scriptedDriver([new Neo4jError('bad syntax', 'Neo.ClientError.Statement.SyntaxError', '', '')]);
    await expect(readQuery(s.driver, 'neo4j', 'RETURN', {}, { retryDelaysMs: [0, 0] })).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(s.runs()).toBe(1);
    expect(s.openSessions()).toBe(0);
  });
});

describe('withoutCallerStack', () => {
  it('runs the call with no stack frames captured, and restores the limit after', () => {
    const limit = Error.stackTraceLimit;
    const stack = withoutCallerStack(() => new Error('inside').stack ?? '');
    expect(stack).not.toMatch(/\bat\b/);
    expect(new Error('after').stack).toMatch(/\bat\b/);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('restores the limit when the call throws', () => {
    const limit = Error.stackTraceLimit;
    expect(() => withoutCallerStack(() => {
      throw new TypeError('bad parameter');
    })).toThrow('bad parameter');
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
