import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { createDriver } from "./driver.js";
import { Executor } from "./executor.js";
import { type LocalNeo4j, startLocalNeo4j } from "./local/launcher.js";

export interface Database {
  driver: Driver;
  executor: Executor;
  uri: string;
  /** Present when this process started the database itself. */
  local: LocalNeo4j | undefined;
  /** Closes the driver, then stops the local database if this process started it. */
  close(): Promise<void>;
}

/** Polls until the database answers, for servers that are still starting (docker compose). */
export async function waitForDatabase(
  executor: Executor,
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let attempt = 0;
  for (;;) {
    try {
      await executor.ping(3_000);
      return;
    } catch (error) {
      attempt += 1;
      if (Date.now() >= deadline) throw error;
      if (attempt === 1 || attempt % 10 === 0) logger.info("waiting for Neo4j to answer…");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Connects to NEO4J_URI, or starts the local Neo4j when none is given. */
export async function connectDatabase(config: Config, logger: Logger): Promise<Database> {
  const { target } = config.neo4j;
  let local: LocalNeo4j | undefined;
  let uri: string;
  if (target.kind === "remote") {
    uri = target.uri;
  } else {
    local = await startLocalNeo4j({
      port: target.port,
      dataDir: target.dataDir,
      heap: target.heap,
      pageCache: target.pageCache,
      onProgress: (message) => logger.info(message),
    });
    uri = local.uri;
    logger.info({ uri, pid: local.pid, dataDir: local.dataDir }, "local Neo4j started");
  }

  const driver = createDriver(
    {
      uri,
      user: config.neo4j.user,
      password: target.kind === "local" ? undefined : config.neo4j.password,
    },
    logger,
  );
  const executor = new Executor(driver, config.neo4j.database, config.neo4j.queryTimeoutMs);
  const close = async () => {
    await driver.close();
    await local?.stop();
  };
  try {
    await waitForDatabase(executor, target.kind === "remote" ? 120_000 : 10_000, logger);
  } catch (error) {
    await close();
    throw error;
  }
  return { driver, executor, uri, local, close };
}
