import { bandMap } from "../cypher.js";

/** Bands paid by a role, or by a track as a whole (keys may be either). */
export const BANDS_OF_ENTITY = `
MATCH (x:Entity)-[:PAID]->(b:SalaryBand) WHERE x.id IN $keys
RETURN x.id AS key, ${bandMap("b")} AS item
ORDER BY b.region, b.year DESC, b.min`;
