import { bandMap, roleMap, skillMap, sourceMap, technologyMap, trackMap } from "../cypher.js";
import {
  LINK_PRACTISED,
  LINK_PROGRESSES,
  LINK_RELATED,
  LINK_REQUIRES,
  LINK_USES,
  UPSERT_BANDS,
  UPSERT_ROLES,
  UPSERT_SKILLS,
  UPSERT_SOURCES,
  UPSERT_TECHNOLOGIES,
  UPSERT_TRACKS,
} from "../seed/loader.js";

/**
 * The Cypher of curation. Entities and links are written by the seed loader's own statements
 * (one row at a time here), so a mutation and an imported file write the same way. Labels and
 * relationship types come from the fixed tables below, never from input.
 */

export const ENTITY_KINDS = [
  "Role",
  "Skill",
  "Technology",
  "Track",
  "Source",
  "SalaryBand",
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** How errors and the seed checks name each kind. */
export const KIND_NAMES: Record<EntityKind, string> = {
  Role: "role",
  Track: "track",
  Skill: "skill",
  Technology: "technology",
  Source: "source",
  SalaryBand: "salary band",
};

export const UPSERT: Record<EntityKind, string> = {
  Role: UPSERT_ROLES,
  Skill: UPSERT_SKILLS,
  Technology: UPSERT_TECHNOLOGIES,
  Track: UPSERT_TRACKS,
  Source: UPSERT_SOURCES,
  SalaryBand: UPSERT_BANDS,
};

const MAPS: Record<EntityKind, (v: string) => string> = {
  Role: roleMap,
  Skill: skillMap,
  Technology: technologyMap,
  Track: trackMap,
  Source: sourceMap,
  SalaryBand: bandMap,
};

/** Stamps the entity and returns it as the queries of its type return it. */
export const STAMP_ENTITY = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [
    kind,
    `MATCH (n:${kind} {id: $id})
SET n.updatedAt = datetime(), n.updatedBy = $by
RETURN ${MAPS[kind]("n")} AS item`,
  ]),
) as Record<EntityKind, string>;

/** The kind of each id (null when unknown). */
export const KINDS_OF = `
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind`;

export const LINK_KINDS = {
  PROGRESSES_TO: { from: "Role", to: "Role", set: LINK_PROGRESSES },
  REQUIRES: { from: "Role", to: "Skill", set: LINK_REQUIRES },
  USES: { from: "Role", to: "Technology", set: LINK_USES },
  RELATED_TO: { from: "Role", to: "Role", set: LINK_RELATED },
  PRACTISED_WITH: { from: "Skill", to: "Technology", set: LINK_PRACTISED },
} as const satisfies Record<string, { from: EntityKind; to: EntityKind; set: string }>;
export type LinkKind = keyof typeof LINK_KINDS;

export const STAMP_LINK = Object.fromEntries(
  Object.keys(LINK_KINDS).map((type) => [
    type,
    `MATCH (:Entity {id: $from})-[e:${type}]->(:Entity {id: $to})
SET e.updatedAt = datetime(), e.updatedBy = $by`,
  ]),
) as Record<LinkKind, string>;

/** Removes the link; RELATED_TO in either direction, as it reads both ways. */
export const REMOVE_LINK = Object.fromEntries(
  Object.keys(LINK_KINDS).map((type) => [
    type,
    type === "RELATED_TO"
      ? `MATCH (a:Entity {id: $from})-[e:RELATED_TO]-(b:Entity {id: $to})
DELETE e RETURN count(*) AS removed`
      : `MATCH (:Entity {id: $from})-[e:${type}]->(:Entity {id: $to})
DELETE e RETURN count(*) AS removed`,
  ]),
) as Record<LinkKind, string>;

export const LEVELS_OF_MOVE = `
MATCH (a:Role {id: $from}), (b:Role {id: $to}) RETURN a.level AS from, b.level AS to`;

/** Before RELATED_TO is set one way, the other way goes: one link per pair. */
export const REMOVE_REVERSE_RELATED = `
MATCH (:Role {id: $to})-[e:RELATED_TO]->(:Role {id: $from}) DELETE e`;

/** What stands in the way of deleting an entity: roles in a track, bands citing a source. */
export const DELETE_BLOCKERS = `
MATCH (n:Entity {id: $id})
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS kind,
       COUNT { (n)<-[:IN_TRACK]-(:Role) } AS roles,
       COUNT { (n)<-[:CITES]-(:SalaryBand) } AS bands`;

/** Deletes an entity and the salary bands it pays, saying what went. */
export const DELETE_ENTITY = `
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[:PAID]->(b:SalaryBand)
OPTIONAL MATCH (b)-[c:CITES]->()
WITH n, collect(DISTINCT b) AS bands, count(c) AS cites
WITH n, bands, [b IN bands | b.id] AS bandIds, cites + COUNT { (n)--() } AS relationships
FOREACH (b IN bands | DETACH DELETE b)
DETACH DELETE n
RETURN bandIds, relationships`;

export const RECORD_CHANGE = `
CREATE (:Change {id: randomUUID(), at: datetime(), by: $by, action: $action, kind: $kind,
                 target: $target})`;

export const CHANGES = `
MATCH (c:Change) WHERE $since IS NULL OR c.at > datetime($since)
RETURN c.id AS id, toString(c.at) AS at, c.by AS by, c.action AS action, c.kind AS kind,
       c.target AS target
ORDER BY c.at DESC, c.id DESC
LIMIT $first`;
