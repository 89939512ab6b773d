import { levelRank, MAX_LIST, roleMap, skillMap, technologyMap } from "../cypher.js";

export const SKILLS_BY_ID = `
MATCH (s:Skill) WHERE s.id IN $keys
RETURN s.id AS key, ${skillMap("s")} AS item`;

/** Roles requiring each skill, most important first; at most MAX_LIST per skill. */
export const ROLES_BY_SKILL = `
MATCH (s:Skill) WHERE s.id IN $keys
CALL (s) {
  MATCH (r:Role)-[e:REQUIRES]->(s)
  RETURN r, e ORDER BY e.importance DESC, ${levelRank("r.level")}, r.title, r.id LIMIT ${MAX_LIST}
}
RETURN s.id AS key, ${roleMap("r")} AS item`;

export const TECHNOLOGIES_BY_SKILL = `
MATCH (s:Skill)-[:PRACTISED_WITH]->(t:Technology) WHERE s.id IN $keys
RETURN s.id AS key, ${technologyMap("t")} AS item
ORDER BY t.name, t.id`;

/** Skills required together with each skill, by the number of roles requiring both. */
export const RELATED_SKILLS = `
MATCH (s:Skill) WHERE s.id IN $keys
CALL (s) {
  MATCH (s)<-[:REQUIRES]-(r:Role)-[:REQUIRES]->(o:Skill)
  WITH o, count(DISTINCT r) AS sharedRoles
  RETURN o, sharedRoles ORDER BY sharedRoles DESC, o.name, o.id LIMIT ${MAX_LIST}
}
RETURN s.id AS key, { skill: ${skillMap("o")}, sharedRoles: sharedRoles } AS item`;
