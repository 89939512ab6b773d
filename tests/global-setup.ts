import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createLogger } from "../src/logger.js";
import { createDriver } from "../src/neo4j/driver.js";
import { Executor } from "../src/neo4j/executor.js";
import { type LocalNeo4j, startLocalNeo4j } from "../src/neo4j/local/launcher.js";
import { migrate } from "../src/neo4j/migrate.js";
import { loadSeed, readSeed } from "../src/seed/loader.js";

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string | undefined;
  database: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

let local: LocalNeo4j | undefined;
let dataDir: string | undefined;

/**
 * With NEO4J_URI set, the tests use that database and REPLACE its contents with the seed graph;
 * point it only at a disposable database. Otherwise a fresh local Neo4j is started in a temp
 * folder on a free port, and stopped (its folder removed) when the run ends.
 */
export async function setup(project: TestProject): Promise<void> {
  const given = process.env.NEO4J_URI;
  const target: TestNeo4j = {
    uri: given ?? "",
    user: process.env.NEO4J_USER ?? "neo4j",
    password: given === undefined ? undefined : process.env.NEO4J_PASSWORD,
    database: process.env.NEO4J_DATABASE ?? "neo4j",
  };
  if (given === undefined) {
    dataDir = mkdtempSync(join(tmpdir(), "rolegraph-test-neo4j-"));
    local = await startLocalNeo4j({ port: 0, dataDir, heap: "1g", pageCache: "256m" });
    target.uri = local.uri;
  }

  const driver = createDriver(target, createLogger("warn"));
  try {
    const executor = new Executor(driver, target.database, 60_000);
    await migrate(executor);
    await loadSeed(executor, readSeed(), { reset: true });
  } finally {
    await driver.close();
  }
  project.provide("neo4j", target);
}

export async function teardown(): Promise<void> {
  await local?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
}
