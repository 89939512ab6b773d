import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Node loads its CommonJS entry, Vite would pick index.mjs.
    // Two copies of graphql cannot share a schema, so tests load the one Node (and type-graphql) loads.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // Starts (or connects to) the one Neo4j the integration tests share, and seeds it.
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["reflect-metadata"],
    // Integration files share one database (Community has a single user database), so files
    // run one after another; the suite is dominated by JVM start-ups, not by CPU.
    fileParallelism: false,
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    reporters: ["default"],
  },
});
