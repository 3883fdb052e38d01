/**
 * Helpers for the ingest integration tests: a comparable snapshot of a graph, and running
 * the govgraph CLI in a child process.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { graphCounts, type GraphCounts } from '../../src/graph/stats.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a graph holds, in a form two graphs can be compared by. */
export interface GraphSnapshot {
  counts: GraphCounts;
  statements: string[];
  edges: string[];
  mentions: string[];
  /** Pairs of nodes joined twice by one relationship type (must be none). */
  duplicateRelationships: number;
}

/** Reads counts, every statement, typed edge and mention of the graph, sorted. */
export async function snapshot(driver: Driver, database: string): Promise<GraphSnapshot> {
  const rows = async (cypher: string): Promise<string[]> =>
    (await driver.executeQuery(cypher, {}, { database })).records.map((r) => String(r.get('row'))).sort();
  return {
    counts: await graphCounts(driver, database),
    statements: await rows(
      `MATCH (a:Article)-[:STATES]->(st:Statement)
       MATCH (s:Entity {id: st.subject}), (o:Entity {id: st.object})
       RETURN a.id + ' ' + s.id + ' ' + st.predicate + ' ' + o.id + ' ' + st.start + '-' + st.end AS row`,
    ),
    edges: await rows(`MATCH (s:Entity)-[r]->(o:Entity) RETURN s.id + ' ' + type(r) + ' ' + o.id + ' support=' + r.support AS row`),
    mentions: await rows(`MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.id + ' ' + e.id + ' ' + m.count AS row`),
    duplicateRelationships: Number(
      (await driver.executeQuery(
        'MATCH (x)-[r]->(y) WITH x, y, type(r) AS t, count(r) AS n WHERE n > 1 RETURN count(*) AS dups',
        {},
        { database },
      )).records[0]?.get('dups') ?? 0,
    ),
  };
}

/** The result of running the govgraph CLI. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/govgraph.js ARGS` with `env` added to the environment. */
export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'govgraph.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
