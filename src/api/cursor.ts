/**
 * Opaque cursors of the Relay connections. A cursor is the position of an item in its
 * list, tagged with the list's kind so a cursor of one list is refused by another. Lists
 * are ordered by unique keys, so a position is stable while the graph does not change.
 */
import { badArgument } from './errors.ts';

/** Deepest position a cursor may name: paging further costs more than it is worth. */
export const MAX_CURSOR_OFFSET = 1_000_000;

/** The cursor of the item at `offset` (0-based) of a list of `kind`. */
export function encodeCursor(kind: string, offset: number): string {
  return Buffer.from(`${kind}:${offset}`, 'utf8').toString('base64url');
}

/** The offset just after the item `after` points at (0 without a cursor); throws naming `argument`. */
export function offsetAfter(kind: string, after: string | null | undefined, argument = 'after'): number {
  if (after === null || after === undefined) return 0;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const match = /^([a-z]+):(\d{1,7})$/.exec(text);
  const offset = Number(match?.[2]);
  if (!match || match[1] !== kind || !Number.isSafeInteger(offset) || offset >= MAX_CURSOR_OFFSET) {
    throw badArgument(argument, `is not a cursor of this list; pass a cursor this list returned (pageInfo.endCursor).`);
  }
  return offset + 1;
}
