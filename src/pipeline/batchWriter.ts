/**
 * Stores extracted articles in batches, one transaction each (so a batch is all or
 * nothing), while the caller goes on extracting: at most one batch is being written and
 * `submit` waits only for the one before. Transient Neo4j errors are retried with backoff;
 * when they outlast the retries the writer stops (every later batch is reported not
 * stored). Any other error splits the batch so only the offending article fails.
 */
import type { ArticleInput, WriteSummary } from '../graph/writer.ts';
import { RetriesExhausted, withRetry, type RetryOptions } from './retry.ts';

/** An article ready to store, with where it came from. */
export interface Extracted {
  origin: string;
  bytes: number;
  input: ArticleInput;
}

/** Writes one batch in one transaction, returning one summary per item in order. */
export type WriteBatch = (items: readonly ArticleInput[]) => Promise<WriteSummary[]>;

/** What happened to one article. */
export type WriteOutcome = { item: Extracted; summary: WriteSummary; error?: undefined } | { item: Extracted; error: string; summary?: undefined };

export interface BatchWriterOptions {
  retry: RetryOptions;
  onOutcome(outcome: WriteOutcome): void;
  onRetry?(attempt: number, delayMs: number, err: unknown, batch: readonly Extracted[]): void;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Writes batches one after another, overlapping each write with the caller's work. */
export class BatchWriter {
  private running: Promise<void> = Promise.resolve();
  /** Set when Neo4j stayed unavailable: why writing stopped. */
  fatal: string | null = null;

  constructor(
    private readonly write: WriteBatch,
    private readonly options: BatchWriterOptions,
  ) {}

  /** Starts writing `batch` once the previous batch is done; resolves when it has started. */
  async submit(batch: readonly Extracted[]): Promise<void> {
    if (batch.length === 0) return;
    await this.running;
    this.running = this.store(batch);
  }

  /** Resolves when every submitted batch is written (or failed). */
  async drain(): Promise<void> {
    await this.running;
  }

  private async store(batch: readonly Extracted[]): Promise<void> {
    if (this.fatal) {
      for (const item of batch) this.options.onOutcome({ item, error: `not stored: ${this.fatal}` });
      return;
    }
    let summaries: WriteSummary[];
    try {
      summaries = await withRetry(
        () => this.write(batch.map((b) => b.input)),
        this.options.retry,
        (attempt, delay, err) => this.options.onRetry?.(attempt, delay, err, batch),
      );
    } catch (err) {
      if (err instanceof RetriesExhausted) {
        this.fatal = `Neo4j unavailable (${err.message})`;
        for (const item of batch) this.options.onOutcome({ item, error: `not stored (the transaction of its batch of ${batch.length} was rolled back): ${this.fatal}` });
      } else if (batch.length > 1) {
        for (const item of batch) await this.store([item]); // find the article that cannot be written
      } else {
        for (const item of batch) this.options.onOutcome({ item, error: `not stored: ${message(err)}` });
      }
      return;
    }
    batch.forEach((item, i) => {
      const summary = summaries[i];
      if (summary) this.options.onOutcome({ item, summary });
      else this.options.onOutcome({ item, error: 'not stored: the writer returned no result for it' });
    });
  }
}
