import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { buildLexicon, parseKnownEntities } from '../../src/extract/lexicon.ts';
import { tempDir } from '../support/tempDir.ts';

function file(name: string, text: string): string {
  const path = join(tempDir('gaz'), name);
  writeFileSync(path, text);
  return path;
}

describe('user gazetteers', () => {
  it('adds a user-supplied actor with its aliases', () => {
    const lexicon = buildLexicon([file('mine.json', JSON.stringify({ GovernmentBody: [{ name: 'Digital Authority of Norway', aliases: ['DAN'], country: 'NO' }] }))]);
    const x = extractArticle({ title: 't', body: 'DAN fined the operator on Friday.', published: null }, { lexicon });
    expect(x.entities.find((e) => e.name === 'Digital Authority of Norway')).toMatchObject({ type: 'GovernmentBody', aliases: ['DAN'] });
  });

  it('rejects a malformed file with a message naming the file and the entry', () => {
    expect(() => parseKnownEntities({ Compny: [] }, 'mine.json')).toThrow('mine.json: unknown entity type "Compny"');
    expect(() => parseKnownEntities({ Company: [{ aliases: ['x'] }] }, 'mine.json')).toThrow('mine.json: Company[0]: "name" must be a non-empty string');
    expect(() => buildLexicon([file('broken.json', '{ not json')])).toThrow(/broken\.json/);
  });
});
