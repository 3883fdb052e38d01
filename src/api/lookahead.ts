/**
 * Looking ahead from a resolver at the fields selected under it, so a root resolver can read
 * in one query what a child field would otherwise ask for in a second round trip.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

function hasVariable(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return true;
  if (value.kind === Kind.LIST) return value.values.some(hasVariable);
  if (value.kind === Kind.OBJECT) return value.fields.some((f) => hasVariable(f.value));
  return false;
}

/**
 * Argument values of selections written without variables, by their node (null: the node's
 * arguments use variables, so they are coerced on each request). Apollo hands every
 * request with the same query text the same parsed document, so a dashboard's
 * `relations(limit: 20)` is coerced once, not on every request. Shared: never changed.
 */
const constantArguments = new WeakMap<FieldNode, Readonly<Record<string, unknown>> | null>();

function argumentValues(fieldDef: GraphQLField<unknown, unknown>, node: FieldNode, variables: GraphQLResolveInfo['variableValues']): Record<string, unknown> {
  const known = constantArguments.get(node);
  if (known) return known;
  const values = getArgumentValues(fieldDef, node, variables);
  if (known === undefined) {
    const constant = !(node.arguments ?? []).some((arg) => hasVariable(arg.value));
    constantArguments.set(node, constant ? Object.freeze(values) : null);
  }
  return values;
}

/**
 * The argument values (variables applied, defaults filled in; not to be changed) of every selection of
 * `fieldName` directly under the field being resolved, through fragments, leaving out
 * selections that `@skip`/`@include` exclude.
 */
export function selectedFieldArguments(info: GraphQLResolveInfo, fieldName: string): Record<string, unknown>[] {
  const parentType = getNamedType(info.returnType);
  if (!isObjectType(parentType)) return [];
  const fieldDef = parentType.getFields()[fieldName];
  if (!fieldDef) return [];
  const included = (node: Parameters<typeof getDirectiveValues>[1]): boolean =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.['if'] !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.['if'] !== false;
  const found: FieldNode[] = [];
  const seenFragments = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === fieldName) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return found.map((node) => argumentValues(fieldDef, node, info.variableValues));
}
