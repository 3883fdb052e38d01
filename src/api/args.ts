/**
 * Checks on argument values that the schema's types cannot express (ranges, non-empty
 * text). Each failure is a BAD_USER_INPUT error naming the argument.
 */
import { badArgument } from './errors.ts';

/** Largest `limit` on ordinary lists. */
export const MAX_LIMIT = 200;
/** Largest `limit` on partnerNetwork edges. */
export const MAX_NETWORK_LIMIT = 1000;
/** Largest `offset` when paging articles. */
export const MAX_OFFSET = 10_000;
/** Longest search text. */
export const MAX_TEXT_LENGTH = 200;

/** Returns `value` when it is an integer in min..max; throws naming `argument` otherwise. */
export function intInRange(value: number | null | undefined, argument: string, min: number, max: number): number {
  if (value === null || value === undefined || !Number.isInteger(value) || value < min || value > max) {
    throw badArgument(argument, `must be an integer from ${min} to ${max} (got ${String(value)}).`);
  }
  return value;
}

/** A list limit in 1..max (default MAX_LIMIT). */
export function limitArg(value: number | null | undefined, max = MAX_LIMIT, argument = 'limit'): number {
  return intInRange(value, argument, 1, max);
}

/** An offset in 0..MAX_OFFSET. */
export function offsetArg(value: number | null | undefined): number {
  return intInRange(value, 'offset', 0, MAX_OFFSET);
}

/** Trimmed non-empty text of at most `max` characters; throws naming `argument` otherwise. */
export function textArg(value: string | null | undefined, argument: string, max = MAX_TEXT_LENGTH): string {
  const text = (value ?? '').trim();
  if (text.length === 0) throw badArgument(argument, 'must not be empty.');
  if (text.length > max) throw badArgument(argument, `must be at most ${max} characters (got ${text.length}).`);
  return text;
}

/** Largest page (`first`) of a connection. */
export const MAX_PAGE = 200;

/** A page size in 1..MAX_PAGE. */
export function firstArg(value: number | null | undefined, argument = 'first'): number {
  return intInRange(value, argument, 1, MAX_PAGE);
}

/** An optional integer in min..max: null when absent, else checked like `intInRange`. */
export function optIntInRange(value: number | null | undefined, argument: string, min: number, max: number): number | null {
  return value === null || value === undefined ? null : intInRange(value, argument, min, max);
}

/** An optional number in min..max (inclusive); null when absent. */
export function optNumberInRange(value: number | null | undefined, argument: string, min: number, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw badArgument(argument, `must be a number from ${min} to ${max} (got ${String(value)}).`);
  }
  return value;
}

/** Optional trimmed text: null when absent, else checked like `textArg`. */
export function optTextArg(value: string | null | undefined, argument: string, max = MAX_TEXT_LENGTH): string | null {
  return value === null || value === undefined ? null : textArg(value, argument, max);
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date bound as a full YYYY-MM-DD: a partial `from` widens to its first day, a partial
 * `to` to its last ("2023-02" -> "2023-02-01" / "2023-02-31", fine for string comparison).
 */
export function dateBoundArg(value: string | null | undefined, argument: string, end: 'from' | 'to'): string | null {
  if (value === null || value === undefined) return null;
  const match = PARTIAL_DATE.exec(value.trim());
  const month = Number(match?.[2] ?? '01');
  const day = Number(match?.[3] ?? '01');
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) {
    throw badArgument(argument, `must be a date YYYY, YYYY-MM or YYYY-MM-DD (got "${value}").`);
  }
  const pad = end === 'from' ? '0000-01-01' : '9999-12-31';
  return match[0] + pad.slice(match[0].length);
}

/** A DateRange input as bounds (null when absent); `from` after `to` is an error. */
export function dateRangeArg(
  value: { from?: string | null; to?: string | null } | null | undefined,
  argument: string,
): { from: string | null; to: string | null } | null {
  if (value === null || value === undefined) return null;
  const from = dateBoundArg(value.from, `${argument}.from`, 'from');
  const to = dateBoundArg(value.to, `${argument}.to`, 'to');
  if (from !== null && to !== null && from > to) throw badArgument(argument, `starts after it ends (${from} > ${to}).`);
  return { from, to };
}
