import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { ProgressionGraph } from "../paths/progression-graph.js";

/**
 * Centrality of roles on the progression graph, as pure functions over typed arrays. They work on
 * the simple directed graph of moves: parallel moves between the same two roles (a promotion and
 * a pivot, say) count as one edge. Scores follow the usual definitions, the same as
 * graphology-metrics' (the tests compare them to 1e-6):
 *
 * - DEGREE: (roles moved in from + roles moved on to) / (n − 1);
 * - PAGERANK: damping 0.85, a role with no moves out spreads its rank over every role;
 * - BETWEENNESS: Brandes' algorithm on unweighted shortest paths, normalised by (n − 1)(n − 2).
 *
 * The long loops give the event loop a turn every few milliseconds (`pause`), so a million-move
 * graph never holds up other requests while its scores are computed.
 */

export interface Digraph {
  n: number;
  /** Distinct successors of v: out[outStart[v] .. outStart[v + 1]), ascending. Same for in. */
  outStart: Int32Array;
  out: Int32Array;
  inStart: Int32Array;
  in: Int32Array;
}

/** The simple digraph under the progression graph: one edge per ordered pair that has moves. */
export function simpleDigraph(graph: ProgressionGraph): Digraph {
  const n = graph.ids.length;
  // Both adjacencies list a role's moves in id order of the other end (moves are sorted by
  // from, then to), so a parallel move is always next to its twin.
  const collapse = (start: Int32Array, edges: Int32Array, ends: Int32Array) => {
    const newStart = new Int32Array(n + 1);
    const list = new Int32Array(edges.length);
    let size = 0;
    for (let v = 0; v < n; v++) {
      let previous = -1;
      for (let i = start[v] ?? 0; i < (start[v + 1] ?? 0); i++) {
        const w = ends[edges[i] ?? 0] ?? 0;
        if (w !== v && w !== previous) list[size++] = w;
        previous = w;
      }
      newStart[v + 1] = size;
    }
    return { start: newStart, edges: list.slice(0, size) };
  };
  const out = collapse(graph.outStart, graph.outEdges, graph.edgeTo);
  const into = collapse(graph.inStart, graph.inEdges, graph.edgeFrom);
  return { n, outStart: out.start, out: out.edges, inStart: into.start, in: into.edges };
}

export const outDegree = (g: Digraph, v: number): number =>
  (g.outStart[v + 1] ?? 0) - (g.outStart[v] ?? 0);
export const inDegree = (g: Digraph, v: number): number =>
  (g.inStart[v + 1] ?? 0) - (g.inStart[v] ?? 0);

/** Yields to the event loop when `sliceMs` has passed since the last yield. */
export type Pause = () => Promise<void>;

export function pauseEvery(sliceMs = 10): Pause {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

const noPause: Pause = async () => {};

export function degreeCentrality(g: Digraph): Float64Array {
  const scores = new Float64Array(g.n);
  if (g.n < 2) return scores;
  for (let v = 0; v < g.n; v++) scores[v] = (inDegree(g, v) + outDegree(g, v)) / (g.n - 1);
  return scores;
}

export interface PageRankOptions {
  alpha?: number;
  /** Stop when the scores move less than this in total (L1) from one iteration to the next. */
  tolerance?: number;
  maxIterations?: number;
  pause?: Pause;
}

export async function pageRank(g: Digraph, options: PageRankOptions = {}): Promise<Float64Array> {
  const { alpha = 0.85, tolerance = 1e-10, maxIterations = 1_000, pause = noPause } = options;
  const n = g.n;
  let x = new Float64Array(n).fill(n === 0 ? 0 : 1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations && n > 0; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outDegree(g, v) === 0) dangling += x[v] ?? 0;
    const base = (alpha * dangling + 1 - alpha) / n;
    next.fill(base);
    for (let v = 0; v < n; v++) {
      const start = g.outStart[v] ?? 0;
      const end = g.outStart[v + 1] ?? 0;
      if (end === start) continue;
      const share = (alpha * (x[v] ?? 0)) / (end - start);
      for (let i = start; i < end; i++) {
        const w = g.out[i] ?? 0;
        next[w] = (next[w] ?? 0) + share;
      }
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs((next[v] ?? 0) - (x[v] ?? 0));
    [x, next] = [next, x];
    if (change < tolerance) break;
    await pause();
  }
  return x;
}

export interface Betweenness {
  scores: Float64Array;
  /** True when every role was a source; otherwise the scores are an unbiased estimate. */
  exact: boolean;
  sources: number;
  /**
   * For an estimate: with probability at least `confidence`, every role's estimate is within
   * this of its exact normalised score (Hoeffding's inequality, with a union bound over all
   * roles). 0 when exact.
   */
  errorBound: number;
  /** For an estimate: each role's standard error, from the spread of its per-source values. */
  standardError: Float64Array | undefined;
}

export interface BetweennessOptions {
  /** The most sources to run from: a graph with more roles is sampled (default: all roles). */
  maxSources?: number;
  /** Seeds the choice of sources, so one graph version always gives the same estimate. */
  seed?: number;
  /** The probability that the error bound holds for every role at once. */
  confidence?: number;
  pause?: Pause;
}

/** The error bound of an estimate from k of n sources; see Betweenness.errorBound. */
export function betweennessErrorBound(n: number, k: number, confidence = 0.95): number {
  if (k >= n || n < 3) return 0;
  return (n / (n - 1)) * Math.sqrt(Math.log((2 * n) / (1 - confidence)) / (2 * k));
}

/** k distinct roles out of n, uniformly, from a seeded generator (a partial Fisher–Yates). */
export function sampleSources(n: number, k: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < k; i++) {
    const j = uniformInt(rng, i, n - 1);
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  return order.slice(0, k).sort();
}

/**
 * Breadth-first search from `start` along the adjacency (starts, ends), filling each reached
 * role's distance and number of fewest-moves routes. `dist` must be −1 and `sigma` 0 for every
 * role on entry; `order` receives the roles reached, nearest first. Returns how many.
 */
function countRoutes(
  start: number,
  starts: Int32Array,
  ends: Int32Array,
  dist: Int32Array,
  sigma: Float64Array,
  order: Int32Array,
): number {
  let head = 0;
  let tail = 0;
  order[tail++] = start;
  dist[start] = 0;
  sigma[start] = 1;
  while (head < tail) {
    const v = order[head++] ?? 0;
    const dv = dist[v] ?? 0;
    for (let i = starts[v] ?? 0; i < (starts[v + 1] ?? 0); i++) {
      const w = ends[i] ?? 0;
      if (dist[w] === -1) {
        dist[w] = dv + 1;
        order[tail++] = w;
      }
      if (dist[w] === dv + 1) sigma[w] = (sigma[w] ?? 0) + (sigma[v] ?? 0);
    }
  }
  return tail;
}

/**
 * Brandes' algorithm: one breadth-first search per source, then dependencies accumulated in
 * reverse order of distance. Predecessors are not stored; they are the in-neighbours one step
 * nearer the source, which the in-adjacency gives for free.
 */
export async function betweenness(
  g: Digraph,
  options: BetweennessOptions = {},
): Promise<Betweenness> {
  const { maxSources = g.n, seed = 0, confidence = 0.95, pause = noPause } = options;
  const n = g.n;
  const exact = maxSources >= n;
  const sources = exact
    ? Int32Array.from({ length: n }, (_, i) => i)
    : sampleSources(n, maxSources, seed);
  const k = sources.length;
  const total = new Float64Array(n);
  const squares = exact ? undefined : new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);

  for (const s of sources) {
    const tail = countRoutes(s, g.outStart, g.out, dist, sigma, order);
    // Dependencies, farthest first.
    for (let j = tail - 1; j > 0; j--) {
      const w = order[j] ?? 0;
      const dw = dist[w] ?? 0;
      const coefficient = (1 + (delta[w] ?? 0)) / (sigma[w] ?? 1);
      for (let i = g.inStart[w] ?? 0; i < (g.inStart[w + 1] ?? 0); i++) {
        const v = g.in[i] ?? 0;
        if (dist[v] === dw - 1) delta[v] = (delta[v] ?? 0) + (sigma[v] ?? 0) * coefficient;
      }
      total[w] = (total[w] ?? 0) + (delta[w] ?? 0);
      if (squares) squares[w] = (squares[w] ?? 0) + (delta[w] ?? 0) ** 2;
    }
    for (let j = 0; j < tail; j++) {
      const v = order[j] ?? 0;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
    await pause();
  }

  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  const scores = new Float64Array(n);
  // An estimate scales the sampled sum up by n / k: each source stands for n / k of them.
  const up = n / k || 0;
  for (let v = 0; v < n; v++) scores[v] = (total[v] ?? 0) * up * scale;
  let standardError: Float64Array | undefined;
  if (squares) {
    standardError = new Float64Array(n);
    // Sampling without replacement: the finite-population correction (n − k) / (n − 1).
    const correction = k > 1 ? (n - k) / (n - 1) : 1;
    for (let v = 0; v < n; v++) {
      const mean = (total[v] ?? 0) / k;
      const variance = k > 1 ? Math.max(0, ((squares[v] ?? 0) - k * mean * mean) / (k - 1)) : 0;
      standardError[v] = n * scale * Math.sqrt((variance / k) * correction);
    }
  }
  return {
    scores,
    exact,
    sources: k,
    errorBound: exact ? 0 : betweennessErrorBound(n, k, confidence),
    standardError,
  };
}

export interface RouteShares {
  /** Moves on a fewest-moves route from s to t; −1 when t cannot be reached. */
  distance: number;
  /** How many fewest-moves routes there are. */
  routes: number;
  /** Per role: the fewest-moves routes through it (0 for roles on none; s and t are on all). */
  through: Float64Array;
  /** Per role: moves from s, or −1 when unreached. */
  fromSource: Int32Array;
}

/**
 * The fewest-moves routes from s to t and how many pass through each role: σ_s(v) · σ_t(v) over
 * the roles with d(s, v) + d(v, t) = d(s, t), from one search forwards and one backwards. A role
 * every route passes through is a bottleneck of the pair (the pair's share of betweenness).
 */
export function routeShares(g: Digraph, s: number, t: number): RouteShares {
  const search = (start: number, starts: Int32Array, ends: Int32Array) => {
    const dist = new Int32Array(g.n).fill(-1);
    const sigma = new Float64Array(g.n);
    countRoutes(start, starts, ends, dist, sigma, new Int32Array(g.n));
    return { dist, sigma };
  };
  const forward = search(s, g.outStart, g.out);
  const backward = search(t, g.inStart, g.in);
  const distance = forward.dist[t] ?? -1;
  const through = new Float64Array(g.n);
  if (distance >= 0) {
    for (let v = 0; v < g.n; v++) {
      const a = forward.dist[v] ?? -1;
      const b = backward.dist[v] ?? -1;
      if (a >= 0 && b >= 0 && a + b === distance) {
        through[v] = (forward.sigma[v] ?? 0) * (backward.sigma[v] ?? 0);
      }
    }
  }
  return {
    distance,
    routes: distance >= 0 ? (forward.sigma[t] ?? 0) : 0,
    through,
    fromSource: forward.dist,
  };
}
