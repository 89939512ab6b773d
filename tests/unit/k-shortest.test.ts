import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { kShortestPaths, PathSearchTooLarge, type PathWeight } from "../../src/paths/k-shortest.js";
import {
  buildProgressionGraph,
  MOVE_KINDS,
  type MoveRow,
} from "../../src/paths/progression-graph.js";

/**
 * The path search against brute force: on random small graphs (cycles, parallel routes, unknown
 * years, avoided roles), every simple path within maxSteps is listed, costed and sorted by the
 * rule the API promises (cost, then moves, then ids along the path), and the search must give
 * the same first k, path for path.
 */

const WEIGHTS: PathWeight[] = ["STEPS", "YEARS", "SKILL_GAP"];

function randomGraph(seed: number) {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  const n = int(3, 10);
  // Ids whose string order differs from their number order, to catch index/id mix-ups.
  const ids = Array.from({ length: n }, (_, i) => `r${(i * 7) % 13}-${i}`);
  const moves: MoveRow[] = [];
  const seen = new Set<string>();
  const m = int(n, n * 4);
  for (let i = 0; i < m; i++) {
    const from = ids[int(0, n - 1)] as string;
    const to = ids[int(0, n - 1)] as string;
    if (from === to || seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    moves.push({
      from,
      to,
      kind: MOVE_KINDS[int(0, 2)] ?? "PROMOTION",
      // Halves and quarters, some unknown: sums that tie often.
      typicalYears: uniformFloat64(rng) < 0.2 ? null : int(0, 12) / 4,
      newSkills: int(0, 4),
    });
  }
  const avoid = new Set(ids.filter(() => uniformFloat64(rng) < 0.15));
  const from = ids[int(0, n - 1)] as string;
  const to = ids[int(0, n - 1)] as string;
  avoid.delete(from);
  avoid.delete(to);
  return {
    ids,
    moves,
    from,
    to,
    avoid,
    k: int(1, 10),
    maxSteps: int(1, 8),
    weight: WEIGHTS[int(0, 2)] as PathWeight,
  };
}

type Case = ReturnType<typeof randomGraph>;

/** Every simple path, costed independently of the code under test, in the promised order. */
function bruteForce(c: Case): { ids: string[]; cost: number }[] {
  const years = c.moves.filter((m) => m.typicalYears !== null).map((m) => m.typicalYears as number);
  years.sort((a, b) => a - b);
  const median =
    years.length === 0
      ? 1
      : years.length % 2
        ? (years[years.length >> 1] as number)
        : ((years[years.length / 2 - 1] as number) + (years[years.length / 2] as number)) / 2;
  // Years count to the hundredth, as documented: a median of 1.125 costs 1.13.
  const cost = (m: MoveRow) =>
    c.weight === "STEPS"
      ? 1
      : c.weight === "SKILL_GAP"
        ? m.newSkills
        : Math.round((m.typicalYears ?? median) * 100) / 100;
  const paths: { ids: string[]; cost: number }[] = [];
  const walk = (ids: string[], paid: number) => {
    const last = ids[ids.length - 1] as string;
    if (last === c.to) {
      paths.push({ ids, cost: paid });
      return;
    }
    if (ids.length - 1 === c.maxSteps) return;
    for (const m of c.moves) {
      if (m.from !== last || ids.includes(m.to) || c.avoid.has(m.to)) continue;
      walk([...ids, m.to], paid + cost(m));
    }
  };
  walk([c.from], 0);
  const byIds = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
    return a.length - b.length;
  };
  paths.sort(
    (a, b) =>
      Math.round(a.cost * 100) - Math.round(b.cost * 100) ||
      a.ids.length - b.ids.length ||
      byIds(a.ids, b.ids),
  );
  return paths.slice(0, c.k);
}

function search(c: Case) {
  const g = buildProgressionGraph(c.ids, c.moves);
  const index = (id: string) => g.index.get(id) as number;
  return kShortestPaths(g, {
    from: index(c.from),
    to: index(c.to),
    k: c.k,
    maxSteps: c.maxSteps,
    weight: c.weight,
    avoid: new Set([...c.avoid].map(index)),
  }).map((p) => ({
    ids: p.roles.map((i) => g.ids[i] as string),
    cost: c.weight === "YEARS" ? p.cost / 100 : p.cost,
    moves: p.moves.map((e) => `${g.ids[g.edgeFrom[e] as number]}>${g.ids[g.edgeTo[e] as number]}`),
  }));
}

describe("k best career paths", () => {
  it("match brute force on 1,000 random graphs: same paths, same costs, same order", () => {
    let withPaths = 0;
    let withTies = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const c = randomGraph(seed);
      const expected = bruteForce(c);
      const got = search(c);
      expect(
        got.map((p) => ({ ids: p.ids, cost: p.cost })),
        `seed ${seed}`,
      ).toEqual(expected.map((p) => ({ ids: p.ids, cost: expect.closeTo(p.cost, 9) })));
      for (const path of got) {
        expect(new Set(path.ids).size).toBe(path.ids.length);
        expect(path.ids.length - 1).toBeLessThanOrEqual(c.maxSteps);
        expect(path.ids.slice(1, -1).some((id) => c.avoid.has(id))).toBe(false);
        // Each move joins consecutive roles of the path.
        expect(path.moves).toEqual(path.ids.slice(1).map((id, i) => `${path.ids[i]}>${id}`));
      }
      if (got.length > 1) withPaths += 1;
      if (got.some((p, i) => i > 0 && p.cost === got[i - 1]?.cost)) withTies += 1;
    }
    // The cases must exercise the interesting part: several paths, and ties to break.
    expect(withPaths).toBeGreaterThan(150);
    expect(withTies).toBeGreaterThan(25);
  });

  it("answer one path of no moves from a role to itself, and none when no route exists", () => {
    const g = buildProgressionGraph(
      ["a", "b", "c"],
      [{ from: "a", to: "b", kind: "PROMOTION", typicalYears: 2, newSkills: 1 }],
    );
    expect(kShortestPaths(g, { from: 0, to: 0, k: 3, maxSteps: 6, weight: "STEPS" })).toEqual([
      { roles: [0], moves: [], cost: 0 },
    ]);
    expect(kShortestPaths(g, { from: 1, to: 0, k: 3, maxSteps: 6, weight: "STEPS" })).toEqual([]);
    expect(kShortestPaths(g, { from: 0, to: 2, k: 3, maxSteps: 6, weight: "STEPS" })).toEqual([]);
  });

  it("give up past the budget instead of running on", () => {
    // A complete graph: many simple paths, none reaching an unreachable target's cost early.
    const ids = Array.from({ length: 9 }, (_, i) => `n${i}`);
    const moves: MoveRow[] = ids.flatMap((from) =>
      ids
        .filter((to) => to !== from)
        .map((to) => ({ from, to, kind: "LATERAL" as const, typicalYears: 1, newSkills: 1 })),
    );
    const g = buildProgressionGraph(ids, moves);
    expect(() =>
      kShortestPaths(g, { from: 0, to: 8, k: 10, maxSteps: 8, weight: "STEPS", budget: 5 }),
    ).toThrow(PathSearchTooLarge);
  });
});
