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

// One row per role with its required skills and its moves out: a million moves arrive as a
// fifth as many rows. The skill gap of each move (what the SKILL_GAP weighting charges) is counted
// here in the API from these lists; counting it in Cypher, move by move, took seven times longer.
const ROLES = `
MATCH (r:Role)
RETURN r.id AS id,
  [(r)-[:REQUIRES]->(s:Skill) | s.id] AS skills,
  [(r)-[p:PROGRESSES_TO]->(b:Role) | [b.id, p.kind, p.typicalYears]] AS moves`;

interface RoleRow {
  id: string;
  skills: string[];
  moves: [string, MoveRow["kind"], number | null][];
}

/** Moves with their skill gaps, from the per-role rows. */
export function movesOf(rows: readonly RoleRow[]): MoveRow[] {
  const skillIndex = new Map<string, number>();
  const skillsOf = new Map<string, Set<number>>();
  for (const row of rows) {
    const set = new Set<number>();
    for (const skill of row.skills) {
      let i = skillIndex.get(skill);
      if (i === undefined) {
        i = skillIndex.size;
        skillIndex.set(skill, i);
      }
      set.add(i);
    }
    skillsOf.set(row.id, set);
  }
  const moves: MoveRow[] = [];
  for (const row of rows) {
    const held = skillsOf.get(row.id) ?? new Set<number>();
    for (const [to, kind, typicalYears] of row.moves) {
      let newSkills = 0;
      for (const skill of skillsOf.get(to) ?? []) if (!held.has(skill)) newSkills += 1;
      moves.push({ from: row.id, to, kind, typicalYears, newSkills });
    }
  }
  return moves;
}

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
        const rows: RoleRow[] = [];
        await tx.each<RoleRow & Row>(ROLES, {}, (row) => rows.push(row));
        return {
          version: stamp?.version ?? 0,
          graph: buildProgressionGraph(
            rows.map((row) => row.id),
            movesOf(rows),
          ),
        };
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
