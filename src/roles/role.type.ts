import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { LevelEnum, ProgressionKindEnum, TechnologyUsageEnum } from "../enums.js";
import type { Level, ProgressionKind, TechnologyUsage } from "../model.js";
import { Skill } from "../skills/skill.type.js";
import { Technology } from "../technologies/technology.type.js";

@ObjectType({ description: "A span of years." })
export class YearsRange {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;
}

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

  @Field(() => String, {
    nullable: true,
    description: "The O*NET-SOC occupation the role belongs to, e.g. 15-1252.00.",
  })
  onetCode!: string | null;

  @Field(() => YearsRange, {
    nullable: true,
    description: "Years of experience employers typically ask for.",
  })
  experienceYears!: YearsRange | null;

  @Field(() => [String], {
    description: "Kinds of product or organisation the role mostly works in.",
  })
  workplaces!: string[];
}

@ObjectType({ description: "A role similar to another (a RELATED_TO edge, read both ways)." })
export class RelatedRole {
  @Field(() => Role)
  role!: Role;

  @Field(() => Float, { nullable: true, description: "0 (unlike) to 1 (near identical)." })
  similarity!: number | null;
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

  @Field(() => String, {
    nullable: true,
    description: "Where the technology is common for this role, e.g. startups and SaaS.",
  })
  context!: string | null;
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

  /** Ids of the sources the edge cites; resolved by the `sources` field. */
  sourceIds!: string[];
}
