/**
 * Relay cursor connections: a page of rows (fetched one longer than asked, to know whether
 * more follow) becomes edges with cursors, nodes and pageInfo. `totalCount` is a function,
 * which the connection types' `totalCount` resolver (resolvers/index.ts) calls only when a
 * client asks for it, so a page that does not want the count never pays for the counting
 * query.
 */
import { encodeCursor } from './cursor.ts';

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number> | number;
}

/** Builds a connection from `rows` (up to `first + 1` items starting at `offset`). */
export function toConnection<T>(
  kind: string,
  rows: readonly T[],
  offset: number,
  first: number,
  totalCount: () => Promise<number> | number,
): Connection<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(kind, offset + i), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
