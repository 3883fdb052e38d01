import { defineConfig } from 'vitest/config';

// Two projects: unit tests run in parallel with no server; integration tests share one
// real Neo4j (started by test/globalSetup.ts) and run one file at a time.
export default defineConfig({
  // One copy of graphql: without this, test files get graphql's ESM build while
  // @apollo/server and @graphql-tools load the CommonJS one, and instanceof checks fail.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    // graphql-query-complexity imports graphql itself; inlined, it gets the same copy too.
    server: { deps: { inline: ['graphql-query-complexity'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
