/**
 * Installs the local Neo4j into the user's cache directory: the runtime jars of
 * org.neo4j:neo4j (copied by Maven from Maven Central, via ~/.m2) and the compiled launcher
 * class. Nothing is written into the repository.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Env, type LocalServerPaths, type Logger, stderrLogger } from './config.ts';
import { withFileLock } from './lock.ts';

/** Oldest Java that Neo4j 5.26 runs on. */
const MIN_JAVA = 17;
/** How long to wait for another process that is installing the same version. */
const INSTALL_LOCK_TIMEOUT_MS = 30 * 60_000;

/** The outcome of ensureInstalled. */
export interface InstallResult {
  /** False when the cache already held a complete install. */
  installed: boolean;
  /** Milliseconds spent (0 when nothing was done). */
  ms: number;
}

/** The java (or javac) executable: $JAVA_HOME/bin/NAME when JAVA_HOME is set, else NAME on PATH. */
export function jdkCommand(name: 'java' | 'javac', env: Env = process.env): string {
  const javaHome = env.JAVA_HOME;
  if (javaHome) {
    const candidate = join(javaHome, 'bin', name);
    if (existsSync(candidate)) return candidate;
  }
  return name;
}

const INSTALL_HINTS: Record<string, string> = {
  java: `a Java ${MIN_JAVA}+ runtime (e.g. \`apt-get install openjdk-17-jdk-headless\`, or set JAVA_HOME)`,
  javac: `a Java ${MIN_JAVA}+ JDK, not just a JRE (e.g. \`apt-get install openjdk-17-jdk-headless\`, or set JAVA_HOME)`,
  mvn: 'Apache Maven 3.6+ (e.g. `apt-get install maven`)',
};

/** Runs `command args` synchronously for its output, throwing a clear error if the command is missing. */
function probe(command: string, args: string[], hintKey: 'java' | 'javac' | 'mvn'): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'was not found' : `could not be run (${code ?? result.error.message})`;
    throw new Error(`\`${command}\` ${why}. govgraph's local Neo4j needs ${INSTALL_HINTS[hintKey]}; or set NEO4J_URI to use an existing Neo4j server.`);
  }
  return `${result.stdout}${result.stderr}`;
}

/** Checks that java exists and is version 17 or newer; returns its major version. */
export function requireJava(env: Env = process.env): number {
  const java = jdkCommand('java', env);
  const out = probe(java, ['-version'], 'java');
  const match = /version "(\d+)(?:\.(\d+))?/.exec(out);
  const first = Number(match?.[1] ?? NaN);
  const major = first === 1 ? Number(match?.[2] ?? NaN) : first; // "1.8.0" style
  if (!Number.isFinite(major)) throw new Error(`could not read the Java version from \`${java} -version\`:\n${out}`);
  if (major < MIN_JAVA) {
    throw new Error(`\`${java}\` is Java ${major}; Neo4j 5.26 needs ${INSTALL_HINTS.java ?? 'Java 17+'}`);
  }
  return major;
}

/** Hash of everything an install is built from: a change to the pom or launcher means reinstall. */
function installFingerprint(paths: LocalServerPaths): string {
  const hash = createHash('sha256');
  hash.update(paths.version);
  hash.update(readFileSync(paths.launcherPom));
  hash.update(readFileSync(paths.launcherSource));
  return hash.digest('hex');
}

/** The compiled launcher class inside the install. */
export function launcherClassFile(paths: LocalServerPaths): string {
  return join(paths.classesDir, 'org', 'govgraph', 'neo4j', 'GovgraphNeo4j.class');
}

/** True if the cache holds a complete install built from the current pom and launcher source. */
export function isInstalled(paths: LocalServerPaths): boolean {
  try {
    return (
      readFileSync(paths.installMarker, 'utf8').trim() === installFingerprint(paths) &&
      existsSync(launcherClassFile(paths)) &&
      readdirSync(paths.libDir).some((f) => f.startsWith('neo4j-kernel-'))
    );
  } catch {
    return false;
  }
}

/** Runs a command with output appended to `logFile`; rejects with the log's tail on failure. */
function runLogged(command: string, args: string[], logFile: string, hintKey: 'javac' | 'mvn'): Promise<void> {
  return new Promise((resolveRun, rejectRun) => {
    const fd = openSync(logFile, 'a');
    const child = spawn(command, args, { stdio: ['ignore', fd, fd] });
    closeSync(fd);
    child.on('error', (err: NodeJS.ErrnoException) => {
      rejectRun(
        err.code === 'ENOENT'
          ? new Error(`\`${command}\` was not found. govgraph's local Neo4j needs ${INSTALL_HINTS[hintKey]}.`)
          : err,
      );
    });
    child.on('exit', (code, signal) => {
      if (code === 0) return resolveRun();
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      rejectRun(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`}); full output in ${logFile}:\n${tail}`));
    });
  });
}

/** Makes sure the cache holds the Neo4j jars and compiled launcher; idempotent, redoes an interrupted install. */
export async function ensureInstalled(paths: LocalServerPaths, log: Logger = stderrLogger, env: Env = process.env): Promise<InstallResult> {
  if (isInstalled(paths)) return { installed: false, ms: 0 };
  return withFileLock(paths.installLock, INSTALL_LOCK_TIMEOUT_MS, async () => {
    if (isInstalled(paths)) return { installed: false, ms: 0 }; // another process just finished it
    const started = Date.now();
    requireJava(env);
    const javac = jdkCommand('javac', env);
    probe(javac, ['-version'], 'javac');
    probe('mvn', ['-v'], 'mvn');

    // Start from a clean install dir; the marker is written last, so a crash below means "redo".
    rmSync(paths.installDir, { recursive: true, force: true });
    mkdirSync(paths.libDir, { recursive: true });
    mkdirSync(paths.classesDir, { recursive: true });
    const installLog = join(paths.installDir, 'install.log');

    log(`govgraph: installing Neo4j ${paths.version} into ${paths.installDir}`);
    log('govgraph: fetching jars with Maven (first run downloads ~160 MB from Maven Central into ~/.m2; can take a few minutes)...');
    await runLogged(
      'mvn',
      ['-B', '-ntp', '-f', paths.launcherPom, 'dependency:copy-dependencies', `-DoutputDirectory=${paths.libDir}`, '-DincludeScope=runtime'],
      installLog,
      'mvn',
    );
    log('govgraph: compiling the launcher...');
    await runLogged(javac, ['-nowarn', '-d', paths.classesDir, '-cp', join(paths.libDir, '*'), paths.launcherSource], installLog, 'javac');

    writeFileSync(paths.installMarker, `${installFingerprint(paths)}\n`);
    const ms = Date.now() - started;
    log(`govgraph: Neo4j ${paths.version} installed in ${(ms / 1000).toFixed(1)} s`);
    return { installed: true, ms };
  });
}
