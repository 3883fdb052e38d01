import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDir.ts';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../bin/govgraph.js');

const ARTICLE = `# Nordic ministers meet on cable security
source: test
url: https://example.test/nordic-cables
published: 2024-03-02

Swedish telecoms operator Telia and Finnish company Nokia will attend the Baltic Cable Forum in Helsinki. Norway signed an agreement with Denmark on undersea cables.
`;

function tempFile(name: string, text: string): string {
  const dir = tempDir('cli');
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

// Each test starts a node process; on a loaded 2-core machine that can take several seconds.
describe('govgraph extract', { timeout: 60_000 }, () => {
  it('prints exactly the ontology output format with --json', async () => {
    const file = tempFile('nordic.txt', ARTICLE);
    const { stdout } = await run('node', [CLI, 'extract', file, '--json']);
    const out = JSON.parse(stdout) as {
      article: Record<string, unknown>;
      entities: Record<string, unknown>[];
      relations: Record<string, unknown>[];
    };
    expect(Object.keys(out).sort()).toEqual(['article', 'entities', 'relations']);
    expect(out.article).toEqual({ title: 'Nordic ministers meet on cable security', published: '2024-03-02' });
    for (const e of out.entities) expect(Object.keys(e).sort()).toEqual(['aliases', 'mentions', 'name', 'type']);
    for (const r of out.relations) expect(Object.keys(r).sort()).toEqual(['confidence', 'evidence', 'object', 'predicate', 'subject']);
    const names = out.entities.map((e) => `${String(e['type'])}:${String(e['name'])}`);
    expect(names).toEqual(expect.arrayContaining(['Country:Sweden', 'Country:Finland', 'Company:Nokia', 'Event:Baltic Cable Forum', 'Place:Helsinki']));
    const rels = out.relations.map((r) => `${String(r['subject'])} ${String(r['predicate'])} ${String(r['object'])}`);
    expect(rels).toEqual(expect.arrayContaining(['Nokia HEADQUARTERED_IN Finland', 'Nokia PARTICIPATES_IN Baltic Cable Forum', 'Denmark PARTNERS_WITH Norway']));
    // Offsets index the body (the text after the header's blank line).
    const body = ARTICLE.slice(ARTICLE.indexOf('\n\n') + 2);
    const nokia = out.entities.find((e) => e['name'] === 'Nokia') as { mentions: { start: number; end: number; text: string }[] };
    expect(body.slice(nokia.mentions[0]?.start, nokia.mentions[0]?.end)).toBe('Nokia');
  });

  it('reads plain text without a header', async () => {
    const file = tempFile('plain.txt', 'Estonia banned Kaspersky from government computers.');
    const { stdout } = await run('node', [CLI, 'extract', file, '--json']);
    const out = JSON.parse(stdout) as { relations: { subject: string; predicate: string; object: string }[] };
    expect(out.relations).toContainEqual(expect.objectContaining({ subject: 'Estonia', predicate: 'RESTRICTS', object: 'Kaspersky' }));
  });

  it('fails with a message naming a missing file', async () => {
    await expect(run('node', [CLI, 'extract', '/nonexistent/article.txt', '--json'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('/nonexistent/article.txt'),
    });
  });

  it('fails clearly on a binary file', async () => {
    const file = tempFile('blob.txt', '\u0000\u0001binary');
    await expect(run('node', [CLI, 'extract', file])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('binary') });
  });
});
