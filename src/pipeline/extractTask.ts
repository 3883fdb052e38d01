/**
 * The body of an extraction worker thread: answers each `{id, article}` message with
 * `{id, extraction}` or `{id, error}`. Holds no state beyond the lexicon extraction loads.
 */
import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../extract/index.ts';
import type { ExtractReply, ExtractRequest } from './extractPool.ts';

const port = parentPort;
if (!port) throw new Error('extractTask.ts must run in a worker thread');
port.on('message', (req: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { id: req.id, extraction: extractArticle(req.article) };
  } catch (err) {
    reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
