/**
 * Temporary folders for tests: `tempDir('feed')` makes `<tmp>/govgraph-feed-XXXXXX`, and
 * every folder a test file made is removed once that file's tests are done (vitest runs each
 * test file with its own copy of this module, so the hook below belongs to that file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system temp dir, removed after this test file. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `govgraph-${name}-`));
  made.push(dir);
  return dir;
}
