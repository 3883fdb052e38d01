/**
 * Where govgraph's Neo4j is: an external server named by NEO4J_URI, or the local embedded
 * server this folder provisions. Pure functions of the environment (plus reading the pinned
 * Neo4j version from neo4j-launcher/pom.xml); nothing here starts or installs anything.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How to reach a Neo4j server with the driver. */
export interface ConnectionConfig {
  /** Bolt URI, e.g. `bolt://127.0.0.1:7687` or `neo4j+s://...`. */
  uri: string;
  user: string;
  /** Empty for the local server, which has auth disabled and accepts any credentials. */
  password: string;
  database: string;
  /** True when NEO4J_URI names a server govgraph must not provision, start or stop. */
  external: boolean;
}

/** Files and settings of the local server: install in the cache dir, store and logs in the data dir. */
export interface LocalServerPaths {
  /** Neo4j version pinned in neo4j-launcher/pom.xml, e.g. `5.26.30`. */
  version: string;
  /** The launcher's Maven project (in the repository). */
  launcherPom: string;
  /** The launcher's single Java source file (in the repository). */
  launcherSource: string;
  /** GOVGRAPH_CACHE_DIR, default `$XDG_CACHE_HOME/govgraph` or `~/.cache/govgraph`. */
  cacheDir: string;
  /** `<cacheDir>/neo4j-<version>`: jars in `lib/`, compiled launcher in `classes/`. */
  installDir: string;
  libDir: string;
  classesDir: string;
  /** Written last by a complete install; holds a hash of the pom and launcher source. */
  installMarker: string;
  /** Held while installing so two processes don't install at once. */
  installLock: string;
  /** GOVGRAPH_DATA_DIR, default `$XDG_DATA_HOME/govgraph/neo4j` or `~/.local/share/govgraph/neo4j`. */
  dataDir: string;
  /** JSON `{pid, uri, ...}` of the running server. */
  pidFile: string;
  /** The server JVM's stdout and stderr (Neo4j's own debug log is `<dataDir>/logs/debug.log`). */
  logFile: string;
  /** Held while starting so two processes don't start two JVMs on one data dir. */
  startLock: string;
  /** Loopback address the server binds; always 127.0.0.1. */
  host: string;
  /** GOVGRAPH_NEO4J_PORT, default 7687. */
  port: number;
  /** GOVGRAPH_NEO4J_HEAP (java -Xmx/-Xms), default `1g`. */
  heap: string;
  /** GOVGRAPH_NEO4J_PAGECACHE, default `512m`. */
  pageCache: string;
  /** GOVGRAPH_NEO4J_JVM_OPTS: extra JVM options, split on whitespace, after govgraph's own. */
  jvmOptions: string[];
}

/** Environment variables as process.env has them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Where progress lines go (stderr by default, so stdout stays clean for command output). */
export type Logger = (line: string) => void;

/** The default logger: one line to stderr. */
export const stderrLogger: Logger = (line) => {
  process.stderr.write(`${line}\n`);
};

const LOCAL_HOST = '127.0.0.1';
const DEFAULT_PORT = 7687;

/** The repository root (this file is src/neo4j/config.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const LAUNCHER_POM = join(REPO_ROOT, 'neo4j-launcher', 'pom.xml');
const LAUNCHER_SOURCE = join(REPO_ROOT, 'neo4j-launcher', 'src', 'main', 'java', 'org', 'govgraph', 'neo4j', 'GovgraphNeo4j.java');

let cachedVersion: string | undefined;

/** The Neo4j version pinned (only) in neo4j-launcher/pom.xml as `<neo4j.version>`. */
export function neo4jVersion(): string {
  if (cachedVersion === undefined) {
    const pom = readFileSync(LAUNCHER_POM, 'utf8');
    const match = /<neo4j\.version>\s*([^<\s]+)\s*<\/neo4j\.version>/.exec(pom);
    if (!match?.[1]) throw new Error(`no <neo4j.version> property in ${LAUNCHER_POM}`);
    cachedVersion = match[1];
  }
  return cachedVersion;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Parses a TCP port from an env var, throwing a readable error on junk. */
function parsePort(value: string | undefined, name: string, fallback: number): number {
  const raw = nonEmpty(value);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port number (1-65535), got ${JSON.stringify(value)}`);
  }
  return port;
}

/** Checks a JVM memory size such as `512m` or `1g`. */
function parseSize(value: string | undefined, name: string, fallback: string): string {
  const raw = nonEmpty(value);
  if (raw === undefined) return fallback;
  if (!/^\d+[kmg]?$/i.test(raw)) throw new Error(`${name} must be a memory size like 512m or 1g, got ${JSON.stringify(value)}`);
  return raw.toLowerCase();
}

/** Expands a leading `~` and makes the path absolute. */
function expandPath(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return isAbsolute(path) ? path : resolve(path);
}

/** The connection govgraph should use: external when NEO4J_URI is set, else the local server. */
export function resolveConnection(env: Env = process.env): ConnectionConfig {
  const uri = nonEmpty(env.NEO4J_URI);
  if (uri !== undefined) {
    return {
      uri,
      user: nonEmpty(env.NEO4J_USER) ?? nonEmpty(env.NEO4J_USERNAME) ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: nonEmpty(env.NEO4J_DATABASE) ?? 'neo4j',
      external: true,
    };
  }
  const port = parsePort(env.GOVGRAPH_NEO4J_PORT, 'GOVGRAPH_NEO4J_PORT', DEFAULT_PORT);
  return { uri: `bolt://${LOCAL_HOST}:${port}`, user: 'neo4j', password: '', database: 'neo4j', external: false };
}

/** Install, data and log locations of the local server, from GOVGRAPH_* variables or their defaults. */
export function localServerPaths(env: Env = process.env): LocalServerPaths {
  const home = nonEmpty(env.HOME) ?? homedir();
  const version = neo4jVersion();
  const cacheBase = nonEmpty(env.XDG_CACHE_HOME) ?? join(home, '.cache');
  const dataBase = nonEmpty(env.XDG_DATA_HOME) ?? join(home, '.local', 'share');
  const cacheDir = expandPath(nonEmpty(env.GOVGRAPH_CACHE_DIR) ?? join(cacheBase, 'govgraph'), home);
  const dataDir = expandPath(nonEmpty(env.GOVGRAPH_DATA_DIR) ?? join(dataBase, 'govgraph', 'neo4j'), home);
  const installDir = join(cacheDir, `neo4j-${version}`);
  return {
    version,
    launcherPom: LAUNCHER_POM,
    launcherSource: LAUNCHER_SOURCE,
    cacheDir,
    installDir,
    libDir: join(installDir, 'lib'),
    classesDir: join(installDir, 'classes'),
    installMarker: join(installDir, '.installed'),
    installLock: join(cacheDir, `neo4j-${version}.lock`),
    dataDir,
    pidFile: join(dataDir, 'govgraph-neo4j.pid'),
    logFile: join(dataDir, 'govgraph-neo4j.log'),
    startLock: join(dataDir, 'govgraph-neo4j.start.lock'),
    host: LOCAL_HOST,
    port: parsePort(env.GOVGRAPH_NEO4J_PORT, 'GOVGRAPH_NEO4J_PORT', DEFAULT_PORT),
    heap: parseSize(env.GOVGRAPH_NEO4J_HEAP, 'GOVGRAPH_NEO4J_HEAP', '1g'),
    pageCache: parseSize(env.GOVGRAPH_NEO4J_PAGECACHE, 'GOVGRAPH_NEO4J_PAGECACHE', '512m'),
    jvmOptions: (env.GOVGRAPH_NEO4J_JVM_OPTS ?? '').split(/\s+/).filter((o) => o !== ''),
  };
}
