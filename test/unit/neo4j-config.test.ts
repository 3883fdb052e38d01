import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, localServerPaths, neo4jVersion, resolveConnection } from '../../src/neo4j/config.ts';
import { LAUNCHER_CLASS, javaArgs } from '../../src/neo4j/server.ts';

const HOME = '/home/tester';

describe('resolveConnection', () => {
  it('defaults to the local server on 127.0.0.1:7687, database neo4j', () => {
    expect(resolveConnection({ HOME })).toEqual({
      uri: 'bolt://127.0.0.1:7687',
      user: 'neo4j',
      password: '',
      database: 'neo4j',
      external: false,
    });
  });

  it('uses GOVGRAPH_NEO4J_PORT for the local server', () => {
    expect(resolveConnection({ GOVGRAPH_NEO4J_PORT: '7690' }).uri).toBe('bolt://127.0.0.1:7690');
    expect(resolveConnection({ GOVGRAPH_NEO4J_PORT: '' }).uri).toBe('bolt://127.0.0.1:7687');
  });

  it('rejects a port that is not a port', () => {
    expect(() => resolveConnection({ GOVGRAPH_NEO4J_PORT: 'abc' })).toThrow(/GOVGRAPH_NEO4J_PORT/);
    expect(() => resolveConnection({ GOVGRAPH_NEO4J_PORT: '70000' })).toThrow(/1-65535/);
  });

  it('treats NEO4J_URI as an external server with defaults for user and database', () => {
    expect(resolveConnection({ NEO4J_URI: 'neo4j+s://db.example.org', NEO4J_PASSWORD: 's3cret', GOVGRAPH_NEO4J_PORT: '7690' })).toEqual({
      uri: 'neo4j+s://db.example.org',
      user: 'neo4j',
      password: 's3cret',
      database: 'neo4j',
      external: true,
    });
  });

  it('takes NEO4J_USER and NEO4J_DATABASE for an external server', () => {
    const conn = resolveConnection({ NEO4J_URI: 'bolt://10.0.0.5:7687', NEO4J_USER: 'gov', NEO4J_DATABASE: 'graph' });
    expect(conn).toMatchObject({ user: 'gov', database: 'graph', password: '', external: true });
  });

  it('ignores a blank NEO4J_URI', () => {
    expect(resolveConnection({ NEO4J_URI: '  ' }).external).toBe(false);
  });
});

describe('localServerPaths', () => {
  it('reads the Neo4j version pinned in neo4j-launcher/pom.xml (a 5.26 LTS patch)', () => {
    const pom = readFileSync(join(REPO_ROOT, 'neo4j-launcher', 'pom.xml'), 'utf8');
    expect(neo4jVersion()).toMatch(/^5\.26\.\d+$/);
    expect(pom).toContain(`<neo4j.version>${neo4jVersion()}</neo4j.version>`);
  });

  it('defaults to ~/.cache/govgraph for the install and ~/.local/share/govgraph/neo4j for data', () => {
    const p = localServerPaths({ HOME });
    const v = neo4jVersion();
    expect(p.cacheDir).toBe('/home/tester/.cache/govgraph');
    expect(p.installDir).toBe(`/home/tester/.cache/govgraph/neo4j-${v}`);
    expect(p.libDir).toBe(`/home/tester/.cache/govgraph/neo4j-${v}/lib`);
    expect(p.classesDir).toBe(`/home/tester/.cache/govgraph/neo4j-${v}/classes`);
    expect(p.installMarker.startsWith(p.installDir)).toBe(true);
    expect(p.dataDir).toBe('/home/tester/.local/share/govgraph/neo4j');
    expect(p.pidFile).toBe('/home/tester/.local/share/govgraph/neo4j/govgraph-neo4j.pid');
    expect(p.logFile).toBe('/home/tester/.local/share/govgraph/neo4j/govgraph-neo4j.log');
    expect(p).toMatchObject({ host: '127.0.0.1', port: 7687, heap: '1g', pageCache: '512m', jvmOptions: [], version: v });
  });

  it('keeps the launcher sources in the repository and the install outside it', () => {
    const p = localServerPaths({ HOME });
    expect(p.launcherPom).toBe(join(REPO_ROOT, 'neo4j-launcher', 'pom.xml'));
    expect(p.launcherSource.startsWith(join(REPO_ROOT, 'neo4j-launcher', 'src'))).toBe(true);
    expect(p.launcherSource.endsWith('GovgraphNeo4j.java')).toBe(true);
    expect(p.installDir.startsWith(REPO_ROOT)).toBe(false);
  });

  it('honours GOVGRAPH_CACHE_DIR, GOVGRAPH_DATA_DIR (with ~), port and memory settings', () => {
    const p = localServerPaths({
      HOME,
      GOVGRAPH_CACHE_DIR: '/var/cache/gg',
      GOVGRAPH_DATA_DIR: '~/graphs/gov',
      GOVGRAPH_NEO4J_PORT: '7701',
      GOVGRAPH_NEO4J_HEAP: '2G',
      GOVGRAPH_NEO4J_PAGECACHE: '256m',
      GOVGRAPH_NEO4J_JVM_OPTS: ' -XX:+UseParallelGC  -XX:TieredStopAtLevel=1 ',
    });
    expect(p.installDir).toBe(`/var/cache/gg/neo4j-${neo4jVersion()}`);
    expect(p.dataDir).toBe('/home/tester/graphs/gov');
    expect(p.pidFile).toBe('/home/tester/graphs/gov/govgraph-neo4j.pid');
    expect(p).toMatchObject({ port: 7701, heap: '2g', pageCache: '256m', jvmOptions: ['-XX:+UseParallelGC', '-XX:TieredStopAtLevel=1'] });
  });

  it('follows XDG_CACHE_HOME and XDG_DATA_HOME when the GOVGRAPH_ variables are unset', () => {
    const p = localServerPaths({ HOME, XDG_CACHE_HOME: '/xdg/cache', XDG_DATA_HOME: '/xdg/data' });
    expect(p.cacheDir).toBe('/xdg/cache/govgraph');
    expect(p.dataDir).toBe('/xdg/data/govgraph/neo4j');
  });

  it('rejects memory sizes that are not JVM sizes', () => {
    expect(() => localServerPaths({ HOME, GOVGRAPH_NEO4J_HEAP: '1g -Dx=y' })).toThrow(/GOVGRAPH_NEO4J_HEAP/);
    expect(() => localServerPaths({ HOME, GOVGRAPH_NEO4J_PAGECACHE: 'lots' })).toThrow(/GOVGRAPH_NEO4J_PAGECACHE/);
  });
});

describe('javaArgs', () => {
  const paths = (jvm?: string) => localServerPaths({ HOME, ...(jvm === undefined ? {} : { GOVGRAPH_NEO4J_JVM_OPTS: jvm }) });

  it('runs G1 with the heap given, then the launcher with data dir, host, port and page cache', () => {
    const args = javaArgs(paths());
    expect(args).toContain('-XX:+UseG1GC');
    expect(args.slice(0, 2)).toEqual(['-Xms1g', '-Xmx1g']);
    expect(args.slice(-5)).toEqual([LAUNCHER_CLASS, paths().dataDir, '127.0.0.1', '7687', '512m']);
  });

  it('leaves the collector to GOVGRAPH_NEO4J_JVM_OPTS when it names one (the JVM refuses two)', () => {
    const args = javaArgs(paths('-XX:+UseParallelGC -XX:TieredStopAtLevel=1'));
    expect(args.filter((a) => /^-XX:\+Use\w+GC$/.test(a))).toEqual(['-XX:+UseParallelGC']);
    expect(args).toContain('-XX:TieredStopAtLevel=1');
  });
});
