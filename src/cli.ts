/**
 * The `govgraph` command line: parses arguments and hands each command to its module in
 * src/commands (or src/neo4j, src/eval). Exit codes: 0 ok, 1 error or failed items, 2 usage.
 */
import { Command, InvalidArgumentError } from 'commander';
import { delimiter, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseByteSize, type IngestOptions } from './commands/ingest.ts';
import { DEFAULT_BATCH_SIZE } from './pipeline/run.ts';
import type { EvalConllOptions, EvalOptions } from './eval/commands.ts';

// Command modules load on use, so `govgraph extract` does not pay for Apollo or the driver.
const extractCommand = () => import('./commands/extract.ts');
const graphCommand = () => import('./commands/graph.ts');
const ingestCommand = () => import('./commands/ingest.ts');
const serveCommand = () => import('./commands/serve.ts');
const dbCommand = () => import('./neo4j/db.ts');
const evalCommand = () => import('./eval/commands.ts');

const SAMPLES = fileURLToPath(new URL('../ingest/samples/', import.meta.url));

function number(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a number from ${min} to ${max}`);
    return n;
  };
}

function useGazetteers(files: string[] | undefined): void {
  if (!files || files.length === 0) return;
  const existing = (process.env['GOVGRAPH_GAZETTEER'] ?? '').split(delimiter).filter(Boolean);
  process.env['GOVGRAPH_GAZETTEER'] = [...existing, ...files.map((f) => resolve(f))].join(delimiter);
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('govgraph')
    .description('A knowledge graph of internet-governance actors: extract from articles, store in Neo4j, query with GraphQL.')
    .option('--gazetteer <file>', 'extra gazetteer JSON (same shape as src/extract/data/known-entities.json); repeatable', collect)
    .showHelpAfterError()
    .hook('preAction', (cmd) => useGazetteers(cmd.opts<{ gazetteer?: string[] }>().gazetteer));

  program
    .command('start')
    .description('set up everything and run: local Neo4j (unless NEO4J_URI is set), schema, bundled samples, GraphQL API')
    .option('-p, --port <port>', 'API port', number('--port', 0, 65535), 4000)
    .option('--host <host>', 'API interface to listen on', '127.0.0.1')
    .option('--no-samples', 'do not ingest the bundled sample articles')
    .action(async (opts: { port: number; host: string; samples: boolean }) => {
      const [{ openGraph }, { ingestPaths, printIngestSummary }, { serveUntilStopped }] = await Promise.all([graphCommand(), ingestCommand(), serveCommand()]);
      const graph = await openGraph();
      try {
        if (opts.samples) {
          const summary = await ingestPaths(graph.driver, graph.database, [SAMPLES], { quiet: true });
          printIngestSummary(summary, false);
          if (summary.failed.length > 0) setExit(1);
        }
        await serveUntilStopped(graph, { port: opts.port, host: opts.host });
      } finally {
        await graph.close();
      }
    });

  program
    .command('extract')
    .description("extract entities and relations from one article file; prints the ontology's JSON with --json")
    .argument('<file>', 'article file: "# Title", header lines, blank line, body; or plain text')
    .option('--json', 'print the extraction output format of docs/ontology.md')
    .action(async (file: string, opts: { json?: boolean }) => setExit((await extractCommand()).runExtract(file, opts)));

  program
    .command('ingest')
    .description('read articles from files, folders and URLs, extract them in worker threads and store them in Neo4j (re-ingesting changes nothing)')
    .argument('<inputs...>', 'files, folders (recursive) or http(s) URLs: .txt/.md text, .jsonl, .html, .rss/.atom/.xml feeds, pages and feeds online')
    .option('--include <glob>', 'inside folders, take only files matching this glob (repeatable; default: every readable format)', collect)
    .option('--exclude <glob>', 'inside folders, skip files and folders matching this glob (repeatable)', collect)
    .option('--workers <n>', 'extraction worker threads (0: main thread; default: one per core, none for small inputs)', number('--workers', 0, 256))
    .option('--batch-size <n>', 'articles per write transaction', number('--batch-size', 1, 1000), DEFAULT_BATCH_SIZE)
    .option('--max-bytes <size>', 'largest file, JSONL line or HTTP response, e.g. 5m, 512k', parseByteSize, 5 * 1024 * 1024)
    .option('--timeout <seconds>', 'time allowed for one HTTP request', number('--timeout', 1, 3600), 30)
    .option('--retries <n>', 'retries of a batch after a transient Neo4j error, with exponential backoff', number('--retries', 0, 20), 4)
    .option('-q, --quiet', 'no progress output')
    .option('--json', 'print the summary as one JSON object (implies no progress)')
    .action(async (inputs: string[], opts: IngestOptions) => {
      const [{ openGraph }, { ingestPaths, printIngestSummary }] = await Promise.all([graphCommand(), ingestCommand()]);
      const graph = await openGraph(opts.quiet || opts.json ? () => undefined : undefined);
      try {
        const summary = await ingestPaths(graph.driver, graph.database, inputs, opts);
        printIngestSummary(summary, opts.json === true);
        if (summary.failed.length > 0 || summary.stopped) setExit(1);
      } finally {
        await graph.close();
      }
    });

  program
    .command('serve')
    .description('serve the GraphQL API over the graph (no ingest)')
    .option('-p, --port <port>', 'API port', number('--port', 0, 65535), 4000)
    .option('--host <host>', 'interface to listen on (0.0.0.0 for all)', '127.0.0.1')
    .action(async (opts: { port: number; host: string }) => {
      const [{ openGraph }, { serveUntilStopped }] = await Promise.all([graphCommand(), serveCommand()]);
      const graph = await openGraph();
      try {
        await serveUntilStopped(graph, opts);
      } finally {
        await graph.close();
      }
    });

  const db = program.command('db').description('manage the local Neo4j server (ignored when NEO4J_URI is set)');
  db.command('start').description('provision (first time) and start the local Neo4j').action(async () => setExit(await (await dbCommand()).dbStart()));
  db.command('stop').description('stop the local Neo4j').action(async () => setExit(await (await dbCommand()).dbStop()));
  db.command('status').description('is the local Neo4j running? (exit 3 when not)').action(async () => setExit(await (await dbCommand()).dbStatus()));

  program
    .command('eval')
    .description('score extraction against the .gold.json files in DIR (ontology scoring rules)')
    .argument('<dir>', 'folder of .txt articles with .gold.json beside them')
    .option('--detail', 'per-article lines with misses and false positives')
    .option('--baseline', "also score compromise's bare people()/organizations()/places()")
    .option('--json', 'print the report as JSON')
    .option('--min-entity-f1 <f1>', 'exit 1 when typed entity F1 is lower', number('--min-entity-f1', 0, 1))
    .option('--min-relation-f1 <f1>', 'exit 1 when relation F1 is lower', number('--min-relation-f1', 0, 1))
    .action(async (dir: string, opts: EvalOptions) => setExit(await (await evalCommand()).runEval(dir, opts)));

  program
    .command('eval-conll')
    .description('span-level NER scores on a CoNLL-2003 file (PER/ORG/LOC headline, MISC reported)')
    .argument('<file>', 'CoNLL-2003 file, e.g. dev.txt')
    .option('--baseline', "also score compromise's bare NER")
    .option('--json', 'print the report as JSON')
    .option('--limit-docs <n>', 'only the first N documents', number('--limit-docs', 1, 1e9))
    .option('--min-f1 <f1>', 'exit 1 when PER/ORG/LOC F1 is lower', number('--min-f1', 0, 1))
    .action(async (file: string, opts: EvalConllOptions) => setExit(await (await evalCommand()).runEvalConll(file, opts)));

  return program;
}

/** Runs the command line; sets process.exitCode. */
export async function main(argv: readonly string[]): Promise<void> {
  let code = 0;
  const program = buildProgram((c) => {
    code = Math.max(code, c);
  });
  program.exitOverride();
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (e.code?.startsWith('commander.')) {
      code = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : (e.exitCode ?? 2);
    } else {
      console.error(`govgraph: ${e.message ?? String(err)}`);
      code = 1;
    }
  }
  process.exitCode = code;
}
