import { DirectedGraph } from "graphology";
import {
  betweenness as betweennessCentrality,
  degree as degreeCentrality,
  pagerank,
} from "graphology-metrics/centrality/index.js";

/**
 * Centrality by graphology-metrics, the reference the API's own implementation is held to. The
 * graph is the simple digraph of moves: one edge per ordered pair of roles with a move.
 */
export function referenceCentrality(
  ids: readonly string[],
  moves: readonly { from: string; to: string }[],
): Record<"DEGREE" | "BETWEENNESS" | "PAGERANK", Record<string, number>> {
  const graph = new DirectedGraph();
  for (const id of ids) graph.addNode(id);
  for (const { from, to } of moves) {
    if (from !== to && !graph.hasEdge(from, to)) graph.addEdge(from, to);
  }
  return {
    DEGREE: degreeCentrality(graph),
    BETWEENNESS: betweennessCentrality(graph, { getEdgeWeight: null, normalized: true }),
    // Converged far past the default tolerance, so the comparison measures the methods, not
    // where each stopped.
    PAGERANK: pagerank(graph, { getEdgeWeight: null, tolerance: 1e-14, maxIterations: 10_000 }),
  };
}
