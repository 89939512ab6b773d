import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createKey, revokeKey } from "../../src/auth/api-key.js";
import { PROJECT_ROOT } from "../../src/project-root.js";
import { type RunningServer, startTestServer, useTestApi } from "../helpers/server.js";

/**
 * Curation through the API: keys and scopes, every mutation's happy path and its validation
 * errors, the audit trail, concurrency, and a path query seeing a write. Every id made here
 * starts with "zz-" and is removed afterwards, so the seed graph other files read is intact.
 */

const env = useTestApi();
const keys = { read: "", write: "", admin: "" };
const BUMP = "MERGE (v:GraphVersion {id: 'graph'}) SET v.version = coalesce(v.version, 0) + 1";

beforeAll(async () => {
  for (const scope of ["read", "write", "admin"] as const) {
    keys[scope] = (await createKey(env.db.executor, `zz-${scope}`, scope)).key;
  }
});

afterAll(async () => {
  await env.db.cypher("MATCH (n:Entity) WHERE n.id STARTS WITH 'zz-' DETACH DELETE n");
  await env.db.cypher("MATCH ()-[e]->() WHERE e.updatedBy STARTS WITH 'zz-' DELETE e");
  await env.db.cypher("MATCH (c:Change) DETACH DELETE c");
  await env.db.cypher("MATCH (k:ApiKey) WHERE k.name STARTS WITH 'zz-' DELETE k");
  await env.db.cypher(BUMP);
});

const as = (scope: keyof typeof keys) => ({ authorization: `Bearer ${keys[scope]}` });

async function mutate<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const { body } = await env.api.graphql(query, variables, as("write"));
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

const errorOf = async (
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = as("write"),
) => {
  const { body, status } = await env.api.graphql(query, variables, headers);
  return { status, code: body.errors?.[0]?.extensions?.code, error: body.errors?.[0] };
};

const UPSERT_TRACK = `mutation ($input: TrackInput!) { upsertTrack(input: $input) { id name } }`;
const UPSERT_ROLE = `mutation ($input: RoleInput!) {
  upsertRole(input: $input) { id title level track { id } aliases }
}`;

describe("API keys and scopes", () => {
  it("lets anyone read, but a mutation needs a key with the write scope", async () => {
    const input = { id: "zz-auth-track", name: "Auth" };
    expect((await errorOf(UPSERT_TRACK, { input }, {})).code).toBe("UNAUTHENTICATED");
    expect((await errorOf(UPSERT_TRACK, { input }, as("read"))).code).toBe("FORBIDDEN");
    expect(
      (await env.api.graphql(UPSERT_TRACK, { input }, as("admin"))).body.errors,
    ).toBeUndefined();
    expect((await env.api.graphql("{ tracks { id } }")).body.errors).toBeUndefined();
  });

  it("refuses a malformed, unknown, tampered or revoked key with UNAUTHENTICATED", async () => {
    const input = { id: "zz-auth-track", name: "Auth" };
    const tampered = `${keys.write.slice(0, -1)}${keys.write.endsWith("A") ? "B" : "A"}`;
    for (const authorization of ["Basic abc", "Bearer", "Bearer nope", `Bearer ${tampered}`]) {
      const { code, status } = await errorOf(UPSERT_TRACK, { input }, { authorization });
      expect(code, authorization).toBe("UNAUTHENTICATED");
      expect(status).toBe(401);
    }
    const doomed = await createKey(env.db.executor, "zz-doomed", "write");
    const headers = { authorization: `Bearer ${doomed.key}` };
    expect((await env.api.graphql(UPSERT_TRACK, { input }, headers)).body.errors).toBeUndefined();
    expect(await revokeKey(env.db.executor, "zz-doomed")).toBe(true);
    expect((await errorOf(UPSERT_TRACK, { input }, headers)).code).toBe("UNAUTHENTICATED");
  });

  it("stores only a hash of each key", async () => {
    const rows = await env.db.cypher<{ k: Record<string, unknown> }>(
      "MATCH (k:ApiKey {name: 'zz-write'}) RETURN properties(k) AS k",
    );
    const stored = JSON.stringify(rows[0]?.k);
    const secret = keys.write.split("_").slice(2).join("_");
    expect(stored).not.toContain(secret);
    expect(rows[0]?.k.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("closes reads too when REQUIRE_AUTH_FOR_READS is on", async () => {
    const closed: RunningServer = await startTestServer(env.db.executor, env.db.logger, {
      requireAuthForReads: true,
    });
    try {
      const anonymous = await closed.graphql("{ tracks { id } }");
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(anonymous.status).toBe(401);
      const reader = await closed.graphql("{ tracks { id } }", {}, as("read"));
      expect(reader.body.errors).toBeUndefined();
    } finally {
      await closed.close();
    }
  });

  it("creates, lists and revokes keys from the command line, printing a key once", async () => {
    const target = inject("neo4j");
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/apikey.ts", ...args], {
        cwd: PROJECT_ROOT,
        env: {
          PATH: process.env.PATH ?? "",
          NEO4J_URI: target.uri,
          NEO4J_DATABASE: target.database,
          LOG_LEVEL: "silent",
        },
      });
    const created = await run("create", "--name", "zz-cli", "--scope", "write");
    const key = created.stdout.trim();
    expect(key).toMatch(/^rgk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const headers = { authorization: `Bearer ${key}` };
    const input = { id: "zz-cli-track", name: "CLI" };
    expect((await env.api.graphql(UPSERT_TRACK, { input }, headers)).body.errors).toBeUndefined();
    expect((await run("list")).stdout).toMatch(/^zz-cli\twrite\t\S+\tlive$/m);
    await expect(run("create", "--name", "zz-cli", "--scope", "read")).rejects.toThrow(/exists/);
    await run("revoke", "--name", "zz-cli");
    expect((await run("list")).stdout).not.toContain(key);
    expect((await errorOf(UPSERT_TRACK, { input }, headers)).code).toBe("UNAUTHENTICATED");
    await expect(run("create", "--name", "x", "--scope", "root")).rejects.toThrow(/--scope/);
  });
});

describe("entity mutations", () => {
  it("upserts a track, a role in it, a skill, a technology, a source and a band, stamped", async () => {
    await mutate(UPSERT_TRACK, { input: { id: "zz-track", name: "Test track" } });
    const { upsertRole } = await mutate<{ upsertRole: Record<string, unknown> }>(UPSERT_ROLE, {
      input: {
        id: "zz-role",
        title: "Test Role",
        level: "SENIOR",
        track: "zz-track",
        aliases: ["Tester"],
        experienceYears: { min: 2, max: 5 },
      },
    });
    expect(upsertRole).toEqual({
      id: "zz-role",
      title: "Test Role",
      level: "SENIOR",
      track: { id: "zz-track" },
      aliases: ["Tester"],
    });
    await mutate(
      `mutation { upsertSkill(input: {id: "zz-skill", name: "Test skill", category: TECHNICAL}) { id } }`,
    );
    await mutate(
      `mutation { upsertTechnology(input: {id: "zz-tech", name: "Test tech", kind: TOOL}) { id } }`,
    );
    await mutate(
      `mutation { upsertSource(input: {id: "zz-source", title: "Test source", url: "https://example.org"}) { id } }`,
    );
    const { upsertSalaryBand } = await mutate<{ upsertSalaryBand: Record<string, unknown> }>(
      `mutation { upsertSalaryBand(input: {id: "zz-band", role: "zz-role", region: "UK",
         currency: "GBP", min: 40000, max: 60000, year: 2026, source: "zz-source"}) {
         region currency min max year source { id } } }`,
    );
    expect(upsertSalaryBand).toEqual({
      region: "UK",
      currency: "GBP",
      min: 40000,
      max: 60000,
      year: 2026,
      source: { id: "zz-source" },
    });
    const stamps = await env.db.cypher<{ id: string; by: string; at: boolean }>(
      `MATCH (n:Entity) WHERE n.id STARTS WITH 'zz-' AND n.id <> 'zz-auth-track'
         AND n.id <> 'zz-cli-track'
       RETURN n.id AS id, n.updatedBy AS by, n.updatedAt IS NOT NULL AS at ORDER BY id`,
    );
    expect(stamps.map((s) => s.id)).toEqual([
      "zz-band",
      "zz-role",
      "zz-skill",
      "zz-source",
      "zz-tech",
      "zz-track",
    ]);
    expect(stamps.every((s) => s.by === "zz-write" && s.at)).toBe(true);
    // An upsert replaces: the role is found by its new title, and its old alias is gone.
    await mutate(UPSERT_ROLE, {
      input: { id: "zz-role", title: "Test Role Renamed", level: "SENIOR", track: "zz-track" },
    });
    const { role } = await env.api.data<{ role: { title: string; aliases: string[] } }>(
      `{ role(id: "zz-role") { title aliases } }`,
    );
    expect(role).toEqual({ title: "Test Role Renamed", aliases: [] });
  });

  it("answers BAD_USER_INPUT naming the field, and NOT_FOUND for unknown references", async () => {
    const role = { id: "zz-bad", title: "Bad", level: "MID", track: "zz-track" };
    const cases: [string, Record<string, unknown>, string, string?][] = [
      [UPSERT_ROLE, { input: { ...role, id: "Not A Slug" } }, "BAD_USER_INPUT", "input.id"],
      [UPSERT_ROLE, { input: { ...role, title: "   " } }, "BAD_USER_INPUT", "input.title"],
      [
        UPSERT_ROLE,
        { input: { ...role, experienceYears: { min: 5, max: 2 } } },
        "BAD_USER_INPUT",
        "input.experienceYears.min",
      ],
      [UPSERT_ROLE, { input: { ...role, track: "zz-nowhere" } }, "NOT_FOUND"],
      [UPSERT_ROLE, { input: { ...role, id: "zz-skill" } }, "BAD_USER_INPUT", "input.id"],
      [UPSERT_TRACK, { input: { id: "zz-role", name: "Clash" } }, "BAD_USER_INPUT", "input.id"],
    ];
    for (const [query, variables, code, argument] of cases) {
      const { code: got, error } = await errorOf(query, variables);
      expect(got, JSON.stringify(variables)).toBe(code);
      if (argument) expect(error?.extensions?.argument).toBe(argument);
    }
    const band = `mutation ($input: SalaryBandInput!) { upsertSalaryBand(input: $input) { id } }`;
    const good = {
      id: "zz-band-2",
      role: "zz-role",
      region: "UK",
      currency: "GBP",
      min: 1,
      max: 2,
      year: 2026,
      source: "zz-source",
    };
    expect((await errorOf(band, { input: { ...good, min: 3 } })).error?.extensions?.argument).toBe(
      "input.min",
    );
    expect((await errorOf(band, { input: { ...good, currency: "pounds" } })).code).toBe(
      "BAD_USER_INPUT",
    );
    expect((await errorOf(band, { input: { ...good, track: "zz-track" } })).code).toBe(
      "BAD_USER_INPUT",
    );
    expect((await errorOf(band, { input: { ...good, source: "zz-nosource" } })).code).toBe(
      "NOT_FOUND",
    );
    // Nothing of the refused writes is there.
    const left = await env.db.cypher<{ n: number }>(
      "MATCH (n:Entity) WHERE n.id IN ['zz-bad', 'zz-band-2'] RETURN count(n) AS n",
    );
    expect(left[0]?.n).toBe(0);
  });
});

const SET_MOVE = `mutation ($input: ProgressionInput!) { setProgression(input: $input) }`;

describe("link mutations", () => {
  it("sets and removes every kind of link, stamped", async () => {
    await mutate(UPSERT_ROLE, {
      input: { id: "zz-role-2", title: "Test Role 2", level: "LEAD", track: "zz-track" },
    });
    await mutate(SET_MOVE, {
      input: { from: "zz-role", to: "zz-role-2", kind: "PROMOTION", typicalYears: 2 },
    });
    await mutate(
      `mutation { setRoleSkill(input: {role: "zz-role", skill: "zz-skill", importance: 4}) }`,
    );
    await mutate(
      `mutation { setRoleTechnology(input: {role: "zz-role", technology: "zz-tech", usage: CORE}) }`,
    );
    await mutate(
      `mutation { setRelatedRoles(input: {from: "zz-role-2", to: "zz-role", similarity: 0.5}) }`,
    );
    // The other direction replaces it: one link per pair.
    await mutate(
      `mutation { setRelatedRoles(input: {from: "zz-role", to: "zz-role-2", similarity: 0.7}) }`,
    );
    await mutate(`mutation { linkSkillTechnology(skill: "zz-skill", technology: "zz-tech") }`);
    const links = await env.db.cypher<{
      type: string;
      from: string;
      to: string;
      by: string;
      props: Record<string, unknown>;
    }>(
      `MATCH (a:Entity)-[e]->(b:Entity) WHERE a.id STARTS WITH 'zz-' AND b.id STARTS WITH 'zz-'
         AND NOT type(e) IN ['IN_TRACK', 'PAID', 'CITES']
       RETURN type(e) AS type, a.id AS from, b.id AS to, e.updatedBy AS by,
              e { .importance, .usage, .kind, .typicalYears, .similarity } AS props
       ORDER BY type, from`,
    );
    expect(links.map((l) => [l.type, l.from, l.to])).toEqual([
      ["PRACTISED_WITH", "zz-skill", "zz-tech"],
      ["PROGRESSES_TO", "zz-role", "zz-role-2"],
      ["RELATED_TO", "zz-role", "zz-role-2"],
      ["REQUIRES", "zz-role", "zz-skill"],
      ["USES", "zz-role", "zz-tech"],
    ]);
    expect(links.every((l) => l.by === "zz-write")).toBe(true);
    expect(links.find((l) => l.type === "REQUIRES")?.props.importance).toBe(4);
    expect(links.find((l) => l.type === "RELATED_TO")?.props.similarity).toBe(0.7);

    const removed = await mutate<Record<string, boolean>>(`mutation {
      a: removeRoleSkill(role: "zz-role", skill: "zz-skill")
      b: removeRoleTechnology(role: "zz-role", technology: "zz-tech")
      c: removeRelatedRoles(from: "zz-role-2", to: "zz-role")
      d: unlinkSkillTechnology(skill: "zz-skill", technology: "zz-tech")
      e: removeRoleSkill(role: "zz-role", skill: "zz-skill")
    }`);
    expect(removed).toEqual({ a: true, b: true, c: true, d: true, e: false });
  });

  it("refuses a self-move, bad importance and unknown ends", async () => {
    const self = await errorOf(SET_MOVE, {
      input: { from: "zz-role", to: "zz-role", kind: "LATERAL" },
    });
    expect(self.code).toBe("BAD_USER_INPUT");
    const importance = await errorOf(
      `mutation { setRoleSkill(input: {role: "zz-role", skill: "zz-skill", importance: 6}) }`,
    );
    expect(importance.error?.extensions?.argument).toBe("input.importance");
    const sideways = await errorOf(SET_MOVE, {
      input: { from: "zz-role", to: "zz-role-2", kind: "LATERAL" },
    });
    expect(sideways.error?.extensions?.argument).toBe("input.kind");
    const down = await errorOf(SET_MOVE, {
      input: { from: "zz-role-2", to: "zz-role", kind: "PROMOTION" },
    });
    expect(down.error?.extensions?.argument).toBe("input.kind");
    const unknown = await errorOf(SET_MOVE, {
      input: { from: "zz-role", to: "zz-nobody", kind: "PIVOT" },
    });
    expect(unknown.code).toBe("NOT_FOUND");
    const wrongKind = await errorOf(
      `mutation { setRoleSkill(input: {role: "zz-role", skill: "zz-tech", importance: 3}) }`,
    );
    expect(wrongKind.code).toBe("NOT_FOUND");
  });

  it("makes a new move visible to the next path query", async () => {
    const PATHS = `{ careerPaths(from: "zz-role", to: "cto", maxSteps: 2) { roles { id } } }`;
    expect((await env.api.data<{ careerPaths: unknown[] }>(PATHS)).careerPaths).toEqual([]);
    await mutate(SET_MOVE, { input: { from: "zz-role", to: "cto", kind: "PIVOT" } });
    const { careerPaths } = await env.api.data<{ careerPaths: { roles: { id: string }[] }[] }>(
      PATHS,
    );
    expect(careerPaths.map((p) => p.roles.map((r) => r.id))).toContainEqual(["zz-role", "cto"]);
  });
});

describe("deletes, the audit trail and concurrency", () => {
  it("deletes a role and says what went with it; refuses a track with roles", async () => {
    expect((await errorOf(`mutation { deleteTrack(id: "zz-track") { id } }`)).code).toBe(
      "BAD_USER_INPUT",
    );
    expect((await errorOf(`mutation { deleteSource(id: "zz-source") { id } }`)).code).toBe(
      "BAD_USER_INPUT",
    );
    expect((await errorOf(`mutation { deleteSkill(id: "zz-role") { id } }`)).code).toBe(
      "NOT_FOUND",
    );
    const before = await env.db.cypher<{ n: number }>(
      "MATCH (:Role {id: 'zz-role'})-[e]-() RETURN count(e) AS n",
    );
    const { deleteRole } = await mutate<{ deleteRole: Record<string, unknown> }>(
      `mutation { deleteRole(id: "zz-role") { id kind relationships salaryBands } }`,
    );
    // The role's own links, plus the removed band's citation.
    expect(deleteRole).toEqual({
      id: "zz-role",
      kind: "Role",
      relationships: (before[0]?.n ?? 0) + 1,
      salaryBands: ["zz-band"],
    });
    const gone = await env.db.cypher<{ n: number }>(
      "MATCH (n:Entity) WHERE n.id IN ['zz-role', 'zz-band'] RETURN count(n) AS n",
    );
    expect(gone[0]?.n).toBe(0);
  });

  it("lists changes newest first with who made them, since a time", async () => {
    const CHANGES = `query ($since: String) { changes(since: $since, first: 100) { at by action kind target } }`;
    expect((await errorOf(CHANGES, {}, {})).code).toBe("UNAUTHENTICATED");
    const { body } = await env.api.graphql(CHANGES, {}, as("read"));
    const all = (
      body.data as {
        changes: { at: string; by: string; action: string; kind: string; target: string }[];
      }
    ).changes;
    expect(all[0]).toMatchObject({
      action: "delete",
      kind: "Role",
      target: "zz-role",
      by: "zz-write",
    });
    const times = all.map((c) => Date.parse(c.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(
      all.some(
        (c) =>
          c.action === "set" && c.kind === "PROGRESSES_TO" && c.target === "zz-role → zz-role-2",
      ),
    ).toBe(true);
    const recent = await env.api.graphql(CHANGES, { since: all[1]?.at }, as("read"));
    expect((recent.body.data as { changes: unknown[] }).changes).toHaveLength(1);
    expect((await errorOf(CHANGES, { since: "yesterday" }, as("read"))).code).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("deletes skills, technologies, bands, sources and an emptied track", async () => {
    await mutate(`mutation { upsertSalaryBand(input: {id: "zz-band-3", track: "zz-track",
      region: "UK", currency: "GBP", min: 1, max: 2, year: 2026, source: "zz-source"}) { id } }`);
    const deleted = await mutate<
      Record<string, { id: string; kind: string; salaryBands: string[] }>
    >(`mutation {
      a: deleteRole(id: "zz-role-2") { id kind salaryBands }
      b: deleteSalaryBand(id: "zz-band-3") { id kind salaryBands }
      c: deleteSource(id: "zz-source") { id kind salaryBands }
      d: deleteTrack(id: "zz-track") { id kind salaryBands }
      e: deleteSkill(id: "zz-skill") { id kind salaryBands }
      f: deleteTechnology(id: "zz-tech") { id kind salaryBands }
    }`);
    expect(Object.values(deleted).map((d) => d.kind)).toEqual([
      "Role",
      "SalaryBand",
      "Source",
      "Track",
      "Skill",
      "Technology",
    ]);
    const left = await env.db.cypher<{ n: number }>(
      `MATCH (n:Entity) WHERE n.id IN ['zz-role-2', 'zz-band-3', 'zz-source', 'zz-track',
         'zz-skill', 'zz-tech'] RETURN count(n) AS n`,
    );
    expect(left[0]?.n).toBe(0);
    expect((await errorOf(`mutation { deleteTrack(id: "zz-track") { id } }`)).code).toBe(
      "NOT_FOUND",
    );
  });

  it("manages keys over the API for admins only", async () => {
    const CREATE = `mutation { createApiKey(name: "zz-api", scope: READ) { name scope key } }`;
    expect((await errorOf(CREATE, {}, as("write"))).code).toBe("FORBIDDEN");
    const created = await env.api.graphql(CREATE, {}, as("admin"));
    const issued = (created.body.data as { createApiKey: { key: string; scope: string } })
      .createApiKey;
    expect(issued.scope).toBe("READ");
    const headers = { authorization: `Bearer ${issued.key}` };
    expect(
      (await env.api.graphql("{ changes(first: 1) { id } }", {}, headers)).body.errors,
    ).toBeUndefined();
    expect((await errorOf(CREATE, {}, as("admin"))).code).toBe("BAD_USER_INPUT");
    const listed = await env.api.graphql("{ apiKeys { name scope revokedAt } }", {}, as("admin"));
    const keysNow = (listed.body.data as { apiKeys: { name: string; revokedAt: string | null }[] })
      .apiKeys;
    expect(keysNow.find((k) => k.name === "zz-api")).toMatchObject({ revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(issued.key);
    const revoke = `mutation { revokeApiKey(name: "zz-api") }`;
    expect((await env.api.graphql(revoke, {}, as("admin"))).body.data).toEqual({
      revokeApiKey: true,
    });
    expect((await errorOf("{ changes(first: 1) { id } }", {}, headers)).code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("creates one node from 50 concurrent upserts of one id", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        env.api.graphql(
          `mutation ($input: SkillInput!) { upsertSkill(input: $input) { id } }`,
          { input: { id: "zz-concurrent", name: `Concurrent ${i}`, category: "DOMAIN" } },
          as("write"),
        ),
      ),
    );
    expect(results.filter((r) => r.body.errors !== undefined)).toEqual([]);
    const rows = await env.db.cypher<{ n: number; names: string[] }>(
      "MATCH (n:Entity {id: 'zz-concurrent'}) RETURN count(n) AS n, collect(n.name) AS names",
    );
    expect(rows[0]?.n).toBe(1);
    expect(rows[0]?.names[0]).toMatch(/^Concurrent \d+$/);
  });
});
