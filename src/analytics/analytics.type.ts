import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import { LevelEnum } from "../enums.js";
import type { Level } from "../model.js";
import { Role } from "../roles/role.type.js";
import { Skill } from "../skills/skill.type.js";
import { Technology } from "../technologies/technology.type.js";

/**
 * The answers of the analytics queries. Every item is a ChartPoint: a `label` to print and a
 * `value` to plot, so a chart can bind to any of them as it comes; counts and shares sit beside.
 */

export const CentralityMetricEnum = {
  DEGREE: "DEGREE",
  BETWEENNESS: "BETWEENNESS",
  PAGERANK: "PAGERANK",
} as const;
export type CentralityMetric = keyof typeof CentralityMetricEnum;
registerEnumType(CentralityMetricEnum, {
  name: "CentralityMetric",
  description: "How central a role is on the graph of moves (PROGRESSES_TO), as one number.",
  valuesConfig: {
    DEGREE: {
      description: "Roles it is one move from, either way, as a share of all other roles.",
    },
    BETWEENNESS: {
      description:
        "How much of the fewest-moves traffic between other roles passes through it: the " +
        "bottlenecks. Normalised by (n − 1)(n − 2); estimated from sampled sources on large graphs.",
    },
    PAGERANK: {
      description: "Where careers converge: PageRank along moves, damping 0.85. Scores sum to 1.",
    },
  },
});

export const TransitionGroupingEnum = { TRACK: "TRACK", LEVEL: "LEVEL" } as const;
export type TransitionGrouping = keyof typeof TransitionGroupingEnum;
registerEnumType(TransitionGroupingEnum, {
  name: "TransitionGrouping",
  description: "What the rows and columns of a transition matrix are.",
});

export const SalaryGroupingEnum = { LEVEL: "LEVEL", TRACK: "TRACK" } as const;
export type SalaryGrouping = keyof typeof SalaryGroupingEnum;
registerEnumType(SalaryGroupingEnum, {
  name: "SalaryGrouping",
  description: "What salary statistics are grouped by.",
});

@InterfaceType({ description: "One point of a chart: what to print, and what to plot." })
export abstract class ChartPoint {
  @Field(() => String)
  label!: string;

  @Field(() => Float)
  value!: number;
}

@ObjectType({
  implements: ChartPoint,
  description:
    "How much the roles in scope lean on a skill. value: the requiring roles weighted by " +
    "importance (a role counts importance / 5, so 1 at importance 5).",
})
export class SkillDemand extends ChartPoint {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => Int, { description: "Roles in scope that require the skill." })
  count!: number;

  @Field(() => Float, { description: "count / roles in scope, 0 to 1." })
  share!: number;

  @Field(() => Float, { description: "Mean importance (1 to 5) among the requiring roles." })
  averageImportance!: number;
}

@ObjectType({
  implements: ChartPoint,
  description:
    "How much the roles in scope work with a technology. value: the roles using it weighted by " +
    "usage (CORE 1, COMMON 2/3, OCCASIONAL 1/3).",
})
export class TechnologyDemand extends ChartPoint {
  @Field(() => Technology)
  technology!: Technology;

  @Field(() => Int, { description: "Roles in scope that use it." })
  count!: number;

  @Field(() => Float, { description: "count / roles in scope, 0 to 1." })
  share!: number;

  @Field(() => Int)
  core!: number;

  @Field(() => Int)
  common!: number;

  @Field(() => Int)
  occasional!: number;
}

@ObjectType({
  implements: ChartPoint,
  description: "A role's centrality score (value = score) and place in the ranking.",
})
export class RoleScore extends ChartPoint {
  @Field(() => Role)
  role!: Role;

  @Field(() => Float)
  score!: number;

  @Field(() => Int, {
    description: "1 for the most central role of the whole graph; ties share no rank (by id).",
  })
  rank!: number;

  @Field(() => Int, { description: "Roles with a move into this one: its feeders." })
  inDegree!: number;

  @Field(() => Int, { description: "Roles this one has a move to." })
  outDegree!: number;

  @Field(() => Boolean, {
    description: "False when BETWEENNESS was estimated from a sample of sources.",
  })
  exact!: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      "For an estimate: with 95% probability every role's score is within this of its exact " +
      "score at once (Hoeffding's bound); null when exact.",
  })
  errorBound!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "For an estimate: this role's standard error, from the sample; null when exact.",
  })
  standardError!: number | null;
}

@ObjectType({
  implements: ChartPoint,
  description:
    "Moves from one group of roles to another: one cell of a heat map (value = count). Groups " +
    "are tracks (key: track id) or levels (key: the level).",
})
export class TransitionCell extends ChartPoint {
  @Field(() => String, { description: "The key of the group the moves leave." })
  from!: string;

  @Field(() => String, { description: "The key of the group the moves enter." })
  to!: string;

  @Field(() => String)
  fromLabel!: string;

  @Field(() => String)
  toLabel!: string;

  @Field(() => Int, { description: "PROGRESSES_TO moves from the first group to the second." })
  count!: number;

  @Field(() => Float, {
    description: "count / all moves out of the first group, 0 to 1: each row sums to 1.",
  })
  share!: number;

  @Field(() => Int)
  promotions!: number;

  @Field(() => Int)
  lateral!: number;

  @Field(() => Int)
  pivots!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean typicalYears of the moves that give one; null when none does.",
  })
  averageYears!: number | null;
}

@ObjectType({
  implements: ChartPoint,
  description:
    "Pay across a group of roles in one region and currency, from each role's newest band there " +
    "(value = median midpoint). Money in the currency's major unit.",
})
export class SalaryStat extends ChartPoint {
  @Field(() => ID, { description: "The group: a level, or a track id." })
  key!: string;

  @Field(() => LevelEnum, { nullable: true, description: "The level, when grouped by level." })
  level!: Level | null;

  @Field(() => String)
  region!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => Int, { description: "Roles with a band in this region and currency." })
  count!: number;

  @Field(() => Int, { description: "The lowest band minimum." })
  min!: number;

  @Field(() => Int, { description: "The highest band maximum." })
  max!: number;

  @Field(() => Float, { description: "Median of the band midpoints." })
  median!: number;

  @Field(() => Float, { description: "Mean of the band midpoints." })
  mean!: number;

  @Field(() => Float, { description: "25th percentile of the band midpoints (interpolated)." })
  lowerQuartile!: number;

  @Field(() => Float, { description: "75th percentile of the band midpoints (interpolated)." })
  upperQuartile!: number;

  @Field(() => Int, { description: "The oldest of the bands' years." })
  fromYear!: number;

  @Field(() => Int, { description: "The newest of the bands' years." })
  toYear!: number;
}

@ObjectType({
  implements: ChartPoint,
  description:
    "A role on the fewest-moves routes between two roles, and the share of those routes that " +
    "pass through it (value = share).",
})
export class RouteShare extends ChartPoint {
  @Field(() => Role)
  role!: Role;

  @Field(() => Float, { description: "Routes through this role / all routes, 0 to 1." })
  share!: number;

  @Field(() => Float, { description: "Fewest-moves routes through this role." })
  routes!: number;

  @Field(() => Int, { description: "Moves from the starting role to this one." })
  moves!: number;
}

@ObjectType({
  description:
    "The roles the fewest-moves routes from one role to another pass through: share 1 is a role " +
    "no such route avoids.",
})
export class RouteBottlenecks {
  @Field(() => Role)
  from!: Role;

  @Field(() => Role)
  to!: Role;

  @Field(() => Int, {
    nullable: true,
    description: "Moves on a fewest-moves route; null when none is within maxSteps.",
  })
  moves!: number | null;

  @Field(() => Float, { description: "How many fewest-moves routes there are (0: none)." })
  routes!: number;

  @Field(() => [RouteShare], {
    description: "The roles between, by share, then nearer the start, then id.",
  })
  roles!: RouteShare[];
}
