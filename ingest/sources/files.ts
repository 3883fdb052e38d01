/**
 * Turns the paths a user gives into the list of article files to read: files as given,
 * folders walked recursively for text and Markdown files. I/O: reads directories only.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);

export class InputError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = 'InputError';
  }
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
  }
}

/** Expands files and folders into article files, in a stable order; a missing path is an InputError. */
export function collectArticleFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new InputError(p, 'no such file or folder');
    }
    if (stat.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return [...new Set(out)];
}
