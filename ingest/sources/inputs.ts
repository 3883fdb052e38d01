/**
 * Turns what the user names (files, folders, http(s) URLs) into the list of inputs to read:
 * folders are walked recursively, keeping files a source reads (or, with include globs,
 * files matching them) and dropping those matching an exclude glob. Only paths and sizes are
 * kept, never contents. I/O: reads directories and file sizes.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { formatOfPath, type Format } from './formats.ts';
import { errorItem, type ErrorItem } from './item.ts';
import { isUrl } from './url.ts';

/** One input to read: a file with its format (null: sniff it) and size, or a URL. */
export type Input = { kind: 'file'; path: string; format: Format | null; size: number } | { kind: 'url'; url: string };

export interface InputPlan {
  inputs: Input[];
  /** Paths that do not exist or cannot be listed. */
  errors: ErrorItem[];
  /** Sum of the input files' sizes (URLs count 0). */
  totalBytes: number;
}

export interface SelectOptions {
  /** Globs a file inside a folder must match (relative to that folder); default: every readable format. */
  include?: readonly string[];
  /** Globs of files and folders to skip (relative to the folder given). */
  exclude?: readonly string[];
}

type Matcher = (path: string) => boolean;

function matcher(globs: readonly string[] | undefined): Matcher | null {
  if (!globs || globs.length === 0) return null;
  // A glob without a slash matches the base name anywhere, as in .gitignore.
  return picomatch([...globs], { dot: true, basename: true });
}

async function walk(root: string, dir: string, include: Matcher | null, exclude: Matcher | null, plan: InputPlan): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    plan.errors.push(errorItem(dir, `cannot list folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    const rel = relative(root, full).split(sep).join('/');
    if (exclude?.(rel)) continue;
    if (entry.isDirectory()) {
      await walk(root, full, include, exclude, plan);
    } else if (entry.isFile()) {
      const format = formatOfPath(full);
      if (include ? !include(rel) : format === null) continue;
      await addFile(full, format, plan);
    }
  }
}

async function addFile(path: string, format: Format | null, plan: InputPlan): Promise<void> {
  const size = (await stat(path)).size;
  plan.inputs.push({ kind: 'file', path, format, size });
  plan.totalBytes += size;
}

/** Expands files, folders and URLs into inputs, in a stable order, without duplicates. */
export async function planInputs(names: readonly string[], options: SelectOptions = {}): Promise<InputPlan> {
  const plan: InputPlan = { inputs: [], errors: [], totalBytes: 0 };
  const include = matcher(options.include);
  const exclude = matcher(options.exclude);
  for (const name of names) {
    if (isUrl(name)) {
      plan.inputs.push({ kind: 'url', url: name });
      continue;
    }
    const full = resolve(name);
    let info;
    try {
      info = await stat(full);
    } catch {
      plan.errors.push(errorItem(name, 'no such file or folder'));
      continue;
    }
    if (info.isDirectory()) await walk(full, full, include, exclude, plan);
    else await addFile(full, formatOfPath(full), plan);
  }
  const seen = new Set<string>();
  plan.inputs = plan.inputs.filter((input) => {
    const key = input.kind === 'file' ? input.path : input.url;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  plan.totalBytes = plan.inputs.reduce((n, input) => n + (input.kind === 'file' ? input.size : 0), 0);
  return plan;
}
