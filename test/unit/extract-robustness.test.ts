import { describe, expect, it } from 'vitest';
import { extract } from './support/extract.ts';

/** A small deterministic generator, so a failure reproduces. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['China', 'Huawei', 'the', 'Minister', 'said', 'of', 'and', ',', '.', '(', ')', '"', "'s", 'U.S.', ' ', ' ', ' ', '\n', 'AI', '2023', 'Summit', 'Wang', 'Li', 'é', '🇫🇮', '–', 'Act'];

describe('extraction on odd input', () => {
  it.each(['', ' ', '\n\n', '(((', 'U.S.', '🇺🇸🇨🇳', 'مرحبا', '中国 和 俄罗斯', 'of of and the', 'CHINA CHINA CHINA.'])('does not fail on %j', (body) => {
    const x = extract(body);
    for (const e of x.entities) for (const m of e.mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
  });

  it('keeps every mention offset exact on 300 random texts', () => {
    const rand = lcg(42);
    for (let i = 0; i < 300; i++) {
      let body = '';
      const words = Math.floor(rand() * 60);
      for (let w = 0; w < words; w++) body += PIECES[Math.floor(rand() * PIECES.length)] + (rand() < 0.7 ? ' ' : '');
      const x = extract(body);
      for (const e of x.entities) for (const m of e.mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
      for (const r of x.relations) expect(r.evidence.end).toBeLessThanOrEqual(body.length);
    }
  });
});
