import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY_LIMITS } from "../../src/limits/limits.js";
import { startTestServer, useTestApi } from "../helpers/server.js";

const env = useTestApi();

interface Page {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const ROLES = `query ($filter: RoleFilter, $first: Int, $after: String) {
  roles(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount
  }
}`;

async function allPages(
  list: "roles" | "skills" | "technologies",
  filter: Record<string, unknown> | null,
  first: number,
): Promise<{ ids: string[]; totals: number[]; pages: number }> {
  const query = ROLES.replace(/roles\(/, `${list}(`).replace(
    "RoleFilter",
    { roles: "RoleFilter", skills: "SkillFilter", technologies: "TechnologyFilter" }[list],
  );
  const ids: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const data: Record<string, Page> = await env.api.data(query, { filter, first, after });
    const page = data[list] as Page;
    pages += 1;
    ids.push(...page.edges.map((e) => e.node.id));
    totals.push(page.totalCount);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
    if (pages > 500) throw new Error("paging did not end");
  }
  return { ids, totals, pages };
}

const plainIds = async (query: string, params: Record<string, unknown> = {}) =>
  (await env.db.cypher<{ id: string }>(query, params)).map((r) => r.id);

describe("lists as Relay connections", () => {
  it("pages through every role in title order, each exactly once, with the total on every page", async () => {
    const expected = await plainIds("MATCH (r:Role) RETURN r.id AS id ORDER BY r.title, r.id");
    const { ids, totals, pages } = await allPages("roles", null, 7);
    expect(ids).toEqual(expected);
    expect(new Set(totals)).toEqual(new Set([expected.length]));
    expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 7)));
  });

  it("filters roles by level, track, skill, technology and text, as plain Cypher does", async () => {
    const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [{ level: "SENIOR" }, "MATCH (r:Role {level: 'SENIOR'})", {}],
      [{ track: "backend" }, "MATCH (r:Role)-[:IN_TRACK]->(:Track {id: 'backend'})", {}],
      [{ skill: "api-design" }, "MATCH (r:Role)-[:REQUIRES]->(:Skill {id: 'api-design'})", {}],
      [{ technology: "docker" }, "MATCH (r:Role)-[:USES]->(:Technology {id: 'docker'})", {}],
      [
        { text: "  Back END " },
        "MATCH (r:Role) WHERE toLower(r.title) CONTAINS 'back end' OR any(a IN r.aliases WHERE toLower(a) CONTAINS 'back end')",
        {},
      ],
      [
        { level: "MID", technology: "python" },
        "MATCH (r:Role {level: 'MID'})-[:USES]->(:Technology {id: 'python'})",
        {},
      ],
    ];
    for (const [filter, match, params] of cases) {
      const expected = await plainIds(
        `${match} RETURN DISTINCT r.id AS id, r.title AS title ORDER BY title, id`,
        params,
      );
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const { ids, totals } = await allPages("roles", filter, 4);
      expect(ids, JSON.stringify(filter)).toEqual(expected);
      expect(totals[0]).toBe(expected.length);
    }
  });

  it("lists skills and technologies with their filters", async () => {
    const skills = await allPages("skills", { category: "INTERPERSONAL" }, 25);
    expect(skills.ids).toEqual(
      await plainIds(
        "MATCH (s:Skill {category: 'INTERPERSONAL'}) RETURN s.id AS id ORDER BY s.name, s.id",
      ),
    );
    const hot = await allPages("technologies", { kind: "LANGUAGE", hot: true }, 50);
    expect(hot.ids).toEqual(
      await plainIds(
        "MATCH (t:Technology {kind: 'LANGUAGE'}) WHERE t.hot RETURN t.id AS id ORDER BY t.name, t.id",
      ),
    );
    expect(hot.ids).toContain("python");
  });

  it("keeps its place when a node is inserted before the cursor (keyset, not offset)", async () => {
    const first = (await env.api.data<{ roles: Page }>(ROLES, { first: 5 })).roles;
    const expectedNext = await plainIds(
      "MATCH (r:Role) RETURN r.id AS id ORDER BY r.title, r.id SKIP 5 LIMIT 5",
    );
    const trackId = (await plainIds("MATCH (t:Track) RETURN t.id AS id LIMIT 1"))[0];
    await env.db.cypher(
      `MATCH (t:Track {id: $track})
       CREATE (r:Entity:Role {id: 'aaa-inserted-role', title: 'AAA Inserted Role', level: 'MID', aliases: []})-[:IN_TRACK]->(t)`,
      { track: trackId },
    );
    try {
      const next = (
        await env.api.data<{ roles: Page }>(ROLES, { first: 5, after: first.pageInfo.endCursor })
      ).roles;
      expect(next.edges.map((e) => e.node.id)).toEqual(expectedNext);
      expect(next.totalCount).toBe(first.totalCount + 1);
    } finally {
      await env.db.cypher("MATCH (r:Role {id: 'aaa-inserted-role'}) DETACH DELETE r");
    }
  });

  it("visits every role exactly once while roles are inserted between pages", async () => {
    const expected = await plainIds("MATCH (r:Role) RETURN r.id AS id ORDER BY r.title, r.id");
    const [track] = await plainIds("MATCH (t:Track) RETURN t.id AS id LIMIT 1");
    const seen: string[] = [];
    let after: string | null = null;
    try {
      for (let page = 0; page < 100; page += 1) {
        // Before every page, a role lands somewhere in the order: before, inside or after it.
        const title = `${["A", "M", "Z"][page % 3]} Concurrent Role ${page}`;
        await env.db.cypher(
          `MATCH (t:Track {id: $track})
           CREATE (:Entity:Role {id: $id, title: $title, level: 'MID', aliases: []})-[:IN_TRACK]->(t)`,
          { track, id: `concurrent-role-${page}`, title },
        );
        const data: { roles: Page } = await env.api.data(ROLES, { first: 9, after });
        seen.push(...data.roles.edges.map((e) => e.node.id));
        if (!data.roles.pageInfo.hasNextPage) break;
        after = data.roles.pageInfo.endCursor;
      }
    } finally {
      await env.db.cypher(
        "MATCH (r:Role) WHERE r.id STARTS WITH 'concurrent-role-' DETACH DELETE r",
      );
    }
    expect(new Set(seen).size).toBe(seen.length);
    const original = seen.filter((id) => !id.startsWith("concurrent-role-"));
    expect(original).toEqual(expected);
  });

  it("refuses a forged cursor and a page past the maximum with BAD_USER_INPUT", async () => {
    for (const variables of [
      { first: 5, after: "not-a-cursor!" },
      { first: 5, after: Buffer.from('{"x":1}').toString("base64url") },
      { first: 101 },
      { first: -1 },
      { first: 5, filter: { text: "x".repeat(201) } },
    ]) {
      const { body } = await env.api.graphql(ROLES, variables);
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
    }
  });

  it("answers a page of 50 roles with nested lists in one round trip per nesting level", async () => {
    // Seven levels deep: one past the default depth limit.
    const deep = await startTestServer(env.db.executor, env.db.logger, {
      limits: { ...DEFAULT_QUERY_LIMITS, depth: 7 },
    });
    try {
      const { body } = await deep.graphql(`{
      roles(first: 50) { edges { node {
        id
        skills { skill { id } }
        technologies { technology { id } }
        nextRoles { to { id track { id } } }
      } } }
    }`);
      expect(body.errors).toBeUndefined();
      // The page, then skills + technologies + next roles in one statement, then the next roles'
      // tracks.
      expect(body.extensions?.roundTrips).toBe(3);
    } finally {
      await deep.close();
    }
  });
});

describe("search", () => {
  const SEARCH = `query ($text: String!, $first: Int) {
    search(text: $text, first: $first) {
      score
      entity {
        __typename
        ... on Role { id title }
        ... on Skill { id name }
        ... on Technology { id name }
        ... on Track { id name }
      }
    }
  }`;
  type Hit = { score: number; entity: { __typename: string; id: string } };
  const search = async (text: string, first = 10) =>
    (await env.api.data<{ search: Hit[] }>(SEARCH, { text, first })).search;

  it("finds what a person means despite spacing, typos and abbreviations", async () => {
    const backend = await search("backend dev", 5);
    expect(backend[0]?.entity.id).toBe("back-end-developer");
    const kube = await search("kubernets", 3);
    expect(kube[0]?.entity).toMatchObject({ __typename: "Technology", id: "kubernetes" });
    const sre = (await search("sre", 5)).map((h) => h.entity.id);
    expect(sre.some((id) => /site-reliability|sre/.test(id))).toBe(true);
    const py = await search("pyth", 3);
    expect(py[0]?.entity.id).toBe("python");
  });

  it("ranks best first", async () => {
    const hits = await search("developer", 20);
    expect(hits.length).toBeGreaterThan(3);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("treats Lucene syntax in the input as plain text", async () => {
    for (const text of [
      '"unclosed',
      "title:*",
      "a AND OR NOT",
      "[x TO y}",
      "c++ && ||",
      "\\/!^~? go",
    ]) {
      const { body } = await env.api.graphql(SEARCH, { text });
      expect(body.errors, text).toBeUndefined();
    }
  });

  it("refuses empty and oversized text with BAD_USER_INPUT", async () => {
    for (const text of ["", "  ", "!!!", "x".repeat(201)]) {
      const { body } = await env.api.graphql(SEARCH, { text });
      expect(body.errors?.[0]?.extensions?.code, text).toBe("BAD_USER_INPUT");
    }
  });
});
