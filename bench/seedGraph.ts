/**
 * A generated govgraph of any size for benchmarks: entities of every type (the real
 * countries, fake names for the rest), typed relations that respect the ontology's
 * signatures with a skewed degree distribution (a few hubs, a long tail), and articles
 * whose mentions and statements point at those entities and relations. Deterministic for
 * a given seed. Pure: no I/O.
 */
import { faker } from '@faker-js/faker';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { PREDICATE_SIGNATURES, PREDICATES, TOPICS, entityId, type EntityType, type Predicate } from '../src/model.ts';
import type { StatementRow } from '../src/graph/rows.ts';

export interface SeedConfig {
  entities: number;
  relations: number;
  articles: number;
  seed: number;
}

export interface SeedEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  code: string | null;
}

export interface SeedRelation {
  s: string;
  o: string;
  support: number;
  statements: number;
  confidence: number;
  firstSeen: string;
  lastSeen: string;
}

/** A generated statement: the writer's statement row without offsets, role or edge key, with its article. */
export type SeedStatement = Pick<StatementRow, 'id' | 'predicate' | 'subject' | 'object' | 'confidence' | 'sentence'> & { article: string };

export interface SeedArticle {
  id: string;
  title: string;
  url: string;
  source: string;
  published: string;
  mentions: { entity: string; count: number }[];
  statements: SeedStatement[];
}

/** Share of the non-country, non-topic entities per type. */
const TYPE_WEIGHTS: [EntityType, number][] = [
  ['Person', 26], ['Company', 22], ['Organization', 10], ['GovernmentBody', 8], ['MediaOutlet', 3],
  ['Event', 10], ['Policy', 11], ['Place', 10],
];

/** Share of the relations per predicate. */
const PREDICATE_WEIGHTS: Record<Predicate, number> = {
  HOLDS_ROLE: 11, HEADQUARTERED_IN: 4, LOCATED_IN: 6, PART_OF: 8, HOSTS: 6, PARTICIPATES_IN: 22,
  ISSUES: 8, PARTNERS_WITH: 14, MEMBER_OF: 11, CONCERNS: 5, RESTRICTS: 5,
};

const countries = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-countries/countries.json'), 'utf8'),
) as Country[];

const SOURCES = ['Example Wire', 'Daily Bench', 'Global Tech Times', 'Policy Monitor', 'Net Review'];

function nameFor(type: EntityType): string {
  switch (type) {
    case 'Person': return faker.person.fullName();
    case 'Company': return faker.company.name();
    case 'Organization': return `${faker.word.adjective()} ${faker.word.noun()} Alliance`;
    case 'GovernmentBody': return `Ministry of ${faker.word.noun()} of ${faker.location.country()}`;
    case 'MediaOutlet': return `${faker.location.city()} ${faker.helpers.arrayElement(['Times', 'Post', 'Herald', 'News'])}`;
    case 'Event': return `${faker.word.adjective()} ${faker.word.noun()} Summit ${faker.number.int({ min: 2010, max: 2025 })}`;
    case 'Policy': return `${faker.word.noun()} ${faker.helpers.arrayElement(['Act', 'Strategy', 'Action Plan', 'Regulation'])}`;
    case 'Place': return faker.location.city();
    default: return faker.word.noun();
  }
}

/** A fast seeded PRNG (mulberry32): faker's is too slow for a million picks. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS = 11 * 365;

/** A random date between 2015 and 2025 as YYYY-MM-DD. */
function randomDate(rand: () => number): string {
  return new Date(FIRST_DAY + Math.floor(rand() * DAYS) * DAY_MS).toISOString().slice(0, 10);
}

/** The entities: every real country, every topic, and generated names for the rest. */
export function generateEntities(config: SeedConfig): SeedEntity[] {
  faker.seed(config.seed);
  const out: SeedEntity[] = countries.map((c) => ({
    id: entityId('Country', c.name.common, c.cca2),
    name: c.name.common,
    type: 'Country' as const,
    aliases: [c.name.official, ...c.altSpellings.filter((a) => a.length > 3)].slice(0, 3),
    code: c.cca2,
  }));
  for (const topic of TOPICS) out.push({ id: entityId('Topic', topic), name: topic, type: 'Topic', aliases: [], code: null });
  const total = TYPE_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  const rest = Math.max(0, config.entities - out.length);
  for (const [type, weight] of TYPE_WEIGHTS) {
    const count = Math.round((rest * weight) / total);
    for (let i = 0; i < count; i++) {
      const name = nameFor(type);
      // A suffix keeps ids unique where generated names repeat, as they do in real data.
      out.push({ id: `${entityId(type, name)}-${i}`, name, type, aliases: i % 4 === 0 ? [name.split(' ')[0] ?? name] : [], code: null });
    }
  }
  return out;
}

/** Skewed pick: low indices far more often, so some entities become hubs. */
function skewed<T>(list: readonly T[], rand: () => number): T {
  const u = rand();
  return list[Math.min(list.length - 1, Math.floor(list.length * u * u * u))] as T;
}

/** Typed relations by predicate, unique per (subject, predicate, object), PARTNERS_WITH stored lower id first. */
export function generateRelations(config: SeedConfig, entities: readonly SeedEntity[]): Map<Predicate, SeedRelation[]> {
  const rand = prng(config.seed + 1);
  const byType = new Map<EntityType, string[]>();
  for (const e of entities) {
    const list = byType.get(e.type) ?? [];
    list.push(e.id);
    byType.set(e.type, list);
  }
  const pool = (types: readonly EntityType[]): string[] => types.flatMap((t) => byType.get(t) ?? []);
  const totalWeight = PREDICATES.reduce((n, p) => n + PREDICATE_WEIGHTS[p], 0);
  const out = new Map<Predicate, SeedRelation[]>();
  for (const predicate of PREDICATES) {
    const subjects = pool(PREDICATE_SIGNATURES[predicate].subject);
    const objects = pool(PREDICATE_SIGNATURES[predicate].object);
    const wanted = Math.round((config.relations * PREDICATE_WEIGHTS[predicate]) / totalWeight);
    const seen = new Set<string>();
    const list: SeedRelation[] = [];
    for (let tries = 0; list.length < wanted && tries < wanted * 4; tries++) {
      // Subjects spread evenly, objects skewed: many companies, few big hubs they point at.
      let s = subjects[Math.floor(rand() * subjects.length)] as string;
      let o = skewed(objects, rand);
      if (s === o) continue;
      if (predicate === 'PARTNERS_WITH' && o < s) [s, o] = [o, s];
      const key = `${s}\u0000${o}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const a = randomDate(rand);
      const b = randomDate(rand);
      const support = 1 + Math.floor(rand() ** 4 * 40);
      list.push({
        s, o, support, statements: support,
        confidence: Math.round((0.5 + rand() / 2) * 100) / 100,
        firstSeen: a < b ? a : b, lastSeen: a < b ? b : a,
      });
    }
    out.set(predicate, list);
  }
  return out;
}

/** Articles mentioning entities and stating some of the relations (so evidence exists). */
export function generateArticles(config: SeedConfig, entities: readonly SeedEntity[], relations: Map<Predicate, SeedRelation[]>): SeedArticle[] {
  faker.seed(config.seed + 2);
  const rand = prng(config.seed + 2);
  const flat: [Predicate, SeedRelation][] = [...relations].flatMap(([p, list]) => list.map((r): [Predicate, SeedRelation] => [p, r]));
  const out: SeedArticle[] = [];
  for (let i = 0; i < config.articles; i++) {
    const id = `bench-${i}`;
    const statements: SeedStatement[] = [];
    const mentioned = new Map<string, number>();
    for (let k = 0; k < 5; k++) {
      const [predicate, rel] = skewed(flat, rand);
      const sentence = `${faker.lorem.sentence()} (${predicate})`;
      statements.push({ id: `${id}-st${k}`, article: id, predicate, subject: rel.s, object: rel.o, confidence: rel.confidence, sentence });
      mentioned.set(rel.s, (mentioned.get(rel.s) ?? 0) + 1).set(rel.o, (mentioned.get(rel.o) ?? 0) + 1);
    }
    for (let k = 0; k < 5; k++) {
      const e = skewed(entities, rand).id;
      mentioned.set(e, (mentioned.get(e) ?? 0) + 1);
    }
    out.push({
      id,
      title: faker.lorem.sentence({ min: 4, max: 9 }),
      url: `https://bench.example/${id}`,
      source: faker.helpers.arrayElement(SOURCES),
      published: randomDate(rand),
      mentions: [...mentioned].map(([entity, count]) => ({ entity, count })),
      statements,
    });
  }
  return out;
}
