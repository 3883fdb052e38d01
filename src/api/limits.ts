/**
 * Limits that reject an abusive query before anything runs: a token cap on the document
 * (graphql-js's parser), a depth cap (graphql-armor's max-depth validation rule) and a
 * cost cap (graphql-query-complexity, evaluated with the request's variables once the
 * operation is known). The cost model is written down in schema.graphql's description.
 */
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isLeafType,
  isListType,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';

/** Deepest field nesting a query may have. */
export const MAX_DEPTH = 10;
/** Highest estimated cost a query may have. */
export const MAX_COST = 100_000;
/** Most lexical tokens a query document may have. */
export const MAX_TOKENS = 5_000;
/** Items assumed for a list field that takes no `first` or `limit`. */
export const UNBOUNDED_LIST_ESTIMATE = 20;

/** Types whose lists were already counted by the field that returned them. */
function isContainer(typeName: string): boolean {
  return typeName.endsWith('Connection') || ['PartnerNetwork', 'Neighbourhood', 'Path', 'GraphStats', 'IngestResult', 'ExtractedEntityResult'].includes(typeName);
}

/**
 * Cost of one field: 0 for a scalar; otherwise 1 plus its selections, times the items it
 * may return (`first` or `limit`, else 1, or UNBOUNDED_LIST_ESTIMATE for a list field
 * outside a container).
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const output = getNullableType(field.type);
  if (isLeafType(getNamedType(output))) return 0;
  const bound = typeof args.first === 'number' ? args.first : typeof args.limit === 'number' ? args.limit : null;
  const items = bound ?? (isListType(output) && !isContainer(type.name) ? UNBOUNDED_LIST_ESTIMATE : 1);
  return items * (1 + childComplexity);
};

/** The validation rule capping query depth (introspection is not counted). */
export function depthRule(): ValidationRule {
  return maxDepthRule({
    n: MAX_DEPTH,
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const found = /found (\d+)/.exec(error.message)?.[1] ?? 'more';
        context?.reportError(
          new GraphQLError(`Query is too deep: ${found} levels of fields; at most ${MAX_DEPTH} are allowed.`),
        );
      },
    ],
  });
}

/** The error for a query whose estimated cost is over MAX_COST. */
export function tooComplex(cost: number): GraphQLError {
  return new GraphQLError(
    `Query is too expensive: estimated cost ${cost}, at most ${MAX_COST} is allowed. Ask for fewer items ` +
      '(smaller `first`/`limit`) or nest fewer lists.',
    { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } },
  );
}

/** Most cost estimates remembered per document (one per distinct set of priced variables). */
const ESTIMATES_PER_DOCUMENT = 256;

/**
 * The variables that can change a document's estimate: those in `first`/`limit` arguments
 * and in directive arguments (`@include`/`@skip` conditions). No other input moves it.
 */
export function pricedVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: ValueNode): void => {
    visit(value, { Variable: (v) => void names.add(v.name.value) });
  };
  visit(document, {
    Field: (field) => {
      for (const arg of field.arguments ?? []) if (arg.name.value === 'first' || arg.name.value === 'limit') collect(arg.value);
    },
    Directive: (directive) => {
      for (const arg of directive.arguments ?? []) collect(arg.value);
    },
  });
  return [...names].sort();
}

/** An Apollo plugin that refuses over-expensive operations before they execute. */
export function costLimitPlugin<T extends object>(schema: GraphQLSchema): ApolloServerPlugin<T> {
  // Apollo hands the same parsed document to every request with the same query text, so a
  // dashboard polling one query is priced once per distinct page size, not on every request.
  const estimates = new WeakMap<DocumentNode, { priced: string[]; costs: Map<string, number> }>();
  /** The document's priced variables and its estimates so far, by priced values. */
  const known = (document: DocumentNode): { priced: string[]; costs: Map<string, number> } => {
    let entry = estimates.get(document);
    if (!entry) {
      entry = { priced: pricedVariables(document), costs: new Map() };
      estimates.set(document, entry);
    }
    return entry;
  };
  // One listener for every request: it keeps no per-request state.
  const listener: GraphQLRequestListener<T> = {
    async didResolveOperation({ request, document, operation }) {
      const variables = request.variables ?? {};
      const operationName = request.operationName ?? undefined;
      const { priced, costs } = known(document);
      const key = JSON.stringify([operationName ?? null, ...priced.map((name) => variables[name] ?? null)]);
      let cost = costs.get(key);
      if (cost === undefined) {
        // Variables that do not fit the operation: execution refuses them with a clear
        // BAD_USER_INPUT error before any resolver runs, so there is nothing to price.
        // (A cached estimate was made with these same priced values, so it stands.)
        const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables);
        if (coerced.errors) return;
        // Anything else that stops the estimate fails the request (closed, not open).
        cost = getComplexity({
          schema,
          query: document,
          variables,
          ...(operationName ? { operationName } : {}),
          estimators: [costEstimator],
        });
        if (costs.size >= ESTIMATES_PER_DOCUMENT) costs.clear();
        costs.set(key, cost);
      }
      if (cost > MAX_COST) throw tooComplex(cost);
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
