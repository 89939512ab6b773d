/** The vocabulary of MODEL.md, shared by the GraphQL enums, the seed schema and the Cypher. */

export const LEVELS = [
  "INTERN",
  "JUNIOR",
  "MID",
  "SENIOR",
  "LEAD",
  "PRINCIPAL",
  "HEAD",
  "EXECUTIVE",
] as const;
export type Level = (typeof LEVELS)[number];

export const SKILL_CATEGORIES = ["TECHNICAL", "INTERPERSONAL", "DOMAIN"] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

export const TECHNOLOGY_KINDS = [
  "LANGUAGE",
  "FRAMEWORK",
  "DATABASE",
  "CLOUD",
  "PLATFORM",
  "TOOL",
  "PROTOCOL",
] as const;
export type TechnologyKind = (typeof TECHNOLOGY_KINDS)[number];

export const TECHNOLOGY_USAGES = ["CORE", "COMMON", "OCCASIONAL"] as const;
export type TechnologyUsage = (typeof TECHNOLOGY_USAGES)[number];

export const PROGRESSION_KINDS = ["PROMOTION", "LATERAL", "PIVOT"] as const;
export type ProgressionKind = (typeof PROGRESSION_KINDS)[number];

/** Relationship types between the nodes of the `Entity` union, for neighbourhood queries. */
export const RELATIONSHIP_TYPES = [
  "PROGRESSES_TO",
  "IN_TRACK",
  "REQUIRES",
  "USES",
  "RELATED_TO",
  "PRACTISED_WITH",
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const DIRECTIONS = ["OUTGOING", "INCOMING", "BOTH"] as const;
export type Direction = (typeof DIRECTIONS)[number];
