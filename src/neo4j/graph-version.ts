import type { Executor } from "./executor.js";

/**
 * The graph's version stamp: a single `(:GraphVersion {id: "graph"})` node whose `version` every
 * write to the graph increments inside its own transaction. Caches of derived data (the path
 * projection, analytics) remember the version they were built from and rebuild when it moves,
 * so every API instance notices a change made through any other.
 */

/** Cypher that bumps the version; run it in the same transaction as the change. */
export const BUMP_GRAPH_VERSION = `
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.changedAt = datetime()`;

export const READ_GRAPH_VERSION = `
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN coalesce(v.version, 0) AS version`;

export async function readGraphVersion(executor: Executor): Promise<number> {
  const [row] = await executor.read<{ version: number }>(READ_GRAPH_VERSION);
  return row?.version ?? 0;
}
