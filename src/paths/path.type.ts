import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { ProgressionKindEnum } from "../enums.js";
import type { ProgressionKind } from "../model.js";
import { Role, RoleSkill } from "../roles/role.type.js";
import { Skill } from "../skills/skill.type.js";
import type { PathWeight } from "./k-shortest.js";

export const PathWeightEnum = { STEPS: "STEPS", YEARS: "YEARS", SKILL_GAP: "SKILL_GAP" } as const;
registerEnumType(PathWeightEnum, {
  name: "PathWeight",
  description: "What a career path costs, to rank paths by.",
  valuesConfig: {
    STEPS: { description: "Each move costs 1." },
    YEARS: {
      description: "Each move costs its typicalYears; unknown years count as the graph's median.",
    },
    SKILL_GAP: {
      description:
        "Each move costs the number of skills the target requires that the source does not.",
    },
  },
});

export type { PathWeight };

@ObjectType({
  description:
    "How pay changes between two roles, from the midpoints of their newest bands in one region " +
    "and currency (the first such pair in region, then currency order).",
})
export class SalaryChange {
  @Field(() => String)
  region!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => Int, { description: "Midpoint of the first role's band." })
  from!: number;

  @Field(() => Int, { description: "Midpoint of the last role's band." })
  to!: number;

  @Field(() => Int, { description: "to − from." })
  change!: number;
}

@ObjectType({ description: "One move of a career path." })
export class PathStep {
  @Field(() => Role)
  from!: Role;

  @Field(() => Role)
  to!: Role;

  @Field(() => ProgressionKindEnum)
  kind!: ProgressionKind;

  @Field(() => Float, { nullable: true })
  typicalYears!: number | null;

  @Field(() => [Skill], { description: "Skills `to` requires that `from` does not, by name." })
  newSkills!: Skill[];

  @Field(() => Int, {
    nullable: true,
    description: "Change in band midpoint over this move; null without bands in a shared region.",
  })
  salaryDelta!: number | null;
}

@ObjectType({ description: "A route from one role to another along PROGRESSES_TO moves." })
export class CareerPath {
  @Field(() => [Role], { description: "From the first role to the last, in order." })
  roles!: Role[];

  @Field(() => [PathStep])
  steps!: PathStep[];

  @Field(() => Int)
  totalSteps!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Sum of typicalYears over the moves that have one; null when none has.",
  })
  totalYears!: number | null;

  @Field(() => Float, { description: "What the path was ranked by (see weightBy)." })
  cost!: number;

  @Field(() => [Skill], {
    description: "Skills required somewhere on the path but not by its first role, by name.",
  })
  skillsToAcquire!: Skill[];

  @Field(() => SalaryChange, { nullable: true })
  salaryChange!: SalaryChange | null;
}

@ObjectType({ description: "What one role asks for that another already has, and what it lacks." })
export class SkillGap {
  @Field(() => Role)
  from!: Role;

  @Field(() => Role)
  to!: Role;

  @Field(() => [Skill], { description: "Skills both roles require, by name." })
  shared!: Skill[];

  @Field(() => [RoleSkill], {
    description: "Skills `to` requires that `from` does not, most important (to `to`) first.",
  })
  missing!: RoleSkill[];

  @Field(() => Float, {
    description:
      "Share of `to`'s requirements, weighted by importance, that `from` covers: 0 to 1 " +
      "(1 when `to` requires nothing).",
  })
  coverage!: number;
}

@ObjectType({ description: "A role and how well a set of skills covers what it requires." })
export class RoleMatch {
  @Field(() => Role)
  role!: Role;

  @Field(() => [Skill], { description: "The given skills the role requires, by name." })
  matched!: Skill[];

  @Field(() => [Skill], { description: "What the role requires beyond them, by name." })
  missing!: Skill[];

  @Field(() => Float, {
    description: "Share of the role's requirements, weighted by importance, the skills cover.",
  })
  coverage!: number;
}
