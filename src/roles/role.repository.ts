import { levelRank, roleMap, skillMap, technologyMap, trackMap, usageRank } from "../cypher.js";

/** Every query takes `$keys` (role ids) and returns `key` and `item` rows, for the loaders. */

export const ROLES_BY_ID = `
MATCH (r:Role) WHERE r.id IN $keys
RETURN r.id AS key, ${roleMap("r")} AS item`;

export const TRACK_BY_ROLE = `
MATCH (r:Role)-[:IN_TRACK]->(t:Track) WHERE r.id IN $keys
RETURN r.id AS key, ${trackMap("t")} AS item`;

export const SKILLS_BY_ROLE = `
MATCH (r:Role)-[e:REQUIRES]->(s:Skill) WHERE r.id IN $keys
RETURN r.id AS key, { importance: e.importance, skill: ${skillMap("s")} } AS item
ORDER BY e.importance DESC, s.name, s.id`;

export const TECHNOLOGIES_BY_ROLE = `
MATCH (r:Role)-[e:USES]->(t:Technology) WHERE r.id IN $keys
RETURN r.id AS key, { usage: e.usage, context: e.context, technology: ${technologyMap("t")} } AS item
ORDER BY ${usageRank("e.usage")}, t.name, t.id`;

export const NEXT_BY_ROLE = `
MATCH (r:Role)-[e:PROGRESSES_TO]->(n:Role) WHERE r.id IN $keys
RETURN r.id AS key,
       { from: ${roleMap("r")}, to: ${roleMap("n")}, kind: e.kind, typicalYears: e.typicalYears,
         sourceIds: coalesce(e.sources, []) } AS item
ORDER BY ${levelRank("n.level")}, n.title, n.id`;

export const PREVIOUS_BY_ROLE = `
MATCH (p:Role)-[e:PROGRESSES_TO]->(r:Role) WHERE r.id IN $keys
RETURN r.id AS key,
       { from: ${roleMap("p")}, to: ${roleMap("r")}, kind: e.kind, typicalYears: e.typicalYears,
         sourceIds: coalesce(e.sources, []) } AS item
ORDER BY ${levelRank("p.level")}, p.title, p.id`;

export const RELATED_BY_ROLE = `
MATCH (r:Role)-[e:RELATED_TO]-(o:Role) WHERE r.id IN $keys
RETURN r.id AS key, { role: ${roleMap("o")}, similarity: e.similarity } AS item
ORDER BY e.similarity DESC, o.title, o.id`;
