import { registerEnumType } from "type-graphql";
import {
  DIRECTIONS,
  LEVELS,
  PROGRESSION_KINDS,
  RELATIONSHIP_TYPES,
  SKILL_CATEGORIES,
  TECHNOLOGY_KINDS,
  TECHNOLOGY_USAGES,
} from "./model.js";

/** GraphQL enums built from the model's vocabulary, so the two never drift apart. */

const asEnum = <T extends string>(values: readonly T[]): { [K in T]: K } =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const LevelEnum = asEnum(LEVELS);
export const SkillCategoryEnum = asEnum(SKILL_CATEGORIES);
export const TechnologyKindEnum = asEnum(TECHNOLOGY_KINDS);
export const TechnologyUsageEnum = asEnum(TECHNOLOGY_USAGES);
export const ProgressionKindEnum = asEnum(PROGRESSION_KINDS);
export const RelationshipTypeEnum = asEnum(RELATIONSHIP_TYPES);
export const DirectionEnum = asEnum(DIRECTIONS);

registerEnumType(LevelEnum, {
  name: "Level",
  description: "Seniority of a role, from intern to executive.",
});
registerEnumType(SkillCategoryEnum, { name: "SkillCategory" });
registerEnumType(TechnologyKindEnum, { name: "TechnologyKind" });
registerEnumType(TechnologyUsageEnum, {
  name: "TechnologyUsage",
  description: "How central a technology is to a role's daily work.",
});
registerEnumType(ProgressionKindEnum, {
  name: "ProgressionKind",
  description: "PROMOTION up a ladder, LATERAL to a peer role, PIVOT into another track.",
});
registerEnumType(RelationshipTypeEnum, {
  name: "RelationshipType",
  description: "The relationships between roles, tracks, skills and technologies.",
});
registerEnumType(DirectionEnum, {
  name: "Direction",
  description: "Which way to follow relationships: OUTGOING, INCOMING or BOTH.",
});
