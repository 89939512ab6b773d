import type { ProgressionGraph } from "./progression-graph.js";

/**
 * The k best simple paths between two roles, best first, within a number of moves.
 *
 * Order: by cost, then by fewer moves, then by the role ids along the path (compared id by id),
 * so the same question always gets the same answer.
 *
 * Method: a best-first walk over partial paths (A*), guided by an exact lower bound on what is
 * left to pay. First breadth-first searches forwards from the source and backwards from the
 * target find the roles that lie on some route within maxSteps (only those); then Dijkstra
 * backwards over those roles gives each one
 * its cheapest (cost, moves) to the target, ignoring the rule that a path visits a role once.
 * A partial path's key is what it has paid plus that bound. Popping keys in order yields complete
 * paths in order: a complete path is only popped once no partial path could still lead to a better
 * one. For ties on cost and moves, keys compare the ids along the path, a prefix before its
 * extensions, which yields exactly the order above.
 *
 * The walk only extends paths that can still reach the target within `maxSteps`, and the bound is
 * exact when the one-visit rule does not bite, so it goes almost straight to each answer: the work
 * is about k × moves × out-degree rather than every path in the neighbourhood. Costs are whole
 * numbers (years in hundredths), so ties are exact. `budget` caps the partial paths examined.
 */

export type PathWeight = "STEPS" | "YEARS" | "SKILL_GAP";

export interface FoundPath {
  /** Role indexes, from first to last. */
  roles: number[];
  /** Move (edge) indexes, one fewer than roles. */
  moves: number[];
  /** The ranking cost: moves, years or new skills. */
  cost: number;
}

export interface PathQuery {
  from: number;
  to: number;
  k: number;
  maxSteps: number;
  weight: PathWeight;
  /** Roles no path may pass through. */
  avoid?: ReadonlySet<number>;
  /** Most partial paths to examine before giving up (PathSearchTooLarge). */
  budget?: number;
}

export class PathSearchTooLarge extends Error {}

/** Cost of one move in whole units: hundredths of a year for YEARS. */
export function moveCost(graph: ProgressionGraph, move: number, weight: PathWeight): number {
  switch (weight) {
    case "STEPS":
      return 1;
    case "YEARS": {
      const years = graph.years[move] ?? Number.NaN;
      return Math.round((Number.isNaN(years) ? graph.medianYears : years) * 100);
    }
    case "SKILL_GAP":
      return graph.newSkills[move] ?? 0;
  }
}

/** The reported cost for whole units. */
export function costValue(units: number, weight: PathWeight): number {
  return weight === "YEARS" ? units / 100 : units;
}

/** A binary min-heap over a comparison. */
class Heap<T> {
  private items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i] as T, items[parent] as T)) break;
      [items[i], items[parent]] = [items[parent] as T, items[i] as T];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.before(items[l] as T, items[best] as T)) best = l;
        if (r < items.length && this.before(items[r] as T, items[best] as T)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best] as T, items[i] as T];
        i = best;
      }
    }
    return top;
  }
}

/** Fewest moves from `from` to each role (forwards BFS), up to maxSteps; -1 beyond. */
function movesFromSource(g: ProgressionGraph, q: PathQuery): Int8Array {
  const hops = new Int8Array(g.ids.length).fill(-1);
  hops[q.from] = 0;
  let frontier = [q.from];
  for (let depth = 1; depth <= q.maxSteps && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const u of frontier) {
      // A simple path ends the first time it reaches the target: never walk on from it.
      if (u === q.to) continue;
      for (let i = g.outStart[u] ?? 0; i < (g.outStart[u + 1] ?? 0); i++) {
        const v = g.edgeTo[g.outEdges[i] ?? 0] ?? 0;
        if (hops[v] !== -1 || q.avoid?.has(v)) continue;
        hops[v] = depth;
        next.push(v);
      }
    }
    frontier = next;
  }
  return hops;
}

/**
 * Fewest moves from each role to `to` (backwards BFS), up to maxSteps; -1 beyond. Only roles the
 * source reaches early enough are visited (moves from the source + moves to the target within
 * maxSteps), so the work stays within the two neighbourhoods' overlap, however big the graph.
 */
function movesToTarget(g: ProgressionGraph, q: PathQuery, fromSource: Int8Array): Int8Array {
  const hops = new Int8Array(g.ids.length).fill(-1);
  hops[q.to] = 0;
  let frontier = [q.to];
  for (let depth = 1; depth <= q.maxSteps && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let i = g.inStart[v] ?? 0; i < (g.inStart[v + 1] ?? 0); i++) {
        const u = g.edgeFrom[g.inEdges[i] ?? 0] ?? 0;
        const early = fromSource[u] ?? -1;
        if (hops[u] !== -1 || early < 0 || early + depth > q.maxSteps) continue;
        hops[u] = depth;
        next.push(u);
      }
    }
    frontier = next;
  }
  return hops;
}

/** Cheapest (cost, moves) from each role that can reach `to` (backwards Dijkstra). */
function boundsToTarget(g: ProgressionGraph, q: PathQuery, hops: Int8Array) {
  const cost = new Float64Array(g.ids.length).fill(Number.POSITIVE_INFINITY);
  const moves = new Int32Array(g.ids.length);
  const heap = new Heap<[number, number, number]>(
    (a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]),
  );
  cost[q.to] = 0;
  heap.push([0, 0, q.to]);
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) {
    const [c, s, v] = item;
    if (c > (cost[v] ?? 0) || (c === cost[v] && s > (moves[v] ?? 0))) continue;
    for (let i = g.inStart[v] ?? 0; i < (g.inStart[v + 1] ?? 0); i++) {
      const e = g.inEdges[i] ?? 0;
      const u = g.edgeFrom[e] ?? 0;
      if ((hops[u] ?? -1) < 0) continue;
      const cu = c + moveCost(g, e, q.weight);
      if (cu < (cost[u] ?? 0) || (cu === cost[u] && s + 1 < (moves[u] ?? 0))) {
        cost[u] = cu;
        moves[u] = s + 1;
        heap.push([cu, s + 1, u]);
      }
    }
  }
  return { cost, moves };
}

interface Partial {
  roles: number[];
  moves: number[];
  paid: number;
  /** Lower bounds of the complete path's cost and moves. */
  keyCost: number;
  keyMoves: number;
}

/** Ids along two paths, compared role by role; a prefix comes before its extensions. */
function idsBefore(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return a.length < b.length;
}

export function kShortestPaths(g: ProgressionGraph, q: PathQuery): FoundPath[] {
  if (q.k <= 0) return [];
  if (q.from === q.to) return [{ roles: [q.from], moves: [], cost: 0 }];
  const fromSource = movesFromSource(g, q);
  if ((fromSource[q.to] ?? -1) < 0) return [];
  const hops = movesToTarget(g, q, fromSource);
  if ((hops[q.from] ?? -1) < 0) return [];
  const bound = boundsToTarget(g, q, hops);
  const heap = new Heap<Partial>(
    (a, b) =>
      a.keyCost < b.keyCost ||
      (a.keyCost === b.keyCost &&
        (a.keyMoves < b.keyMoves || (a.keyMoves === b.keyMoves && idsBefore(a.roles, b.roles)))),
  );
  heap.push({
    roles: [q.from],
    moves: [],
    paid: 0,
    keyCost: bound.cost[q.from] ?? 0,
    keyMoves: bound.moves[q.from] ?? 0,
  });
  const found: FoundPath[] = [];
  const budget = q.budget ?? 1_000_000;
  let examined = 0;
  for (let path = heap.pop(); path !== undefined; path = heap.pop()) {
    const u = path.roles[path.roles.length - 1] ?? 0;
    if (u === q.to) {
      found.push({ roles: path.roles, moves: path.moves, cost: path.paid });
      if (found.length === q.k) break;
      continue;
    }
    if (++examined > budget) throw new PathSearchTooLarge();
    const taken = path.moves.length + 1;
    for (let i = g.outStart[u] ?? 0; i < (g.outStart[u + 1] ?? 0); i++) {
      const e = g.outEdges[i] ?? 0;
      const v = g.edgeTo[e] ?? 0;
      const left = hops[v] ?? -1;
      if (left < 0 || taken + left > q.maxSteps || path.roles.includes(v)) continue;
      const paid = path.paid + moveCost(g, e, q.weight);
      heap.push({
        roles: [...path.roles, v],
        moves: [...path.moves, e],
        paid,
        keyCost: paid + (bound.cost[v] ?? 0),
        keyMoves: taken + (bound.moves[v] ?? 0),
      });
    }
  }
  return found;
}
