/**
 * The extractor's version: a hash of this folder's code and data, computed once per process.
 * Stored with each article, it lets a re-ingest after an upgrade re-extract articles whose
 * text has not changed, while a re-ingest with the same extractor stays a no-op.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.md') ? [] : [join(dir, e.name)]));
}

/** A short hash identifying the extraction code and language data in use. */
export function extractorVersion(): string {
  if (cached) return cached;
  const root = fileURLToPath(new URL('.', import.meta.url));
  const hash = createHash('sha256');
  for (const file of filesUnder(root)) hash.update(file.slice(root.length)).update(readFileSync(file));
  cached = hash.digest('hex').slice(0, 12);
  return cached;
}
