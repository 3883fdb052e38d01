/**
 * Starts, finds and stops the local Neo4j JVM (neo4j-launcher's GovgraphNeo4j). The JVM runs
 * detached, so it outlives the command that started it; the pid file in the data dir says
 * which process it is, and /proc is used to tell a live server from a stale pid.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { type Env, type LocalServerPaths, type Logger, stderrLogger } from './config.ts';
import { withFileLock, pidAlive, sleep } from './lock.ts';
import { isInstalled, jdkCommand, requireJava } from './provision.ts';

/** The launcher's main class; also how a server process is recognised in /proc. */
export const LAUNCHER_CLASS = 'org.govgraph.neo4j.GovgraphNeo4j';
/** The line the launcher prints once the database accepts queries. */
export const READY_MARKER = 'GOVGRAPH_NEO4J_READY';

const DEFAULT_START_TIMEOUT_MS = 180_000;
const DEFAULT_STOP_TIMEOUT_MS = 60_000;

/** Options for startLocalServer. */
export interface StartOptions {
  paths: LocalServerPaths;
  /** How long to wait for the READY line (default 180 s). */
  timeoutMs?: number;
  log?: Logger;
  env?: Env;
}

/** A server that startLocalServer started or found running. */
export interface StartResult {
  uri: string;
  pid: number;
  /** True when a server for this data dir was already running (nothing was started). */
  alreadyRunning: boolean;
  /** Milliseconds from spawn to ready (0 when already running). */
  ms: number;
}

/** What stopLocalServer did. */
export interface StopResult {
  /** False when no server was running for the data dir. */
  wasRunning: boolean;
  pid?: number;
  /** True when SIGTERM did not end it in time and it was killed with SIGKILL. */
  killed: boolean;
}

/** What localServerStatus found. */
export interface ServerStatus {
  running: boolean;
  pid?: number;
  uri: string;
  dataDir: string;
  logFile: string;
  /** True when a pid file was found whose process is gone (it is left for start/stop to clean). */
  stalePidFile: boolean;
}

/** Contents of the pid file. */
interface PidInfo {
  pid: number;
  uri: string;
  port: number;
  dataDir: string;
  version: string;
  startedAt: string;
}

function uriOf(paths: LocalServerPaths, port = paths.port): string {
  return `bolt://${paths.host}:${port}`;
}

function readPidFile(paths: LocalServerPaths): PidInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(paths.pidFile, 'utf8')) as Partial<PidInfo>;
    if (typeof info.pid !== 'number' || typeof info.uri !== 'string') return undefined;
    return info as PidInfo;
  } catch {
    return undefined;
  }
}

/** The command line of a live process (undefined when gone, a zombie, or /proc is unavailable). */
function procArgs(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.length === 0 ? undefined : raw.split('\0');
  } catch {
    return undefined;
  }
}

/** If `args` is a GovgraphNeo4j command line for `dataDir`, its Bolt port. */
function launcherPort(args: string[], dataDir: string): number | undefined {
  const i = args.indexOf(LAUNCHER_CLASS);
  if (i < 0 || args[i + 1] !== dataDir) return undefined;
  return Number(args[i + 3]);
}

/** True if `pid` is a live GovgraphNeo4j process for this data dir. */
function isServerProcess(pid: number, paths: LocalServerPaths): boolean {
  if (!pidAlive(pid)) return false;
  if (!existsSync('/proc/self/cmdline')) return true; // no /proc (macOS): trust the pid file
  const args = procArgs(pid);
  return args !== undefined && launcherPort(args, paths.dataDir) !== undefined;
}

/** Scans /proc for a GovgraphNeo4j process on this data dir (for a lost or stale pid file). */
function findServerProcess(paths: LocalServerPaths): { pid: number; port: number } | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const args = procArgs(pid);
    const port = args && launcherPort(args, paths.dataDir);
    if (port !== undefined && Number.isInteger(port)) return { pid, port };
  }
  return undefined;
}

/** The running server for this data dir, from the pid file or, failing that, from /proc. */
function liveServer(paths: LocalServerPaths): { pid: number; uri: string } | undefined {
  const info = readPidFile(paths);
  if (info && isServerProcess(info.pid, paths)) return { pid: info.pid, uri: info.uri };
  const found = findServerProcess(paths);
  if (found) {
    const uri = uriOf(paths, found.port);
    writePidFile(paths, found.pid, found.port, uri); // repair the pid file
    return { pid: found.pid, uri };
  }
  return undefined;
}

function writePidFile(paths: LocalServerPaths, pid: number, port: number, uri: string): void {
  const info: PidInfo = { pid, uri, port, dataDir: paths.dataDir, version: paths.version, startedAt: new Date().toISOString() };
  writeFileSync(paths.pidFile, `${JSON.stringify(info)}\n`);
}

/** Resolves true if something accepts TCP connections on host:port within `timeoutMs`. */
export function portAcceptsConnections(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolvePort) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolvePort(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function logTail(logFile: string, lines = 25): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log output)';
  }
}

/** Waits until the server for `uri` accepts connections (used when another process is starting it). */
async function waitForPort(paths: LocalServerPaths, pid: number, uri: string, timeoutMs: number): Promise<void> {
  const port = Number(new URL(uri).port);
  const deadline = Date.now() + timeoutMs;
  while (!(await portAcceptsConnections(paths.host, port))) {
    if (!isServerProcess(pid, paths)) throw new Error(`the Neo4j server (pid ${pid}) exited while starting; see ${paths.logFile}:\n${logTail(paths.logFile)}`);
    if (Date.now() > deadline) throw new Error(`the Neo4j server (pid ${pid}) did not accept connections on ${uri} within ${timeoutMs / 1000} s; see ${paths.logFile}`);
    await sleep(250);
  }
}

/** The java command line for the launcher: memory, G1 unless the user picked a collector, their options, then the launcher and its arguments. */
export function javaArgs(paths: LocalServerPaths): string[] {
  return [
    `-Xms${paths.heap}`,
    `-Xmx${paths.heap}`,
    // G1 unless GOVGRAPH_NEO4J_JVM_OPTS picks a collector (the JVM refuses two).
    ...(paths.jvmOptions.some((o) => /^-XX:\+Use\w+GC$/.test(o)) ? [] : ['-XX:+UseG1GC']),
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    // What Neo4j's own launch scripts pass, so the page cache and native I/O work at full speed.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.nio.maxCachedBufferSize=1024',
    ...paths.jvmOptions,
    '-cp',
    `${paths.classesDir}:${join(paths.libDir, '*')}`,
    LAUNCHER_CLASS,
    paths.dataDir,
    paths.host,
    String(paths.port),
    paths.pageCache,
  ];
}

/** Starts the local server for paths.dataDir (detached) unless one is running; resolves once Bolt is up. */
export async function startLocalServer(opts: StartOptions): Promise<StartResult> {
  const { paths } = opts;
  const log = opts.log ?? stderrLogger;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  mkdirSync(paths.dataDir, { recursive: true });

  const running = liveServer(paths);
  if (running) {
    await waitForPort(paths, running.pid, running.uri, timeoutMs);
    return { uri: running.uri, pid: running.pid, alreadyRunning: true, ms: 0 };
  }

  return withFileLock(paths.startLock, timeoutMs + 30_000, async () => {
    const raced = liveServer(paths); // another process may have started it while we waited for the lock
    if (raced) {
      await waitForPort(paths, raced.pid, raced.uri, timeoutMs);
      return { uri: raced.uri, pid: raced.pid, alreadyRunning: true, ms: 0 };
    }
    rmSync(paths.pidFile, { force: true }); // stale
    if (!isInstalled(paths)) throw new Error(`Neo4j ${paths.version} is not installed in ${paths.installDir}; call ensureInstalled first`);
    const uri = uriOf(paths);
    if (await portAcceptsConnections(paths.host, paths.port)) {
      throw new Error(
        `port ${paths.port} on ${paths.host} is already in use by another process (not govgraph's server for ${paths.dataDir}); ` +
          'stop it, or choose another port with GOVGRAPH_NEO4J_PORT (or point NEO4J_URI at that server)',
      );
    }
    requireJava(opts.env);

    if (existsSync(paths.logFile)) renameSync(paths.logFile, `${paths.logFile}.1`); // keep the previous run's log
    const fd = openSync(paths.logFile, 'a');
    const started = Date.now();
    const child = spawn(jdkCommand('java', opts.env), javaArgs(paths), {
      cwd: paths.dataDir,
      detached: true, // own session: survives the CLI that started it, and Ctrl-C in that terminal
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    let spawnError: Error | undefined;
    child.once('error', (err) => {
      spawnError = err;
    });
    child.unref();
    const pid = child.pid;
    if (pid === undefined) {
      await sleep(0); // let the 'error' event arrive
      throw new Error(`could not start java: ${spawnError?.message ?? 'unknown error'}`);
    }
    writePidFile(paths, pid, paths.port, uri);
    log(`govgraph: starting Neo4j ${paths.version} (pid ${pid}, data ${paths.dataDir}, log ${paths.logFile})...`);

    const deadline = started + timeoutMs;
    for (;;) {
      await sleep(200);
      if (spawnError) throw new Error(`could not start java: ${spawnError.message}`);
      let out = '';
      try {
        out = readFileSync(paths.logFile, 'utf8');
      } catch {
        /* not created yet */
      }
      if (out.includes(READY_MARKER) && (await portAcceptsConnections(paths.host, paths.port))) break;
      if (child.exitCode !== null || child.signalCode !== null || !pidAlive(pid)) {
        rmSync(paths.pidFile, { force: true });
        throw new Error(`Neo4j exited during startup (${child.signalCode ?? `exit ${child.exitCode ?? '?'}`}); see ${paths.logFile} and ${join(paths.dataDir, 'logs', 'debug.log')}:\n${logTail(paths.logFile)}`);
      }
      if (Date.now() > deadline) {
        await stopLocalServer(paths);
        throw new Error(`Neo4j did not become ready within ${timeoutMs / 1000} s (stopped it again); see ${paths.logFile} and ${join(paths.dataDir, 'logs', 'debug.log')}`);
      }
    }
    const ms = Date.now() - started;
    log(`govgraph: Neo4j ready at ${uri} after ${(ms / 1000).toFixed(1)} s`);
    return { uri, pid, alreadyRunning: false, ms };
  });
}

/** Stops the local server for paths.dataDir: SIGTERM, SIGKILL after `timeoutMs`; removes the pid file. */
export async function stopLocalServer(paths: LocalServerPaths, timeoutMs = DEFAULT_STOP_TIMEOUT_MS): Promise<StopResult> {
  const running = liveServer(paths);
  if (!running) {
    rmSync(paths.pidFile, { force: true }); // stale or absent
    return { wasRunning: false, killed: false };
  }
  const { pid } = running;
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  let killed = false;
  const deadline = Date.now() + timeoutMs;
  while (isServerProcess(pid, paths)) {
    if (!killed && Date.now() > deadline) {
      signal('SIGKILL');
      killed = true;
    }
    if (Date.now() > deadline + 15_000) throw new Error(`Neo4j (pid ${pid}) is still alive after SIGKILL`);
    await sleep(100);
  }
  rmSync(paths.pidFile, { force: true });
  return { wasRunning: true, pid, killed };
}

/** Whether the local server for paths.dataDir is running, with its pid and URI. */
export function localServerStatus(paths: LocalServerPaths): ServerStatus {
  const pidFileBefore = readPidFile(paths);
  const running = liveServer(paths);
  return {
    running: running !== undefined,
    pid: running?.pid,
    uri: running?.uri ?? uriOf(paths),
    dataDir: paths.dataDir,
    logFile: paths.logFile,
    stalePidFile: running === undefined && pidFileBefore !== undefined,
  };
}
