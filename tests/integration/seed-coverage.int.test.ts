import { describe, expect, it } from "vitest";
import { LEVELS } from "../../src/model.js";
import { useTestApi } from "../helpers/server.js";

const env = useTestApi();

interface Named {
  name: string;
  count: number;
}
interface Source {
  id: string;
}
interface CoverageRole {
  id: string;
  level: string;
  summary: string | null;
  aliases: string[];
  responsibilities: string[];
  skills: { importance: number; skill: { id: string } }[];
  technologies: { usage: string; technology: { id: string } }[];
  nextRoles: { to: { id: string }; kind: string; typicalYears: number | null; sources: Source[] }[];
  previousRoles: { from: { id: string } }[];
  sources: Source[];
  salaryBands: {
    region: string;
    min: number;
    max: number;
    derivation: string | null;
    source: Source | null;
  }[];
}

const ROLE_FIELDS = `
  id level summary aliases responsibilities
  skills { importance skill { id } }
  technologies { usage technology { id } }
  nextRoles { to { id } kind typicalYears sources { id } }
  previousRoles { from { id } }
  sources { id }
  salaryBands { region min max derivation source { id } }`;

async function allRoles(): Promise<CoverageRole[]> {
  const { tracks } = await env.api.data<{ tracks: { id: string; roles: CoverageRole[] }[] }>(
    `{ tracks { id roles { ${ROLE_FIELDS} } } }`,
  );
  return tracks.flatMap((t) => t.roles);
}

describe("seed coverage, read back through GraphQL", () => {
  it("has the counts the seed promises: 15+ tracks, 100+ roles, 150+ skills, 300+ technologies, 250+ moves", async () => {
    const { graphStats } = await env.api.data<{
      graphStats: { nodes: Named[]; relationships: Named[] };
    }>("{ graphStats { nodes { name count } relationships { name count } } }");
    const count = (list: Named[], name: string) => list.find((n) => n.name === name)?.count ?? 0;
    expect(count(graphStats.nodes, "Track")).toBeGreaterThanOrEqual(15);
    expect(count(graphStats.nodes, "Role")).toBeGreaterThanOrEqual(100);
    expect(count(graphStats.nodes, "Skill")).toBeGreaterThanOrEqual(150);
    expect(count(graphStats.nodes, "Technology")).toBeGreaterThanOrEqual(300);
    expect(count(graphStats.relationships, "PROGRESSES_TO")).toBeGreaterThanOrEqual(250);
    expect(count(graphStats.relationships, "RELATED_TO")).toBeGreaterThan(50);
    expect(count(graphStats.relationships, "PRACTISED_WITH")).toBeGreaterThan(50);

    // The same numbers as plain Cypher gives.
    const [plain] = await env.db.cypher<{ roles: number; moves: number }>(
      "MATCH (r:Role) WITH count(r) AS roles MATCH ()-[m:PROGRESSES_TO]->() RETURN roles, count(m) AS moves",
    );
    expect(count(graphStats.nodes, "Role")).toBe(plain?.roles);
    expect(count(graphStats.relationships, "PROGRESSES_TO")).toBe(plain?.moves);
  });

  it("gives every role a summary, responsibilities, aliases, skills, technologies and a source", async () => {
    const roles = await allRoles();
    expect(roles.length).toBeGreaterThanOrEqual(100);
    const lacking = roles.filter(
      (r) =>
        !r.summary ||
        r.responsibilities.length === 0 ||
        r.aliases.length === 0 ||
        r.skills.length === 0 ||
        r.technologies.length === 0 ||
        r.sources.length === 0,
    );
    expect(lacking.map((r) => r.id)).toEqual([]);
    for (const role of roles) {
      for (const s of role.skills) expect(s.importance).toBeGreaterThanOrEqual(1);
      for (const s of role.skills) expect(s.importance).toBeLessThanOrEqual(5);
    }
  });

  it("covers the levels from intern to executive, and every track has a ladder", async () => {
    const roles = await allRoles();
    expect(new Set(roles.map((r) => r.level))).toEqual(new Set(LEVELS));
    const { tracks } = await env.api.data<{ tracks: { id: string; roles: { id: string }[] }[] }>(
      "{ tracks { id roles { id } } }",
    );
    expect(tracks.length).toBeGreaterThanOrEqual(15);
    for (const track of tracks) expect(track.roles.length, track.id).toBeGreaterThanOrEqual(2);
  });

  it("connects every role: each has a move in or out, and every move names a source", async () => {
    const roles = await allRoles();
    const isolated = roles.filter((r) => r.nextRoles.length === 0 && r.previousRoles.length === 0);
    expect(isolated.map((r) => r.id)).toEqual([]);
    const moves = roles.flatMap((r) => r.nextRoles);
    expect(moves.every((m) => m.sources.length > 0)).toBe(true);
    expect(new Set(moves.map((m) => m.kind))).toEqual(new Set(["PROMOTION", "LATERAL", "PIVOT"]));
  });

  it("has US bands derived from BLS and UK bands from the seed document, each with a source", async () => {
    const roles = await allRoles();
    const bands = roles.flatMap((r) => r.salaryBands);
    expect(bands.filter((b) => b.region === "US").length).toBeGreaterThan(60);
    expect(bands.filter((b) => b.region === "UK").length).toBeGreaterThanOrEqual(2);
    for (const band of bands) {
      expect(band.min).toBeLessThanOrEqual(band.max);
      expect(band.source).not.toBeNull();
      expect(band.derivation).toBeTruthy();
    }
  });

  it("records the public sources with licence and credit", async () => {
    const { sources } = await env.api.data<{
      sources: { id: string; licence: string | null; credit: string | null }[];
    }>("{ sources { id licence credit } }");
    const byId = new Map(sources.map((s) => [s.id, s]));
    for (const id of ["onet-29-3", "esco-1-2-0", "bls-oews-2024"]) {
      expect(byId.get(id)?.licence, id).toBeTruthy();
      expect(byId.get(id)?.credit, id).toBeTruthy();
    }
    expect(byId.get("onet-29-3")?.credit).toContain("CC BY 4.0");
  });

  it("marks technologies with O*NET's Hot and In Demand flags where O*NET lists them", async () => {
    const [row] = await env.db.cypher<{ flagged: number; hot: number }>(
      "MATCH (t:Technology) WHERE t.hot IS NOT NULL RETURN count(t) AS flagged, count(CASE WHEN t.hot THEN 1 END) AS hot",
    );
    expect(row?.flagged).toBeGreaterThan(100);
    expect(row?.hot).toBeGreaterThan(20);
    const { technology } = await env.api.data<{ technology: { hot: boolean; sources: Source[] } }>(
      '{ technology(id: "python") { hot inDemand sources { id } } }',
    );
    expect(technology.hot).toBe(true);
    expect(technology.sources.map((s) => s.id)).toContain("onet-29-3");
  });
});
