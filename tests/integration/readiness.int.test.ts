import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { createDriver } from "../../src/neo4j/driver.js";
import { Executor } from "../../src/neo4j/executor.js";
import { startLocalNeo4j } from "../../src/neo4j/local/launcher.js";
import { migrate } from "../../src/neo4j/migrate.js";
import { startPrivateNeo4j, waitFor } from "../helpers/local-neo4j.js";
import { startTestServer } from "../helpers/server.js";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("/readyz follows the database", () => {
  it("turns 503 when Neo4j stops and 200 again when it is back, without a server restart", async () => {
    const first = await startPrivateNeo4j();
    cleanups.push(first.cleanup);
    const logger = createLogger("silent");
    const driver = createDriver({ uri: first.uri, user: "neo4j", password: undefined }, logger);
    cleanups.push(() => driver.close());
    const executor = new Executor(driver, "neo4j", 5_000);
    await migrate(executor);
    const api = await startTestServer(executor, logger, { readinessTimeoutMs: 1_500 });
    cleanups.push(api.close);

    const ready = async () => (await fetch(`${api.url}/readyz`)).status;
    expect(await ready()).toBe(200);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);

    await first.stop();
    const started = Date.now();
    expect(await ready()).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
    // The process itself is still healthy, and GraphQL answers with a coded error, not a crash.
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const down = await api.graphql("{ tracks { id } }");
    expect(down.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");

    // Same port, same data folder: the driver reconnects by itself.
    const second = await startLocalNeo4j({
      port: first.port,
      dataDir: first.dataDir,
      heap: "512m",
      pageCache: "64m",
    });
    cleanups.push(() => second.stop());
    expect(await waitFor(async () => (await ready()) === 200, 30_000, 500)).toBe(true);
    const up = await api.graphql("{ tracks { id } }");
    expect(up.body.errors).toBeUndefined();
  });
});
