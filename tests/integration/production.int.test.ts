import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../helpers/database.js";
import { type GraphQLBody, type RunningServer, startTestServer } from "../helpers/server.js";

/**
 * Production mode: no introspection and no "did you mean" hints unless configured, no landing
 * page, CSRF prevention, a body size limit, and automatic persisted queries.
 */

let db: TestDatabase;
let production: RunningServer;
let development: RunningServer;

beforeAll(async () => {
  db = openTestDatabase();
  production = await startTestServer(db.executor, db.logger, { nodeEnv: "production" });
  development = await startTestServer(db.executor, db.logger, { nodeEnv: "development" });
});

afterAll(async () => {
  await production.close();
  await development.close();
  await db.close();
});

const INTROSPECTION = "{ __schema { queryType { name } } }";
const TYPO = `{ rol(id: "cto") { id } }`;

describe("production mode", () => {
  it("refuses introspection unless configured on", async () => {
    const refused = await production.graphql(INTROSPECTION);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await development.graphql(INTROSPECTION)).body.data).toEqual({
      __schema: { queryType: { name: "Query" } },
    });
    const opened = await startTestServer(db.executor, db.logger, {
      nodeEnv: "production",
      introspection: true,
    });
    try {
      expect((await opened.graphql(INTROSPECTION)).body.errors).toBeUndefined();
    } finally {
      await opened.close();
    }
  });

  it("gives no field suggestions, which development does", async () => {
    const hidden = await production.graphql(TYPO);
    expect(hidden.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(hidden.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect((await development.graphql(TYPO)).body.errors?.[0]?.message).toMatch(
      /Did you mean "role"/,
    );
  });

  it("serves no landing page", async () => {
    const page = await fetch(`${production.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/<html/i);
    const dev = await fetch(`${development.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await dev.text()).toMatch(/<html/i);
  });

  it("refuses a simple GET without a preflight header (CSRF) and a body over 1 MiB", async () => {
    const query = encodeURIComponent("{ tracks { id } }");
    const simple = await fetch(`${production.url}/graphql?query=${query}`);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const preflighted = await fetch(`${production.url}/graphql?query=${query}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(preflighted.status).toBe(200);
    const huge = await fetch(`${production.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ tracks { id } } #${"x".repeat(1_100_000)}` }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({
      errors: [
        { message: "The request body is larger than 1 MiB", extensions: { code: "BAD_REQUEST" } },
      ],
    });
  });

  it("answers bodies it cannot read in GraphQL's shape, with a code", async () => {
    const send = (contentType: string, body: string) =>
      fetch(`${production.url}/graphql`, {
        method: "POST",
        headers: { "content-type": contentType },
        body,
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as GraphQLBody,
      }));
    for (const [contentType, body, status] of [
      ["application/json", "{ not json", 400],
      ["application/json", '{"query":"{ tracks { id } }","variables":{"__proto__":{"x":1}}}', 400],
      ["text/csv", "a,b", 415],
    ] as const) {
      const answer = await send(contentType, body);
      expect(answer.status, body).toBe(status);
      expect(answer.body.errors?.[0]?.extensions?.code, body).toBe("BAD_REQUEST");
      expect(answer.body.errors?.[0]?.message, body).not.toMatch(/FST_|fastify/i);
    }
  });

  it("supports automatic persisted queries", async () => {
    const query = "{ tracks { id } }";
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const ask = (body: Record<string, unknown>) =>
      fetch(`${production.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(
        (r) =>
          r.json() as Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>,
      );
    const persisted = { persistedQuery: { version: 1, sha256Hash } };
    expect((await ask({ extensions: persisted })).errors?.[0]?.extensions?.code).toBe(
      "PERSISTED_QUERY_NOT_FOUND",
    );
    const registered = await ask({ query, extensions: persisted });
    expect(registered.errors).toBeUndefined();
    const byHash = await ask({ extensions: persisted });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual(registered.data);
  });
});
