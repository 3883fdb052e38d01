/**
 * The one check on names that Cypher cannot take as parameters (labels, relationship types,
 * variables): they come from fixed lists in src/model.ts or the code, and must still look
 * like plain identifiers before they are written into query text.
 */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Returns `name` when it is a plain identifier from a fixed list; throws otherwise. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a safe Cypher identifier: ${name}`);
  return name;
}
