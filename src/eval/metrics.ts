/** Counts and micro precision/recall/F1. Pure. */

/** True positives, predicted and gold totals of one scored category. */
export interface Counts {
  tp: number;
  pred: number;
  gold: number;
}

/** Precision, recall and F1 with the counts they come from. */
export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** A zeroed Counts. */
export function emptyCounts(): Counts {
  return { tp: 0, pred: 0, gold: 0 };
}

/** Adds `b` into `a` in place and returns `a`. */
export function addCounts(a: Counts, b: Counts): Counts {
  a.tp += b.tp;
  a.pred += b.pred;
  a.gold += b.gold;
  return a;
}

/** Precision/recall/F1 of counts; a ratio with a zero denominator is 0. */
export function prf(c: Counts): Prf {
  const precision = c.pred > 0 ? c.tp / c.pred : 0;
  const recall = c.gold > 0 ? c.tp / c.gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp: c.tp, pred: c.pred, gold: c.gold, precision, recall, f1 };
}

/** Adds counts into a keyed table (per type, per predicate). */
export function addTo(table: Record<string, Counts>, key: string, c: Partial<Counts>): void {
  const row = (table[key] ??= emptyCounts());
  row.tp += c.tp ?? 0;
  row.pred += c.pred ?? 0;
  row.gold += c.gold ?? 0;
}
