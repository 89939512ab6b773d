import { int } from "neo4j-driver";
import { luceneQuery } from "../src/search/terms.js";

/**
 * The benchmark's questions, each asked three ways: `raw` is hand-written Cypher sent through
 * neo4j-driver (the floor), `api` is this server's GraphQL, `peer` is the same question in
 * `@neo4j/graphql`'s generated schema. Each way turns its reply into the same plain `answer`, and
 * the harness checks the answers agree before it times anything, so a fast wrong answer cannot
 * win. Adding a workload is one more entry in WORKLOADS.
 */

export type Row = Record<string, unknown>;
export type Data = Record<string, unknown>;

export interface GraphQLAsk<P> {
  query: string;
  variables(p: P): Record<string, unknown>;
  answer(data: Data): unknown;
}

export interface Workload<P = Record<string, string>> {
  name: string;
  title: string;
  /** Parameters for successive requests, drawn once from the loaded graph (`read` runs Cypher). */
  params(read: (cypher: string, params?: Row) => Promise<Row[]>): Promise<P[]>;
  /** Absent where Cypher alone cannot answer (PageRank, betweenness): then the tests vouch. */
  raw?: { cypher: string; params(p: P): Row; answer(rows: Row[]): unknown };
  api: GraphQLAsk<P>;
  peer?: GraphQLAsk<P>;
  /**
   * The API answers it from a per-graph-version cache: the run also times the first call after
   * the version moves, apart from the steady state.
   */
  cachedPerVersion?: boolean;
  /** Whether another system's answer agrees with the floor's; deep equality unless given. */
  agrees?(floor: unknown, other: unknown, system: "api" | "peer"): boolean;
}

/** How many distinct parameter sets a workload cycles through. */
const POOL = 200;

/** POOL role ids spread evenly over the roles in id order: the same on every run. */
const ROLE_SAMPLE = `
MATCH (r:Role) WITH r ORDER BY r.id
WITH collect(r.id) AS ids
UNWIND range(0, $n - 1) AS i
RETURN DISTINCT ids[toInteger(i * size(ids) / $n)] AS id`;

const roleIds = async (read: (cypher: string, params?: Row) => Promise<Row[]>) =>
  (await read(ROLE_SAMPLE, { n: int(POOL) })).map((row) => ({ id: String(row.id) }));

const sorted = <T>(items: T[]) => [...items].sort((a, b) => (String(a) < String(b) ? -1 : 1));
const list = (value: unknown) => (Array.isArray(value) ? (value as Row[]) : []);
const first = (value: unknown) => list(value)[0] ?? {};

// ---- a role with its track, skills, technologies and next roles --------------------------------

const roleDetail: Workload = {
  name: "role-detail",
  title: "A role with track, skills, technologies and next roles",
  params: roleIds,
  raw: {
    cypher: `
MATCH (r:Role {id: $id})
RETURN r.title AS title, r.level AS level,
  COLLECT { MATCH (r)-[:IN_TRACK]->(t:Track) RETURN t.name } AS track,
  COLLECT { MATCH (r)-[q:REQUIRES]->(s:Skill) RETURN s.name + ':' + toInteger(q.importance) } AS skills,
  COLLECT { MATCH (r)-[u:USES]->(t:Technology) RETURN t.name + ':' + u.usage } AS technologies,
  COLLECT { MATCH (r)-[p:PROGRESSES_TO]->(n:Role) RETURN n.id + ':' + p.kind } AS next`,
    params: (p) => p,
    answer: ([row]) =>
      row && {
        title: row.title,
        level: row.level,
        track: (row.track as string[])[0] ?? null,
        skills: sorted(row.skills as string[]),
        technologies: sorted(row.technologies as string[]),
        next: sorted(row.next as string[]),
      },
  },
  api: {
    query: `query RoleDetail($id: ID!) {
  role(id: $id) {
    title level track { name }
    skills { importance skill { name } }
    technologies { usage technology { name } }
    nextRoles { kind typicalYears to { id title level } }
  }
}`,
    variables: (p) => p,
    answer: ({ role }) => {
      const r = role as Row | null;
      if (!r) return undefined;
      return {
        title: r.title,
        level: r.level,
        track: (r.track as Row).name,
        skills: sorted(list(r.skills).map((s) => `${(s.skill as Row).name}:${s.importance}`)),
        technologies: sorted(
          list(r.technologies).map((t) => `${(t.technology as Row).name}:${t.usage}`),
        ),
        next: sorted(list(r.nextRoles).map((m) => `${(m.to as Row).id}:${m.kind}`)),
      };
    },
  },
  peer: {
    query: `query RoleDetail($id: ID!) {
  roles(where: { id: { eq: $id } }) {
    title level track { name }
    skillsConnection { edges { properties { importance } node { name } } }
    technologiesConnection { edges { properties { usage } node { name } } }
    nextRolesConnection { edges { properties { kind typicalYears } node { id title level } } }
  }
}`,
    variables: (p) => p,
    answer: ({ roles }) => {
      const r = list(roles)[0];
      if (!r) return undefined;
      const edges = (field: string) => list((r[field] as Row).edges);
      return {
        title: r.title,
        level: r.level,
        track: first(r.track).name ?? null,
        skills: sorted(
          edges("skillsConnection").map(
            (e) => `${(e.node as Row).name}:${(e.properties as Row).importance}`,
          ),
        ),
        technologies: sorted(
          edges("technologiesConnection").map(
            (e) => `${(e.node as Row).name}:${(e.properties as Row).usage}`,
          ),
        ),
        next: sorted(
          edges("nextRolesConnection").map(
            (e) => `${(e.node as Row).id}:${(e.properties as Row).kind}`,
          ),
        ),
      };
    },
  },
};

// ---- a page of 50 roles of one track, with nested fields ---------------------------------------

/** A page as the total, the ids in order, and how many nested items the roles carry. */
const pageAnswer = (total: unknown, roles: Row[], nested: (role: Row) => number) => ({
  total,
  ids: roles.map((role) => role.id),
  nested: roles.reduce<number>((n, role) => n + nested(role), 0),
});

const rolePage: Workload<{ track: string }> = {
  name: "role-page",
  title: "A page of 50 roles of a track, each with track, skills, technologies and next roles",
  params: async (read) =>
    (await read("MATCH (t:Track) RETURN t.id AS id ORDER BY id")).map((row) => ({
      track: String(row.id),
    })),
  raw: {
    cypher: `
MATCH (r:Role)-[:IN_TRACK]->(:Track {id: $track})
WITH r ORDER BY r.title, r.id
WITH collect(r) AS ordered
UNWIND ordered[..50] AS r
RETURN size(ordered) AS total, r.id AS id, r.title AS title, r.level AS level,
  COLLECT { MATCH (r)-[:IN_TRACK]->(t:Track) RETURN t.name } AS track,
  COLLECT { MATCH (r)-[q:REQUIRES]->(s:Skill) RETURN {name: s.name, importance: q.importance} } AS skills,
  COLLECT { MATCH (r)-[u:USES]->(t:Technology) RETURN {name: t.name, usage: u.usage} } AS technologies,
  COLLECT { MATCH (r)-[p:PROGRESSES_TO]->(n:Role) RETURN {title: n.title, kind: p.kind} } AS next`,
    params: (p) => p,
    answer: (rows) =>
      pageAnswer(
        rows[0]?.total ?? 0,
        rows,
        (r) => list(r.skills).length + list(r.technologies).length + list(r.next).length,
      ),
  },
  api: {
    query: `query RolePage($track: ID!) {
  roles(first: 50, filter: { track: $track }) {
    totalCount
    edges { node {
      id title level track { name }
      skills { importance skill { name } }
      technologies { usage technology { name } }
      nextRoles { kind to { title } }
    } }
  }
}`,
    variables: (p) => p,
    answer: ({ roles }) =>
      pageAnswer(
        (roles as Row).totalCount,
        list((roles as Row).edges).map((e) => e.node as Row),
        (r) => list(r.skills).length + list(r.technologies).length + list(r.nextRoles).length,
      ),
  },
  peer: {
    query: `query RolePage($track: ID!) {
  rolesConnection(first: 50, where: { track: { some: { id: { eq: $track } } } },
                  sort: [{ title: ASC }, { id: ASC }]) {
    totalCount
    edges { node {
      id title level track { name }
      skillsConnection { edges { properties { importance } node { name } } }
      technologiesConnection { edges { properties { usage } node { name } } }
      nextRolesConnection { edges { properties { kind } node { title } } }
    } }
  }
}`,
    variables: (p) => p,
    answer: ({ rolesConnection }) => {
      const count = (r: Row, field: string) => list((r[field] as Row).edges).length;
      return pageAnswer(
        (rolesConnection as Row).totalCount,
        list((rolesConnection as Row).edges).map((e) => e.node as Row),
        (r) =>
          count(r, "skillsConnection") +
          count(r, "technologiesConnection") +
          count(r, "nextRolesConnection"),
      );
    },
  },
};

// ---- text search over roles, skills, technologies and tracks ------------------------------------

/** What people type: sampled role titles, the last word cut short as if still typing. */
const searchTexts = async (read: (cypher: string, params?: Row) => Promise<Row[]>) => {
  const ids = (await roleIds(read)).map((p) => p.id);
  const rows = await read("MATCH (r:Role) WHERE r.id IN $ids RETURN r.title AS title", { ids });
  return rows.map((row) => {
    const words = String(row.title).toLowerCase().split(/\s+/);
    const last = words.pop() ?? "";
    const text = [...words, last.length > 3 ? last.slice(0, -1) : last].join(" ");
    return { text, query: luceneQuery(text) ?? text };
  });
};

const SEARCH_FIRST = 10;
/** The API re-ranks 3 candidates per hit; the floor and the peer fetch the same candidates. */
const CANDIDATES = SEARCH_FIRST * 3;

/** The fields every search answer selects from a hit, whatever its type. */
const ENTITY_FIELDS =
  "__typename ... on Role { id title } ... on Skill { id name } ... on Technology { id name } ... on Track { id name }";

const idsOf = (hits: Row[]) => hits.map((hit) => String(hit.id));

const search: Workload<{ text: string; query: string }> = {
  name: "search",
  title: "Text search over roles, skills, technologies and tracks (10 hits)",
  params: searchTexts,
  raw: {
    cypher: `
CALL db.index.fulltext.queryNodes('entity_search_terms', $query, {limit: $candidates})
YIELD node, score
RETURN node.id AS id, coalesce(node.title, node.name) AS name, score`,
    params: (p) => ({ query: p.query, candidates: int(CANDIDATES) }),
    answer: (rows) => sorted(idsOf(rows)),
  },
  api: {
    query: `query Search($text: String!) {
  search(text: $text, first: ${SEARCH_FIRST}) {
    score
    entity { ${ENTITY_FIELDS} }
  }
}`,
    variables: ({ text }) => ({ text }),
    answer: ({ search }) => sorted(idsOf(list(search).map((hit) => hit.entity as Row))),
  },
  peer: {
    query: `query Search($query: String!) {
  search(query: $query, first: ${CANDIDATES}) {
    ${ENTITY_FIELDS}
  }
}`,
    variables: ({ query }) => ({ query }),
    answer: ({ search }) => sorted(idsOf(list(search))),
  },
  // The API returns the best 10 of the floor's 30 candidates (fewer when fewer match); the peer
  // returns all 30, unranked beyond Lucene's score.
  agrees: (floor, other, system) => {
    const candidates = new Set(floor as string[]);
    const hits = other as string[];
    if (system === "peer") return JSON.stringify(floor) === JSON.stringify(other);
    return (
      hits.length === Math.min(SEARCH_FIRST, candidates.size) &&
      hits.every((id) => candidates.has(id))
    );
  },
};

// ---- the roles within two moves or similarities of a role --------------------------------------

const NEIGHBOURS = "id title";
const neighborhood: Workload = {
  name: "neighborhood-2",
  title: "Roles within two PROGRESSES_TO or RELATED_TO hops of a role, with the edges",
  params: roleIds,
  raw: {
    cypher: `
MATCH (s:Role {id: $id})
OPTIONAL MATCH (s)-[:PROGRESSES_TO|RELATED_TO]-{1,2}(n:Role)
WITH s, collect(DISTINCT n) AS near
WITH [s] + [n IN near WHERE n <> s] AS nodes
UNWIND nodes AS a
OPTIONAL MATCH (a)-[e:PROGRESSES_TO|RELATED_TO]->(b)
WHERE b IN nodes
RETURN a.id AS id, a.title AS title, collect({type: type(e), to: b.id}) AS edges`,
    params: (p) => p,
    answer: (rows) => sorted(rows.map((row) => String(row.id))),
  },
  api: {
    query: `query Neighbourhood($id: ID!) {
  neighborhood(id: $id, depth: 2, relationships: [PROGRESSES_TO, RELATED_TO], limit: 1000) {
    truncated
    nodes { ... on Role { id title } }
    edges { type from to }
  }
}`,
    variables: (p) => p,
    answer: ({ neighborhood }) =>
      sorted(list((neighborhood as Row).nodes).map((node) => String(node.id))),
  },
  peer: {
    // The peer has no neighbourhood query: the same roles come from nesting its fields twice.
    query: `query Neighbourhood($id: ID!) {
  roles(where: { id: { eq: $id } }) {
    ${NEIGHBOURS}
    nextRoles { ${NEIGHBOURS} nextRoles { ${NEIGHBOURS} } previousRoles { ${NEIGHBOURS} } relatedRoles { ${NEIGHBOURS} } }
    previousRoles { ${NEIGHBOURS} nextRoles { ${NEIGHBOURS} } previousRoles { ${NEIGHBOURS} } relatedRoles { ${NEIGHBOURS} } }
    relatedRoles { ${NEIGHBOURS} nextRoles { ${NEIGHBOURS} } previousRoles { ${NEIGHBOURS} } relatedRoles { ${NEIGHBOURS} } }
  }
}`,
    variables: (p) => p,
    answer: ({ roles }) => {
      const ids = new Set<string>();
      const walk = (role: Row) => {
        ids.add(String(role.id));
        for (const field of ["nextRoles", "previousRoles", "relatedRoles"])
          for (const next of list(role[field])) walk(next);
      };
      for (const role of list(roles)) walk(role);
      return sorted([...ids]);
    },
  },
};

// ---- career paths: k best routes between two roles ---------------------------------------------

/**
 * Pairs of roles four moves apart (the first such target in id order from each sampled role),
 * with the median of the known typicalYears, which YEARS charges for an unknown one.
 */
const rolePairs = async (read: (cypher: string, params?: Row) => Promise<Row[]>) => {
  const [median] = await read(
    "MATCH ()-[p:PROGRESSES_TO]->() WHERE p.typicalYears IS NOT NULL RETURN percentileCont(p.typicalYears, 0.5) AS m",
  );
  const pairs: Record<string, string>[] = [];
  for (const { id } of (await roleIds(read)).slice(0, 50)) {
    const [row] = await read(
      `MATCH (:Role {id: $id})-[:PROGRESSES_TO]->{4}(b:Role) WHERE b.id <> $id
       RETURN b.id AS to ORDER BY to LIMIT 1`,
      { id },
    );
    if (row) pairs.push({ from: id, to: String(row.to), median: String(median?.m ?? 1) });
  }
  return pairs;
};

/** Per weighting, what one move costs in whole units (years in hundredths, as the API counts). */
const MOVE_COST = {
  STEPS: "1",
  YEARS: "toInteger(round(coalesce(r.typicalYears, $median) * 100))",
  SKILL_GAP: "COUNT { (b)-[:REQUIRES]->(s:Skill) WHERE NOT (a)-[:REQUIRES]->(s) }",
} as const;

const PATH_STEPS = 6;

function careerPaths(k: number, weight: keyof typeof MOVE_COST): Workload {
  return {
    name: `paths-${weight.toLowerCase().replace("_", "-")}-k${k}`,
    title: `The ${k} best career paths between roles 4 moves apart, by ${weight}, within ${PATH_STEPS} moves`,
    params: rolePairs,
    // By hand: every simple path within the bound, costed, sorted, cut at k.
    raw: {
      cypher: `
MATCH path = (:Role {id: $from})-[:PROGRESSES_TO]->{1,${PATH_STEPS}}(:Role {id: $to})
WITH path, nodes(path) AS ns
WHERE size(ns) = size(reduce(seen = [], n IN ns | CASE WHEN n IN seen THEN seen ELSE seen + n END))
CALL (path) {
  UNWIND relationships(path) AS r
  WITH r, startNode(r) AS a, endNode(r) AS b
  RETURN sum(${MOVE_COST[weight]}) AS cost
}
WITH [n IN ns | n.id] AS ids, cost
RETURN ids, cost ORDER BY cost, size(ids), ids LIMIT $k`,
      params: (p) => ({ from: p.from, to: p.to, median: Number(p.median), k: int(k) }),
      answer: (rows) =>
        rows.map((row) => ({
          ids: row.ids,
          cost: weight === "YEARS" ? Number(row.cost) / 100 : Number(row.cost),
        })),
    },
    api: {
      query: `query Paths($from: ID!, $to: ID!) {
  careerPaths(from: $from, to: $to, k: ${k}, weightBy: ${weight}, maxSteps: ${PATH_STEPS}) {
    roles { id title }
    steps { kind typicalYears newSkills { id name } salaryDelta }
    totalYears cost
    skillsToAcquire { id name }
  }
}`,
      variables: ({ from, to }) => ({ from, to }),
      answer: ({ careerPaths }) =>
        list(careerPaths).map((path) => ({
          ids: list(path.roles).map((role) => role.id),
          cost: path.cost,
        })),
    },
  };
}

const PATH_WORKLOADS = [1, 3, 10].flatMap((k) =>
  (["STEPS", "YEARS", "SKILL_GAP"] as const).map((weight) => careerPaths(k, weight)),
);

// ---- skill gap between two roles ----------------------------------------------------------------

const skillGap: Workload = {
  name: "skill-gap",
  title: "The skills one role requires that another has and lacks, with weighted coverage",
  params: rolePairs,
  raw: {
    cypher: `
MATCH (a:Role {id: $from}), (b:Role {id: $to})
MATCH (b)-[q:REQUIRES]->(s:Skill)
WITH s, q, EXISTS { (a)-[:REQUIRES]->(s) } AS held
RETURN s.id AS id, q.importance AS importance, held`,
    params: ({ from, to }) => ({ from, to }),
    answer: (rows) => {
      const total = rows.reduce((sum, row) => sum + Number(row.importance), 0);
      const held = rows.reduce((sum, row) => sum + (row.held ? Number(row.importance) : 0), 0);
      return {
        shared: sorted(rows.filter((row) => row.held).map((row) => String(row.id))),
        missing: sorted(rows.filter((row) => !row.held).map((row) => String(row.id))),
        coverage: Math.round((total === 0 ? 1 : held / total) * 1e6),
      };
    },
  },
  api: {
    query: `query Gap($from: ID!, $to: ID!) {
  skillGap(from: $from, to: $to) {
    shared { id name } missing { importance skill { id name } } coverage
  }
}`,
    variables: ({ from, to }) => ({ from, to }),
    answer: ({ skillGap }) => {
      const gap = skillGap as Row;
      return {
        shared: sorted(list(gap.shared).map((s) => String(s.id))),
        missing: sorted(list(gap.missing).map((m) => String((m.skill as Row).id))),
        coverage: Math.round(Number(gap.coverage) * 1e6),
      };
    },
  },
};

// ---- analytics: demand, transitions, centrality ------------------------------------------------

/** The whole graph (track "") and every track, for the demand questions. */
const scopes = async (read: (cypher: string, params?: Row) => Promise<Row[]>) => [
  { track: "" },
  ...(await read("MATCH (t:Track) RETURN t.id AS id ORDER BY id")).map((row) => ({
    track: String(row.id),
  })),
];

const DEMAND_FIRST = 10;

/** Demand by hand: the scope's roles, their requirements or uses, summed and ranked. */
function demand(
  name: string,
  what: "skill" | "technology",
  relationship: string,
  weight: string,
): Workload {
  const field = what === "skill" ? "skillDemand" : "technologyDemand";
  return {
    name,
    title: `The ${DEMAND_FIRST} ${what === "skill" ? "skills" : "technologies"} most in demand, over the graph and per track`,
    params: scopes,
    cachedPerVersion: true,
    raw: {
      cypher: `
MATCH (r:Role) WHERE $track = '' OR EXISTS { (r)-[:IN_TRACK]->(:Track {id: $track}) }
MATCH (r)-[e:${relationship}]->(x)
WITH x, count(r) AS roles, sum(${weight}) AS weight
RETURN x.id AS id, roles, weight ORDER BY weight DESC, roles DESC, id LIMIT ${DEMAND_FIRST}`,
      params: (p) => p,
      answer: (rows) => rows.map((row) => `${row.id}:${row.roles}`),
    },
    api: {
      query: `query Demand($track: ID) {
  ${field}(track: $track, first: ${DEMAND_FIRST}) { label value count share ${what} { id } }
}`,
      variables: ({ track }) => ({ track: track === "" ? null : track }),
      answer: (data) => list(data[field]).map((d) => `${(d[what] as Row).id}:${d.count}`),
    },
  };
}

const TRANSITION_KEY = {
  TRACK: (v: string) => `[(${v})-[:IN_TRACK]->(t:Track) | t.id][0]`,
  LEVEL: (v: string) => `${v}.level`,
};

function transitions(groupBy: keyof typeof TRANSITION_KEY): Workload {
  return {
    name: `transitions-${groupBy.toLowerCase()}`,
    title: `Moves between ${groupBy === "TRACK" ? "tracks" : "levels"}: a heat map`,
    params: async () => [{ groupBy }],
    cachedPerVersion: true,
    raw: {
      cypher: `
MATCH (a:Role)-[p:PROGRESSES_TO]->(b:Role)
RETURN ${TRANSITION_KEY[groupBy]("a")} AS from, ${TRANSITION_KEY[groupBy]("b")} AS to, count(p) AS count`,
      params: () => ({}),
      answer: (rows) => sorted(rows.map((row) => `${row.from}>${row.to}:${row.count}`)),
    },
    api: {
      query: `query Matrix { transitionMatrix(groupBy: ${groupBy}) { from to label value count share } }`,
      variables: () => ({}),
      answer: (data) =>
        sorted(list(data.transitionMatrix).map((c) => `${c.from}>${c.to}:${c.count}`)),
    },
  };
}

function centrality(metric: "DEGREE" | "PAGERANK" | "BETWEENNESS"): Workload {
  return {
    name: `centrality-${metric.toLowerCase()}`,
    title: `The 10 most central roles by ${metric}`,
    params: async () => [{ metric }],
    cachedPerVersion: true,
    // Degree is a count Cypher can make; PageRank and betweenness need an algorithm library.
    ...(metric === "DEGREE"
      ? {
          raw: {
            cypher: `
MATCH (r:Role)
WITH r, COUNT { MATCH (r)-[:PROGRESSES_TO]->(b:Role) WHERE b <> r RETURN DISTINCT b }
      + COUNT { MATCH (a:Role)-[:PROGRESSES_TO]->(r) WHERE a <> r RETURN DISTINCT a } AS degree
RETURN r.id AS id ORDER BY degree DESC, id LIMIT 10`,
            params: () => ({}),
            answer: (rows: Row[]) => rows.map((row) => row.id),
          },
        }
      : {}),
    api: {
      query: `query Central { roleCentrality(metric: ${metric}, first: 10) { label value rank role { id } } }`,
      variables: () => ({}),
      answer: (data) => list(data.roleCentrality).map((s) => (s.role as Row).id),
    },
  };
}

const ANALYTICS_WORKLOADS = [
  demand("skill-demand", "skill", "REQUIRES", "e.importance"),
  demand(
    "technology-demand",
    "technology",
    "USES",
    "CASE e.usage WHEN 'CORE' THEN 3 WHEN 'COMMON' THEN 2 ELSE 1 END",
  ),
  transitions("TRACK"),
  transitions("LEVEL"),
  centrality("DEGREE"),
  centrality("PAGERANK"),
  centrality("BETWEENNESS"),
];

export const WORKLOADS: Workload[] = [
  roleDetail,
  rolePage,
  search,
  neighborhood,
  skillGap,
  ...PATH_WORKLOADS,
  // Last: each bumps the graph version to time a first call, which rebuilds the projection.
  ...ANALYTICS_WORKLOADS,
];
