// Test projects: pure unit tests, and integration tests run once on PGlite and once on the Postgres server.
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // The marker package throws outside React server bundles; tests call the queries directly.
  "server-only": path.resolve(import.meta.dirname, "db/testing/server-only-stub.ts"),
};

const integration = (engine: "pglite" | "postgres") => ({
  resolve: { alias },
  test: {
    name: `integration-${engine}`,
    include: ["db/**/*.int.test.ts", "app/**/*.int.test.ts", "server/**/*.int.test.ts"],
    env: { TEST_DB: engine },
    globalSetup: ["db/testing/global-setup.ts"],
    setupFiles: ["db/testing/setup-file.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks" as const,
  },
});

export default defineConfig({
  test: {
    projects: [
      // Pure logic only: no database, no child process; runs in seconds.
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "db/**/*.unit.test.ts", "server/**/*.unit.test.ts"],
          exclude: ["**/*.cli.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      // The command-line tools, each run as its own process on an embedded database folder.
      {
        resolve: { alias },
        test: {
          name: "integration-cli",
          include: ["**/*.cli.test.ts"],
          exclude: ["**/node_modules/**"],
          environment: "node",
          testTimeout: 120_000,
          pool: "forks" as const,
        },
      },
      integration("pglite"),
      ...(process.env.DATABASE_URL ? [integration("postgres")] : []),
    ],
  },
});
