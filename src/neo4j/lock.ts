/**
 * A tiny cross-process lock: a file created with O_EXCL that holds the owner's pid. A lock
 * whose owner is no longer alive is stale and is taken over.
 */
import { mkdirSync, openSync, closeSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** True if a process with this pid exists (EPERM counts: it exists but isn't ours to signal). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isNaN(pid) ? undefined : pid;
  } catch {
    return undefined;
  }
}

function fileMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Runs `fn` while holding the lock file at `path`; waits up to `timeoutMs` for another holder. */
export async function withFileLock<T>(path: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(path), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    }
    const owner = readOwner(path);
    const justCreated = owner === undefined && Date.now() - fileMtime(path) < 2000; // owner still writing its pid
    if (!justCreated && (owner === undefined || !pidAlive(owner))) {
      // Stale (owner died) or half-written: take it over. A racing taker loses on 'wx' next round.
      try {
        unlinkSync(path);
      } catch {
        /* someone else removed it first */
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for lock ${path} held by pid ${owner ?? '?'}; if that process is not govgraph, delete the file`);
    }
    await sleep(250);
  }
  try {
    return await fn();
  } finally {
    if (readOwner(path) === process.pid) {
      try {
        unlinkSync(path);
      } catch {
        /* already gone */
      }
    }
  }
}
