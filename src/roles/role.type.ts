import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { LevelEnum, ProgressionKindEnum, TechnologyUsageEnum } from "../enums.js";
import type { Level, ProgressionKind, TechnologyUsage } from "../model.js";
import { Skill } from "../skills/skill.type.js";
import { Technology } from "../technologies/technology.type.js";

@ObjectType({
  description:
    "A job at one level: junior, mid-level and senior back end developer are three roles.",
})
export class Role {
  @Field(() => ID, { description: "Stable slug, e.g. back-end-developer." })
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => [String], { description: "Other titles the role goes by." })
  aliases!: string[];

  @Field(() => LevelEnum)
  level!: Level;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => [String])
  responsibilities!: string[];
}

@ObjectType({ description: "A skill a role requires, with how much it matters there." })
export class RoleSkill {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => Int, { description: "1 (useful) to 5 (essential)." })
  importance!: number;
}

@ObjectType({ description: "A technology a role works with, and how central it is." })
export class RoleTechnology {
  @Field(() => Technology)
  technology!: Technology;

  @Field(() => TechnologyUsageEnum)
  usage!: TechnologyUsage;
}

@ObjectType({ description: "A move people make from one role to another (a PROGRESSES_TO edge)." })
export class Progression {
  @Field(() => Role)
  from!: Role;

  @Field(() => Role)
  to!: Role;

  @Field(() => ProgressionKindEnum)
  kind!: ProgressionKind;

  @Field(() => Float, {
    nullable: true,
    description: "Typical years spent in `from` before the move.",
  })
  typicalYears!: number | null;
}
