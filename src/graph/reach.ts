import type { Executor } from "../neo4j/executor.js";

export const MAX_STEPS = 6;
export const MAX_REACH = 1000;

const MOVES_FORWARD = `
UNWIND $ids AS id
MATCH (a:Role {id: id})-[e:PROGRESSES_TO]->(b:Role)
RETURN a.id AS from, b.id AS to, e.typicalYears AS years`;

const MOVES_BACKWARD = `
UNWIND $ids AS id
MATCH (b:Role)-[e:PROGRESSES_TO]->(a:Role {id: id})
RETURN a.id AS from, b.id AS to, e.typicalYears AS years`;

type Move = { from: string; to: string; years: number | null };

export interface Reach {
  id: string;
  steps: number;
  minYears: number | null;
}

/**
 * Roles reachable from `start` within `maxSteps` moves (or, backwards, the roles that lead to it),
 * each with the fewest moves and the fewest years. Layer by layer, one round trip per layer: layer
 * k settles the roles first reached in k moves and relaxes years (Bellman–Ford bounded by k moves),
 * so a role is expanded again only when a route with fewer years reaches it. A best walk within
 * the bound is always a simple path: dropping a cycle saves moves and never adds years.
 */
export async function reach(
  executor: Executor,
  start: string,
  maxSteps: number,
  direction: "FORWARD" | "BACKWARD",
): Promise<Reach[]> {
  const query = direction === "FORWARD" ? MOVES_FORWARD : MOVES_BACKWARD;
  const steps = new Map<string, number>([[start, 0]]);
  const years = new Map<string, number>([[start, 0]]);
  const adjacency = new Map<string, Move[]>();
  let frontier = new Set([start]);
  for (let layer = 1; layer <= maxSteps && frontier.size > 0; layer += 1) {
    const unknown = [...frontier].filter((id) => !adjacency.has(id));
    if (unknown.length > 0) {
      for (const id of unknown) adjacency.set(id, []);
      for (const move of await executor.read<Move>(query, { ids: unknown })) {
        adjacency.get(move.from)?.push(move);
      }
    }
    const improved = new Set<string>();
    // Relax from the years known before this layer, so a route counted here has at most `layer` moves.
    const before = new Map(years);
    for (const from of frontier) {
      const base = before.get(from);
      for (const move of adjacency.get(from) ?? []) {
        if (move.to === start) continue;
        if (!steps.has(move.to)) {
          steps.set(move.to, layer);
          improved.add(move.to);
        }
        if (base !== undefined && move.years != null) {
          const total = base + move.years;
          const best = years.get(move.to);
          if (best === undefined || total < best - 1e-9) {
            years.set(move.to, total);
            improved.add(move.to);
          }
        }
      }
    }
    frontier = improved;
  }
  steps.delete(start);
  return [...steps].map(([id, n]) => ({ id, steps: n, minYears: years.get(id) ?? null }));
}

/** Orders reached roles: fewest moves, then fewest years (unknown last), then id. */
export function byNearness(a: Reach, b: Reach): number {
  const years = (r: Reach) => r.minYears ?? Number.MAX_VALUE;
  return a.steps - b.steps || years(a) - years(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
