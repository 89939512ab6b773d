import { describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/server.js";

const env = useTestApi();

describe("role(id) over HTTP", () => {
  it("answers the README's query with the title and track stored in Neo4j", async () => {
    const [expected] = await env.db.cypher<{ title: string; track: string }>(
      "MATCH (r:Role {id: $id})-[:IN_TRACK]->(t:Track) RETURN r.title AS title, t.name AS track",
      { id: "back-end-developer" },
    );
    expect(expected).toBeDefined();

    const { status, body } = await env.api.graphql(
      '{ role(id: "back-end-developer") { title track { name } } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      role: { title: expected?.title, track: { name: expected?.track } },
    });
  });

  it("answers null for an unknown id", async () => {
    const { body } = await env.api.graphql("query ($id: ID!) { role(id: $id) { id } }", {
      id: "no-such-role",
    });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ role: null });
  });

  it("returns skills by importance then name, filtered by minImportance, as Neo4j has them", async () => {
    const rows = await env.db.cypher<{ name: string; importance: number }>(
      `MATCH (:Role {id: $id})-[e:REQUIRES]->(s:Skill) WHERE e.importance >= 4
       RETURN s.name AS name, e.importance AS importance`,
      { id: "back-end-developer" },
    );
    const expected = rows.sort(
      (a, b) => b.importance - a.importance || a.name.localeCompare(b.name),
    );
    expect(expected.length).toBeGreaterThan(0);

    const { role } = await env.api.data<{
      role: { skills: { importance: number; skill: { name: string } }[] };
    }>(
      '{ role(id: "back-end-developer") { skills(minImportance: 4) { importance skill { name } } } }',
    );
    const skills = role.skills;
    expect(skills.map((s) => ({ name: s.skill.name, importance: s.importance }))).toEqual(expected);
  });

  it("lists the next roles along PROGRESSES_TO with kind and typical years", async () => {
    const expected = await env.db.cypher<{ to: string; kind: string; years: number | null }>(
      `MATCH (:Role {id: $id})-[e:PROGRESSES_TO]->(n:Role)
       RETURN n.id AS to, e.kind AS kind, e.typicalYears AS years ORDER BY to`,
      { id: "senior-back-end-developer" },
    );
    expect(expected.length).toBeGreaterThan(1);
    const { role } = await env.api.data<{
      role: {
        nextRoles: {
          from: { id: string };
          to: { id: string };
          kind: string;
          typicalYears: number;
        }[];
      };
    }>(
      '{ role(id: "senior-back-end-developer") { nextRoles { from { id } to { id } kind typicalYears } } }',
    );
    const next = role.nextRoles;
    expect(next.every((p) => p.from.id === "senior-back-end-developer")).toBe(true);
    expect(
      next
        .map((p) => ({ to: p.to.id, kind: p.kind, years: p.typicalYears }))
        .sort((a, b) => a.to.localeCompare(b.to)),
    ).toEqual(expected);
  });

  it("rejects minImportance outside 1..5 with BAD_USER_INPUT", async () => {
    const { body } = await env.api.graphql(
      '{ role(id: "back-end-developer") { skills(minImportance: 9) { importance } } }',
    );
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toContain("received 9");
  });
});

describe("tracks", () => {
  it("lists every track with its roles, matching Neo4j", async () => {
    const expected = await env.db.cypher<{ id: string; roles: string[] }>(
      `MATCH (t:Track) OPTIONAL MATCH (r:Role)-[:IN_TRACK]->(t)
       WITH t, r ORDER BY r.id RETURN t.id AS id, collect(r.id) AS roles ORDER BY id`,
    );
    const data = await env.api.data<{ tracks: { id: string; roles: { id: string }[] }[] }>(
      "{ tracks { id roles { id } } }",
    );
    const tracks = data.tracks.map((t) => ({
      id: t.id,
      roles: t.roles.map((r) => r.id).sort(),
    }));
    expect(tracks.sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);
  });
});

describe("batching", () => {
  it("resolves nested fields with one round trip per nesting level, not per parent", async () => {
    const [{ tracks } = { tracks: 0 }] = await env.db.cypher<{ tracks: number }>(
      "MATCH (t:Track) RETURN count(t) AS tracks",
    );
    expect(tracks).toBeGreaterThan(2);
    const { body } = await env.api.graphql(`{
      tracks { roles { track { id } skills { skill { id } } technologies { technology { id } }
                       nextRoles { to { track { id } } } } }
    }`);
    expect(body.errors).toBeUndefined();
    const data = body.data as { tracks: { roles: unknown[] }[] };
    const roles = data.tracks.flatMap((t) => t.roles).length;
    expect(roles).toBeGreaterThan(5);
    // tracks (1), roles of tracks (1), then for all roles together and in one statement: track,
    // skills, technologies and nextRoles (1), then the next roles' tracks (at most 1; here every
    // role's track is already in the loader's cache): never more than 4, however many tracks and
    // roles there are.
    expect(body.extensions?.roundTrips).toBeLessThanOrEqual(4);
    expect(body.extensions?.roundTrips).toBeGreaterThanOrEqual(3);
  });

  it("fetches the kinds of relationship one level asks for in a single round trip", async () => {
    const { body } = await env.api.graphql(`{
      role(id: "back-end-developer") {
        track { id } skills { skill { id } } technologies { technology { id } }
        nextRoles { to { id } } previousRoles { from { id } } relatedRoles { role { id } }
        salaryBands { id } sources { id }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const role = (body.data as { role: Record<string, unknown[]> }).role;
    for (const field of ["skills", "technologies", "nextRoles", "previousRoles", "sources"])
      expect(role[field]?.length, field).toBeGreaterThan(0);
    // The role (1), then its eight relationship fields together (1).
    expect(body.extensions?.roundTrips).toBe(2);
  });
});

describe("HTTP surface", () => {
  it("answers GET queries that carry a preflight header and blocks simple GETs (CSRF)", async () => {
    const query = encodeURIComponent("{ tracks { id } }");
    const allowed = await fetch(`${env.api.url}/graphql?query=${query}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(allowed.status).toBe(200);
    const blocked = await fetch(`${env.api.url}/graphql?query=${query}`);
    expect(blocked.status).toBe(400);
    expect(
      ((await blocked.json()) as { errors: { extensions: { code: string } }[] }).errors[0]
        ?.extensions.code,
    ).toBe("BAD_REQUEST");
  });

  it("echoes a valid x-request-id and makes one up otherwise", async () => {
    const given = await fetch(`${env.api.url}/healthz`, { headers: { "x-request-id": "abc-123" } });
    expect(given.headers.get("x-request-id")).toBe("abc-123");
    const invalid = await fetch(`${env.api.url}/healthz`, {
      headers: { "x-request-id": "bad id with spaces" },
    });
    expect(invalid.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("counts round trips in the Prometheus metrics", async () => {
    const read = async () => {
      const text = await (await fetch(`${env.api.url}/metrics`)).text();
      return Number(/rolegraph_neo4j_round_trips_total\{mode="read"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    const before = await read();
    await env.api.graphql("{ tracks { id } }");
    expect(await read()).toBe(before + 1);
  });

  it("masks unexpected failures: no stack, no Cypher, a generic message", async () => {
    const { body } = await env.api.graphql("{ tracks { id } }");
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|MATCH/);
  });
});

describe("skills and technologies", () => {
  it("lists the roles requiring a skill, most important first, as Neo4j has them", async () => {
    const expected = await env.db.cypher<{ id: string; importance: number }>(
      `MATCH (r:Role)-[e:REQUIRES]->(:Skill {id: $id}) RETURN r.id AS id, e.importance AS importance`,
      { id: "api-design" },
    );
    expect(expected.length).toBeGreaterThan(2);
    const { skill } = await env.api.data<{ skill: { roles: { id: string }[] } }>(
      '{ skill(id: "api-design") { roles(first: 100) { id } } }',
    );
    expect(skill.roles.map((r) => r.id).sort()).toEqual(expected.map((e) => e.id).sort());
    const importance = new Map(expected.map((e) => [e.id, e.importance]));
    const ranks = skill.roles.map((r) => importance.get(r.id) ?? 0);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

    const two = await env.api.data<{ skill: { roles: unknown[] } }>(
      '{ skill(id: "api-design") { roles(first: 2) { id } } }',
    );
    expect(two.skill.roles).toHaveLength(2);
  });

  it("refuses first past its bound with BAD_USER_INPUT", async () => {
    const { body } = await env.api.graphql(
      '{ technology(id: "docker") { roles(first: 101) { id } } }',
    );
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toContain("received 101");
  });

  it("counts skills required together by the roles that require both", async () => {
    const expected = await env.db.cypher<{ id: string; shared: number }>(
      `MATCH (:Skill {id: $id})<-[:REQUIRES]-(r:Role)-[:REQUIRES]->(o:Skill)
       RETURN o.id AS id, count(DISTINCT r) AS shared`,
      { id: "api-design" },
    );
    const { skill } = await env.api.data<{
      skill: { relatedSkills: { skill: { id: string }; sharedRoles: number }[] };
    }>('{ skill(id: "api-design") { relatedSkills(first: 100) { skill { id } sharedRoles } } }');
    const got = new Map(skill.relatedSkills.map((r) => [r.skill.id, r.sharedRoles]));
    expect(got).toEqual(new Map(expected.map((e) => [e.id, e.shared])));
  });
});
