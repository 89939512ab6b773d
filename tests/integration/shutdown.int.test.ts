import { afterAll, describe, expect, inject, it } from "vitest";
import { createKey } from "../../src/auth/api-key.js";
import { openTestDatabase } from "../helpers/database.js";
import { type SpawnedProcess, spawnTs } from "../helpers/process.js";

/**
 * SIGTERM under load, on the real server process: requests in flight finish, new ones are
 * refused, and the process exits 0. The requests are held in flight by a lock the test takes.
 */

const db = openTestDatabase();
const running: SpawnedProcess[] = [];
afterAll(async () => {
  for (const p of running) p.child.kill("SIGKILL");
  await db.cypher("MATCH (n) WHERE n.id STARTS WITH 'drn-' DETACH DELETE n");
  await db.cypher("MATCH (k:ApiKey) WHERE k.name STARTS WITH 'drn-' DELETE k");
  await db.cypher("MATCH (c:Change) WHERE c.target STARTS WITH 'drn-' DELETE c");
  await db.close();
});

const RENAME = `mutation ($name: String!) {
  upsertSkill(input: {id: "drn-skill", name: $name, category: TECHNICAL}) { id name }
}`;

describe("SIGTERM under load", () => {
  it("finishes the requests in flight, refuses new ones, and exits 0", async () => {
    const target = inject("neo4j");
    const { key } = await createKey(db.executor, "drn-writer", "write");
    await db.cypher(
      "MERGE (s:Entity {id: 'drn-skill'}) SET s:Skill, s.name = 'Before', s.category = 'TECHNICAL'",
    );
    const app = spawnTs("src/main.ts", {
      PORT: "0",
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      ...(target.password === undefined ? {} : { NEO4J_PASSWORD: target.password }),
      NEO4J_DATABASE: target.database,
      SEED_ON_START: "false",
      NODE_ENV: "production",
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: "info",
    });
    running.push(app);
    const url = String((await app.waitForLog("ready", 60_000)).url);
    const rename = (name: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: RENAME, variables: { name } }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { data?: unknown; errors?: unknown },
      }));

    // Hold the skill's lock so that the renames wait in flight.
    const session = db.driver.session();
    const tx = session.beginTransaction();
    let inFlight: Promise<{ status: number; body: { data?: unknown; errors?: unknown } }>[] = [];
    try {
      await tx.run("MATCH (s:Skill {id: 'drn-skill'}) SET s.name = 'Held'");
      inFlight = ["First", "Second", "Third"].map(rename);
      await new Promise((resolve) => setTimeout(resolve, 500));
      app.child.kill("SIGTERM");
      await app.waitForLog("shutting down", 5_000);

      // A new request is refused: the listener is closed, or a kept-alive socket gets a 503.
      const late = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ tracks { id } }" }),
      }).then(
        (response) => response.status,
        () => "refused",
      );
      expect([503, "refused"]).toContain(late);
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await tx.rollback();
      await session.close();
    }

    // The renames in flight finish once the lock is gone, each with its answer.
    const answers = await Promise.all(inFlight);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
    // It exits once they are answered, not when idle keep-alive sockets time out.
    const answered = Date.now();
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - answered).toBeLessThan(5_000);
    expect(app.logs.map((line) => line.msg)).toContain("stopped");
    const [stored] = await db.cypher<{ name: string; changes: number }>(
      `MATCH (s:Skill {id: 'drn-skill'})
       RETURN s.name AS name, COUNT { (c:Change) WHERE c.target = 'drn-skill' } AS changes`,
    );
    expect(["First", "Second", "Third"]).toContain(stored?.name);
    expect(stored?.changes).toBe(3);
  });
});
