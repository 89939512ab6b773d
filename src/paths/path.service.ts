import type { Context } from "../context.js";
import { NotFoundError, TimeoutError } from "../errors.js";
import type { ProgressionKind } from "../model.js";
import type { Role } from "../roles/role.type.js";
import type { SalaryBand } from "../salaries/salary-band.type.js";
import type { Skill } from "../skills/skill.type.js";
import {
  costValue,
  type FoundPath,
  kShortestPaths,
  PathSearchTooLarge,
  type PathWeight,
} from "./k-shortest.js";
import { type MoveDetails, skillGapRow, stepDetails, withinReach } from "./path.repository.js";
import type { CareerPath, RoleMatch, SalaryChange, SkillGap } from "./path.type.js";

/** Bounds of careerPaths, in the schema's descriptions too. */
export const MAX_K = 10;
export const MAX_PATH_STEPS = 8;
export const MAX_AVOID = 100;
/** Partial paths the search may examine before it answers TIMEOUT. */
export const SEARCH_BUDGET = 200_000;

export interface PathArgs {
  from: string;
  to: string;
  k: number;
  weightBy: PathWeight;
  maxSteps: number;
  avoid: string[];
}

/** Loads roles by id, answering NOT_FOUND for the first unknown one. */
export async function rolesOrNotFound(ctx: Context, ids: string[]): Promise<Map<string, Role>> {
  const unique = [...new Set(ids)];
  const roles = await ctx.loaders.roleById.loadMany(unique);
  const byId = new Map<string, Role>();
  unique.forEach((id, i) => {
    const role = roles[i];
    if (role instanceof Error) throw role;
    if (!role) throw new NotFoundError("role", id);
    byId.set(id, role);
  });
  return byId;
}

/** Newest band per region and currency, keyed "region currency". */
function newestBands(bands: SalaryBand[]): Map<string, SalaryBand> {
  const newest = new Map<string, SalaryBand>();
  for (const band of bands) {
    const key = `${band.region} ${band.currency}`;
    const seen = newest.get(key);
    if (!seen || band.year > seen.year) newest.set(key, band);
  }
  return newest;
}

const midpoint = (band: SalaryBand) => Math.round((band.min + band.max) / 2);

/**
 * The pay change between two roles: band midpoints in the first region and currency (in that
 * order) where both have a band, each role's newest band there. Null when they share none.
 */
export function salaryChange(fromBands: SalaryBand[], toBands: SalaryBand[]): SalaryChange | null {
  const a = newestBands(fromBands);
  const b = newestBands(toBands);
  const shared = [...a.keys()].filter((key) => b.has(key)).sort();
  const key = shared[0];
  if (key === undefined) return null;
  const from = a.get(key) as SalaryBand;
  const to = b.get(key) as SalaryBand;
  return {
    region: from.region,
    currency: from.currency,
    from: midpoint(from),
    to: midpoint(to),
    change: midpoint(to) - midpoint(from),
  };
}

export async function careerPaths(ctx: Context, args: PathArgs): Promise<CareerPath[]> {
  const named = [args.from, args.to, ...args.avoid];
  let { graph } = await ctx.projection.get(ctx.executor);
  // The projection knows every role as of its version. One it lacks may be newer than the last
  // version check: look again, then ask the database, which answers NOT_FOUND if it lacks it too.
  if (named.some((id) => !graph.index.has(id))) {
    ctx.projection.invalidate();
    ({ graph } = await ctx.projection.get(ctx.executor));
    await rolesOrNotFound(ctx, named);
  }
  const from = graph.index.get(args.from);
  const to = graph.index.get(args.to);
  if (from === undefined || to === undefined) return [];
  const avoid = new Set(args.avoid.flatMap((id) => graph.index.get(id) ?? []));

  let found: FoundPath[];
  try {
    found = kShortestPaths(graph, {
      from,
      to,
      k: args.k,
      maxSteps: args.maxSteps,
      weight: args.weightBy,
      avoid,
      budget: SEARCH_BUDGET,
    });
  } catch (error) {
    if (error instanceof PathSearchTooLarge) {
      throw new TimeoutError(
        "The path search examined too many routes; ask with a lower maxSteps or k, or avoid more roles",
      );
    }
    throw error;
  }
  if (found.length === 0) return [];

  const idsOf = (path: FoundPath) => path.roles.map((i) => graph.ids[i] as string);
  const pathIds = found.map(idsOf);
  const roleIds = [...new Set(pathIds.flat())];
  const moveKeys = new Map<string, { from: string; to: string }>();
  for (const ids of pathIds)
    for (let i = 1; i < ids.length; i++) {
      const move = { from: ids[i - 1] as string, to: ids[i] as string };
      moveKeys.set(`${move.from}>${move.to}`, move);
    }
  const details = await stepDetails(ctx.executor, [...moveKeys.values()], roleIds);
  const roles = new Map(details.roles.map((role) => [role.id, role]));
  for (const role of details.roles) ctx.loaders.roleById.prime(role.id, role);
  const moves = new Map<string, MoveDetails>(details.moves.map((m) => [`${m.from}>${m.to}`, m]));
  const bands = new Map<string, SalaryBand[]>();
  for (const { role, band } of details.bands) bands.set(role, [...(bands.get(role) ?? []), band]);

  return found.flatMap((path, p) => {
    const ids = pathIds[p] as string[];
    const steps = ids.slice(1).map((to, i) => {
      const from = ids[i] as string;
      const move = moves.get(`${from}>${to}`);
      const delta = salaryChange(bands.get(from) ?? [], bands.get(to) ?? []);
      return {
        from: roles.get(from) as Role,
        to: roles.get(to) as Role,
        kind: (move?.kind ?? "PROMOTION") as ProgressionKind,
        typicalYears: move?.typicalYears ?? null,
        newSkills: move?.newSkills ?? [],
        salaryDelta: delta?.change ?? null,
        known: move !== undefined,
      };
    });
    // A move or role removed since the projection was read: leave the path out, don't invent it.
    if (steps.some((step) => !step.known) || ids.some((id) => !roles.has(id))) {
      ctx.projection.invalidate();
      return [];
    }
    const years = steps.flatMap((s) => (s.typicalYears === null ? [] : [s.typicalYears]));
    const acquire = new Map<string, Skill>();
    for (const step of steps) for (const skill of step.newSkills) acquire.set(skill.id, skill);
    return [
      {
        roles: ids.map((id) => roles.get(id) as Role),
        steps: steps.map(({ known: _, ...step }) => step),
        totalSteps: steps.length,
        totalYears:
          years.length === 0 ? null : Math.round(years.reduce((a, b) => a + b, 0) * 100) / 100,
        cost: costValue(path.cost, args.weightBy),
        skillsToAcquire: [...acquire.values()].sort((a, b) =>
          a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1,
        ),
        salaryChange: salaryChange(
          bands.get(ids[0] as string) ?? [],
          bands.get(ids[ids.length - 1] as string) ?? [],
        ),
      },
    ];
  });
}

export async function skillGap(ctx: Context, fromId: string, toId: string): Promise<SkillGap> {
  const row = await skillGapRow(ctx.executor, fromId, toId);
  if (!row?.fromRole) throw new NotFoundError("role", fromId);
  if (!row.toRole) throw new NotFoundError("role", toId);
  const weights = row.weights;
  const total = weights.reduce((sum, w) => sum + w.importance, 0);
  const held = weights.reduce((sum, w) => sum + (w.held ? w.importance : 0), 0);
  return {
    from: row.fromRole,
    to: row.toRole,
    shared: row.shared,
    missing: row.missing,
    coverage: total === 0 ? 1 : held / total,
  };
}

export async function rolesWithinReach(
  ctx: Context,
  skills: string[],
  maxMissing: number,
  first: number,
): Promise<RoleMatch[]> {
  const unique = [...new Set(skills)];
  const { known, matches } = await withinReach(ctx.executor, unique, maxMissing, first);
  const unknown = unique.find((id) => !known.includes(id));
  if (unknown !== undefined) throw new NotFoundError("skill", unknown);
  return matches;
}
