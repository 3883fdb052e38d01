import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, Extraction } from '../../src/model.ts';
import { runEval, runEvalConll, type Output } from '../../src/eval/commands.ts';

function capture(): Output & { stdout: string; stderr: string } {
  const o = { stdout: '', stderr: '', out: (t: string) => void (o.stdout += t), err: (t: string) => void (o.stderr += t) };
  return o;
}

/** Finds "Tallinn" and "Estonia" only; no relations. */
function extract(article: Article): Extraction {
  const entities = [
    { name: 'Estonia', type: 'Country' as const },
    { name: 'Tallinn', type: 'Place' as const },
  ]
    .filter((e) => article.body.includes(e.name))
    .map((e) => {
      const start = article.body.indexOf(e.name);
      return { ...e, id: e.name, aliases: [], mentions: [{ start, end: start + e.name.length, text: e.name }] };
    });
  return { article: { title: article.title, published: article.published }, entities, relations: [] };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govgraph-eval-'));
  await writeFile(join(dir, 'a.txt'), '# A test\nsource: test\n\nThe summit in Tallinn, Estonia, was hosted by the Estonian government.\n');
  await writeFile(
    join(dir, 'a.gold.json'),
    JSON.stringify({
      entities: [
        { name: 'Estonia', type: 'Country', aliases: ['Estonian'] },
        { name: 'Tallinn', type: 'Place', aliases: [] },
        { name: 'Government of Estonia', type: 'GovernmentBody', aliases: ['Estonian government'] },
      ],
      relations: [{ subject: 'Tallinn', predicate: 'LOCATED_IN', object: 'Estonia' }],
    }),
  );
  await writeFile(join(dir, 'no-gold.txt'), 'ignored: no gold beside it');
  await writeFile(join(dir, 'doc.conll'), '-DOCSTART- -X- O O\n\nTallinn NNP I-NP I-LOC\n, , O O\nEstonia NNP I-NP I-LOC\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runEval', () => {
  it('prints the tables and returns 0 without thresholds', async () => {
    const io = capture();
    expect(await runEval(dir, {}, extract, io)).toBe(0);
    expect(io.stdout).toMatch(/1 article/);
    expect(io.stdout).toMatch(/entities \(typed\)\s+1\.000\s+0\.667\s+0\.800\s+2\s+2\s+3/);
  });
  it('fails under a threshold and says which', async () => {
    const io = capture();
    expect(await runEval(dir, { minEntityF1: 0.5, minRelationF1: 0.1 }, extract, io)).toBe(1);
    expect(io.stderr).toMatch(/relation F1 0\.000 is under the minimum 0\.1/);
    expect(io.stderr).not.toMatch(/entity F1/);
  });
  it('prints detail and JSON with the baseline beside ours', async () => {
    const io = capture();
    await runEval(dir, { json: true, detail: true, baseline: true }, extract, io);
    const report = JSON.parse(io.stdout) as { ours: { typed: { f1: number }; perArticle: { missedEntities: unknown[] }[] }; baseline: object };
    expect(report.ours.typed.f1).toBeCloseTo(0.8);
    expect(report.ours.perArticle[0]!.missedEntities).toEqual([{ name: 'Government of Estonia', type: 'GovernmentBody' }]);
    expect(report.baseline).toBeDefined();
  });
  it('names the directory when it has no gold articles', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'govgraph-eval-empty-'));
    const io = capture();
    expect(await runEval(empty, {}, extract, io)).not.toBe(0);
    expect(io.stderr).toContain(empty);
    await rm(empty, { recursive: true, force: true });
  });
  it('names a malformed gold file', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'govgraph-eval-bad-'));
    await writeFile(join(bad, 'x.txt'), 'text');
    await writeFile(join(bad, 'x.gold.json'), '{"entities": [{"name": "A", "type": "Planet"}]}');
    const io = capture();
    expect(await runEval(bad, {}, extract, io)).not.toBe(0);
    expect(io.stderr).toContain(join(bad, 'x.gold.json'));
    expect(io.stderr).toMatch(/Planet/);
    await rm(bad, { recursive: true, force: true });
  });
});

describe('runEvalConll', () => {
  it('scores spans and applies the headline threshold', async () => {
    const io = capture();
    expect(await runEvalConll(join(dir, 'doc.conll'), { json: true }, extract, io)).toBe(0);
    const report = JSON.parse(io.stdout) as { ours: { headline: { f1: number } } };
    expect(report.ours.headline.f1).toBe(1);
    const none = (a: Article): Extraction => ({ article: { title: a.title, published: null }, entities: [], relations: [] });
    const io2 = capture();
    expect(await runEvalConll(join(dir, 'doc.conll'), { minF1: 0.5 }, none, io2)).toBe(1);
    expect(io2.stderr).toMatch(/PER\/ORG\/LOC F1 0\.000 is under the minimum 0\.5/);
  });
});

describe('thresholds', () => {
  it('rejects a threshold that is not a number from 0 to 1', async () => {
    const io = capture();
    expect(await runEval(dir, { minEntityF1: Number.NaN }, extract, io)).toBe(2);
    expect(io.stderr).toMatch(/--min-entity-f1/);
    expect(await runEvalConll(join(dir, 'doc.conll'), { minF1: 3 }, extract, capture())).toBe(2);
  });
});
