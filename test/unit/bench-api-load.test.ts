/** The API bench's load runner (bench/apiLoad.ts): bounded concurrency, failures counted, percentiles pooled. */
import { describe, expect, it } from 'vitest';
import { quantile, runLoad, summarise } from '../../bench/apiLoad.ts';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('runLoad', () => {
  it('runs every request once with at most `concurrency` in flight', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    const run = await runLoad({ requests: 25 }, 4, async (i) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick();
      seen.push(i);
      inFlight -= 1;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(most).toBe(4);
    expect(run.latencies).toHaveLength(25);
    expect(run.failed).toBe(0);
    expect(run.firstError).toBeNull();
  });

  it('runs for a time: starts no request after it, and counts the ones in flight', async () => {
    const starts: number[] = [];
    const t0 = performance.now();
    const run = await runLoad({ seconds: 0.15 }, 3, async () => {
      starts.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(Math.max(...starts)).toBeLessThan(150);
    expect(run.latencies).toHaveLength(starts.length);
    // Three workers, 20 ms a request, for 150 ms: some 24 requests, each started in time.
    expect(starts.length).toBeGreaterThanOrEqual(12);
    expect(starts.length).toBeLessThanOrEqual(27);
    expect(run.seconds).toBeGreaterThanOrEqual(0.15);
  });

  it('counts failed requests, keeps the first error and goes on', async () => {
    const run = await runLoad({ requests: 10 }, 2, async (i) => {
      await tick();
      if (i === 3 || i === 7) throw new Error(`request ${i}: read ECONNRESET`);
    });
    expect(run.latencies).toHaveLength(8);
    expect(run.failed).toBe(2);
    expect(run.firstError).toBe('request 3: read ECONNRESET');
  });
});

describe('summarise', () => {
  it('pools the runs: nearest-rank percentiles, throughput, failures', () => {
    const result = summarise([
      { latencies: [1, 2, 3, 4, 5], seconds: 1, failed: 0, firstError: null },
      { latencies: [6, 7, 8, 9, 10], seconds: 1, failed: 1, firstError: 'timed out' },
    ]);
    expect(result).toEqual({ requests: 10, seconds: 2, throughput: 5, p50: 5, p95: 10, p99: 10, failed: 1, firstError: 'timed out' });
    expect(quantile([], 0.5)).toBe(0);
  });
});
