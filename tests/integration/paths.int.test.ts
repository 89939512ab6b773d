import { describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/server.js";

/**
 * careerPaths, skillGap and rolesWithinReach on the seed graph, each checked against plain Cypher
 * written here: every simple path enumerated by the database, costed and sorted by the promised
 * rule; set differences of requirements; coverage sums.
 */

const env = useTestApi();

const PATHS = `query ($from: ID!, $to: ID!, $k: Int, $w: PathWeight, $max: Int, $avoid: [ID!]) {
  careerPaths(from: $from, to: $to, k: $k, weightBy: $w, maxSteps: $max, avoid: $avoid) {
    roles { id }
    steps { from { id } to { id } kind typicalYears newSkills { id } salaryDelta }
    totalSteps totalYears cost
    skillsToAcquire { id }
    salaryChange { region currency from to change }
  }
}`;

interface Path {
  roles: { id: string }[];
  steps: {
    from: { id: string };
    to: { id: string };
    kind: string;
    typicalYears: number | null;
    newSkills: { id: string }[];
    salaryDelta: number | null;
  }[];
  totalSteps: number;
  totalYears: number | null;
  cost: number;
  skillsToAcquire: { id: string }[];
  salaryChange: {
    region: string;
    currency: string;
    from: number;
    to: number;
    change: number;
  } | null;
}

const paths = async (variables: Record<string, unknown>) =>
  (await env.api.data<{ careerPaths: Path[] }>(PATHS, variables)).careerPaths;

const codeOf = async (query: string, variables: Record<string, unknown>) =>
  (await env.api.graphql(query, variables)).body.errors?.[0]?.extensions?.code;

type Weight = "STEPS" | "YEARS" | "SKILL_GAP";

/** Every simple path within maxSteps, enumerated by the database, costed here, in promised order. */
async function expectedPaths(
  from: string,
  to: string,
  maxSteps: number,
  weight: Weight,
  k: number,
) {
  const rows = await env.db.cypher<{ ids: string[]; years: (number | null)[] }>(
    `MATCH path = (a:Role {id: $from})-[:PROGRESSES_TO]->{1,${maxSteps}}(b:Role {id: $to})
     WITH path, nodes(path) AS ns
     WHERE size(ns) = size(reduce(seen = [], n IN ns | CASE WHEN n IN seen THEN seen ELSE seen + n END))
     RETURN [n IN ns | n.id] AS ids, [r IN relationships(path) | r.typicalYears] AS years`,
    { from, to },
  );
  const known = (
    await env.db.cypher<{ y: number }>(
      "MATCH ()-[p:PROGRESSES_TO]->() WHERE p.typicalYears IS NOT NULL RETURN p.typicalYears AS y",
    )
  )
    .map((r) => r.y)
    .sort((a, b) => a - b);
  const mid = known.length >> 1;
  const median =
    known.length % 2
      ? (known[mid] as number)
      : ((known[mid - 1] as number) + (known[mid] as number)) / 2;
  const requires = new Map<string, Set<string>>();
  for (const row of await env.db.cypher<{ role: string; skill: string }>(
    "MATCH (r:Role)-[:REQUIRES]->(s:Skill) RETURN r.id AS role, s.id AS skill",
  )) {
    requires.set(row.role, (requires.get(row.role) ?? new Set()).add(row.skill));
  }
  const gap = (a: string, b: string) =>
    [...(requires.get(b) ?? [])].filter((s) => !requires.get(a)?.has(s)).length;
  const units = (c: number) => Math.round(c * 100);
  const costOf = (ids: string[], years: (number | null)[]) =>
    ids.slice(1).reduce((sum, id, i) => {
      const step =
        weight === "STEPS"
          ? 1
          : weight === "YEARS"
            ? (years[i] ?? median)
            : gap(ids[i] as string, id);
      return sum + units(step);
    }, 0) / 100;
  const byIds = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
    return a.length - b.length;
  };
  return rows
    .map((row) => ({ ids: row.ids, cost: costOf(row.ids, row.years) }))
    .sort(
      (a, b) => units(a.cost) - units(b.cost) || a.ids.length - b.ids.length || byIds(a.ids, b.ids),
    )
    .slice(0, k);
}

describe("careerPaths", () => {
  it("walks the seed document's ladder from junior back end developer to CTO", async () => {
    const got = await paths({ from: "junior-back-end-developer", to: "cto", k: 3 });
    expect(got.length).toBeGreaterThan(0);
    const best = got[0] as Path;
    expect(best.roles[0]?.id).toBe("junior-back-end-developer");
    expect(best.roles.at(-1)?.id).toBe("cto");
    expect(best.roles.map((r) => r.id)).toContain("back-end-developer");
    expect(best.totalSteps).toBe(best.steps.length);
    expect(best.cost).toBe(best.totalSteps);
    // Consecutive steps join up, and each names the roles of the path.
    best.steps.forEach((step, i) => {
      expect(step.from.id).toBe(best.roles[i]?.id);
      expect(step.to.id).toBe(best.roles[i + 1]?.id);
    });
  });

  for (const weight of ["STEPS", "YEARS", "SKILL_GAP"] as const) {
    it(`gives the same ${weight} paths, costs and order as an exhaustive Cypher enumeration`, async () => {
      for (const [from, to] of [
        ["junior-back-end-developer", "cto"],
        ["junior-back-end-developer", "head-of-engineering"],
        ["back-end-developer", "technical-architect"],
      ] as const) {
        const expected = await expectedPaths(from, to, 6, weight, 10);
        const got = await paths({ from, to, k: 10, w: weight, max: 6 });
        expect(got.map((p) => ({ ids: p.roles.map((r) => r.id), cost: p.cost }))).toEqual(
          expected.map((p) => ({ ids: p.ids, cost: expect.closeTo(p.cost, 6) })),
        );
      }
    });
  }

  it("fills each step from the graph: kind, years, new skills and pay change", async () => {
    const [best] = await paths({ from: "junior-back-end-developer", to: "cto", k: 1, w: "YEARS" });
    if (!best) throw new Error("no path");
    for (const step of best.steps) {
      const [row] = await env.db.cypher<{ kind: string; years: number | null; fresh: string[] }>(
        `MATCH (a:Role {id: $from})-[p:PROGRESSES_TO]->(b:Role {id: $to})
         RETURN p.kind AS kind, p.typicalYears AS years,
           COLLECT { MATCH (b)-[:REQUIRES]->(s:Skill) WHERE NOT (a)-[:REQUIRES]->(s) RETURN s.id } AS fresh`,
        { from: step.from.id, to: step.to.id },
      );
      expect(step.kind).toBe(row?.kind);
      expect(step.typicalYears).toBe(row?.years ?? null);
      expect(new Set(step.newSkills.map((s) => s.id))).toEqual(new Set(row?.fresh));
    }
    const acquire = new Set(best.steps.flatMap((s) => s.newSkills.map((k) => k.id)));
    const [need] = await env.db.cypher<{ ids: string[] }>(
      `MATCH (r:Role)-[:REQUIRES]->(s:Skill) WHERE r.id IN $path
         AND NOT (:Role {id: $first})-[:REQUIRES]->(s)
       RETURN collect(DISTINCT s.id) AS ids`,
      { path: best.roles.map((r) => r.id), first: best.roles[0]?.id },
    );
    expect(new Set(best.skillsToAcquire.map((s) => s.id))).toEqual(new Set(need?.ids));
    expect(acquire).toEqual(new Set(need?.ids));
    const years = best.steps.flatMap((s) => (s.typicalYears === null ? [] : [s.typicalYears]));
    expect(best.totalYears).toBeCloseTo(
      years.reduce((a, b) => a + b, 0),
      6,
    );
  });

  it("reports pay change between roles with bands in a shared region", async () => {
    const [path] = await paths({
      from: "back-end-developer",
      to: "senior-back-end-developer",
      k: 1,
    });
    const bands = await env.db.cypher<{
      role: string;
      region: string;
      currency: string;
      mid: number;
      year: number;
    }>(
      `MATCH (r:Role)-[:PAID]->(b:SalaryBand) WHERE r.id IN ['back-end-developer', 'senior-back-end-developer']
       RETURN r.id AS role, b.region AS region, b.currency AS currency, b.year AS year,
              round((b.min + b.max) / 2.0) AS mid ORDER BY region, currency, year DESC`,
    );
    const first = bands.find((b) => b.role === "back-end-developer");
    const region = bands.find(
      (b) => b.role === "senior-back-end-developer" && b.region === first?.region,
    );
    expect(first && region).toBeTruthy();
    expect(path?.salaryChange).toMatchObject({ region: first?.region, currency: first?.currency });
    expect(path?.salaryChange?.change).toBe(
      (path?.salaryChange?.to ?? 0) - (path?.salaryChange?.from ?? 0),
    );
    expect(path?.steps[0]?.salaryDelta).toBe(path?.salaryChange?.change);
  });

  it("keeps every path out of the avoided roles, and within maxSteps", async () => {
    const all = await paths({ from: "junior-back-end-developer", to: "cto", k: 10, max: 8 });
    const through = all[0]?.roles[1]?.id as string;
    const avoiding = await paths({
      from: "junior-back-end-developer",
      to: "cto",
      k: 10,
      max: 8,
      avoid: [through],
    });
    for (const path of avoiding) {
      expect(path.roles.map((r) => r.id)).not.toContain(through);
      expect(path.totalSteps).toBeLessThanOrEqual(8);
      expect(new Set(path.roles.map((r) => r.id)).size).toBe(path.roles.length);
    }
    const short = await paths({ from: "junior-back-end-developer", to: "cto", k: 10, max: 3 });
    for (const path of short) expect(path.totalSteps).toBeLessThanOrEqual(3);
  });

  it("answers one path of no moves from a role to itself, and [] when there is no route", async () => {
    const same = await paths({ from: "cto", to: "cto" });
    expect(same).toEqual([
      expect.objectContaining({ roles: [{ id: "cto" }], steps: [], totalSteps: 0, cost: 0 }),
    ]);
    // Nothing moves out of the top of the ladder back down to a junior role within one move.
    expect(await paths({ from: "cto", to: "junior-back-end-developer", max: 1 })).toEqual([]);
  });

  it("refuses unknown ids and arguments past their bounds with coded errors", async () => {
    expect(await codeOf(PATHS, { from: "no-such-role", to: "cto" })).toBe("NOT_FOUND");
    expect(await codeOf(PATHS, { from: "cto", to: "no-such-role" })).toBe("NOT_FOUND");
    expect(await codeOf(PATHS, { from: "cto", to: "cto", avoid: ["nope"] })).toBe("NOT_FOUND");
    expect(await codeOf(PATHS, { from: "back-end-developer", to: "cto", k: 11 })).toBe(
      "BAD_USER_INPUT",
    );
    expect(await codeOf(PATHS, { from: "back-end-developer", to: "cto", k: 0 })).toBe(
      "BAD_USER_INPUT",
    );
    expect(await codeOf(PATHS, { from: "back-end-developer", to: "cto", max: 9 })).toBe(
      "BAD_USER_INPUT",
    );
    expect(await codeOf(PATHS, { from: "back-end-developer", to: "cto", avoid: ["cto"] })).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("answers in one round trip once the projection is built (two when the version is due)", async () => {
    await paths({ from: "junior-back-end-developer", to: "cto" });
    const { body } = await env.api.graphql(PATHS, { from: "junior-back-end-developer", to: "cto" });
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.roundTrips).toBeGreaterThanOrEqual(1);
    expect(body.extensions?.roundTrips).toBeLessThanOrEqual(2);
    for (const [query, variables] of [
      [GAP, { from: "back-end-developer", to: "cto" }],
      [REACH, { skills: ["api-design", "debugging"] }],
    ] as const) {
      const answer = await env.api.graphql(query, variables);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.extensions?.roundTrips).toBe(1);
    }
  });

  it("sees a move written after the projection was built", async () => {
    const before = await paths({ from: "cto", to: "junior-back-end-developer", max: 1 });
    expect(before).toEqual([]);
    const bump = "MERGE (v:GraphVersion {id: 'graph'}) SET v.version = coalesce(v.version, 0) + 1";
    await env.db.cypher(
      `MATCH (a:Role {id: 'cto'}), (b:Role {id: 'junior-back-end-developer'})
       CREATE (a)-[:PROGRESSES_TO {kind: 'PIVOT', typicalYears: 1.0, test: true}]->(b)`,
    );
    await env.db.cypher(bump);
    try {
      let after: Path[] = [];
      for (let i = 0; i < 30 && after.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await paths({ from: "cto", to: "junior-back-end-developer", max: 1 });
      }
      expect(after.map((p) => p.roles.map((r) => r.id))).toEqual([
        ["cto", "junior-back-end-developer"],
      ]);
    } finally {
      await env.db.cypher("MATCH ()-[p:PROGRESSES_TO {test: true}]->() DELETE p");
      await env.db.cypher(bump);
    }
  });
});

const GAP = `query ($from: ID!, $to: ID!) {
  skillGap(from: $from, to: $to) {
    from { id } to { id } shared { id } missing { skill { id } importance } coverage
  }
}`;

describe("skillGap", () => {
  it("splits the target's requirements into shared and missing, with weighted coverage", async () => {
    const { skillGap } = await env.api.data<{
      skillGap: {
        shared: { id: string }[];
        missing: { skill: { id: string }; importance: number }[];
        coverage: number;
      };
    }>(GAP, { from: "back-end-developer", to: "senior-back-end-developer" });
    const rows = await env.db.cypher<{ id: string; importance: number; held: boolean }>(
      `MATCH (b:Role {id: 'senior-back-end-developer'})-[q:REQUIRES]->(s:Skill)
       RETURN s.id AS id, q.importance AS importance,
              EXISTS { (:Role {id: 'back-end-developer'})-[:REQUIRES]->(s) } AS held`,
    );
    expect(new Set(skillGap.shared.map((s) => s.id))).toEqual(
      new Set(rows.filter((r) => r.held).map((r) => r.id)),
    );
    expect(skillGap.missing.map((m) => [m.skill.id, m.importance]).sort()).toEqual(
      rows
        .filter((r) => !r.held)
        .map((r) => [r.id, r.importance])
        .sort(),
    );
    const importances = skillGap.missing.map((m) => m.importance);
    expect(importances).toEqual([...importances].sort((a, b) => b - a));
    const total = rows.reduce((sum, r) => sum + r.importance, 0);
    const held = rows.filter((r) => r.held).reduce((sum, r) => sum + r.importance, 0);
    expect(skillGap.coverage).toBeCloseTo(held / total, 9);
    expect(skillGap.coverage).toBeGreaterThan(0);
    expect(skillGap.coverage).toBeLessThan(1);
  });

  it("answers NOT_FOUND for an unknown role", async () => {
    expect(await codeOf(GAP, { from: "back-end-developer", to: "nope" })).toBe("NOT_FOUND");
  });
});

const REACH = `query ($skills: [ID!]!, $max: Int, $first: Int) {
  rolesWithinReach(skills: $skills, maxMissing: $max, first: $first) {
    role { id } matched { id } missing { id } coverage
  }
}`;

describe("rolesWithinReach", () => {
  it("ranks roles by weighted coverage of the skills, as computed from the requirements", async () => {
    const skills = ["sql-querying", "api-design", "version-control", "debugging", "programming"];
    const maxMissing = 12;
    const { rolesWithinReach: got } = await env.api.data<{
      rolesWithinReach: {
        role: { id: string };
        matched: { id: string }[];
        missing: { id: string }[];
        coverage: number;
      }[];
    }>(REACH, { skills, max: maxMissing, first: 20 });
    const rows = await env.db.cypher<{ role: string; skill: string; importance: number }>(
      "MATCH (r:Role)-[q:REQUIRES]->(s:Skill) RETURN r.id AS role, s.id AS skill, q.importance AS importance",
    );
    const byRole = new Map<string, { skill: string; importance: number }[]>();
    for (const row of rows) byRole.set(row.role, [...(byRole.get(row.role) ?? []), row]);
    const expected = [...byRole.entries()]
      .map(([role, reqs]) => {
        const matched = reqs.filter((r) => skills.includes(r.skill));
        const total = reqs.reduce((sum, r) => sum + r.importance, 0);
        return {
          role,
          matched: matched.length,
          missing: reqs.length - matched.length,
          coverage: matched.reduce((sum, r) => sum + r.importance, 0) / total,
        };
      })
      .filter((r) => r.matched > 0 && r.missing <= maxMissing)
      .sort(
        (a, b) => b.coverage - a.coverage || a.missing - b.missing || (a.role < b.role ? -1 : 1),
      )
      .slice(0, 20);
    expect(got.length).toBeGreaterThan(3);
    expect(got.map((m) => m.role.id)).toEqual(expected.map((e) => e.role));
    got.forEach((m, i) => {
      expect(m.coverage).toBeCloseTo(expected[i]?.coverage ?? -1, 9);
      expect(m.missing).toHaveLength(expected[i]?.missing ?? -1);
      expect(m.matched.every((s) => skills.includes(s.id))).toBe(true);
    });
  });

  it("refuses unknown skills, an empty list and bounds", async () => {
    expect(await codeOf(REACH, { skills: ["no-such-skill"] })).toBe("NOT_FOUND");
    expect(await codeOf(REACH, { skills: [] })).toBe("BAD_USER_INPUT");
    expect(await codeOf(REACH, { skills: ["api-design"], max: 51 })).toBe("BAD_USER_INPUT");
    expect(await codeOf(REACH, { skills: ["api-design"], first: 101 })).toBe("BAD_USER_INPUT");
  });
});
