/**
 * Loads the language data extraction uses (gazetteers, cues, topics) into lookup
 * structures, once per process. Data lives in ./data as JSON a user can read and extend;
 * this module only indexes it. Extra gazetteer files (same shape as
 * data/known-entities.json) come from the GOVGRAPH_GAZETTEER environment variable
 * (paths separated by the platform's path delimiter) or from `loadLexicon(extraFiles)`.
 */
import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import type { EntityType, MentionKind, TopicName } from '../model.ts';
import { isEntityType, TOPICS } from '../model.ts';
import { phraseKeys, tokenKey } from './stages/tokenize.ts';
import { worldPlaces } from './placeNames.ts';

export interface KnownEntity {
  name: string;
  type: EntityType;
  aliases: string[];
  /** ISO alpha-2 of the home country (companies, media, government bodies). */
  country?: string;
  recurring?: boolean;
  organization?: string;
}

export interface CountryInfo {
  code: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  metonyms: string[];
  capital: string | null;
}

/** What a phrase in text can refer to. */
export type PhraseTarget =
  | { kind: 'entity'; entity: KnownEntity; code?: string; mention: MentionKind }
  | { kind: 'capital'; country: CountryInfo }
  | { kind: 'topic'; topic: TopicName };

export interface PhraseEntry {
  /** Lower-case token keys of the phrase. */
  keys: string[];
  /** The phrase's own tokens, for case checks. */
  surface: string[];
  target: PhraseTarget;
  /** Exact case required (acronyms, all-caps topic names like "AI"). */
  exactCase: boolean;
  /** One short or common-word token: not trusted at the start of a sentence. */
  ambiguous: boolean;
}

export interface Cues {
  nameHeads: Record<string, string[]>;
  descriptors: Record<string, string[]>;
  roles: string[];
  personTitles: string[];
  speechVerbs: string[];
  surnames: string[];
  triggers: Record<string, string[]>;
}

export interface Lexicon {
  countries: CountryInfo[];
  countryByCode: Map<string, CountryInfo>;
  /** Phrase entries by the lower-case key of their first token, longest first. */
  phrases: Map<string, PhraseEntry[]>;
  cues: Cues;
  /** Lower-case head word -> entity type, from cues.nameHeads (single words only). */
  headType: Map<string, EntityType>;
  /** Multi-word heads like "Task Force", lower case. */
  multiHeads: { words: string[]; type: EntityType }[];
  /** Lower-case descriptor -> type. */
  descriptorType: Map<string, EntityType>;
  roles: Set<string>;
  personTitles: Set<string>;
  speechVerbs: Set<string>;
  surnames: Set<string>;
  firstNames: Set<string>;
  /** Lower-case trigger words per predicate. */
  triggers: Map<string, Set<string>>;
  /** Countries whose English name takes "the" ("the United States"). */
  takesThe: Set<string>;
}

type KnownEntityFile = Record<string, unknown>;

const dataUrl = (file: string): URL => new URL(`./data/${file}`, import.meta.url);
const readJson = (url: URL | string): unknown => JSON.parse(readFileSync(url, 'utf8'));

const COMMON_SHORT = /^(?:[A-Z]{1,2}|[A-Z][a-z]{0,2})$/;
const TAKES_THE = ['US', 'GB', 'NL', 'PH', 'AE', 'BS', 'GM', 'MV', 'CD', 'CG', 'CF', 'DO', 'SB', 'MH', 'VA'];

function asStringArray(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new Error(`${where}: expected an array of strings`);
  }
  return value as string[];
}

/** Parses a gazetteer file of the known-entities shape; errors name the file and entry. */
export function parseKnownEntities(raw: unknown, source: string): KnownEntity[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`${source}: expected an object keyed by entity type`);
  }
  const out: KnownEntity[] = [];
  for (const [type, list] of Object.entries(raw as KnownEntityFile)) {
    if (type.startsWith('_')) continue;
    if (!isEntityType(type)) throw new Error(`${source}: unknown entity type "${type}"`);
    if (!Array.isArray(list)) throw new Error(`${source}: "${type}" must be an array of entries`);
    list.forEach((entry: unknown, i: number) => {
      const where = `${source}: ${type}[${i}]`;
      if (!entry || typeof entry !== 'object') throw new Error(`${where}: expected an object`);
      const e = entry as Record<string, unknown>;
      if (typeof e['name'] !== 'string' || e['name'].trim() === '') throw new Error(`${where}: "name" must be a non-empty string`);
      const known: KnownEntity = { name: e['name'], type, aliases: asStringArray(e['aliases'], where) };
      if (typeof e['country'] === 'string') known.country = e['country'].toUpperCase();
      if (e['recurring'] === true) known.recurring = true;
      if (typeof e['organization'] === 'string') known.organization = e['organization'];
      out.push(known);
    });
  }
  return out;
}

interface CountryExtras {
  name?: string;
  aliases?: string[];
  metonyms?: string[];
  demonyms?: string[];
}

function loadCountries(): CountryInfo[] {
  const extras = readJson(dataUrl('country-extras.json')) as Record<string, CountryExtras | string>;
  const latin = /^[A-Za-z][A-Za-z .'-]+$/;
  const worldCountries = readJson(createRequire(import.meta.url).resolve('world-countries/countries.json')) as Country[];
  return worldCountries
    .filter((c) => c.cca2 && c.name.common)
    .map((c) => {
      const extra = typeof extras[c.cca2] === 'object' ? (extras[c.cca2] as CountryExtras) : {};
      const alt = c.altSpellings.filter((s) => latin.test(s) && s.length > 3 && !s.includes(','));
      // Native names in Latin script ("Deutschland", "España") also name the country.
      const native = Object.values(c.name.native ?? {}).map((n) => n.common).filter((n) => /^[A-Za-zÀ-ÿ .'-]+$/.test(n) && n.length > 3);
      // Territories share demonyms with their states ("American", "Dutch"): only states keep them.
      const demonym = c.independent ? c.demonyms?.['eng']?.m : undefined;
      const capital = (c.capital[0] ?? '').replace(/ D\.C\.$/, '') || null;
      return {
        code: c.cca2,
        name: extra.name ?? c.name.common,
        aliases: [...new Set([...(extra.aliases ?? []), ...alt, ...native, c.name.official].filter((a) => latin.test(a) || native.includes(a)))],
        demonyms: [...new Set([...(extra.demonyms ?? []), ...(demonym ? [demonym] : [])])],
        metonyms: extra.metonyms ?? [],
        capital,
      };
    });
}

const PLAIN_WORDS = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

function entry(phrase: string, target: PhraseTarget, options: { caseless?: boolean } = {}): PhraseEntry | null {
  // Plain words split on spaces exactly as compromise would; anything else goes through it.
  const surface = PLAIN_WORDS.test(phrase) ? phrase.split(' ') : phraseKeys(phrase);
  if (surface.length === 0) return null;
  const allCaps = surface.some((t) => t.length > 1 && t === t.toUpperCase() && /[A-Z]/.test(t));
  const single = surface.length === 1;
  return {
    keys: surface.map((s) => tokenKey(s).toLowerCase()),
    surface,
    target,
    exactCase: !options.caseless && allCaps,
    ambiguous: single && COMMON_SHORT.test(surface[0] ?? ''),
  };
}

function buildPhraseIndex(countries: CountryInfo[], known: KnownEntity[], topics: Record<string, string[]>): Map<string, PhraseEntry[]> {
  const entries: PhraseEntry[] = [];
  const add = (e: PhraseEntry | null): void => {
    if (e) entries.push(e);
  };
  for (const c of countries) {
    const entity: KnownEntity = { name: c.name, type: 'Country', aliases: [] };
    for (const n of [c.name, ...c.aliases, ...c.metonyms]) add(entry(n, { kind: 'entity', entity, code: c.code, mention: 'name' }));
    for (const d of c.demonyms) add(entry(d, { kind: 'entity', entity, code: c.code, mention: 'demonym' }));
    if (c.capital) add(entry(c.capital, { kind: 'capital', country: c }));
  }
  for (const k of known) {
    for (const n of [k.name, ...k.aliases]) add(entry(n, { kind: 'entity', entity: k, mention: 'name' }));
  }
  // World cities and provinces, after everything with a more specific meaning.
  const taken = new Set(entries.flatMap((e) => (e.keys.length === 1 ? [e.surface[0]?.toLowerCase() ?? ''] : [e.surface.join(' ').toLowerCase()])));
  for (const p of worldPlaces(taken)) {
    add(entry(p.name, { kind: 'entity', entity: { name: p.name, type: 'Place', aliases: [], country: p.country }, mention: 'name' }));
  }
  for (const [topic, phrases] of Object.entries(topics)) {
    if (topic.startsWith('_') || !(TOPICS as readonly string[]).includes(topic)) continue;
    for (const p of [topic, ...phrases]) add(entry(p, { kind: 'topic', topic: topic as TopicName }, { caseless: p !== p.toUpperCase() }));
  }
  const index = new Map<string, PhraseEntry[]>();
  for (const e of entries) {
    const first = e.keys[0] ?? '';
    const list = index.get(first) ?? [];
    list.push(e);
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return index;
}

function lowerSet(words: string[]): Set<string> {
  return new Set(words.map((w) => w.toLowerCase()));
}

/** Builds the lexicon from the bundled data plus any extra gazetteer files. */
export function buildLexicon(extraFiles: string[] = []): Lexicon {
  const countries = loadCountries();
  const known = parseKnownEntities(readJson(dataUrl('known-entities.json')), 'known-entities.json');
  for (const file of extraFiles) {
    let raw: unknown;
    try {
      raw = readJson(file);
    } catch (err) {
      throw new Error(`gazetteer ${file}: ${(err as Error).message}`);
    }
    known.push(...parseKnownEntities(raw, file));
  }
  const topics = readJson(dataUrl('topics.json')) as Record<string, string[]>;
  const cues = readJson(dataUrl('cues.json')) as Cues;
  const headType = new Map<string, EntityType>();
  const multiHeads: { words: string[]; type: EntityType }[] = [];
  for (const [type, heads] of Object.entries(cues.nameHeads)) {
    if (!isEntityType(type)) continue;
    for (const h of heads) {
      const words = h.split(' ');
      if (words.length === 1) headType.set(h.toLowerCase(), type);
      else multiHeads.push({ words: words.map((w) => w.toLowerCase()), type });
    }
  }
  const descriptorType = new Map<string, EntityType>();
  for (const [type, words] of Object.entries(cues.descriptors)) {
    if (isEntityType(type)) for (const w of words) descriptorType.set(w.toLowerCase(), type);
  }
  const triggers = new Map<string, Set<string>>();
  for (const [predicate, words] of Object.entries(cues.triggers)) triggers.set(predicate, lowerSet(words));
  return {
    countries,
    countryByCode: new Map(countries.map((c) => [c.code, c])),
    phrases: buildPhraseIndex(countries, known, topics),
    cues,
    headType,
    multiHeads,
    descriptorType,
    roles: lowerSet(cues.roles),
    personTitles: new Set(cues.personTitles),
    speechVerbs: lowerSet(cues.speechVerbs),
    surnames: new Set(cues.surnames),
    firstNames: new Set(readJson(dataUrl('first-names.json')) as string[]),
    triggers,
    takesThe: new Set(TAKES_THE),
  };
}

let cached: { key: string; lexicon: Lexicon } | null = null;

/** The process-wide lexicon (bundled data + GOVGRAPH_GAZETTEER files), built on first use. */
export function getLexicon(extraFiles?: string[]): Lexicon {
  const files = extraFiles ?? (process.env['GOVGRAPH_GAZETTEER'] ?? '').split(delimiter).filter(Boolean);
  const key = files.join('\n');
  if (!cached || cached.key !== key) cached = { key, lexicon: buildLexicon(files) };
  return cached.lexicon;
}
