import { LEVELS, type Level } from "../model.js";
import type { Executor, Row } from "../neo4j/executor.js";
import { GraphVersionWatch, READ_GRAPH_VERSION } from "../neo4j/graph-version.js";
import { buildProgressionGraph, type MoveRow, type ProgressionGraph } from "./progression-graph.js";

/**
 * The progression graph held in memory for path search and centrality, built from Neo4j in one
 * read transaction and kept in step with it through the graph's version stamp. A request asks for
 * the graph; at most once a second that costs one tiny query to read the version (the shared
 * GraphVersionWatch), and only when the version has moved is the graph read again. Concurrent requests share one rebuild. Until a
 * rebuild finishes, requests wait for it rather than answer from a graph known to be stale.
 */

// One row per role with its required skills and its moves out: a million moves arrive as a
// fifth as many rows. The skill gap of each move (what the SKILL_GAP weighting charges) is counted
// here in the API from these lists; counting it in Cypher, move by move, took seven times longer.
const ROLES = `
MATCH (r:Role)
RETURN r.id AS id, r.level AS level, head([(r)-[:IN_TRACK]->(t:Track) | t.id]) AS track,
  [(r)-[:REQUIRES]->(s:Skill) | s.id] AS skills,
  [(r)-[p:PROGRESSES_TO]->(b:Role) | [b.id, p.kind, p.typicalYears]] AS moves`;

const TRACKS = `MATCH (t:Track) RETURN t.id AS id, t.name AS name ORDER BY id`;

interface RoleRow {
  id: string;
  level: Level;
  track: string | null;
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

export interface TrackName {
  id: string;
  name: string;
}

export interface Projection {
  version: number;
  graph: ProgressionGraph;
  /** Every track, in id order. */
  tracks: TrackName[];
  /** Per role index: its track's place in `tracks` (−1 for none) and its level's in LEVELS. */
  roleTrack: Int32Array;
  roleLevel: Int8Array;
  builtAt: number;
  buildMs: number;
}

export interface ProjectionOptions {
  /** Tells when the graph has changed; one is shared with the other caches of derived data. */
  watch?: GraphVersionWatch;
  /** Transaction timeout for a rebuild; a million moves take seconds (ms). */
  buildTimeoutMs?: number;
  onBuilt?: (projection: Projection) => void;
}

export class ProgressionProjection {
  private current: Projection | undefined;
  private pending: Promise<Projection> | undefined;
  readonly watch: GraphVersionWatch;

  constructor(private readonly options: ProjectionOptions = {}) {
    this.watch = options.watch ?? new GraphVersionWatch();
  }

  /**
   * The graph as of the newest version, rebuilt first when the version has moved. Reads go
   * through the caller's executor, so they count as that request's round trips.
   */
  async get(executor: Executor): Promise<Projection> {
    const version = await this.watch.current(executor);
    const current = this.current;
    if (current && current.version >= version) return current;
    this.pending ??= this.build(executor).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets the checked version, so the next get() reads it: after a write by this instance. */
  invalidate(): void {
    this.watch.invalidate();
  }

  private async build(executor: Executor): Promise<Projection> {
    const started = Date.now();
    const built = await executor.readTransaction(
      async (tx) => {
        const [stamp] = await tx.run<{ version: number }>(READ_GRAPH_VERSION);
        const tracks = await tx.run<TrackName & Row>(TRACKS);
        const rows: RoleRow[] = [];
        await tx.each<RoleRow & Row>(ROLES, {}, (row) => rows.push(row));
        return { version: stamp?.version ?? 0, tracks, rows };
      },
      { timeoutMs: this.options.buildTimeoutMs ?? 120_000, shared: true },
    );
    const graph = buildProgressionGraph(
      built.rows.map((row) => row.id),
      movesOf(built.rows),
    );
    const trackIndex = new Map(built.tracks.map((track, i) => [track.id, i]));
    const roleTrack = new Int32Array(graph.ids.length).fill(-1);
    const roleLevel = new Int8Array(graph.ids.length);
    for (const row of built.rows) {
      const i = graph.index.get(row.id) ?? 0;
      roleTrack[i] = row.track === null ? -1 : (trackIndex.get(row.track) ?? -1);
      roleLevel[i] = LEVELS.indexOf(row.level);
    }
    const projection: Projection = {
      version: built.version,
      graph,
      tracks: built.tracks.map(({ id, name }) => ({ id, name })),
      roleTrack,
      roleLevel,
      builtAt: Date.now(),
      buildMs: Date.now() - started,
    };
    this.current = projection;
    this.options.onBuilt?.(projection);
    return projection;
  }
}
