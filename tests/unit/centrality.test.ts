import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import {
  betweenness,
  betweennessErrorBound,
  degreeCentrality,
  pageRank,
  routeShares,
  simpleDigraph,
} from "../../src/analytics/centrality.js";
import {
  buildProgressionGraph,
  MOVE_KINDS,
  type MoveRow,
} from "../../src/paths/progression-graph.js";
import { referenceCentrality } from "../helpers/reference-centrality.js";

/**
 * Degree, PageRank and betweenness against graphology-metrics on random graphs: sparse and
 * dense, with parallel moves (which count once), roles with no moves out (PageRank's dangling
 * roles), isolated roles and cycles. Every score must agree to 1e-6.
 */

function randomGraph(seed: number) {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  const n = int(1, 60);
  const ids = Array.from({ length: n }, (_, i) => `r${(i * 7) % 13}-${i}`);
  const density = uniformFloat64(rng) * 4;
  const moves: MoveRow[] = [];
  for (let i = 0; i < Math.floor(n * density); i++) {
    const from = ids[int(0, n - 1)] as string;
    const to = ids[int(0, n - 1)] as string;
    if (from === to) continue;
    moves.push({ from, to, kind: MOVE_KINDS[int(0, 2)] ?? "PIVOT", typicalYears: 1, newSkills: 0 });
  }
  return { ids, moves };
}

async function ours(ids: string[], moves: MoveRow[], maxSources?: number, seed = 0) {
  const graph = buildProgressionGraph(ids, moves);
  const digraph = simpleDigraph(graph);
  const named = (values: Float64Array) =>
    Object.fromEntries(graph.ids.map((id, i) => [id, values[i] ?? Number.NaN]));
  const b = await betweenness(digraph, { maxSources, seed });
  return {
    DEGREE: named(degreeCentrality(digraph)),
    PAGERANK: named(await pageRank(digraph)),
    BETWEENNESS: named(b.scores),
    betweenness: b,
    standardError: b.standardError ? named(b.standardError) : undefined,
  };
}

/** The first random graph with at least 40 roles and 100 moves. */
function largeGraph() {
  for (let seed = 1; ; seed++) {
    const g = randomGraph(seed);
    if (g.ids.length >= 40 && g.moves.length >= 100) return g;
  }
}

const METRICS = ["DEGREE", "BETWEENNESS", "PAGERANK"] as const;

describe("centrality", () => {
  it("matches graphology-metrics to 1e-6 on 300 random graphs", async () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { ids, moves } = randomGraph(seed);
      const reference = referenceCentrality(ids, moves);
      const mine = await ours(ids, moves);
      expect(mine.betweenness.exact).toBe(true);
      for (const metric of METRICS) {
        expect(Object.keys(mine[metric]).sort()).toEqual(Object.keys(reference[metric]).sort());
        for (const id of ids) {
          const want = reference[metric][id] as number;
          const got = mine[metric][id] as number;
          if (Math.abs(got - want) > 1e-6) {
            throw new Error(`seed ${seed}, ${metric} of ${id}: ${got}, reference ${want}`);
          }
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it("counts parallel moves once", async () => {
    const ids = ["a", "b", "c"];
    const once = [
      { from: "a", to: "b", kind: "PROMOTION", typicalYears: 1, newSkills: 0 },
      { from: "b", to: "c", kind: "PROMOTION", typicalYears: 1, newSkills: 0 },
    ] satisfies MoveRow[];
    const twice = [...once, { ...once[0], kind: "PIVOT" } as MoveRow];
    const [x, y] = [await ours(ids, once), await ours(ids, twice)];
    for (const metric of METRICS) expect(y[metric]).toEqual(x[metric]);
    expect(x.BETWEENNESS.b).toBe(0.5);
  });

  it("estimates from sampled sources within the stated bound, unbiased on average", async () => {
    const { ids, moves } = largeGraph();
    const exact = referenceCentrality(ids, moves).BETWEENNESS;
    const k = 10;
    const runs = 400;
    const sum = Object.fromEntries(ids.map((id) => [id, 0]));
    for (let seed = 0; seed < runs; seed++) {
      const estimate = await ours(ids, moves, k, seed);
      expect(estimate.betweenness.exact).toBe(false);
      expect(estimate.betweenness.sources).toBe(k);
      const bound = estimate.betweenness.errorBound;
      expect(bound).toBeCloseTo(betweennessErrorBound(ids.length, k), 12);
      for (const id of ids) {
        const got = estimate.BETWEENNESS[id] as number;
        expect(Math.abs(got - (exact[id] as number))).toBeLessThanOrEqual(bound);
        expect(estimate.standardError?.[id]).toBeGreaterThanOrEqual(0);
        sum[id] = (sum[id] ?? 0) + got;
      }
    }
    // The mean of 400 estimates: within a small margin of the exact score for every role.
    const scale = Math.max(...Object.values(exact));
    for (const id of ids) {
      expect(Math.abs((sum[id] as number) / runs - (exact[id] as number))).toBeLessThan(
        0.1 * scale,
      );
    }
  });

  it("gives the same estimate for the same seed, and a different one for another", async () => {
    const { ids, moves } = largeGraph();
    const a = await ours(ids, moves, 3, 11);
    const b = await ours(ids, moves, 3, 11);
    expect(a.BETWEENNESS).toEqual(b.BETWEENNESS);
    const others = await Promise.all([12, 13, 14].map((seed) => ours(ids, moves, 3, seed)));
    expect(
      others.some((other) => JSON.stringify(other.BETWEENNESS) !== JSON.stringify(a.BETWEENNESS)),
    ).toBe(true);
  });

  it("handles graphs of one and two roles", async () => {
    const one = await ours(["a"], []);
    expect(one.BETWEENNESS).toEqual({ a: 0 });
    expect(one.DEGREE).toEqual({ a: 0 });
    expect(one.PAGERANK.a).toBeCloseTo(1, 12);
    const two = await ours(
      ["a", "b"],
      [{ from: "a", to: "b", kind: "PROMOTION", typicalYears: 1, newSkills: 0 }],
    );
    expect(two.DEGREE).toEqual({ a: 1, b: 1 });
    expect(two.BETWEENNESS).toEqual({ a: 0, b: 0 });
  });

  it("counts the fewest-moves routes through each role as enumerating them does", () => {
    let pairs = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { ids, moves } = randomGraph(seed);
      if (ids.length > 14) continue;
      const graph = buildProgressionGraph(ids, moves);
      const digraph = simpleDigraph(graph);
      const n = digraph.n;
      const next = (v: number) =>
        Array.from(digraph.out.subarray(digraph.outStart[v], digraph.outStart[v + 1]));
      for (let s = 0; s < Math.min(n, 4); s++) {
        for (let t = 0; t < n; t++) {
          // Every walk from s, breadth first, until the first that reaches t: those are the routes.
          let frontier = [[s]];
          let routes: number[][] = s === t ? [[s]] : [];
          for (let d = 0; routes.length === 0 && frontier.length > 0 && d < n; d++) {
            frontier = frontier.flatMap((walk) =>
              next(walk[walk.length - 1] as number)
                .filter((w) => !walk.includes(w))
                .map((w) => [...walk, w]),
            );
            routes = frontier.filter((walk) => walk[walk.length - 1] === t);
            if (frontier.length > 5_000) break;
          }
          if (frontier.length > 5_000) continue;
          const shares = routeShares(digraph, s, t);
          expect(shares.routes).toBe(routes.length);
          expect(shares.distance).toBe(routes.length === 0 ? -1 : (routes[0]?.length ?? 0) - 1);
          for (let v = 0; v < n; v++) {
            expect(shares.through[v]).toBe(routes.filter((walk) => walk.includes(v)).length);
          }
          pairs += 1;
        }
      }
    }
    expect(pairs).toBeGreaterThan(500);
  });
});
