import { Field, ID, InputType } from "type-graphql";
import { roleMap, skillMap, technologyMap } from "../cypher.js";
import { LevelEnum, SkillCategoryEnum, TechnologyKindEnum } from "../enums.js";
import type { Level, SkillCategory, TechnologyKind } from "../model.js";
import type { ListSpec } from "./page.js";

const TEXT =
  "Case-insensitive part of the name (or a role's title or alias), up to 200 characters.";

@InputType({ description: "Narrows a role list; every given field must hold." })
export class RoleFilter {
  @Field(() => LevelEnum, { nullable: true })
  level?: Level | null;

  @Field(() => ID, { nullable: true, description: "Roles in this track." })
  track?: string | null;

  @Field(() => ID, { nullable: true, description: "Roles that require this skill." })
  skill?: string | null;

  @Field(() => ID, { nullable: true, description: "Roles that use this technology." })
  technology?: string | null;

  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;
}

@InputType({ description: "Narrows a skill list; every given field must hold." })
export class SkillFilter {
  @Field(() => SkillCategoryEnum, { nullable: true })
  category?: SkillCategory | null;

  @Field(() => ID, { nullable: true, description: "Skills some role in this track requires." })
  track?: string | null;

  @Field(() => ID, { nullable: true, description: "Skills practised with this technology." })
  technology?: string | null;

  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;
}

@InputType({ description: "Narrows a technology list; every given field must hold." })
export class TechnologyFilter {
  @Field(() => TechnologyKindEnum, { nullable: true })
  kind?: TechnologyKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only O*NET Hot Technologies (or only not).",
  })
  hot?: boolean | null;

  @Field(() => ID, { nullable: true, description: "Technologies some role in this track uses." })
  track?: string | null;

  @Field(() => ID, { nullable: true, description: "Technologies this skill is practised with." })
  skill?: string | null;

  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;
}

export const ROLE_LIST: ListSpec = {
  label: "Role",
  sortKey: "title",
  map: roleMap,
  where: `($level IS NULL OR n.level = $level)
    AND ($track IS NULL OR EXISTS { (n)-[:IN_TRACK]->(:Track {id: $track}) })
    AND ($skill IS NULL OR EXISTS { (n)-[:REQUIRES]->(:Skill {id: $skill}) })
    AND ($technology IS NULL OR EXISTS { (n)-[:USES]->(:Technology {id: $technology}) })
    AND ($text IS NULL OR toLower(n.title) CONTAINS $text
         OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $text))`,
};

export const SKILL_LIST: ListSpec = {
  label: "Skill",
  sortKey: "name",
  map: skillMap,
  where: `($category IS NULL OR n.category = $category)
    AND ($track IS NULL OR EXISTS { (n)<-[:REQUIRES]-(:Role)-[:IN_TRACK]->(:Track {id: $track}) })
    AND ($technology IS NULL OR EXISTS { (n)-[:PRACTISED_WITH]->(:Technology {id: $technology}) })
    AND ($text IS NULL OR toLower(n.name) CONTAINS $text)`,
};

export const TECHNOLOGY_LIST: ListSpec = {
  label: "Technology",
  sortKey: "name",
  map: technologyMap,
  where: `($kind IS NULL OR n.kind = $kind)
    AND ($hot IS NULL OR coalesce(n.hot, false) = $hot)
    AND ($track IS NULL OR EXISTS { (n)<-[:USES]-(:Role)-[:IN_TRACK]->(:Track {id: $track}) })
    AND ($skill IS NULL OR EXISTS { (n)<-[:PRACTISED_WITH]-(:Skill {id: $skill}) })
    AND ($text IS NULL OR toLower(n.name) CONTAINS $text)`,
};
