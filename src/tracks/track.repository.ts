import { levelRank, roleMap, trackMap } from "../cypher.js";

export const ALL_TRACKS = `
MATCH (t:Track)
RETURN ${trackMap("t")} AS track
ORDER BY t.name, t.id`;

export const ROLES_BY_TRACK = `
MATCH (r:Role)-[:IN_TRACK]->(t:Track) WHERE t.id IN $keys
RETURN t.id AS key, ${roleMap("r")} AS item
ORDER BY ${levelRank("r.level")}, r.title, r.id`;
