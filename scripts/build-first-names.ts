/**
 * Builds src/extract/data/first-names.json from the first-name lists of @faker-js/faker's
 * Latin-script locales (MIT licensed). Run: node bin/run-ts.js scripts/build-first-names.ts
 * Names that are also common English words, countries or months are dropped, because a
 * capitalised "Page" or "March" is rarely a person in news text.
 */
import { writeFileSync } from 'node:fs';
import * as faker from '@faker-js/faker';
import nlp from 'compromise';

const LOCALES = ['en', 'en_AU', 'en_IN', 'en_NG', 'en_ZA', 'en_US', 'en_CA', 'en_IE', 'de', 'fr', 'es', 'it', 'pt_BR', 'pt_PT', 'nl', 'sv', 'nb_NO', 'da', 'fi', 'pl', 'cs_CZ', 'sk', 'hu', 'ro', 'hr', 'lv', 'tr', 'id_ID', 'vi', 'af_ZA', 'yo_NG', 'zu_ZA', 'uz_UZ_latin', 'ne', 'fr_CA', 'es_MX', 'de_AT', 'de_CH'];
const NAME = /^[A-Z][a-zà-ÿ'-]{1,}$/;

type Defs = Record<string, { person?: { first_name?: Partial<Record<'generic' | 'female' | 'male', string[]>> } } | undefined>;
const defs = faker as unknown as Defs;
const names = new Set<string>();
for (const locale of LOCALES) {
  const first = defs[locale]?.person?.first_name;
  if (!first) continue;
  for (const list of [first.generic, first.female, first.male]) for (const n of list ?? []) if (NAME.test(n)) names.add(n);
}
const common = (word: string): boolean => {
  const tags = nlp(word.toLowerCase()).terms().json()[0]?.terms?.[0]?.tags ?? [];
  return tags.some((t: string) => ['Verb', 'Adjective', 'Adverb', 'Preposition', 'Determiner', 'Month', 'WeekDay', 'Country', 'Place', 'Conjunction', 'Pronoun'].includes(t));
};
const kept = [...names].filter((n) => !common(n)).sort();
writeFileSync(new URL('../src/extract/data/first-names.json', import.meta.url), JSON.stringify(kept) + '\n');
console.log(`first-names.json: ${kept.length} names from ${LOCALES.length} locales`);
