/** The gold-annotation format (docs/ontology.md) and its validation. Pure: takes text, not a path. */
import { isEntityType, isPredicate, type EntityType, type Predicate } from '../model.ts';

export interface GoldEntity {
  name: string;
  type: EntityType;
  aliases: string[];
}

export interface GoldRelation {
  subject: string;
  predicate: Predicate;
  object: string;
}

export interface Gold {
  entities: GoldEntity[];
  relations: GoldRelation[];
}

/** A gold file that is not valid JSON or not in the gold format; the message names the file. */
export class GoldFormatError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: malformed gold file: ${detail}`);
    this.name = 'GoldFormatError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, where: string, file: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new GoldFormatError(file, `${where} must be a non-empty string`);
  return v;
}

function parseEntity(v: unknown, i: number, file: string): GoldEntity {
  if (!isRecord(v)) throw new GoldFormatError(file, `entities[${i}] is not an object`);
  const name = str(v['name'], `entities[${i}].name`, file);
  const type = str(v['type'], `entities[${i}].type`, file);
  if (!isEntityType(type)) throw new GoldFormatError(file, `entities[${i}].type "${type}" is not an ontology type`);
  const rawAliases = v['aliases'] ?? [];
  if (!Array.isArray(rawAliases) || !rawAliases.every((a) => typeof a === 'string')) {
    throw new GoldFormatError(file, `entities[${i}].aliases must be an array of strings`);
  }
  return { name, type, aliases: rawAliases as string[] };
}

function parseRelation(v: unknown, i: number, file: string): GoldRelation {
  if (!isRecord(v)) throw new GoldFormatError(file, `relations[${i}] is not an object`);
  const predicate = str(v['predicate'], `relations[${i}].predicate`, file);
  if (!isPredicate(predicate)) throw new GoldFormatError(file, `relations[${i}].predicate "${predicate}" is not an ontology predicate`);
  return {
    subject: str(v['subject'], `relations[${i}].subject`, file),
    predicate,
    object: str(v['object'], `relations[${i}].object`, file),
  };
}

/** Parses and validates a `.gold.json` text; throws GoldFormatError naming `file`. */
export function parseGold(text: string, file: string): Gold {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new GoldFormatError(file, `invalid JSON (${(err as Error).message})`);
  }
  if (!isRecord(data)) throw new GoldFormatError(file, 'top level is not an object');
  const entities = data['entities'];
  const relations = data['relations'] ?? [];
  if (!Array.isArray(entities)) throw new GoldFormatError(file, '"entities" must be an array');
  if (!Array.isArray(relations)) throw new GoldFormatError(file, '"relations" must be an array');
  return {
    entities: entities.map((e, i) => parseEntity(e, i, file)),
    relations: relations.map((r, i) => parseRelation(r, i, file)),
  };
}
