/**
 * Retrying writes when Neo4j is briefly unavailable: which errors are transient (the server
 * is down, restarting, or a transaction hit a deadlock) and an exponential backoff with a
 * bounded number of attempts. Knows nothing of what is being written.
 */
import { isRetryableError } from 'neo4j-driver';

export interface RetryOptions {
  /** Attempts after the first one (0: never retry). */
  retries: number;
  /** Delay before the first retry; doubled each time. */
  baseDelayMs: number;
  /** Longest delay between two attempts. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 4, baseDelayMs: 1000, maxDelayMs: 15_000 };

const TRANSIENT_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** True for errors that may pass if the same write is tried again later. */
export function isTransientError(err: unknown): boolean {
  if (isRetryableError(err)) return true;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (TRANSIENT_CODES.has(code) || code.startsWith('Neo.TransientError.')) return true;
  return typeof e.message === 'string' && /ECONNREFUSED|ECONNRESET|connection refused|Connection was closed|Failed to connect/i.test(e.message);
}

/** The delay before retry number `attempt` (1-based). */
export function backoffDelay(attempt: number, options: RetryOptions): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
}

/** Thrown when a transient error outlasted every retry. */
export class RetriesExhausted extends Error {
  constructor(
    readonly attempts: number,
    readonly last: unknown,
  ) {
    super(`gave up after ${attempts} attempt(s): ${last instanceof Error ? last.message : String(last)}`);
    this.name = 'RetriesExhausted';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `work`, retrying it on transient errors with exponential backoff; other errors pass
 * through at once. `onRetry` hears of each retry before its delay.
 */
export async function withRetry<T>(
  work: () => Promise<T>,
  options: RetryOptions = DEFAULT_RETRY,
  onRetry: (attempt: number, delayMs: number, err: unknown) => void = () => undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isTransientError(err)) throw err;
      if (attempt > options.retries) throw new RetriesExhausted(attempt, err);
      const delay = backoffDelay(attempt, options);
      onRetry(attempt, delay, err);
      await sleep(delay);
    }
  }
}
