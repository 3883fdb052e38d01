/**
 * The API bench's HTTP client, run in a worker thread so that sending requests and
 * parsing answers does not share the server's event loop (a dashboard is another
 * process). `HttpLoadClient` is the main thread's handle; the worker side answers each
 * `HttpLoadRequest` with the samples of one run.
 */
import { Agent, request } from 'node:http';
import { parentPort, Worker } from 'node:worker_threads';
import { runLoad, type LoadLength, type LoadRun } from './apiLoad.ts';

export interface HttpLoadRequest {
  url: string;
  query: string;
  variables: Record<string, unknown>[];
  /** Request i uses variable set (offset + i). */
  offset: number;
  length: LoadLength;
  concurrency: number;
}

type HttpLoadReply = { run: LoadRun; error?: undefined } | { error: string; run?: undefined };

/** Runs HTTP load from a worker thread, one run at a time. */
export class HttpLoadClient {
  private readonly worker = new Worker(new URL('./apiHttpWorker.js', import.meta.url));

  run(load: HttpLoadRequest): Promise<LoadRun> {
    return new Promise((resolveRun, reject) => {
      const onError = (err: Error): void => reject(err);
      this.worker.once('error', onError);
      this.worker.once('message', (reply: HttpLoadReply) => {
        this.worker.off('error', onError);
        if (reply.run) resolveRun(reply.run);
        else reject(new Error(reply.error));
      });
      this.worker.postMessage(load);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** POSTs a JSON body and reads the whole response as text. */
function postJson(url: string, body: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolvePost, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolvePost({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

// A keep-alive client, as a dashboard's server-side client would hold one; runLoad bounds
// how many sockets it opens.
const agent = new Agent({ keepAlive: true });

function serve(load: HttpLoadRequest): Promise<LoadRun> {
  return runLoad(load.length, load.concurrency, async (i) => {
    const variables = load.variables[(load.offset + i) % load.variables.length] ?? {};
    const { status, body } = await postJson(load.url, JSON.stringify({ query: load.query, variables }), agent);
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (status !== 200 || parsed.errors) throw new Error(`bench HTTP query failed (${status}): ${JSON.stringify(parsed.errors)}`);
  });
}

const port = parentPort;
if (port) {
  port.on('message', (load: HttpLoadRequest) => {
    serve(load).then(
      (run) => port.postMessage({ run } satisfies HttpLoadReply),
      (err: unknown) => port.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies HttpLoadReply),
    );
  });
}
