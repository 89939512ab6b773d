import { int } from "neo4j-driver";
import { skillMap, technologyMap, trackMap } from "../cypher.js";
import type { Level, TechnologyKind } from "../model.js";
import type { Executor, Row } from "../neo4j/executor.js";
import type { Skill } from "../skills/skill.type.js";
import type { Technology } from "../technologies/technology.type.js";
import type { Track } from "../tracks/track.type.js";
import type { SalaryGrouping } from "./analytics.type.js";

/**
 * The aggregations behind skill and technology demand and pay. Each is one statement; the scope
 * (every role, or one track's) is one of two fixed MATCH clauses, and values go as parameters.
 * Ranking happens in Cypher so only the first `first` rows travel.
 */

const SCOPE = {
  all: { match: "CALL () {", scope: "COUNT { (:Role) }", of: "(r:Role)" },
  track: {
    match: "MATCH (t:Track {id: $track})\nCALL (t) {",
    scope: "COUNT { (t)<-[:IN_TRACK]-(:Role) }",
    of: "(t)<-[:IN_TRACK]-(r:Role)",
  },
} as const;
type Scope = keyof typeof SCOPE;

const skillDemandQuery = (scope: Scope) => `
${SCOPE[scope].match}
  MATCH ${SCOPE[scope].of}-[q:REQUIRES]->(s:Skill)
  WITH s, count(r) AS roles, sum(q.importance) AS importance
  ORDER BY importance DESC, roles DESC, s.id
  LIMIT $first
  RETURN collect({ skill: ${skillMap("s")}, roles: roles, importance: importance }) AS items
}
RETURN ${SCOPE[scope].scope} AS scope, items`;

// CORE, COMMON and OCCASIONAL weigh 3, 2 and 1 (thirds of a role), whole numbers for exact ties.
const technologyDemandQuery = (scope: Scope) => `
${SCOPE[scope].match}
  MATCH ${SCOPE[scope].of}-[u:USES]->(x:Technology)
  WHERE $kind IS NULL OR x.kind = $kind
  WITH x, count(r) AS roles,
       sum(CASE u.usage WHEN 'CORE' THEN 3 WHEN 'COMMON' THEN 2 ELSE 1 END) AS weight,
       count(CASE u.usage WHEN 'CORE' THEN 1 END) AS core,
       count(CASE u.usage WHEN 'COMMON' THEN 1 END) AS common
  ORDER BY weight DESC, roles DESC, x.id
  LIMIT $first
  RETURN collect({ technology: ${technologyMap("x")}, roles: roles, weight: weight,
                   core: core, common: common }) AS items
}
RETURN ${SCOPE[scope].scope} AS scope, items`;

export const SKILL_DEMAND = { all: skillDemandQuery("all"), track: skillDemandQuery("track") };
export const TECHNOLOGY_DEMAND = {
  all: technologyDemandQuery("all"),
  track: technologyDemandQuery("track"),
};

export interface SkillDemandRow {
  skill: Skill;
  roles: number;
  importance: number;
}
export interface TechnologyDemandRow {
  technology: Technology;
  roles: number;
  weight: number;
  core: number;
  common: number;
}
/** Null when the track is unknown. */
export interface Demand<T> {
  scope: number;
  items: T[];
}

async function demand<T>(
  executor: Executor,
  queries: Record<Scope, string>,
  params: Record<string, unknown>,
): Promise<Demand<T> | null> {
  const [row] = await executor.read<Demand<T> & Row>(
    params.track == null ? queries.all : queries.track,
    params,
  );
  return row ?? null;
}

export const skillDemand = (executor: Executor, track: string | null, first: number) =>
  demand<SkillDemandRow>(executor, SKILL_DEMAND, { track, first: int(first) });

export const technologyDemand = (
  executor: Executor,
  track: string | null,
  kind: TechnologyKind | null,
  first: number,
) =>
  demand<TechnologyDemandRow>(executor, TECHNOLOGY_DEMAND, {
    track,
    kind,
    first: int(first),
  });

// Each role's newest band per region and currency, then statistics over the groups' midpoints.
const GROUP_OF: Record<SalaryGrouping, string> = {
  LEVEL: "WITH r.level AS key, r.level AS level, null AS track, band",
  TRACK: `MATCH (r)-[:IN_TRACK]->(t:Track)
WITH t.id AS key, null AS level, ${trackMap("t")} AS track, band`,
};

const salaryStatsQuery = (groupBy: SalaryGrouping) => `
MATCH (r:Role)-[:PAID]->(b:SalaryBand)
WHERE $region IS NULL OR toLower(b.region) = toLower($region)
WITH r, b ORDER BY b.year DESC, b.min DESC
WITH r, b.region AS region, b.currency AS currency, head(collect(b)) AS band
${GROUP_OF[groupBy]}
WITH key, level, track, band.region AS region, band.currency AS currency,
     (band.min + band.max) / 2.0 AS midpoint, band
RETURN key, level, track, region, currency, count(*) AS roles,
       min(band.min) AS min, max(band.max) AS max,
       percentileCont(midpoint, 0.5) AS median, avg(midpoint) AS mean,
       percentileCont(midpoint, 0.25) AS lowerQuartile,
       percentileCont(midpoint, 0.75) AS upperQuartile,
       min(band.year) AS fromYear, max(band.year) AS toYear`;

export const SALARY_STATS: Record<SalaryGrouping, string> = {
  LEVEL: salaryStatsQuery("LEVEL"),
  TRACK: salaryStatsQuery("TRACK"),
};

export interface SalaryStatRow {
  key: string;
  level: Level | null;
  track: Track | null;
  region: string;
  currency: string;
  roles: number;
  min: number;
  max: number;
  median: number;
  mean: number;
  lowerQuartile: number;
  upperQuartile: number;
  fromYear: number;
  toYear: number;
}

export const salaryStats = (executor: Executor, groupBy: SalaryGrouping, region: string | null) =>
  executor.read<SalaryStatRow & Row>(SALARY_STATS[groupBy], { region });
