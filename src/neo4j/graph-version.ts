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

/**
 * The version as this instance last read it, read again at most once every `checkEveryMs`:
 * the one place caches ask "has the graph changed?". Concurrent callers share one read.
 */
export class GraphVersionWatch {
  private version: number | undefined;
  private checkedAt = 0;
  private pending: Promise<number> | undefined;

  constructor(private readonly checkEveryMs = 1_000) {}

  async current(executor: Executor): Promise<number> {
    if (this.version !== undefined && Date.now() - this.checkedAt < this.checkEveryMs) {
      return this.version;
    }
    this.pending ??= readGraphVersion(executor)
      .then((version) => {
        this.version = version;
        this.checkedAt = Date.now();
        return version;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** Forgets the checked version, so the next current() reads it: after a write by this instance. */
  invalidate(): void {
    this.checkedAt = 0;
  }
}
