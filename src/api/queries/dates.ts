/**
 * Date-range filtering over the graph's partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD).
 * A stored date stands for the span it names; it matches a range when that span overlaps
 * it. Bounds arrive already widened to full dates (`from` = first day, `to` = last day),
 * so plain string comparison is exact.
 */

/** A validated range: full YYYY-MM-DD strings, or null for an open end. */
export interface DateBounds {
  from: string | null;
  to: string | null;
}

/**
 * Cypher condition: the span from `startExpr` to `endExpr` (stored partial dates) overlaps
 * the bounds held by `fromExpr`/`toExpr` (parameters or map keys, never input). A null
 * stored date never matches a range with a bound; an open bound always holds.
 */
export function overlapCondition(startExpr: string, endExpr: string, fromExpr: string, toExpr: string): string {
  const start = `${startExpr} + substring('0000-01-01', size(${startExpr}))`;
  const end = `${endExpr} + substring('9999-12-31', size(${endExpr}))`;
  return `((${fromExpr} IS NULL OR ${end} >= ${fromExpr}) AND (${toExpr} IS NULL OR ${start} <= ${toExpr}))`;
}

/** True when the range has at least one bound. */
export function hasBounds(bounds: DateBounds | null): bounds is DateBounds {
  return bounds !== null && (bounds.from !== null || bounds.to !== null);
}
