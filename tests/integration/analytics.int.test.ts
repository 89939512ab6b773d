import { describe, expect, it } from "vitest";
import { LEVELS } from "../../src/model.js";
import { referenceCentrality } from "../helpers/reference-centrality.js";
import { useTestApi } from "../helpers/server.js";

/**
 * The analytics queries on the seed graph, each against another way to the same answer:
 * centrality against graphology-metrics over the moves read here; demand, transitions and pay
 * against plain Cypher and arithmetic written here. Then the per-version cache: a repeated
 * question costs no round trip, and a write is seen.
 */

const env = useTestApi();

const BUMP = "MERGE (v:GraphVersion {id: 'graph'}) SET v.version = coalesce(v.version, 0) + 1";

const codeOf = async (query: string, variables: Record<string, unknown> = {}) =>
  (await env.api.graphql(query, variables)).body.errors?.[0]?.extensions?.code;

const byRank = <T extends { value: number; id: string }>(items: T[]) =>
  [...items].sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const CENTRALITY = `query ($metric: CentralityMetric, $level: Level, $track: ID, $first: Int) {
  roleCentrality(metric: $metric, level: $level, track: $track, first: $first) {
    role { id level } label value score rank inDegree outDegree exact errorBound standardError
  }
}`;

interface Score {
  role: { id: string; level: string };
  label: string;
  value: number;
  score: number;
  rank: number;
  inDegree: number;
  outDegree: number;
  exact: boolean;
  errorBound: number | null;
  standardError: number | null;
}

describe("roleCentrality", () => {
  it("matches graphology-metrics to 1e-6 for every role and metric", async () => {
    const ids = (await env.db.cypher<{ id: string }>("MATCH (r:Role) RETURN r.id AS id")).map(
      (r) => r.id,
    );
    const moves = await env.db.cypher<{ from: string; to: string }>(
      "MATCH (a:Role)-[:PROGRESSES_TO]->(b:Role) RETURN a.id AS from, b.id AS to",
    );
    expect(moves.length).toBeGreaterThan(100);
    const reference = referenceCentrality(ids, moves);
    for (const metric of ["DEGREE", "BETWEENNESS", "PAGERANK"] as const) {
      // Level by level, so every role is listed (a page holds at most 100).
      const scores: Score[] = [];
      for (const level of LEVELS) {
        const page = await env.api.data<{ roleCentrality: Score[] }>(CENTRALITY, {
          metric,
          level,
          first: 100,
        });
        expect(page.roleCentrality.every((s) => s.role.level === level)).toBe(true);
        scores.push(...page.roleCentrality);
      }
      expect(scores.map((s) => s.role.id).sort()).toEqual([...ids].sort());
      for (const s of scores) {
        expect(Math.abs(s.score - (reference[metric][s.role.id] as number))).toBeLessThan(1e-6);
        expect(s.value).toBe(s.score);
        expect(s.exact).toBe(true);
        expect(s.errorBound).toBeNull();
      }
      // Ranks over the whole graph: by score, then id, 1 to n.
      const ranked = byRank(scores.map((s) => ({ ...s, id: s.role.id, value: s.score })));
      expect(ranked.map((s) => s.rank)).toEqual(ranked.map((_, i) => i + 1));
      const { roleCentrality: top } = await env.api.data<{ roleCentrality: Score[] }>(CENTRALITY, {
        metric,
        first: 5,
      });
      expect(top.map((s) => s.role.id)).toEqual(ranked.slice(0, 5).map((s) => s.role.id));
    }
  });

  it("gives each role its distinct feeders and next roles", async () => {
    const { roleCentrality } = await env.api.data<{ roleCentrality: Score[] }>(CENTRALITY, {
      metric: "DEGREE",
      first: 20,
    });
    const rows = await env.db.cypher<{ id: string; into: number; out: number }>(
      `MATCH (r:Role) WHERE r.id IN $ids
       RETURN r.id AS id,
              COUNT { MATCH (a:Role)-[:PROGRESSES_TO]->(r) WHERE a <> r RETURN DISTINCT a } AS into,
              COUNT { MATCH (r)-[:PROGRESSES_TO]->(b:Role) WHERE b <> r RETURN DISTINCT b } AS out`,
      { ids: roleCentrality.map((s) => s.role.id) },
    );
    const expected = new Map(rows.map((r) => [r.id, [r.into, r.out]]));
    for (const s of roleCentrality)
      expect([s.inDegree, s.outDegree]).toEqual(expected.get(s.role.id));
  });

  it("keeps one track's roles, with their ranks in the whole graph", async () => {
    const { roleCentrality: all } = await env.api.data<{ roleCentrality: Score[] }>(CENTRALITY, {
      first: 100,
    });
    const backEnd = await env.db.cypher<{ id: string }>(
      "MATCH (r:Role)-[:IN_TRACK]->(:Track {id: 'backend'}) RETURN r.id AS id",
    );
    const { roleCentrality: track } = await env.api.data<{ roleCentrality: Score[] }>(CENTRALITY, {
      track: "backend",
      first: 100,
    });
    const members = new Set(backEnd.map((r) => r.id));
    expect(track.length).toBe(members.size);
    expect(track.every((s) => members.has(s.role.id))).toBe(true);
    const rankIn = new Map(all.map((s) => [s.role.id, s.rank]));
    for (const s of track) if (rankIn.has(s.role.id)) expect(s.rank).toBe(rankIn.get(s.role.id));
  });

  it("answers NOT_FOUND for an unknown track and BAD_USER_INPUT past the bounds", async () => {
    expect(await codeOf(CENTRALITY, { track: "no-such-track" })).toBe("NOT_FOUND");
    expect(await codeOf(CENTRALITY, { first: 101 })).toBe("BAD_USER_INPUT");
    expect(await codeOf(CENTRALITY, { first: -1 })).toBe("BAD_USER_INPUT");
    expect(await codeOf(CENTRALITY, { metric: "CLOSENESS" })).toBe("BAD_USER_INPUT");
  });
});

const SKILLS = `query ($track: ID, $first: Int) {
  skillDemand(track: $track, first: $first) {
    skill { id name } label value count share averageImportance
  }
}`;

const TECHNOLOGIES = `query ($track: ID, $kind: TechnologyKind, $first: Int) {
  technologyDemand(track: $track, kind: $kind, first: $first) {
    technology { id name kind } label value count share core common occasional
  }
}`;

describe("skillDemand and technologyDemand", () => {
  it("rank skills as an aggregation of the requirements read here, for the graph and each track", async () => {
    const requirements = await env.db.cypher<{
      role: string;
      track: string;
      skill: string;
      importance: number;
    }>(
      `MATCH (t:Track)<-[:IN_TRACK]-(r:Role)-[q:REQUIRES]->(s:Skill)
       RETURN r.id AS role, t.id AS track, s.id AS skill, q.importance AS importance`,
    );
    const members = await env.db.cypher<{ track: string; roles: number }>(
      "MATCH (t:Track) RETURN t.id AS track, COUNT { (t)<-[:IN_TRACK]-(:Role) } AS roles",
    );
    const totalRoles = members.reduce((sum, t) => sum + t.roles, 0);
    for (const scope of [null, ...members.map((t) => t.track)]) {
      const rows = requirements.filter((r) => scope === null || r.track === scope);
      const inScope =
        scope === null ? totalRoles : (members.find((t) => t.track === scope)?.roles ?? 0);
      const bySkill = new Map<string, { roles: number; importance: number }>();
      for (const r of rows) {
        const entry = bySkill.get(r.skill) ?? { roles: 0, importance: 0 };
        entry.roles += 1;
        entry.importance += r.importance;
        bySkill.set(r.skill, entry);
      }
      const expected = [...bySkill]
        .map(([id, e]) => ({ id, ...e }))
        .sort((a, b) => b.importance - a.importance || b.roles - a.roles || (a.id < b.id ? -1 : 1))
        .slice(0, 15);
      const { skillDemand } = await env.api.data<{
        skillDemand: {
          skill: { id: string; name: string };
          label: string;
          value: number;
          count: number;
          share: number;
          averageImportance: number;
        }[];
      }>(SKILLS, { track: scope, first: 15 });
      expect(skillDemand.map((d) => d.skill.id)).toEqual(expected.map((e) => e.id));
      skillDemand.forEach((d, i) => {
        const e = expected[i] as (typeof expected)[number];
        expect(d.count).toBe(e.roles);
        expect(d.value).toBeCloseTo(e.importance / 5, 12);
        expect(d.share).toBeCloseTo(e.roles / inScope, 12);
        expect(d.averageImportance).toBeCloseTo(e.importance / e.roles, 12);
        expect(d.label).toBe(d.skill.name);
      });
    }
  });

  it("rank technologies by usage-weighted roles, by kind and track", async () => {
    const uses = await env.db.cypher<{ track: string; tech: string; kind: string; usage: string }>(
      `MATCH (t:Track)<-[:IN_TRACK]-(:Role)-[u:USES]->(x:Technology)
       RETURN t.id AS track, x.id AS tech, x.kind AS kind, u.usage AS usage`,
    );
    const weight = { CORE: 3, COMMON: 2, OCCASIONAL: 1 } as Record<string, number>;
    for (const [track, kind] of [
      [null, null],
      [null, "DATABASE"],
      ["backend", null],
      ["backend", "LANGUAGE"],
    ] as const) {
      const rows = uses.filter(
        (u) => (track === null || u.track === track) && (kind === null || u.kind === kind),
      );
      const byTech = new Map<
        string,
        { weight: number; roles: number; core: number; common: number; occasional: number }
      >();
      for (const u of rows) {
        const e = byTech.get(u.tech) ?? { weight: 0, roles: 0, core: 0, common: 0, occasional: 0 };
        e.weight += weight[u.usage] ?? 0;
        e.roles += 1;
        if (u.usage === "CORE") e.core += 1;
        else if (u.usage === "COMMON") e.common += 1;
        else e.occasional += 1;
        byTech.set(u.tech, e);
      }
      const expected = [...byTech]
        .map(([id, e]) => ({ id, ...e }))
        .sort((a, b) => b.weight - a.weight || b.roles - a.roles || (a.id < b.id ? -1 : 1))
        .slice(0, 10);
      const { technologyDemand } = await env.api.data<{
        technologyDemand: {
          technology: { id: string; kind: string };
          value: number;
          count: number;
          core: number;
          common: number;
          occasional: number;
        }[];
      }>(TECHNOLOGIES, { track, kind });
      expect(technologyDemand.length).toBeGreaterThan(0);
      expect(technologyDemand.map((d) => d.technology.id)).toEqual(expected.map((e) => e.id));
      technologyDemand.forEach((d, i) => {
        const e = expected[i] as (typeof expected)[number];
        expect([d.count, d.core, d.common, d.occasional]).toEqual([
          e.roles,
          e.core,
          e.common,
          e.occasional,
        ]);
        expect(d.value).toBeCloseTo(e.weight / 3, 12);
        if (kind !== null) expect(d.technology.kind).toBe(kind);
      });
    }
  });

  it("answers NOT_FOUND for an unknown track, BAD_USER_INPUT past the bounds", async () => {
    expect(await codeOf(SKILLS, { track: "no-such-track" })).toBe("NOT_FOUND");
    expect(await codeOf(TECHNOLOGIES, { track: "no-such-track" })).toBe("NOT_FOUND");
    expect(await codeOf(SKILLS, { first: 101 })).toBe("BAD_USER_INPUT");
    expect(await codeOf(SKILLS, { track: "x".repeat(201) })).toBe("BAD_USER_INPUT");
    expect(await codeOf(TECHNOLOGIES, { kind: "SPREADSHEET" })).toBe("BAD_USER_INPUT");
  });
});

const MATRIX = `query ($groupBy: TransitionGrouping, $empty: Boolean) {
  transitionMatrix(groupBy: $groupBy, includeEmpty: $empty) {
    from to fromLabel toLabel label value count share promotions lateral pivots averageYears
  }
}`;

interface Cell {
  from: string;
  to: string;
  count: number;
  share: number;
  promotions: number;
  lateral: number;
  pivots: number;
  averageYears: number | null;
  value: number;
}

describe("transitionMatrix", () => {
  for (const groupBy of ["TRACK", "LEVEL"] as const) {
    it(`counts moves between ${groupBy === "TRACK" ? "tracks" : "levels"} as a Cypher aggregation does`, async () => {
      const key = (v: string) =>
        groupBy === "TRACK" ? `[(${v})-[:IN_TRACK]->(t:Track) | t.id][0]` : `${v}.level`;
      const rows = await env.db.cypher<Omit<Cell, "share" | "value">>(
        `MATCH (a:Role)-[p:PROGRESSES_TO]->(b:Role)
         WITH ${key("a")} AS from, ${key("b")} AS to, p
         RETURN from, to, count(p) AS count,
                count(CASE p.kind WHEN 'PROMOTION' THEN 1 END) AS promotions,
                count(CASE p.kind WHEN 'LATERAL' THEN 1 END) AS lateral,
                count(CASE p.kind WHEN 'PIVOT' THEN 1 END) AS pivots,
                avg(p.typicalYears) AS averageYears`,
      );
      const { transitionMatrix } = await env.api.data<{ transitionMatrix: Cell[] }>(MATRIX, {
        groupBy,
      });
      expect(transitionMatrix.length).toBe(rows.length);
      const cells = new Map(transitionMatrix.map((c) => [`${c.from}>${c.to}`, c]));
      const outOf = new Map<string, number>();
      for (const r of rows) outOf.set(r.from, (outOf.get(r.from) ?? 0) + r.count);
      for (const r of rows) {
        const cell = cells.get(`${r.from}>${r.to}`);
        expect(cell, `${r.from} > ${r.to}`).toBeDefined();
        expect([cell?.count, cell?.promotions, cell?.lateral, cell?.pivots]).toEqual([
          r.count,
          r.promotions,
          r.lateral,
          r.pivots,
        ]);
        expect(cell?.value).toBe(r.count);
        expect(cell?.share).toBeCloseTo(r.count / (outOf.get(r.from) ?? 1), 12);
        if (r.averageYears === null) expect(cell?.averageYears).toBeNull();
        else expect(cell?.averageYears).toBeCloseTo(r.averageYears, 9);
      }
    });
  }

  it("fills the whole grid when asked, rows in level order, each row's shares summing to 1", async () => {
    const { transitionMatrix } = await env.api.data<{ transitionMatrix: Cell[] }>(MATRIX, {
      groupBy: "LEVEL",
      empty: true,
    });
    expect(transitionMatrix.map((c) => [c.from, c.to])).toEqual(
      LEVELS.flatMap((from) => LEVELS.map((to) => [from, to])),
    );
    for (const level of LEVELS) {
      const row = transitionMatrix.filter((c) => c.from === level);
      const total = row.reduce((sum, c) => sum + c.share, 0);
      if (row.some((c) => c.count > 0)) expect(total).toBeCloseTo(1, 12);
      else expect(total).toBe(0);
    }
  });
});

const PAY = `query ($groupBy: SalaryGrouping, $region: String) {
  salaryStats(groupBy: $groupBy, region: $region) {
    key level region currency label value count min max median mean lowerQuartile upperQuartile
    fromYear toYear
  }
}`;

/** Linear interpolation between order statistics, as Cypher's percentileCont. */
function percentile(sorted: number[], p: number): number {
  const at = p * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (
    (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (at - low)
  );
}

describe("salaryStats", () => {
  it("summarises each role's newest band per level and region, computed here from the bands", async () => {
    const bands = await env.db.cypher<{
      role: string;
      level: string;
      region: string;
      currency: string;
      min: number;
      max: number;
      year: number;
    }>(
      `MATCH (r:Role)-[:PAID]->(b:SalaryBand)
       RETURN r.id AS role, r.level AS level, b.region AS region, b.currency AS currency,
              b.min AS min, b.max AS max, b.year AS year`,
    );
    expect(bands.length).toBeGreaterThan(0);
    const newest = new Map<string, (typeof bands)[number]>();
    for (const b of bands) {
      const key = `${b.role}|${b.region}|${b.currency}`;
      const seen = newest.get(key);
      if (!seen || b.year > seen.year || (b.year === seen.year && b.min > seen.min))
        newest.set(key, b);
    }
    const groups = new Map<string, (typeof bands)[number][]>();
    for (const b of newest.values()) {
      const key = `${b.level}|${b.region}|${b.currency}`;
      groups.set(key, [...(groups.get(key) ?? []), b]);
    }
    const { salaryStats } = await env.api.data<{
      salaryStats: {
        key: string;
        level: string;
        region: string;
        currency: string;
        count: number;
        min: number;
        max: number;
        median: number;
        mean: number;
        lowerQuartile: number;
        upperQuartile: number;
        fromYear: number;
        toYear: number;
        value: number;
      }[];
    }>(PAY, { groupBy: "LEVEL" });
    expect(salaryStats.length).toBe(groups.size);
    // Level order, then region.
    const places = salaryStats.map((s) => LEVELS.indexOf(s.level as (typeof LEVELS)[number]));
    expect(places).toEqual([...places].sort((a, b) => a - b));
    for (const stat of salaryStats) {
      const members = groups.get(`${stat.key}|${stat.region}|${stat.currency}`) ?? [];
      const mids = members.map((b) => (b.min + b.max) / 2).sort((a, b) => a - b);
      expect(stat.count).toBe(members.length);
      expect(stat.min).toBe(Math.min(...members.map((b) => b.min)));
      expect(stat.max).toBe(Math.max(...members.map((b) => b.max)));
      expect(stat.median).toBeCloseTo(percentile(mids, 0.5), 6);
      expect(stat.value).toBe(stat.median);
      expect(stat.lowerQuartile).toBeCloseTo(percentile(mids, 0.25), 6);
      expect(stat.upperQuartile).toBeCloseTo(percentile(mids, 0.75), 6);
      expect(stat.mean).toBeCloseTo(mids.reduce((a, b) => a + b, 0) / mids.length, 6);
      expect(stat.fromYear).toBe(Math.min(...members.map((b) => b.year)));
      expect(stat.toYear).toBe(Math.max(...members.map((b) => b.year)));
    }
  });

  it("keeps one region, case-insensitively, and groups by track", async () => {
    const { salaryStats: all } = await env.api.data<{ salaryStats: { region: string }[] }>(PAY, {
      groupBy: "TRACK",
    });
    const region = all[0]?.region as string;
    const { salaryStats: one } = await env.api.data<{
      salaryStats: { region: string; key: string; label: string }[];
    }>(PAY, {
      groupBy: "TRACK",
      region: region.toLowerCase(),
    });
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((s) => s.region === region)).toBe(true);
    expect(one.length).toBe(all.filter((s) => s.region === region).length);
    const tracks = await env.db.cypher<{ id: string; name: string }>(
      "MATCH (t:Track) RETURN t.id AS id, t.name AS name",
    );
    const names = new Map(tracks.map((t) => [t.id, t.name]));
    for (const s of one) expect(s.label).toBe(names.get(s.key));
  });
});

describe("the per-version cache", () => {
  const DASHBOARD = `{
    skillDemand(first: 5) { label value }
    technologyDemand(first: 5) { label value }
    roleCentrality(first: 5) { label value }
    transitionMatrix(groupBy: LEVEL) { label value }
    salaryStats { label value }
  }`;

  it("answers a repeated dashboard query without a round trip", async () => {
    const first = await env.api.graphql(DASHBOARD);
    expect(first.body.errors).toBeUndefined();
    const again = await env.api.graphql(DASHBOARD);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data).toEqual(first.body.data);
    // At most the version check, once a second.
    expect(again.body.extensions?.roundTrips).toBeLessThanOrEqual(1);
    const metrics = await (await fetch(`${env.api.url}/metrics`)).text();
    expect(metrics).toMatch(
      /rolegraph_analytics_lookups_total\{query="skillDemand",cache="hit"\} [1-9]/,
    );
  });

  it("sees a write once the graph version moves", async () => {
    const QUERY = `{ skillDemand(track: "backend", first: 100) { skill { id } count }
                     transitionMatrix(groupBy: LEVEL) { from to count } }`;
    type Answer = {
      skillDemand: { skill: { id: string }; count: number }[];
      transitionMatrix: { from: string; to: string; count: number }[];
    };
    const before = await env.api.data<Answer>(QUERY);
    // A skill other back end roles require and the junior does not: listed before and after.
    const [picked] = await env.db.cypher<{ skill: string }>(
      `MATCH (r:Role {id: 'junior-back-end-developer'}), (s:Skill)
       WHERE NOT (r)-[:REQUIRES]->(s)
       WITH r, s, COUNT { (s)<-[:REQUIRES]-(:Role)-[:IN_TRACK]->(:Track {id: 'backend'}) } AS n
       ORDER BY n DESC, s.id LIMIT 1
       CREATE (r)-[:REQUIRES {importance: 1, test: true}]->(s)
       RETURN s.id AS skill`,
    );
    const countOf = (a: Answer) =>
      a.skillDemand.find((d) => d.skill.id === picked?.skill)?.count ?? 0;
    const movesOf = (a: Answer) =>
      a.transitionMatrix.find((c) => c.from === "EXECUTIVE" && c.to === "INTERN")?.count ?? 0;
    await env.db.cypher(
      `MATCH (a:Role {level: 'EXECUTIVE'}) WITH a LIMIT 1 MATCH (b:Role {level: 'INTERN'}) WITH a, b LIMIT 1
       CREATE (a)-[:PROGRESSES_TO {kind: 'PIVOT', test: true}]->(b)`,
    );
    await env.db.cypher(BUMP);
    try {
      let after = before;
      for (let i = 0; i < 30 && movesOf(after) === movesOf(before); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await env.api.data<Answer>(QUERY);
      }
      expect(movesOf(after)).toBe(movesOf(before) + 1);
      expect(countOf(before)).toBeGreaterThan(0);
      expect(countOf(after)).toBe(countOf(before) + 1);
    } finally {
      await env.db.cypher("MATCH ()-[r {test: true}]->() DELETE r");
      await env.db.cypher(BUMP);
    }
  });
});

const BOTTLENECKS = `query ($from: ID!, $to: ID!, $max: Int, $first: Int) {
  bottlenecks(from: $from, to: $to, maxSteps: $max, first: $first) {
    from { id } to { id } moves routes
    roles { role { id } label value share routes moves }
  }
}`;

interface Bottlenecks {
  moves: number | null;
  routes: number;
  roles: { role: { id: string }; share: number; routes: number; moves: number; value: number }[];
}

describe("bottlenecks", () => {
  it("finds the roles on every fewest-moves route as Cypher's allShortestPaths does", async () => {
    for (const [from, to] of [
      ["junior-back-end-developer", "cto"],
      ["junior-front-end-developer", "engineering-manager"],
    ] as const) {
      // Routes as role sequences: parallel moves between two roles make one route.
      const rows = await env.db.cypher<{ ids: string[] }>(
        `MATCH p = allShortestPaths((:Role {id: $from})-[:PROGRESSES_TO*..6]->(:Role {id: $to}))
         RETURN DISTINCT [n IN nodes(p) | n.id] AS ids`,
        { from, to },
      );
      expect(rows.length).toBeGreaterThan(0);
      const { bottlenecks } = await env.api.data<{ bottlenecks: Bottlenecks }>(BOTTLENECKS, {
        from,
        to,
        first: 100,
      });
      expect(bottlenecks.routes).toBe(rows.length);
      expect(bottlenecks.moves).toBe((rows[0]?.ids.length ?? 0) - 1);
      const through = new Map<string, number>();
      for (const { ids } of rows)
        for (const id of ids.slice(1, -1)) through.set(id, (through.get(id) ?? 0) + 1);
      expect(new Map(bottlenecks.roles.map((r) => [r.role.id, r.routes]))).toEqual(through);
      for (const r of bottlenecks.roles) expect(r.share).toBeCloseTo(r.routes / rows.length, 12);
      const shares = bottlenecks.roles.map((r) => r.share);
      expect(shares).toEqual([...shares].sort((a, b) => b - a));
    }
  });

  it("answers no route within maxSteps, NOT_FOUND and BAD_USER_INPUT", async () => {
    const { bottlenecks } = await env.api.data<{ bottlenecks: Bottlenecks }>(BOTTLENECKS, {
      from: "junior-back-end-developer",
      to: "cto",
      max: 1,
    });
    expect(bottlenecks).toMatchObject({ moves: null, routes: 0, roles: [] });
    expect(await codeOf(BOTTLENECKS, { from: "nobody", to: "cto" })).toBe("NOT_FOUND");
    expect(await codeOf(BOTTLENECKS, { from: "cto", to: "nobody" })).toBe("NOT_FOUND");
    expect(await codeOf(BOTTLENECKS, { from: "cto", to: "cto", max: 9 })).toBe("BAD_USER_INPUT");
  });
});
