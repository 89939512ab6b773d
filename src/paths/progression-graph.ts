/**
 * The progression graph in memory: roles and PROGRESSES_TO moves in compressed adjacency arrays
 * (CSR), forwards and backwards. Role indexes follow id order, so comparing two indexes compares
 * the ids: paths can be ordered by their ids without touching a string. A million moves take
 * about 30 MB. Pure data: built from rows, read by the path search.
 */

export const MOVE_KINDS = ["PROMOTION", "LATERAL", "PIVOT"] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

export interface MoveRow {
  from: string;
  to: string;
  kind: MoveKind;
  /** null when unknown. */
  typicalYears: number | null;
  /** Skills `to` requires that `from` does not. */
  newSkills: number;
}

export interface ProgressionGraph {
  /** Role ids in ascending order; a role's index is its place here. */
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  /** Moves out of role i: outEdges[outStart[i] .. outStart[i + 1]). Same for inEdges. */
  outStart: Int32Array;
  outEdges: Int32Array;
  inStart: Int32Array;
  inEdges: Int32Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  /** Per move; NaN when unknown. */
  years: Float64Array;
  newSkills: Int32Array;
  kind: Uint8Array;
  /** The median of the known typicalYears: what an unknown one counts as when weighing by years. */
  medianYears: number;
}

function adjacency(n: number, ends: Int32Array): { start: Int32Array; edges: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const end of ends) start[end + 1] = (start[end + 1] ?? 0) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const fill = start.slice(0, n);
  const edges = new Int32Array(ends.length);
  // Edges are visited in order, so each role's moves stay in the order of the input.
  ends.forEach((end, edge) => {
    edges[fill[end] ?? 0] = edge;
    fill[end] = (fill[end] ?? 0) + 1;
  });
  return { start, edges };
}

function median(values: number[]): number {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 1)
    : ((sorted[mid - 1] ?? 1) + (sorted[mid] ?? 1)) / 2;
}

/** Builds the graph; moves naming a role not in `roleIds` are an error. */
export function buildProgressionGraph(
  roleIds: readonly string[],
  moves: readonly MoveRow[],
): ProgressionGraph {
  const ids = [...new Set(roleIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(ids.map((id, i) => [id, i]));
  const m = moves.length;
  const edgeFrom = new Int32Array(m);
  const edgeTo = new Int32Array(m);
  const years = new Float64Array(m);
  const newSkills = new Int32Array(m);
  const kind = new Uint8Array(m);
  const known: number[] = [];
  // Sort moves by (from, to) so that neighbours are visited in id order everywhere.
  const ordered = moves
    .map((move) => {
      const from = index.get(move.from);
      const to = index.get(move.to);
      if (from === undefined || to === undefined)
        throw new Error(`move ${move.from} → ${move.to} names an unknown role`);
      return { move, from, to };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
  ordered.forEach(({ move, from, to }, e) => {
    edgeFrom[e] = from;
    edgeTo[e] = to;
    years[e] = move.typicalYears ?? Number.NaN;
    if (move.typicalYears !== null) known.push(move.typicalYears);
    newSkills[e] = move.newSkills;
    kind[e] = MOVE_KINDS.indexOf(move.kind);
  });
  const out = adjacency(ids.length, edgeFrom);
  const into = adjacency(ids.length, edgeTo);
  return {
    ids,
    index,
    outStart: out.start,
    outEdges: out.edges,
    inStart: into.start,
    inEdges: into.edges,
    edgeFrom,
    edgeTo,
    years,
    newSkills,
    kind,
    medianYears: median(known),
  };
}
