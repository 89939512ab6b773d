import { afterAll, describe, expect, it } from "vitest";
import { createKey } from "../../src/auth/api-key.js";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../../src/limits/limits.js";
import { createLogger } from "../../src/logger.js";
import { createDriver } from "../../src/neo4j/driver.js";
import { Executor } from "../../src/neo4j/executor.js";
import { findFreePort, startLocalNeo4j } from "../../src/neo4j/local/launcher.js";
import { migrate } from "../../src/neo4j/migrate.js";
import { loadSeed, readSeed } from "../../src/seed/loader.js";
import { openTestDatabase } from "../helpers/database.js";
import { startPrivateNeo4j, waitFor } from "../helpers/local-neo4j.js";
import { type RunningServer, startTestServer } from "../helpers/server.js";

/**
 * Faults, caused for real: the database killed under load and brought back, and statements that
 * run past their time budget. Ids made here start with "flt-".
 */

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Phase = "up" | "down" | "restarting" | "back";
interface Outcome {
  phase: Phase;
  write: boolean;
  status: number;
  codes: string[];
  ms: number;
  endedAt: number;
  /** The skill id a write created, when the API acknowledged it. */
  acknowledged?: string;
}

const READ = `{ tracks { id roles { id } } role(id: "cto") { title nextRoles { to { id } } } }`;
const WRITE = `mutation ($input: SkillInput!) { upsertSkill(input: $input) { id } }`;

/** Workers sending a mix of reads and writes until stopped; each outcome is tagged by phase. */
function loadOn(api: RunningServer, key: string, workers: number) {
  const outcomes: Outcome[] = [];
  const network: unknown[] = [];
  const state = { phase: "up" as Phase, stopped: false, next: 0 };
  const worker = async () => {
    while (!state.stopped) {
      const i = state.next++;
      const write = i % 3 === 0;
      const phase = state.phase;
      const started = Date.now();
      try {
        const id = `flt-kill-${i}`;
        const { status, body } = write
          ? await api.graphql(
              WRITE,
              { input: { id, name: `Fault skill ${i}`, category: "TECHNICAL" } },
              { authorization: `Bearer ${key}` },
            )
          : await api.graphql(READ);
        const codes = (body.errors ?? []).map((e) => String(e.extensions?.code));
        const data = body.data as { upsertSkill?: { id: string } } | null | undefined;
        outcomes.push({
          phase,
          write,
          status,
          codes,
          ms: Date.now() - started,
          endedAt: Date.now(),
          ...(write && codes.length === 0 && data?.upsertSkill ? { acknowledged: id } : {}),
        });
      } catch (error) {
        network.push(error);
      }
      if (phase === "down") await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const running = Promise.all(Array.from({ length: workers }, worker));
  return {
    outcomes,
    network,
    state,
    stop: async () => {
      state.stopped = true;
      await running;
    },
  };
}

describe("Neo4j killed under load", () => {
  it("answers coded errors while it is down, recovers by itself, and keeps every acknowledged write", async () => {
    const first = await startPrivateNeo4j();
    cleanups.push(first.cleanup);
    const logger = createLogger("silent");
    const driver = createDriver({ uri: first.uri, user: "neo4j", password: undefined }, logger);
    cleanups.push(() => driver.close());
    const executor = new Executor(driver, "neo4j", 5_000);
    await migrate(executor);
    await loadSeed(executor, readSeed(), { reset: true });
    const { key } = await createKey(executor, "flt-writer", "write");
    const api = await startTestServer(executor, logger, {
      nodeEnv: "production",
      readinessTimeoutMs: 1_500,
    });
    cleanups.push(api.close);

    const load = loadOn(api, key, 4);
    const succeeded = () => load.outcomes.filter((o) => o.codes.length === 0).length;
    expect(await waitFor(() => succeeded() >= 20, 30_000, 50)).toBe(true);

    process.kill(first.pid, "SIGKILL");
    await first.exited;
    load.state.phase = "down";
    const killed = Date.now();
    expect(
      await waitFor(async () => (await fetch(`${api.url}/readyz`)).status === 503, 5_000, 100),
    ).toBe(true);
    const readyzMs = Date.now() - killed;
    // The process itself is healthy all along.
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5_000));

    // Same port, same data: Neo4j recovers its transaction log; the API reconnects by itself.
    load.state.phase = "restarting";
    const second = await startLocalNeo4j({
      port: first.port,
      dataDir: first.dataDir,
      heap: "512m",
      pageCache: "64m",
    });
    cleanups.push(() => second.stop());
    expect(
      await waitFor(async () => (await fetch(`${api.url}/readyz`)).status === 200, 30_000),
    ).toBe(true);
    load.state.phase = "back";
    // Recovered once a read and a write both succeed again.
    expect(
      await waitFor(
        () => {
          const back = load.outcomes.filter((o) => o.phase === "back" && o.codes.length === 0);
          return back.some((o) => o.write) && back.some((o) => !o.write);
        },
        15_000,
        100,
      ),
    ).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await load.stop();

    const { outcomes } = load;
    const byPhase = (phase: Phase) => outcomes.filter((o) => o.phase === phase);
    // The API process stayed up: every request got an HTTP answer, none of them a 5xx.
    expect(load.network).toEqual([]);
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    // Before the kill everything succeeded; while it was down, failures were coded and quick.
    // Before the kill everything succeeded (requests in flight at the kill may fail).
    const before = outcomes.filter((o) => o.endedAt < killed);
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(before.filter((o) => o.codes.length > 0)).toEqual([]);
    // While it was down, requests failed with a code saying so, each within 5 s.
    const down = byPhase("down");
    expect(down.length).toBeGreaterThanOrEqual(4);
    const codes = new Set(outcomes.flatMap((o) => o.codes));
    expect([...codes].every((c) => c === "SERVICE_UNAVAILABLE" || c === "TIMEOUT")).toBe(true);
    expect(down.every((o) => o.codes.includes("SERVICE_UNAVAILABLE"))).toBe(true);
    expect(Math.max(...down.map((o) => o.ms))).toBeLessThan(5_000);
    // While it started again, no request outlived its time budget.
    const failed = outcomes.filter((o) => o.codes.length > 0);
    expect(Math.max(...failed.map((o) => o.ms))).toBeLessThan(DEFAULT_REQUEST_TIMEOUT_MS + 1_500);
    expect(readyzMs).toBeLessThan(3_000);

    // Every write the API acknowledged, before or around the kill, survived it.
    const acknowledged = outcomes.flatMap((o) => (o.acknowledged ? [o.acknowledged] : []));
    expect(acknowledged.length).toBeGreaterThan(5);
    const stored = await executor.read<{ id: string }>(
      "MATCH (s:Skill) WHERE s.id IN $ids RETURN s.id AS id",
      { ids: acknowledged },
    );
    expect(new Set(stored.map((row) => row.id))).toEqual(new Set(acknowledged));
    // And each has its audit record: the write and its Change committed together.
    const [audited] = await executor.read<{ n: number }>(
      "MATCH (c:Change) WHERE c.target IN $ids RETURN count(DISTINCT c.target) AS n",
      { ids: acknowledged },
    );
    expect(audited?.n).toBe(acknowledged.length);
  }, 180_000);
});

describe("time budgets", () => {
  it("stops a heavy statement at the request's deadline and frees its transaction", async () => {
    const db = openTestDatabase();
    cleanups.push(db.close);
    const heavy = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n";
    const started = Date.now();
    const error = await db.executor
      .forRequest(Date.now() + 800)
      .read(heavy)
      .catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect((error as { extensions?: { code?: string } }).extensions?.code).toBe("TIMEOUT");
    expect(elapsed).toBeGreaterThanOrEqual(700);
    expect(elapsed).toBeLessThan(4_000);
    // The server has let go of it: no transaction is still running that statement.
    const running = async () =>
      (
        await db.cypher<{ query: string }>(
          "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery AS query",
        )
      ).filter((row) => row.query.includes("range(1, 2000000000)")).length;
    expect(await waitFor(async () => (await running()) === 0, 3_000, 100)).toBe(true);
    // And a deadline already past refuses to start anything.
    const late = await db.executor
      .forRequest(Date.now() - 1)
      .read("RETURN 1 AS one")
      .catch((e: unknown) => e);
    expect((late as { extensions?: { code?: string } }).extensions?.code).toBe("TIMEOUT");
  });

  it("answers TIMEOUT for a write stuck behind a lock, writes nothing, and works again after", async () => {
    const db = openTestDatabase();
    cleanups.push(db.close);
    const { key } = await createKey(db.executor, "flt-lock", "write");
    cleanups.push(async () => {
      await db.cypher("MATCH (n) WHERE n.id STARTS WITH 'flt-' DETACH DELETE n");
      await db.cypher("MATCH (k:ApiKey) WHERE k.name STARTS WITH 'flt-' DELETE k");
      await db.cypher("MATCH (c:Change) WHERE c.target STARTS WITH 'flt-' DELETE c");
    });
    await db.cypher(
      "MERGE (s:Entity {id: 'flt-locked'}) SET s:Skill, s.name = 'Before', s.category = 'TECHNICAL'",
    );
    // The test's executor allows 30 s per statement; the request's budget is what stops it.
    const api = await startTestServer(db.executor, db.logger, { requestTimeoutMs: 1_500 });
    cleanups.push(api.close);
    const rename = (name: string) =>
      api.graphql(
        WRITE,
        { input: { id: "flt-locked", name, category: "TECHNICAL" } },
        { authorization: `Bearer ${key}` },
      );

    const session = db.driver.session();
    const tx = session.beginTransaction();
    try {
      await tx.run("MATCH (s:Skill {id: 'flt-locked'}) SET s.name = 'Held'");
      const started = Date.now();
      const stuck = await rename("During");
      const elapsed = Date.now() - started;
      expect(stuck.status).toBeLessThan(500);
      expect(stuck.body.errors?.[0]?.extensions?.code).toBe("TIMEOUT");
      expect(stuck.body.errors?.[0]?.message).not.toMatch(/Neo4j|MATCH|MERGE|lock/i);
      expect(elapsed).toBeGreaterThanOrEqual(1_000);
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      await tx.rollback();
      await session.close();
    }
    const [after] = await db.cypher<{ name: string; changes: number }>(
      `MATCH (s:Skill {id: 'flt-locked'})
       RETURN s.name AS name, COUNT { (c:Change) WHERE c.target = 'flt-locked' } AS changes`,
    );
    expect(after).toEqual({ name: "Before", changes: 0 });
    const again = await rename("After");
    expect(again.body.errors).toBeUndefined();
  });
});

describe("a key that cannot be checked while Neo4j is away", () => {
  it("runs public reads as anonymous ones, refuses scoped fields with SERVICE_UNAVAILABLE, and answers 503 when reads need a key", async () => {
    const logger = createLogger("silent");
    // Nothing listens on this port: every statement finds the database unreachable.
    const port = await findFreePort();
    const driver = createDriver(
      { uri: `bolt://127.0.0.1:${port}`, user: "neo4j", password: undefined },
      logger,
    );
    cleanups.push(() => driver.close());
    const executor = new Executor(driver, "neo4j", 5_000);
    const key = `rgk_${"0".repeat(16)}_${"A".repeat(43)}`;
    const auth = { authorization: `Bearer ${key}` };

    const open = await startTestServer(executor, logger);
    cleanups.push(open.close);
    const read = await open.graphql("{ tracks { id } }", undefined, auth);
    expect(read.status).toBe(200);
    expect(read.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    const write = await open.graphql(
      `mutation { upsertSkill(input: {id: "flt-x", name: "X", category: TECHNICAL}) { id } }`,
      undefined,
      auth,
    );
    expect(write.status).toBe(200);
    expect(write.body.errors?.map((e) => e.extensions?.code)).toEqual(["SERVICE_UNAVAILABLE"]);

    const closed = await startTestServer(executor, logger, { requireAuthForReads: true });
    cleanups.push(closed.close);
    const refused = await closed.graphql("{ tracks { id } }", undefined, auth);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
  });
});
