import { LEVELS, type Level } from "../model.js";
import type { Projection } from "../paths/projection.js";
import type { TransitionGrouping } from "./analytics.type.js";

/** How levels read on a chart axis. */
export const LEVEL_LABELS: Record<Level, string> = {
  INTERN: "Intern",
  JUNIOR: "Junior",
  MID: "Mid-level",
  SENIOR: "Senior",
  LEAD: "Lead",
  PRINCIPAL: "Principal",
  HEAD: "Head",
  EXECUTIVE: "Executive",
};

export interface Transition {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  label: string;
  value: number;
  count: number;
  share: number;
  promotions: number;
  lateral: number;
  pivots: number;
  averageYears: number | null;
}

/**
 * Moves between groups of roles, counted over the in-memory projection: every PROGRESSES_TO
 * move once, parallel moves included. Cells come in group order (levels from intern up, tracks
 * by id), rows first; empty cells only when asked for, as a heat map wants the full grid.
 */
export function transitionMatrix(
  projection: Projection,
  groupBy: TransitionGrouping,
  includeEmpty: boolean,
): Transition[] {
  const groups =
    groupBy === "LEVEL"
      ? LEVELS.map((level) => ({ key: level as string, label: LEVEL_LABELS[level] }))
      : projection.tracks.map((track) => ({ key: track.id, label: track.name }));
  const groupOf = groupBy === "LEVEL" ? projection.roleLevel : projection.roleTrack;
  const g = groups.length;
  // Per cell: count, the three kinds, and the sum and number of known years.
  const counts = new Float64Array(g * g * 6);
  const { edgeFrom, edgeTo, kind, years } = projection.graph;
  for (let e = 0; e < edgeFrom.length; e++) {
    const a = groupOf[edgeFrom[e] ?? 0] ?? -1;
    const b = groupOf[edgeTo[e] ?? 0] ?? -1;
    if (a < 0 || b < 0) continue;
    const at = (a * g + b) * 6;
    counts[at] = (counts[at] ?? 0) + 1;
    const k = at + 1 + (kind[e] ?? 0);
    counts[k] = (counts[k] ?? 0) + 1;
    const y = years[e] ?? Number.NaN;
    if (!Number.isNaN(y)) {
      counts[at + 4] = (counts[at + 4] ?? 0) + y;
      counts[at + 5] = (counts[at + 5] ?? 0) + 1;
    }
  }
  const cells: Transition[] = [];
  for (let a = 0; a < g; a++) {
    let rowTotal = 0;
    for (let b = 0; b < g; b++) rowTotal += counts[(a * g + b) * 6] ?? 0;
    for (let b = 0; b < g; b++) {
      const at = (a * g + b) * 6;
      const count = counts[at] ?? 0;
      if (count === 0 && !includeEmpty) continue;
      const from = groups[a] as { key: string; label: string };
      const to = groups[b] as { key: string; label: string };
      const known = counts[at + 5] ?? 0;
      cells.push({
        from: from.key,
        to: to.key,
        fromLabel: from.label,
        toLabel: to.label,
        label: `${from.label} → ${to.label}`,
        value: count,
        count,
        share: rowTotal === 0 ? 0 : count / rowTotal,
        promotions: counts[at + 1] ?? 0,
        lateral: counts[at + 2] ?? 0,
        pivots: counts[at + 3] ?? 0,
        averageYears: known === 0 ? null : (counts[at + 4] ?? 0) / known,
      });
    }
  }
  return cells;
}
