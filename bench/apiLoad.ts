/** Load generation and latency statistics for the API bench: fixed request counts, bounded concurrency. */

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Requests per second over the whole run. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The q-quantile (0..1) of sorted `values`, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** Runs `call(i)` for i in 0..requests-1 with `concurrency` workers; latencies in milliseconds. */
export async function runLoad(requests: number, concurrency: number, call: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < requests) {
      const i = next++;
      const t0 = performance.now();
      await call(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests,
    seconds,
    throughput: requests / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
  };
}
