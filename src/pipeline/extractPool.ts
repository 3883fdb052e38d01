/**
 * Extraction off the main thread: a pool of worker threads, each running `extractArticle`
 * (pure and CPU-bound) on the articles it is sent. A task goes to the least busy worker;
 * a worker that dies fails only its own tasks and is replaced. With size 0 extraction runs
 * inline on the calling thread (for tests and one-off runs).
 */
import { Worker } from 'node:worker_threads';
import type { Article, Extraction } from '../model.ts';
import { extractArticle } from '../extract/index.ts';

/** What a worker is sent: the parts of an article extraction reads. */
export interface ExtractRequest {
  id: number;
  article: Pick<Article, 'title' | 'body' | 'published'>;
}

/** What a worker answers. */
export type ExtractReply = { id: number; extraction: Extraction; error?: undefined } | { id: number; error: string; extraction?: undefined };

/** Runs extraction somewhere; `size` is how many threads do the work (0: inline). */
export interface Extractor {
  readonly size: number;
  extract(article: Article): Promise<Extraction>;
  close(): Promise<void>;
}

const WORKER_ENTRY = new URL('./extractWorker.js', import.meta.url);

interface Task {
  resolve(x: Extraction): void;
  reject(err: Error): void;
  slot: Slot;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/** An extractor on the calling thread. */
export function inlineExtractor(): Extractor {
  return {
    size: 0,
    extract: async (article) => extractArticle(article),
    close: async () => undefined,
  };
}

/** A pool of `size` extraction worker threads (size 0: inline). */
export function createExtractPool(size: number): Extractor {
  if (size <= 0) return inlineExtractor();
  const tasks = new Map<number, Task>();
  let nextId = 0;
  let closed = false;

  const fail = (slot: Slot, err: Error): void => {
    for (const [id, task] of tasks) {
      if (task.slot !== slot) continue;
      tasks.delete(id);
      task.reject(err);
    }
    const i = slots.indexOf(slot);
    if (i >= 0 && !closed) slots[i] = spawn(); // replace the dead worker
  };

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_ENTRY);
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (reply: ExtractReply) => {
      const task = tasks.get(reply.id);
      if (!task) return;
      tasks.delete(reply.id);
      slot.busy -= 1;
      if (reply.error !== undefined) task.reject(new Error(`extraction failed: ${reply.error}`));
      else task.resolve(reply.extraction);
    });
    worker.on('error', (err) => fail(slot, new Error(`extraction worker crashed: ${err.message}`)));
    worker.on('exit', (code) => {
      if (!closed) fail(slot, new Error(`extraction worker exited (code ${code})`));
    });
    return slot;
  };

  const slots: Slot[] = Array.from({ length: size }, spawn);

  return {
    size,
    extract(article) {
      if (closed) return Promise.reject(new Error('extraction pool is closed'));
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy += 1;
      return new Promise<Extraction>((resolve, reject) => {
        tasks.set(id, { resolve, reject, slot });
        const req: ExtractRequest = { id, article: { title: article.title, body: article.body, published: article.published } };
        slot.worker.postMessage(req);
      });
    },
    async close() {
      closed = true;
      for (const task of tasks.values()) task.reject(new Error('extraction pool closed'));
      tasks.clear();
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
