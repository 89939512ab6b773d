import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUERY_LIMITS } from "../../src/limits/limits.js";
import { openTestDatabase, type TestDatabase } from "../helpers/database.js";
import { type RunningServer, startTestServer } from "../helpers/server.js";

/**
 * Query limits: documents too deep, too costly, with too many aliases, directives or tokens, or
 * too long are refused with QUERY_TOO_COMPLEX before any Cypher runs; the same documents under
 * the limits are answered.
 */

let db: TestDatabase;
let api: RunningServer;

beforeAll(async () => {
  db = openTestDatabase();
  api = await startTestServer(db.executor, db.logger, { nodeEnv: "production" });
});

afterAll(async () => {
  await api.close();
  await db.close();
});

/** Cypher round trips the server has made so far, from its own metrics. */
async function roundTrips(server: RunningServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  let total = 0;
  for (const match of text.matchAll(/^rolegraph_neo4j_round_trips_total\{[^}]*\} (\d+)/gm)) {
    total += Number(match[1]);
  }
  return total;
}

/** Sends `query` and expects a refusal naming `limit`, with no Cypher run for it. */
async function expectRefused(
  query: string,
  limit: RegExp,
  variables?: Record<string, unknown>,
  server = api,
) {
  const before = await roundTrips(server);
  const { status, body } = await server.graphql(query, variables);
  expect(body.errors?.[0]?.extensions?.code, JSON.stringify(body.errors)).toBe("QUERY_TOO_COMPLEX");
  expect(body.errors?.[0]?.message).toMatch(limit);
  expect(body.errors?.[0]?.message).not.toMatch(/Syntax Error|at .+\.(ts|js)|MATCH/);
  expect(body.data ?? null).toBeNull();
  expect(status).toBe(400);
  expect(await roundTrips(server)).toBe(before);
}

async function expectAnswered(query: string, variables?: Record<string, unknown>, server = api) {
  const { status, body } = await server.graphql(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data as Record<string, unknown>;
}

/** A selection nested `levels` deep under roles → edges → node, ending in `title`. */
function nested(levels: number): string {
  let inner = "title";
  for (let i = 0; i < levels; i++) inner = `nextRoles { to { ${inner} } }`;
  return `{ roles(first: 1) { edges { node { ${inner} } } } }`;
}

describe("depth", () => {
  it(`answers ${DEFAULT_QUERY_LIMITS.depth} levels and refuses one more`, async () => {
    // roles, edges, node (3) + nextRoles, to (2 per level) + title (1)
    await expectAnswered(nested(1)); // 6 levels
    await expectRefused(nested(2), /depth limit of 6 exceeded, found 8/);
  });

  it("counts the fields inside fragments, not the fragments themselves", async () => {
    const fragments = `
      fragment Move on Progression { to { title } }
      fragment Node on Role { nextRoles { ...Move } }
    `;
    await expectAnswered(`{ roles(first: 1) { edges { node { ...Node } } } } ${fragments}`);
    await expectRefused(
      `{ roles(first: 1) { edges { node { nextRoles { to { ...Node } } } } } } ${fragments}`,
      /depth limit/,
    );
  });
});

describe("aliases, directives, tokens and size", () => {
  const aliased = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: role(id: "cto") { title }`).join(" ")} }`;

  it(`answers ${DEFAULT_QUERY_LIMITS.aliases} aliases and refuses more`, async () => {
    const data = await expectAnswered(aliased(DEFAULT_QUERY_LIMITS.aliases));
    expect(Object.keys(data)).toHaveLength(DEFAULT_QUERY_LIMITS.aliases);
    await expectRefused(aliased(DEFAULT_QUERY_LIMITS.aliases + 1), /aliases/i);
  });

  it("refuses a flood of directives", async () => {
    const directives = " @include(if: true)".repeat(DEFAULT_QUERY_LIMITS.directives + 1);
    await expectRefused(`{ tracks${directives} { id } }`, /directives/i);
    await expectAnswered(`{ tracks @include(if: true) @skip(if: false) { id } }`);
  });

  it("refuses a document of too many tokens", async () => {
    const fields = " id".repeat(DEFAULT_QUERY_LIMITS.tokens);
    await expectRefused(`{ tracks { ${fields} } }`, /token/i);
  });

  it("refuses a document longer than the size limit, even of few tokens", async () => {
    const long = "x".repeat(DEFAULT_QUERY_LIMITS.documentChars);
    await expectRefused(`{ search(text: "${long}") { score } }`, /characters/);
    // The same text as a variable is the argument's business: BAD_USER_INPUT, not a refusal.
    const { body } = await api.graphql("query ($t: String!) { search(text: $t) { score } }", {
      t: long,
    });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses batched arrays of operations", async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ tracks { id } }" }, { query: "{ sources { id } }" }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/"data"/);
  });
});

describe("cost", () => {
  /** 100 roles, each with four nested lists of ten: about 4,600 by the cost model. */
  const page = `
    query ($n: Int!) { roles(first: $n) { edges { node {
      skills { skill { name } } technologies { technology { name } }
      nextRoles { to { title } } previousRoles { from { title } }
    } } } }`;

  it("prices lists by their size arguments, read from variables", async () => {
    await expectAnswered(page, { n: 100 });
    const tripled = page.replace(
      /roles\(first: \$n\)(.*)$/s,
      (_all, rest: string) =>
        `a: roles(first: $n)${rest.slice(0, -1)} b: roles(first: $n)${rest.slice(0, -1)} c: roles(first: $n)${rest}`,
    );
    await expectRefused(tripled, /estimated cost is \d+, above the limit of 10000/, { n: 100 });
    // The same document asking for fewer items is cheap enough.
    await expectAnswered(tripled, { n: 20 });
  });

  it("prices paths by k and maxSteps", async () => {
    const paths = (k: number, alias = "") =>
      `${alias}careerPaths(from: "junior-back-end-developer", to: "cto", k: ${k}, maxSteps: 8) {
        roles { skills { skill { technologies { name } } } } }`;
    await expectAnswered(`{ ${paths(10)} }`);
    const many = Array.from({ length: 12 }, (_, i) => paths(10, `p${i}: `)).join(" ");
    await expectRefused(`{ ${many} }`, /estimated cost/);
  });

  it("leaves out-of-range arguments to their resolver: BAD_USER_INPUT, not a refusal", async () => {
    const { body } = await api.graphql(page, { n: 1_000_000 });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const negative = await api.graphql(`{ careerPaths(from: "a", to: "b", k: -5) { cost } }`);
    expect(negative.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("configuration", () => {
  it("applies the limits it is given", async () => {
    const strict = await startTestServer(db.executor, db.logger, {
      limits: { ...DEFAULT_QUERY_LIMITS, depth: 3, cost: 50, aliases: 1 },
    });
    try {
      await expectAnswered("{ tracks { id } }", undefined, strict);
      await expectRefused(
        `{ roles(first: 1) { edges { node { title } } } }`,
        /depth limit of 3/,
        undefined,
        strict,
      );
      await expectRefused(
        `{ roleCentrality(first: 60) { role { title } } }`,
        /above the limit of 50/,
        undefined,
        strict,
      );
      await expectRefused(`{ a: tracks { id } b: tracks { id } }`, /aliases/i, undefined, strict);
    } finally {
      await strict.close();
    }
  });
});
