import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { checkFirst, checkTextLength, inRange } from "../args.js";
import type { Context } from "../context.js";
import { LevelEnum, TechnologyKindEnum } from "../enums.js";
import type { Level, TechnologyKind } from "../model.js";
import { MAX_PATH_STEPS } from "../paths/path.service.js";
import {
  type CentralityMetric,
  CentralityMetricEnum,
  RoleScore,
  RouteBottlenecks,
  type SalaryGrouping,
  SalaryGroupingEnum,
  SalaryStat,
  SkillDemand,
  TechnologyDemand,
  TransitionCell,
  type TransitionGrouping,
  TransitionGroupingEnum,
} from "./analytics.type.js";

const FIRST = "How many: 0 to 100, default 10.";
const CACHED = "Computed once per graph version, then answered from memory.";

/** Demand, centrality, transitions and pay, for planners and dashboards. */
@Resolver()
export class AnalyticsResolver {
  @Query(() => [SkillDemand], {
    description:
      "Skills by how much the roles of a track (or of the whole graph) require them, " +
      `importance-weighted; ties by more roles, then id. Unknown track: NOT_FOUND. ${CACHED}`,
  })
  skillDemand(
    @Ctx() ctx: Context,
    @Arg("track", () => ID, { nullable: true }) track: string | null,
    @Arg("first", () => Int, { defaultValue: 10, description: FIRST }) first: number,
  ): Promise<SkillDemand[]> {
    return ctx.analytics.skillDemand(ctx.executor, scope(track), checkFirst(first, 10));
  }

  @Query(() => [TechnologyDemand], {
    description:
      "Technologies by how much the roles of a track (or of the whole graph) use them, weighted " +
      `by usage; ties by more roles, then id. Unknown track: NOT_FOUND. ${CACHED}`,
  })
  technologyDemand(
    @Ctx() ctx: Context,
    @Arg("track", () => ID, { nullable: true }) track: string | null,
    @Arg("kind", () => TechnologyKindEnum, { nullable: true }) kind: TechnologyKind | null,
    @Arg("first", () => Int, { defaultValue: 10, description: FIRST }) first: number,
  ): Promise<TechnologyDemand[]> {
    return ctx.analytics.technologyDemand(
      ctx.executor,
      scope(track),
      kind ?? null,
      checkFirst(first, 10),
    );
  }

  @Query(() => [RoleScore], {
    description:
      "The most central roles on the graph of moves, by score, then id. track and level keep " +
      "only their roles (ranks stay those of the whole graph). BETWEENNESS is exact up to a work " +
      "limit and estimated from sampled sources beyond it (see RoleScore.exact and errorBound). " +
      `Unknown track: NOT_FOUND. ${CACHED}`,
  })
  roleCentrality(
    @Ctx() ctx: Context,
    @Arg("metric", () => CentralityMetricEnum, { defaultValue: "BETWEENNESS" })
    metric: CentralityMetric,
    @Arg("first", () => Int, { defaultValue: 10, description: FIRST }) first: number,
    @Arg("track", () => ID, { nullable: true }) track: string | null,
    @Arg("level", () => LevelEnum, { nullable: true }) level: Level | null,
  ): Promise<RoleScore[]> {
    return ctx.analytics.roleCentrality(ctx.executor, metric, checkFirst(first, 10), {
      track: scope(track),
      level: level ?? null,
    });
  }

  @Query(() => RouteBottlenecks, {
    description:
      "The roles the fewest-moves routes from one role to another pass through, and the share " +
      `of routes through each: where a career path narrows. maxSteps: 1 to ${MAX_PATH_STEPS}. ` +
      "Unknown ids: NOT_FOUND.",
  })
  bottlenecks(
    @Ctx() ctx: Context,
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Arg("maxSteps", () => Int, { defaultValue: 6 }) maxSteps: number,
    @Arg("first", () => Int, { defaultValue: 10, description: FIRST }) first: number,
  ): Promise<RouteBottlenecks> {
    inRange("maxSteps", maxSteps, 1, MAX_PATH_STEPS);
    return ctx.analytics.bottlenecks(ctx, { from, to }, maxSteps, checkFirst(first, 10));
  }

  @Query(() => [TransitionCell], {
    description:
      "Moves between tracks or between levels, a cell per pair of groups: a heat map as it " +
      `comes. Rows in group order. ${CACHED}`,
  })
  transitionMatrix(
    @Ctx() ctx: Context,
    @Arg("groupBy", () => TransitionGroupingEnum, { defaultValue: "TRACK" })
    groupBy: TransitionGrouping,
    @Arg("includeEmpty", () => Boolean, {
      defaultValue: false,
      description: "Also the pairs with no moves (count 0), for a full grid.",
    })
    includeEmpty: boolean,
  ): Promise<TransitionCell[]> {
    return ctx.analytics.transitionMatrix(ctx.executor, groupBy, includeEmpty);
  }

  @Query(() => [SalaryStat], {
    description:
      "Pay by level or track, per region and currency, from each role's newest band: how pay " +
      "rises along a ladder. region (case-insensitive) keeps one region. Groups in level order " +
      `or by track name. ${CACHED}`,
  })
  salaryStats(
    @Ctx() ctx: Context,
    @Arg("groupBy", () => SalaryGroupingEnum, { defaultValue: "LEVEL" }) groupBy: SalaryGrouping,
    @Arg("region", () => String, { nullable: true }) region: string | null,
  ): Promise<SalaryStat[]> {
    const wanted = region == null ? null : checkTextLength("region", region).trim();
    return ctx.analytics.salaryStats(ctx.executor, groupBy, wanted);
  }
}

/** A track id to scope by, or null for the whole graph. */
function scope(track: string | null | undefined): string | null {
  return track == null ? null : checkTextLength("track", track);
}
