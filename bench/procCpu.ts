/**
 * CPU time of other processes from Linux's /proc, for benchmarks that drive a server: the
 * whole process, and the threads whose name matches a pattern (e.g. the JVM's JIT compiler
 * threads, "C1 CompilerThre" and "C2 CompilerThre"). Null where /proc is not there.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** utime + stime of a /proc stat line, in seconds (fields 14 and 15; clock ticks, USER_HZ = 100 on Linux). */
function statCpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds (user + system, all threads) that process `pid` has used so far. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    return statCpuSeconds(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** CPU seconds used so far by the threads of `pid` whose name matches `name`. */
export function threadCpuSeconds(pid: number | undefined, name: RegExp): number | null {
  if (pid === undefined) return null;
  try {
    let total = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        if (name.test(readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim())) total += statCpuSeconds(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
      } catch {
        // the thread ended between the listing and the read
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** HotSpot's JIT compiler threads (C1 and C2). */
export const JIT_THREADS = /^C[12] CompilerThre/;
