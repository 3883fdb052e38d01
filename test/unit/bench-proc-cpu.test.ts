import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { processCpuSeconds, threadCpuSeconds } from '../../bench/procCpu.ts';

// The ingest benchmark reads the Neo4j server's CPU (and its JIT threads') from /proc.
describe.runIf(existsSync('/proc/self/task'))('procCpu', () => {
  it('reads a process’s CPU, and a named thread’s share of it', async () => {
    // A worker thread that spins for 0.3 s shows in the process total.
    const before = processCpuSeconds(process.pid) ?? 0;
    const busy = new Worker('const end = Date.now() + 300; while (Date.now() < end);', { eval: true });
    await new Promise((resolve) => busy.on('exit', resolve));
    const after = processCpuSeconds(process.pid) ?? 0;
    expect(after - before).toBeGreaterThanOrEqual(0.2);
    const all = threadCpuSeconds(process.pid, /./) ?? -1;
    expect(all).toBeGreaterThan(0);
    expect(all).toBeLessThanOrEqual(after + 0.05);
    expect(threadCpuSeconds(process.pid, /^no thread has this name$/)).toBe(0);
  });

  it('gives null for a process that is not there', () => {
    expect(processCpuSeconds(2 ** 30)).toBeNull();
    expect(threadCpuSeconds(2 ** 30, /./)).toBeNull();
    expect(processCpuSeconds(undefined)).toBeNull();
  });
});
