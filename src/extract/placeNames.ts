/**
 * Cities and provinces of the world as Place names, from the city-timezones package
 * (SimpleMaps data: ~7,300 cities with population and province). Only cities of at least
 * MIN_POPULATION people are kept, and names that are common English words ("Nice",
 * "Mobile") or already name something else are left out, since a gazetteer hit on them
 * would be wrong more often than right.
 */
import { createRequire } from 'node:module';
import nlp from 'compromise';

export const MIN_POPULATION = 100_000;

interface CityRow {
  city: string;
  city_ascii: string;
  pop: number;
  iso2: string;
  province: string;
}

export interface PlaceName {
  name: string;
  /** ISO alpha-2 of the country the place lies in. */
  country: string;
}

const PROPER_TAGS = new Set(['City', 'Place', 'Country', 'Region', 'ProperNoun', 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName']);
const SIMPLE = /^[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*$/;

function isCommonWord(name: string, lexicon: Record<string, string | string[]>): boolean {
  const tags = lexicon[name.toLowerCase()];
  if (!tags) return false;
  return (Array.isArray(tags) ? tags : [tags]).every((t) => !PROPER_TAGS.has(t));
}

/** World cities (by population) and provinces as places, minus names in `taken` (lower case). */
export function worldPlaces(taken: ReadonlySet<string>): PlaceName[] {
  const rows = createRequire(import.meta.url)('city-timezones').cityMapping as CityRow[];
  const model = nlp.model() as { one: { lexicon: Record<string, string | string[]> } };
  const lexicon = model.one.lexicon;
  const out = new Map<string, PlaceName>();
  const add = (name: string, country: string): void => {
    const key = name.toLowerCase();
    if (!SIMPLE.test(name) || name.length < 4 || taken.has(key) || out.has(key) || isCommonWord(name, lexicon)) return;
    out.set(key, { name, country });
  };
  for (const r of rows) if (r.pop >= MIN_POPULATION) add(r.city_ascii, r.iso2);
  for (const r of rows) if (r.province) add(r.province, r.iso2);
  return [...out.values()];
}
