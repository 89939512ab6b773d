import type { Executor, Row } from "../neo4j/executor.js";
import { READ_GRAPH_VERSION } from "../neo4j/graph-version.js";
import { buildProgressionGraph, type MoveRow, type ProgressionGraph } from "./progression-graph.js";

/**
 * The progression graph held in memory for path search, built from Neo4j in one read transaction
 * and kept in step with it through the graph's version stamp. A request asks for the graph; at
 * most once every `checkEveryMs` that costs one tiny query to read the version, and only when the
 * version has moved is the graph read again. Concurrent requests share one rebuild. Until a
 * rebuild finishes, requests wait for it rather than answer from a graph known to be stale.
 */

const ROLES = "MATCH (r:Role) RETURN r.id AS id";

// Each move carries what the SKILL_GAP weighting needs: how many skills the target requires
// that the source does not, counted in the database.
const MOVES = `
MATCH (a:Role)-[p:PROGRESSES_TO]->(b:Role)
RETURN a.id AS from, b.id AS to, p.kind AS kind, p.typicalYears AS typicalYears,
  COUNT { MATCH (b)-[:REQUIRES]->(s:Skill) WHERE NOT (a)-[:REQUIRES]->(s) } AS newSkills`;

export interface Projection {
  version: number;
  graph: ProgressionGraph;
  builtAt: number;
  buildMs: number;
}

export interface ProjectionOptions {
  /** How long a checked version is trusted before it is read again (ms). */
  checkEveryMs?: number;
  /** Transaction timeout for a rebuild; a million moves take seconds (ms). */
  buildTimeoutMs?: number;
  onBuilt?: (projection: Projection) => void;
}

export class ProgressionProjection {
  private current: Projection | undefined;
  private checkedAt = 0;
  private pending: Promise<Projection> | undefined;

  constructor(private readonly options: ProjectionOptions = {}) {}

  /**
   * The graph as of the newest version, rebuilt first when the version has moved. Reads go
   * through the caller's executor, so they count as that request's round trips.
   */
  async get(executor: Executor): Promise<Projection> {
    const current = this.current;
    const checkEveryMs = this.options.checkEveryMs ?? 1_000;
    if (current && Date.now() - this.checkedAt < checkEveryMs) return current;
    if (this.pending) return this.pending;
    this.pending = this.refresh(executor, current).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets the checked version, so the next get() reads it: after a write by this instance. */
  invalidate(): void {
    this.checkedAt = 0;
  }

  private async refresh(executor: Executor, current: Projection | undefined): Promise<Projection> {
    const [row] = await executor.read<{ version: number }>(READ_GRAPH_VERSION);
    const version = row?.version ?? 0;
    if (current && current.version === version) {
      this.checkedAt = Date.now();
      return current;
    }
    const started = Date.now();
    const built = await executor.readTransaction(
      async (tx) => {
        const [stamp] = await tx.run<{ version: number }>(READ_GRAPH_VERSION);
        const ids: string[] = [];
        await tx.each<{ id: string }>(ROLES, {}, (r) => ids.push(r.id));
        const moves: MoveRow[] = [];
        await tx.each<MoveRow & Row>(MOVES, {}, (m) => moves.push(m));
        return { version: stamp?.version ?? 0, graph: buildProgressionGraph(ids, moves) };
      },
      { timeoutMs: this.options.buildTimeoutMs ?? 120_000 },
    );
    const projection = { ...built, builtAt: Date.now(), buildMs: Date.now() - started };
    this.current = projection;
    this.checkedAt = Date.now();
    this.options.onBuilt?.(projection);
    return projection;
  }
}
