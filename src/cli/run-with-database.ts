import { ConfigError, loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { connectDatabase, type Database } from "../neo4j/connect.js";

/**
 * Runs a command-line task against the configured database (starting the local Neo4j when no
 * NEO4J_URI is set), then closes everything. Exits 2 on bad configuration, 1 on failure.
 */
export async function runWithDatabase(task: (db: Database) => Promise<void>): Promise<void> {
  let database: Database | undefined;
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
    database = await connectDatabase(config, logger);
    await task(database);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof ConfigError ? 2 : 1;
  } finally {
    await database?.close();
  }
}
