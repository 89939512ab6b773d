import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createKey } from "../../src/auth/api-key.js";
import { importGraph } from "../../src/curation/import.js";
import { PROJECT_ROOT } from "../../src/project-root.js";
import { readSeed } from "../../src/seed/loader.js";
import { useTestApi } from "../helpers/server.js";

/**
 * importGraph: a dry run counts and writes nothing; an import applies exactly what the dry run
 * counted; a bad document is refused whole; an import that fails midway leaves the graph as it
 * was (a full export before and after); REPLACE with the seed brings back the seed graph.
 */

const env = useTestApi();
const keys = { write: "", admin: "" };

/** Every entity and relationship with its properties, minus the audit stamps. */
async function exportGraph() {
  const strip = (props: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(props)
        .filter(([k]) => k !== "updatedAt" && k !== "updatedBy")
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  const nodes = await env.db.cypher<{
    id: string;
    labels: string[];
    props: Record<string, unknown>;
  }>("MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id");
  const links = await env.db.cypher<{ key: string; props: Record<string, unknown> }>(
    `MATCH (a:Entity)-[e]->(b:Entity)
     RETURN a.id + ' ' + type(e) + ' ' + b.id AS key, properties(e) AS props ORDER BY key`,
  );
  return {
    nodes: nodes.map((n) => ({ id: n.id, labels: [...n.labels].sort(), props: strip(n.props) })),
    links: links.map((l) => ({ key: l.key, props: strip(l.props) })),
  };
}

const IMPORT = `mutation ($document: JSONObject!, $mode: ImportMode, $dryRun: Boolean) {
  importGraph(document: $document, mode: $mode, dryRun: $dryRun) {
    mode dryRun entities { kind created updated deleted } links { kind created updated deleted }
  }
}`;

interface Report {
  mode: string;
  dryRun: boolean;
  entities: { kind: string; created: number; updated: number; deleted: number }[];
  links: { kind: string; created: number; updated: number; deleted: number }[];
}

const count = (list: Report["entities"], kind: string) => list.find((c) => c.kind === kind);

/** A small document that adds a track and two roles and points into the seed graph. */
const ADDITION = {
  tracks: [{ id: "imp-track", name: "Imported track" }],
  roles: [
    {
      id: "imp-junior",
      title: "Imported Junior",
      level: "JUNIOR",
      track: "imp-track",
      skills: [{ id: "api-design", importance: 3 }],
    },
    { id: "imp-senior", title: "Imported Senior", level: "SENIOR", track: "imp-track" },
  ],
  progressions: [
    { from: "imp-junior", to: "imp-senior", kind: "PROMOTION", typicalYears: 3 },
    { from: "imp-senior", to: "cto", kind: "PIVOT" },
  ],
};

let original: Awaited<ReturnType<typeof exportGraph>>;

beforeAll(async () => {
  original = await exportGraph();
  keys.write = (await createKey(env.db.executor, "imp-write", "write")).key;
  keys.admin = (await createKey(env.db.executor, "imp-admin", "admin")).key;
});

afterAll(async () => {
  // REPLACE with the seed is itself under test below; this only makes sure, whatever happened.
  await env.db.cypher("MATCH (n:Entity) WHERE n.id STARTS WITH 'imp-' DETACH DELETE n");
  await env.db.cypher("MATCH (k:ApiKey) WHERE k.name STARTS WITH 'imp-' DELETE k");
  await env.db.cypher("MATCH (c:Change) DETACH DELETE c");
  await env.db.cypher("MERGE (v:GraphVersion {id: 'graph'}) SET v.version = v.version + 1");
});

const asAdmin = () => ({ authorization: `Bearer ${keys.admin}` });

describe("importGraph", () => {
  it("needs the admin scope", async () => {
    const { body } = await env.api.graphql(
      IMPORT,
      { document: ADDITION, dryRun: true },
      { authorization: `Bearer ${keys.write}` },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("counts on a dry run and writes nothing, then applies exactly that", async () => {
    const before = await exportGraph();
    const dry = await env.api.graphql(IMPORT, { document: ADDITION, dryRun: true }, asAdmin());
    expect(dry.body.errors).toBeUndefined();
    const report = (dry.body.data as { importGraph: Report }).importGraph;
    expect(report.dryRun).toBe(true);
    expect(count(report.entities, "Track")).toEqual({
      kind: "Track",
      created: 1,
      updated: 0,
      deleted: 0,
    });
    expect(count(report.entities, "Role")).toEqual({
      kind: "Role",
      created: 2,
      updated: 0,
      deleted: 0,
    });
    expect(count(report.links, "PROGRESSES_TO")).toMatchObject({ created: 2, updated: 0 });
    expect(count(report.links, "REQUIRES")).toMatchObject({ created: 1, updated: 0 });
    expect(await exportGraph()).toEqual(before);

    const applied = await env.api.graphql(IMPORT, { document: ADDITION }, asAdmin());
    expect(applied.body.errors).toBeUndefined();
    const done = (applied.body.data as { importGraph: Report }).importGraph;
    expect({ ...done, dryRun: true }).toEqual(report);
    const after = await exportGraph();
    expect(after.nodes.length).toBe(before.nodes.length + 3);
    expect(after.links.map((l) => l.key)).toEqual(
      expect.arrayContaining([
        "imp-junior PROGRESSES_TO imp-senior",
        "imp-senior PROGRESSES_TO cto",
      ]),
    );
    const stamped = await env.db.cypher<{ by: string }>(
      "MATCH (r:Role {id: 'imp-junior'}) RETURN r.updatedBy AS by",
    );
    expect(stamped[0]?.by).toBe("imp-admin");
    // A second import of the same document updates, creates nothing.
    const again = await env.api.graphql(IMPORT, { document: ADDITION, dryRun: true }, asAdmin());
    const second = (again.body.data as { importGraph: Report }).importGraph;
    expect(count(second.entities, "Role")).toMatchObject({ created: 0, updated: 2 });
    expect(count(second.links, "PROGRESSES_TO")).toMatchObject({ created: 0, updated: 2 });
    // The path search sees the imported moves.
    const { careerPaths } = await env.api.data<{ careerPaths: { roles: { id: string }[] }[] }>(
      `{ careerPaths(from: "imp-junior", to: "cto", k: 1) { roles { id } } }`,
    );
    expect(careerPaths[0]?.roles.map((r) => r.id)).toEqual(["imp-junior", "imp-senior", "cto"]);
  });

  it("refuses an invalid document whole, listing its problems", async () => {
    const before = await exportGraph();
    const bad = {
      tracks: [{ id: "imp-other", name: "Other" }],
      roles: [{ id: "Imp Bad", title: "Bad", level: "MID", track: "imp-other" }],
    };
    const shape = await env.api.graphql(IMPORT, { document: bad }, asAdmin());
    expect(shape.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(shape.body.errors?.[0]?.message).toMatch(/roles\[0\].*id/);
    const dangling = {
      roles: [{ id: "imp-lost", title: "Lost", level: "MID", track: "imp-nowhere" }],
      progressions: [{ from: "imp-lost", to: "imp-lost", kind: "LATERAL" }],
    };
    const refs = await env.api.graphql(IMPORT, { document: dangling }, asAdmin());
    expect(refs.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(refs.body.errors?.[0]?.message).toMatch(/unknown track "imp-nowhere"/);
    expect(refs.body.errors?.[0]?.message).toMatch(/cannot progress to itself/);
    const clash = { skills: [{ id: "cto", name: "Clash", category: "DOMAIN" }] };
    const kind = await env.api.graphql(IMPORT, { document: clash }, asAdmin());
    expect(kind.body.errors?.[0]?.message).toMatch(/belongs to a role/);
    expect(await exportGraph()).toEqual(before);
  });

  it("leaves the graph exactly as it was when an import fails midway", async () => {
    const before = await exportGraph();
    const document = {
      ...ADDITION,
      roles: ADDITION.roles.map((r) => ({ ...r, title: `${r.title} v2` })),
      tracks: [...ADDITION.tracks, { id: "imp-track-2", name: "Second" }],
    };
    const steps: string[] = [];
    await expect(
      importGraph(env.db.executor, document, {
        mode: "MERGE",
        dryRun: false,
        by: "imp-test",
        onStep: (name) => {
          steps.push(name);
          if (name === "progressions") throw new Error("failed midway");
        },
      }),
    ).rejects.toThrow("failed midway");
    // Tracks, skills and roles had been written in the transaction before it failed.
    expect(steps).toEqual(expect.arrayContaining(["tracks", "roles", "progressions"]));
    expect(await exportGraph()).toEqual(before);
  });

  it("does the same from the command line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rolegraph-import-"));
    const file = join(dir, "doc.json");
    writeFileSync(file, JSON.stringify({ tracks: [{ id: "imp-cli", name: "From the CLI" }] }));
    const target = inject("neo4j");
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/import.ts", ...args], {
        cwd: PROJECT_ROOT,
        env: { PATH: process.env.PATH ?? "", NEO4J_URI: target.uri, LOG_LEVEL: "silent" },
      });
    try {
      const dry = await run(file, "--dry-run");
      expect(dry.stdout).toMatch(/^Would change \(dry run, nothing written\) \(MERGE\):/);
      expect(dry.stdout).toMatch(/^ {2}Track +\+1 {2}~0 {2}-0$/m);
      expect(await env.db.cypher("MATCH (t:Track {id: 'imp-cli'}) RETURN t")).toEqual([]);
      expect((await run(file)).stdout).toMatch(/^Imported \(MERGE\):/);
      const [row] = await env.db.cypher<{ by: string }>(
        "MATCH (t:Track {id: 'imp-cli'}) RETURN t.updatedBy AS by",
      );
      expect(row?.by).toBe("cli");
      writeFileSync(file, JSON.stringify({ tracks: [{ id: "Bad Id", name: "x" }] }));
      await expect(run(file)).rejects.toThrow(/tracks\[0\].*id/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("REPLACE with the seed counts what goes, then brings back the seed graph exactly", async () => {
    const seed = readSeed();
    const dry = await env.api.graphql(
      IMPORT,
      { document: seed, mode: "REPLACE", dryRun: true },
      asAdmin(),
    );
    // Too large for one HTTP body? Then the function path is what the CLI uses.
    const report: Report =
      dry.status === 413 || dry.body.errors
        ? await importGraph(env.db.executor, seed, { mode: "REPLACE", dryRun: true, by: "imp" })
        : (dry.body.data as { importGraph: Report }).importGraph;
    expect(count(report.entities, "Role")).toMatchObject({ created: 0, deleted: 2 });
    expect(count(report.entities, "Track")).toMatchObject({ created: 0, deleted: 2 });
    expect(count(report.links, "PROGRESSES_TO")).toMatchObject({ created: 0, deleted: 2 });
    await importGraph(env.db.executor, seed, { mode: "REPLACE", dryRun: false, by: "imp" });
    expect(await exportGraph()).toEqual(original);
  });
});
