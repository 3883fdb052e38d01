import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

// Strict TypeScript is part of the contract: a type error fails the suite like any test.
describe('TypeScript', { timeout: 300_000 }, () => {
  it('type-checks the whole project with tsc --noEmit', async () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = await run('node', [tsc, '--noEmit', '-p', root], { cwd: root }).then(
      () => ({ code: 0, out: '' }),
      (err: { code?: number; stdout?: string }) => ({ code: err.code ?? 1, out: err.stdout ?? '' }),
    );
    expect(result.out).toBe('');
    expect(result.code).toBe(0);
  });
});
