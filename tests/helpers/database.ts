import type { Driver } from "neo4j-driver";
import { inject } from "vitest";
import { createLogger, type Logger } from "../../src/logger.js";
import { createDriver } from "../../src/neo4j/driver.js";
import { Executor } from "../../src/neo4j/executor.js";

/**
 * The test suite's one way to the shared, seeded Neo4j: a driver and an executor that a test
 * file opens in beforeAll and closes in afterAll.
 */
export interface TestDatabase {
  driver: Driver;
  executor: Executor;
  logger: Logger;
  /** Plain Cypher for the test's own independent answer. */
  cypher<T extends Record<string, unknown>>(
    query: string,
    params?: Record<string, unknown>,
  ): Promise<T[]>;
  close(): Promise<void>;
}

export function openTestDatabase(): TestDatabase {
  const target = inject("neo4j");
  const logger = createLogger("silent");
  const driver = createDriver(target, logger);
  const executor = new Executor(driver, target.database, 30_000);
  return {
    driver,
    executor,
    logger,
    cypher: async (query, params = {}) => {
      const result = await driver.executeQuery(query, params, { database: target.database });
      return result.records.map((r) => r.toObject() as never);
    },
    close: () => driver.close(),
  };
}
