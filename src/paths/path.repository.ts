import { int } from "neo4j-driver";
import { bandMap, roleMap, skillMap } from "../cypher.js";
import type { Executor } from "../neo4j/executor.js";
import type { Role } from "../roles/role.type.js";
import type { SalaryBand } from "../salaries/salary-band.type.js";
import type { Skill } from "../skills/skill.type.js";

/** The Cypher behind paths, skill gaps and reach: each question in one round trip. */

export interface MoveDetails {
  from: string;
  to: string;
  kind: string;
  typicalYears: number | null;
  newSkills: Skill[];
}

// For the moves of the paths found: kind, years and the skills each move newly asks for; for
// their roles: salary bands. Both lists are small (at most k × maxSteps moves).
const STEP_DETAILS = `
CALL () {
  UNWIND $moves AS m
  MATCH (a:Role {id: m.from})-[p:PROGRESSES_TO]->(b:Role {id: m.to})
  RETURN collect({
    from: m.from, to: m.to, kind: p.kind, typicalYears: p.typicalYears,
    newSkills: COLLECT {
      MATCH (b)-[:REQUIRES]->(s:Skill) WHERE NOT (a)-[:REQUIRES]->(s)
      RETURN ${skillMap("s")} ORDER BY s.name, s.id
    }
  }) AS moves
}
CALL () {
  UNWIND $roles AS id
  MATCH (:Role {id: id})-[:PAID]->(b:SalaryBand)
  RETURN collect({role: id, band: ${bandMap("b")}}) AS bands
}
CALL () {
  MATCH (r:Role) WHERE r.id IN $roles
  RETURN collect(${roleMap("r")}) AS roles
}
RETURN moves, bands, roles`;

export async function stepDetails(
  executor: Executor,
  moves: { from: string; to: string }[],
  roles: string[],
): Promise<{ moves: MoveDetails[]; bands: { role: string; band: SalaryBand }[]; roles: Role[] }> {
  const [row] = await executor.read<{
    moves: MoveDetails[];
    bands: { role: string; band: SalaryBand }[];
    roles: Role[];
  }>(STEP_DETAILS, { moves, roles });
  return { moves: row?.moves ?? [], bands: row?.bands ?? [], roles: row?.roles ?? [] };
}

// The two roles come back too (null when unknown), so the answer needs no other round trip.
const SKILL_GAP = `
OPTIONAL MATCH (a:Role {id: $from})
OPTIONAL MATCH (b:Role {id: $to})
RETURN
  CASE WHEN a IS NULL THEN null ELSE ${roleMap("a")} END AS fromRole,
  CASE WHEN b IS NULL THEN null ELSE ${roleMap("b")} END AS toRole,
  COLLECT {
    MATCH (b)-[:REQUIRES]->(s:Skill) WHERE (a)-[:REQUIRES]->(s)
    RETURN ${skillMap("s")} ORDER BY s.name, s.id
  } AS shared,
  COLLECT {
    MATCH (b)-[q:REQUIRES]->(s:Skill) WHERE NOT (a)-[:REQUIRES]->(s)
    RETURN {skill: ${skillMap("s")}, importance: toInteger(q.importance)}
    ORDER BY q.importance DESC, s.name, s.id
  } AS missing,
  COLLECT {
    MATCH (b)-[q:REQUIRES]->(s:Skill)
    RETURN {importance: q.importance, held: EXISTS { (a)-[:REQUIRES]->(s) }}
  } AS weights`;

export interface GapRow {
  fromRole: Role | null;
  toRole: Role | null;
  shared: Skill[];
  missing: { skill: Skill; importance: number }[];
  weights: { importance: number; held: boolean }[];
}

export async function skillGapRow(
  executor: Executor,
  from: string,
  to: string,
): Promise<GapRow | undefined> {
  const [row] = await executor.read<GapRow & Record<string, unknown>>(SKILL_GAP, { from, to });
  return row;
}

// Roles that require at least one of the skills, kept when they require at most maxMissing
// others, ranked by how much of their importance-weighted requirements the skills cover. Counts
// come first so that the lists are built only for the roles returned. The same statement says
// which of the given skills exist, for NOT_FOUND.
const WITHIN_REACH = `
CALL () {
  MATCH (s:Skill) WHERE s.id IN $skills
  RETURN collect(s.id) AS known
}
CALL () {
  MATCH (s:Skill)<-[q:REQUIRES]-(r:Role)
  WHERE s.id IN $skills
  WITH r, count(s) AS matchedCount, sum(q.importance) AS have
  WITH r, matchedCount, have, COUNT { (r)-[:REQUIRES]->(:Skill) } AS required
  WHERE required - matchedCount <= $maxMissing
  WITH r, required - matchedCount AS missingCount,
    have / reduce(total = 0.0, w IN [(r)-[q2:REQUIRES]->(:Skill) | q2.importance] | total + w) AS coverage
  ORDER BY coverage DESC, missingCount, r.id
  LIMIT $first
  RETURN collect({
    role: ${roleMap("r")},
    coverage: coverage,
    matched: COLLECT {
      MATCH (r)-[:REQUIRES]->(t:Skill) WHERE t.id IN $skills
      RETURN ${skillMap("t")} ORDER BY t.name, t.id
    },
    missing: COLLECT {
      MATCH (r)-[:REQUIRES]->(t:Skill) WHERE NOT t.id IN $skills
      RETURN ${skillMap("t")} ORDER BY t.name, t.id
    }
  }) AS matches
}
RETURN known, matches`;

export interface MatchRow {
  role: Role;
  coverage: number;
  matched: Skill[];
  missing: Skill[];
}

export async function withinReach(
  executor: Executor,
  skills: string[],
  maxMissing: number,
  first: number,
): Promise<{ known: string[]; matches: MatchRow[] }> {
  const [row] = await executor.read<{ known: string[]; matches: MatchRow[] }>(WITHIN_REACH, {
    skills,
    maxMissing: int(maxMissing),
    first: int(first),
  });
  return { known: row?.known ?? [], matches: row?.matches ?? [] };
}
