/** Load generation and latency statistics for the API bench: runs of a request count or a time, bounded concurrency. */

/** The raw samples of one timed run. */
export interface LoadRun {
  /** Latency of each request, in milliseconds. */
  latencies: number[];
  /** Wall time of the whole run. */
  seconds: number;
  /** Requests that failed (their latencies are left out), and the first one's error. */
  failed: number;
  firstError: string | null;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Requests per second over the timed runs. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  /** Failed requests over the runs, and the first error seen. */
  failed: number;
  firstError: string | null;
}

/** The q-quantile (0..1) of sorted `values`, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/**
 * How long a run goes on: a number of requests, or a time in seconds (no request starts
 * after it is up; the ones in flight finish and count).
 */
export type LoadLength = { requests: number } | { seconds: number };

/**
 * Runs `call(i)` for i = 0, 1, 2, ... with `concurrency` workers until `length` is reached;
 * latencies in milliseconds. A failed call is counted, not thrown: one reset connection
 * should not end a long bench, and the count is printed beside the figures.
 */
export async function runLoad(length: LoadLength, concurrency: number, call: (i: number) => Promise<void>): Promise<LoadRun> {
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | null = null;
  let next = 0;
  const started = performance.now();
  const more: () => boolean = 'requests' in length
    ? () => next < length.requests
    : () => performance.now() - started < length.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (more()) {
      const i = next++;
      const t0 = performance.now();
      try {
        await call(i);
        latencies.push(performance.now() - t0);
      } catch (err) {
        failed += 1;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000, failed, firstError };
}

/** Pools the samples of several runs of one configuration into percentiles and throughput. */
export function summarise(runs: readonly LoadRun[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return {
    requests: latencies.length,
    seconds,
    throughput: seconds > 0 ? latencies.length / seconds : 0,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    firstError: runs.find((r) => r.firstError !== null)?.firstError ?? null,
  };
}
