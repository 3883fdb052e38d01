/** schema.graphql is the API contract: it parses, binds to the resolvers, mirrors the ontology and is documented. */
import { describe, expect, it } from 'vitest';
import { Kind, parse, type DefinitionNode, type GraphQLSchema } from 'graphql';
import { ENTITY_TYPES, PREDICATES } from '../../src/model.ts';
import { buildApiSchema, loadTypeDefs } from '../../src/api/schemaLoader.ts';

// Checks walk the SDL's AST rather than the built schema: under vitest, `graphql` imported
// here (ESM build) and by @graphql-tools (CJS build) are two realms, and graphql-js's
// isObjectType/isEnumType refuse objects from the other one.
const schema: GraphQLSchema = buildApiSchema();
const definitions: readonly DefinitionNode[] = parse(loadTypeDefs()).definitions;

function enumValues(name: string): string[] {
  const node = definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === name);
  if (!node || node.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error(`${name} is not an enum`);
  return (node.values ?? []).map((v) => v.name.value);
}

describe('schema.graphql', () => {
  it('parses and binds the resolvers', () => {
    const query = schema.getQueryType();
    expect(query?.name).toBe('Query');
    expect(Object.keys(query?.getFields() ?? {})).toEqual(
      expect.arrayContaining(['entity', 'search', 'entities', 'relations', 'shortestPaths', 'neighbourhood', 'countryStats', 'articles', 'articlesConnection', 'article', 'partnerNetwork', 'stats']),
    );
  });

  it('has enums equal to the ontology in src/model.ts', () => {
    expect(enumValues('EntityType')).toEqual([...ENTITY_TYPES]);
    expect(enumValues('Predicate')).toEqual([...PREDICATES]);
    expect(enumValues('Direction')).toEqual(['OUT', 'IN', 'BOTH']);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    const need = (what: string, node: { description?: { value: string } | undefined }): void => {
      if (!node.description || node.description.value.trim() === '') missing.push(what);
    };
    for (const def of definitions) {
      if (def.kind === Kind.SCHEMA_DEFINITION) continue;
      if (!('name' in def) || !def.name) throw new Error(`unexpected definition ${def.kind}`);
      const typeName = def.name.value;
      need(typeName, def as { description?: { value: string } });
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
        for (const field of def.fields ?? []) {
          need(`${typeName}.${field.name.value}`, field);
          for (const arg of 'arguments' in field ? field.arguments ?? [] : []) {
            need(`${typeName}.${field.name.value}(${arg.name.value})`, arg);
          }
        }
      }
      if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
        for (const value of def.values ?? []) need(`${typeName}.${value.name.value}`, value);
      }
    }
    expect(missing).toEqual([]);
    expect(definitions.length).toBeGreaterThan(10);
  });

  it('gives every list argument a bounded default limit', () => {
    const query = schema.getQueryType();
    const search = query?.getFields().search;
    expect(search?.args.find((a) => a.name === 'limit')?.defaultValue).toBe(20);
    const entity = schema.getType('Entity') as unknown as { getFields(): Record<string, { args: { name: string; defaultValue: unknown }[] }> };
    const relations = entity.getFields().relations;
    expect(relations?.args.map((a) => [a.name, a.defaultValue])).toEqual([
      ['direction', 'BOTH'],
      ['predicate', undefined],
      ['limit', 50],
    ]);
  });
});
