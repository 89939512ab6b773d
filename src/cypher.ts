import { LEVELS, TECHNOLOGY_USAGES } from "./model.js";

/**
 * Cypher fragments shared by several repositories. They are built from the model's constants,
 * never from input; values always travel as parameters.
 */

export const roleMap = (v: string): string =>
  `${v} { .id, .title, aliases: coalesce(${v}.aliases, []), .level, .summary, ` +
  `responsibilities: coalesce(${v}.responsibilities, []) }`;

export const trackMap = (v: string): string => `${v} { .id, .name, .description }`;
export const skillMap = (v: string): string => `${v} { .id, .name, .category, .description }`;
export const technologyMap = (v: string): string => `${v} { .id, .name, .kind }`;

const rankOf =
  (values: readonly string[]) =>
  (expression: string): string =>
    `CASE ${expression} ${values.map((value, i) => `WHEN '${value}' THEN ${i}`).join(" ")} ELSE ${values.length} END`;

/** Orders levels from INTERN to EXECUTIVE. */
export const levelRank = rankOf(LEVELS);
/** Orders usages from CORE to OCCASIONAL. */
export const usageRank = rankOf(TECHNOLOGY_USAGES);
