import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  LevelEnum,
  ProgressionKindEnum,
  SkillCategoryEnum,
  TechnologyKindEnum,
  TechnologyUsageEnum,
} from "../enums.js";
import type {
  Level,
  ProgressionKind,
  SkillCategory,
  TechnologyKind,
  TechnologyUsage,
} from "../model.js";

/**
 * What curators send. An upsert carries the whole record: optional fields left out are cleared.
 * The server checks every value against the seed file's rules (the same zod schemas), so the
 * API and an imported file accept exactly the same data.
 */

@InputType({ description: "A career family." })
export class TrackInput {
  @Field(() => ID, { description: "A slug: lower-case letters and digits joined by dashes." })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class SkillInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SkillCategoryEnum)
  category!: SkillCategory;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "The O*NET element it is, e.g. 2.B.3.e." })
  onetElement?: string | null;
}

@InputType()
export class TechnologyInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => TechnologyKindEnum)
  kind!: TechnologyKind;

  @Field(() => Boolean, { nullable: true })
  hot?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  inDemand?: boolean | null;
}

@InputType()
export class YearsRangeInput {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;
}

@InputType({ description: "A role at one level, in one track (which must exist)." })
export class RoleInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => LevelEnum)
  level!: Level;

  @Field(() => ID)
  track!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [String], { nullable: true })
  responsibilities?: string[] | null;

  @Field(() => String, { nullable: true, description: "An O*NET-SOC code, e.g. 15-1252.00." })
  onetCode?: string | null;

  @Field(() => YearsRangeInput, { nullable: true })
  experienceYears?: YearsRangeInput | null;

  @Field(() => [String], { nullable: true })
  workplaces?: string[] | null;
}

@InputType()
export class SourceInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  licence?: string | null;

  @Field(() => String, { nullable: true })
  credit?: string | null;

  @Field(() => String, { nullable: true, description: "A date: YYYY-MM-DD." })
  retrievedOn?: string | null;
}

@InputType({ description: "Pay for a role (or a whole track) in one region and year." })
export class SalaryBandInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: "The role paid; or give track." })
  role?: string | null;

  @Field(() => ID, { nullable: true })
  track?: string | null;

  @Field(() => String)
  region!: string;

  @Field(() => String, { description: "ISO 4217, e.g. GBP." })
  currency!: string;

  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;

  @Field(() => Int)
  year!: number;

  @Field(() => ID, { description: "The source of the figures (must exist)." })
  source!: string;

  @Field(() => String, { nullable: true })
  derivation?: string | null;

  @Field(() => [String], { nullable: true })
  notes?: string[] | null;
}

@InputType({ description: "A move people make from one role to another." })
export class ProgressionInput {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => ProgressionKindEnum)
  kind!: ProgressionKind;

  @Field(() => Float, { nullable: true })
  typicalYears?: number | null;
}

@InputType({ description: "A role's need for a skill, importance 1 to 5." })
export class RoleSkillInput {
  @Field(() => ID)
  role!: string;

  @Field(() => ID)
  skill!: string;

  @Field(() => Int)
  importance!: number;
}

@InputType()
export class RoleTechnologyInput {
  @Field(() => ID)
  role!: string;

  @Field(() => ID)
  technology!: string;

  @Field(() => TechnologyUsageEnum)
  usage!: TechnologyUsage;

  @Field(() => String, { nullable: true })
  context?: string | null;
}

@InputType({ description: "Two similar roles; the link reads both ways." })
export class RelatedRolesInput {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => Float, { nullable: true, description: "0 to 1." })
  similarity?: number | null;
}

@ObjectType({ description: "What a delete removed." })
export class DeleteResult {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Role, Skill, Technology, Track, Source or SalaryBand." })
  kind!: string;

  @Field(() => Int, { description: "Relationships removed with it." })
  relationships!: number;

  @Field(() => [ID], { description: "Salary bands removed with a role or track." })
  salaryBands!: string[];
}

@ObjectType({ description: "One change to the graph, as the audit trail keeps it." })
export class Change {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "When, ISO 8601." })
  at!: string;

  @Field(() => String, { description: "The name of the API key that made it." })
  by!: string;

  @Field(() => String, { description: "upsert, delete, set, remove or import." })
  action!: string;

  @Field(() => String, { description: "The kind of entity or relationship changed." })
  kind!: string;

  @Field(() => String, { description: "Its id, or from → to for a relationship." })
  target!: string;
}

export const ImportModeEnum = { MERGE: "MERGE", REPLACE: "REPLACE" } as const;
registerEnumType(ImportModeEnum, {
  name: "ImportMode",
  description: "How an imported document meets the graph.",
  valuesConfig: {
    MERGE: { description: "Add and update; what the document does not mention stays." },
    REPLACE: {
      description: "The graph becomes the document: unlisted entities and links are deleted.",
    },
  },
});

@ObjectType({
  description: "How many of one kind of entity or link an import creates, updates, deletes.",
})
export class KindChange {
  @Field(() => String)
  kind!: string;

  @Field(() => Int)
  created!: number;

  @Field(() => Int, { description: "Already there: rewritten from the document." })
  updated!: number;

  @Field(() => Int)
  deleted!: number;
}

@ObjectType({ description: "What an import changed, or on a dry run would change." })
export class ImportReport {
  @Field(() => ImportModeEnum)
  mode!: keyof typeof ImportModeEnum;

  @Field(() => Boolean, { description: "True: checked and counted, nothing written." })
  dryRun!: boolean;

  @Field(() => [KindChange], {
    description: "By label: Source, Track, Skill, Technology, Role, SalaryBand.",
  })
  entities!: KindChange[];

  @Field(() => [KindChange], { description: "By relationship type." })
  links!: KindChange[];
}
