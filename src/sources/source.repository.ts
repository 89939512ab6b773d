import { sourceMap } from "../cypher.js";

export const SOURCES_BY_ID = `
MATCH (s:Source) WHERE s.id IN $keys
RETURN s.id AS key, ${sourceMap("s")} AS item`;

/** The sources any entity (role, skill, technology, band) cites. */
export const SOURCES_OF_ENTITY = `
MATCH (x:Entity)-[:CITES]->(s:Source) WHERE x.id IN $keys
RETURN x.id AS key, ${sourceMap("s")} AS item
ORDER BY s.id`;

export const ALL_SOURCES = `
MATCH (s:Source)
RETURN ${sourceMap("s")} AS source
ORDER BY s.id`;
