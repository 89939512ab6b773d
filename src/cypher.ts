import { LEVELS, TECHNOLOGY_USAGES } from "./model.js";

/**
 * Cypher fragments shared by several repositories. They are built from the model's constants,
 * never from input; values always travel as parameters.
 */

export const roleMap = (v: string): string =>
  `${v} { .id, .title, aliases: coalesce(${v}.aliases, []), .level, .summary, ` +
  `responsibilities: coalesce(${v}.responsibilities, []), .onetCode, ` +
  `workplaces: coalesce(${v}.workplaces, []), ` +
  `experienceYears: CASE WHEN ${v}.experienceMinYears IS NULL THEN null ` +
  `ELSE { min: ${v}.experienceMinYears, max: ${v}.experienceMaxYears } END }`;

export const trackMap = (v: string): string => `${v} { .id, .name, .description }`;
export const skillMap = (v: string): string =>
  `${v} { .id, .name, .category, .description, .onetElement }`;
export const technologyMap = (v: string): string => `${v} { .id, .name, .kind, .hot, .inDemand }`;
export const sourceMap = (v: string): string =>
  `${v} { .id, .title, .publisher, .url, .licence, .credit, .retrievedOn }`;
export const bandMap = (v: string): string =>
  `${v} { .id, .region, .currency, .min, .max, .year, .sourceId, .derivation, ` +
  `notes: coalesce(${v}.notes, []) }`;

const rankOf =
  (values: readonly string[]) =>
  (expression: string): string =>
    `CASE ${expression} ${values.map((value, i) => `WHEN '${value}' THEN ${i}`).join(" ")} ELSE ${values.length} END`;

/**
 * The most items a list field returns per parent. Batched queries cut each parent's list here, so
 * one popular skill cannot make a request load thousands of roles.
 */
export const MAX_LIST = 100;

/** Orders levels from INTERN to EXECUTIVE. */
export const levelRank = rankOf(LEVELS);
/** Orders usages from CORE to OCCASIONAL. */
export const usageRank = rankOf(TECHNOLOGY_USAGES);

/** The label that puts a node in the `Entity` union, or null for any other node. */
export const entityLabel = (v: string): string =>
  `CASE WHEN ${v}:Role THEN 'Role' WHEN ${v}:Skill THEN 'Skill' ` +
  `WHEN ${v}:Technology THEN 'Technology' WHEN ${v}:Track THEN 'Track' END`;

/** The map of a node of the `Entity` union, by its label. */
export const entityMap = (v: string): string =>
  `CASE WHEN ${v}:Role THEN ${roleMap(v)} WHEN ${v}:Skill THEN ${skillMap(v)} ` +
  `WHEN ${v}:Technology THEN ${technologyMap(v)} WHEN ${v}:Track THEN ${trackMap(v)} END`;
