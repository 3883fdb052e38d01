/**
 * `npm run bench`: runs every benchmark in turn (extraction, ingest, API), each printing its
 * own figures and ratios. A benchmark whose script is missing is reported and skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benches = [
  { script: 'bench:extract', file: 'bench/extract.ts' },
  { script: 'bench:ingest', file: 'bench/ingest.ts' },
  { script: 'bench:api', file: 'bench/api.ts' },
];

let failed = 0;
for (const b of benches) {
  if (!existsSync(`${root}/${b.file}`)) {
    console.log(`\n== ${b.script}: ${b.file} not found, skipped`);
    continue;
  }
  console.log(`\n== npm run ${b.script}`);
  const r = spawnSync('npm', ['run', '--silent', b.script, '--', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
