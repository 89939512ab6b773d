import { levelRank, MAX_LIST, roleMap, skillMap, technologyMap, usageRank } from "../cypher.js";

export const TECHNOLOGIES_BY_ID = `
MATCH (t:Technology) WHERE t.id IN $keys
RETURN t.id AS key, ${technologyMap("t")} AS item`;

/** Roles using each technology, CORE users first; at most MAX_LIST per technology. */
export const ROLES_BY_TECHNOLOGY = `
MATCH (t:Technology) WHERE t.id IN $keys
CALL (t) {
  MATCH (r:Role)-[e:USES]->(t)
  RETURN r ORDER BY ${usageRank("e.usage")}, ${levelRank("r.level")}, r.title, r.id LIMIT ${MAX_LIST}
}
RETURN t.id AS key, ${roleMap("r")} AS item`;

export const SKILLS_BY_TECHNOLOGY = `
MATCH (s:Skill)-[:PRACTISED_WITH]->(t:Technology) WHERE t.id IN $keys
RETURN t.id AS key, ${skillMap("s")} AS item
ORDER BY s.name, s.id`;
