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
  filters: [
    { param: "track", match: "(:Track {id: $track})<-[:IN_TRACK]-(n)" },
    { param: "skill", match: "(:Skill {id: $skill})<-[:REQUIRES]-(n)" },
    { param: "technology", match: "(:Technology {id: $technology})<-[:USES]-(n)" },
    { param: "level", where: "n.level = $level" },
    {
      param: "text",
      where: `(toLower(n.title) CONTAINS $text
        OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $text))`,
    },
  ],
};

export const SKILL_LIST: ListSpec = {
  label: "Skill",
  sortKey: "name",
  map: skillMap,
  filters: [
    {
      param: "track",
      match: "(:Track {id: $track})<-[:IN_TRACK]-(:Role)-[:REQUIRES]->(n)",
      distinct: true,
    },
    { param: "technology", match: "(:Technology {id: $technology})<-[:PRACTISED_WITH]-(n)" },
    { param: "category", where: "n.category = $category" },
    { param: "text", where: "toLower(n.name) CONTAINS $text" },
  ],
};

export const TECHNOLOGY_LIST: ListSpec = {
  label: "Technology",
  sortKey: "name",
  map: technologyMap,
  filters: [
    {
      param: "track",
      match: "(:Track {id: $track})<-[:IN_TRACK]-(:Role)-[:USES]->(n)",
      distinct: true,
    },
    { param: "skill", match: "(:Skill {id: $skill})-[:PRACTISED_WITH]->(n)" },
    { param: "kind", where: "n.kind = $kind" },
    { param: "hot", where: "coalesce(n.hot, false) = $hot" },
    { param: "text", where: "toLower(n.name) CONTAINS $text" },
  ],
};
