import { int } from "neo4j-driver";
import { bandMap, skillMap } from "../cypher.js";
import type { Executor } from "../neo4j/executor.js";
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
RETURN moves, bands`;

export async function stepDetails(
  executor: Executor,
  moves: { from: string; to: string }[],
  roles: string[],
): Promise<{ moves: MoveDetails[]; bands: { role: string; band: SalaryBand }[] }> {
  const [row] = await executor.read<{
    moves: MoveDetails[];
    bands: { role: string; band: SalaryBand }[];
  }>(STEP_DETAILS, { moves, roles });
  return { moves: row?.moves ?? [], bands: row?.bands ?? [] };
}

const SKILL_GAP = `
MATCH (a:Role {id: $from}), (b:Role {id: $to})
RETURN
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
// come first so that the lists are built only for the roles returned.
const WITHIN_REACH = `
MATCH (s:Skill)<-[q:REQUIRES]-(r:Role)
WHERE s.id IN $skills
WITH r, count(s) AS matchedCount, sum(q.importance) AS have
WITH r, matchedCount, have, COUNT { (r)-[:REQUIRES]->(:Skill) } AS required
WHERE required - matchedCount <= $maxMissing
WITH r, required - matchedCount AS missingCount,
  have / reduce(total = 0.0, w IN [(r)-[q2:REQUIRES]->(:Skill) | q2.importance] | total + w) AS coverage
ORDER BY coverage DESC, missingCount, r.id
LIMIT $first
RETURN r.id AS id, coverage,
  COLLECT {
    MATCH (r)-[:REQUIRES]->(t:Skill) WHERE t.id IN $skills
    RETURN ${skillMap("t")} ORDER BY t.name, t.id
  } AS matched,
  COLLECT {
    MATCH (r)-[:REQUIRES]->(t:Skill) WHERE NOT t.id IN $skills
    RETURN ${skillMap("t")} ORDER BY t.name, t.id
  } AS missing`;

export interface MatchRow {
  id: string;
  coverage: number;
  matched: Skill[];
  missing: Skill[];
}

export async function withinReach(
  executor: Executor,
  skills: string[],
  maxMissing: number,
  first: number,
): Promise<MatchRow[]> {
  return executor.read<MatchRow & Record<string, unknown>>(WITHIN_REACH, {
    skills,
    maxMissing: int(maxMissing),
    first: int(first),
  });
}
