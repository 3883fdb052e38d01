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
