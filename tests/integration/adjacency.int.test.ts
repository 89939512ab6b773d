import { describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/server.js";

const env = useTestApi();

const NEIGHBORHOOD = `query ($id: ID!, $depth: Int, $rels: [RelationshipType!], $dir: Direction, $limit: Int) {
  neighborhood(id: $id, depth: $depth, relationships: $rels, direction: $dir, limit: $limit) {
    nodes { __typename ... on Role { id } ... on Skill { id } ... on Technology { id } ... on Track { id } }
    edges { type from to }
    truncated
  }
}`;
interface Subgraph {
  nodes: { __typename: string; id: string }[];
  edges: { type: string; from: string; to: string }[];
  truncated: boolean;
}
const subgraph = async (variables: Record<string, unknown>) =>
  (await env.api.data<{ neighborhood: Subgraph }>(NEIGHBORHOOD, variables)).neighborhood;

const codeOf = async (query: string, variables: Record<string, unknown>) =>
  (await env.api.graphql(query, variables)).body.errors?.[0]?.extensions?.code;

describe("neighborhood", () => {
  it("returns exactly the nodes and edges one hop away, as plain Cypher finds them", async () => {
    const got = await subgraph({ id: "back-end-developer", limit: 1000 });
    const expected = await env.db.cypher<{ type: string; from: string; to: string; n: string }>(
      `MATCH (a:Entity {id: 'back-end-developer'})-[r:PROGRESSES_TO|IN_TRACK|REQUIRES|USES|RELATED_TO|PRACTISED_WITH]-(b)
       RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, b.id AS n`,
    );
    expect(got.truncated).toBe(false);
    expect(got.nodes[0]?.id).toBe("back-end-developer");
    expect(new Set(got.nodes.map((n) => n.id))).toEqual(
      new Set(["back-end-developer", ...expected.map((e) => e.n)]),
    );
    const key = (e: { type: string; from: string; to: string }) => `${e.type} ${e.from} ${e.to}`;
    expect(new Set(got.edges.map(key))).toEqual(new Set(expected.map(key)));
    expect(got.edges).toHaveLength(new Set(expected.map(key)).size);
    expect(new Set(got.nodes.map((n) => n.__typename))).toEqual(
      new Set(["Role", "Skill", "Technology", "Track"]),
    );
  });

  it("follows only the relationships and direction asked for, to the depth asked for", async () => {
    const got = await subgraph({
      id: "junior-back-end-developer",
      depth: 3,
      rels: ["PROGRESSES_TO"],
      dir: "OUTGOING",
      limit: 1000,
    });
    const expected = await env.db.cypher<{ id: string }>(
      `MATCH (:Role {id: 'junior-back-end-developer'})-[:PROGRESSES_TO*1..3]->(r:Role)
       RETURN DISTINCT r.id AS id`,
    );
    expect(new Set(got.nodes.map((n) => n.id))).toEqual(
      new Set(["junior-back-end-developer", ...expected.map((e) => e.id)]),
    );
    expect(got.edges.every((e) => e.type === "PROGRESSES_TO")).toBe(true);
  });

  it("costs one round trip per hop, the start and the nodes' fields included", async () => {
    for (const depth of [1, 2, 3]) {
      const { body } = await env.api.graphql(NEIGHBORHOOD, { id: "back-end-developer", depth });
      expect(body.errors).toBeUndefined();
      expect(body.extensions?.roundTrips).toBe(depth);
    }
  });

  it("matches a BFS over the exported edge list at depths 1 to 3", async () => {
    const types = ["PROGRESSES_TO", "RELATED_TO", "IN_TRACK"];
    const edges = await env.db.cypher<{ type: string; from: string; to: string }>(
      `MATCH (a)-[r:PROGRESSES_TO|RELATED_TO|IN_TRACK]->(b)
       RETURN type(r) AS type, a.id AS from, b.id AS to`,
    );
    for (const [start, depth] of [
      ["back-end-developer", 1],
      ["junior-back-end-developer", 2],
      ["senior-back-end-developer", 3],
    ] as const) {
      // Independent BFS: distances up to depth; the edges are those leaving a node nearer than depth.
      const distance = new Map<string, number>([[start, 0]]);
      let frontier: string[] = [start];
      for (let d = 1; d <= depth; d += 1) {
        const next: string[] = [];
        for (const e of edges) {
          for (const [here, there] of [
            [e.from, e.to],
            [e.to, e.from],
          ] as const) {
            if (frontier.includes(here) && !distance.has(there)) {
              distance.set(there, d);
              next.push(there);
            }
          }
        }
        frontier = next;
      }
      const near = (id: string) => (distance.get(id) ?? depth) < depth;
      const expectedEdges = edges
        .filter((e) => near(e.from) || near(e.to))
        .map((e) => `${e.type} ${e.from} ${e.to}`);
      const got = await subgraph({ id: start, depth, rels: types, limit: 1000 });
      expect(got.truncated).toBe(false);
      expect(new Set(got.nodes.map((n) => n.id))).toEqual(new Set(distance.keys()));
      expect(new Set(got.edges.map((e) => `${e.type} ${e.from} ${e.to}`))).toEqual(
        new Set(expectedEdges),
      );
    }
  });

  it("says when the limit cut the subgraph", async () => {
    const got = await subgraph({ id: "back-end-developer", depth: 2, limit: 5 });
    expect(got.nodes).toHaveLength(5);
    expect(got.truncated).toBe(true);
    const ids = new Set(got.nodes.map((n) => n.id));
    for (const edge of got.edges) {
      expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    }
  });

  it("refuses depth, limit past their bounds and unknown ids with coded errors", async () => {
    expect(await codeOf(NEIGHBORHOOD, { id: "back-end-developer", depth: 4 })).toBe(
      "BAD_USER_INPUT",
    );
    expect(await codeOf(NEIGHBORHOOD, { id: "back-end-developer", depth: 0 })).toBe(
      "BAD_USER_INPUT",
    );
    expect(await codeOf(NEIGHBORHOOD, { id: "back-end-developer", limit: 1001 })).toBe(
      "BAD_USER_INPUT",
    );
    expect(await codeOf(NEIGHBORHOOD, { id: "no-such-node" })).toBe("NOT_FOUND");
    // A salary band is a node, but not one of the Entity union.
    const [band] = await env.db.cypher<{ id: string }>(
      "MATCH (b:SalaryBand) RETURN b.id AS id LIMIT 1",
    );
    expect(await codeOf(NEIGHBORHOOD, { id: band?.id })).toBe("NOT_FOUND");
  });
});

const REACH = `query ($id: ID!, $steps: Int) {
  reachableRoles(from: $id, maxSteps: $steps, first: 1000) { role { id } steps minYears }
}`;
const FEED = `query ($id: ID!, $steps: Int) {
  feederRoles(to: $id, maxSteps: $steps, first: 1000) { role { id } steps minYears }
}`;
type Reached = { role: { id: string }; steps: number; minYears: number | null };

/** Brute force: every bounded path, then the fewest steps and years per end (fine on the seed). */
async function bruteForce(id: string, maxSteps: number, backwards: boolean) {
  const arrow = backwards
    ? `<-[:PROGRESSES_TO*1..${maxSteps}]-`
    : `-[:PROGRESSES_TO*1..${maxSteps}]->`;
  const rows = await env.db.cypher<{ id: string; steps: number; years: number | null }>(
    `MATCH p = (s:Role {id: $id})${arrow}(t:Role) WHERE t <> s
     WITH t, p, [r IN relationships(p) | r.typicalYears] AS ys
     RETURN t.id AS id, min(length(p)) AS steps,
            min(CASE WHEN all(y IN ys WHERE y IS NOT NULL) THEN reduce(s = 0.0, y IN ys | s + y) END) AS years`,
    { id },
  );
  return new Map(rows.map((r) => [r.id, { steps: r.steps, minYears: r.years }]));
}

describe("reachableRoles and feederRoles", () => {
  it("match a brute-force enumeration of paths: fewest steps and fewest years to each role", async () => {
    for (const [id, steps] of [
      ["junior-back-end-developer", 4],
      ["back-end-developer", 3],
    ] as const) {
      const got = (await env.api.data<{ reachableRoles: Reached[] }>(REACH, { id, steps }))
        .reachableRoles;
      const expected = await bruteForce(id, steps, false);
      expect(got.length).toBe(expected.size);
      for (const r of got) {
        const e = expected.get(r.role.id);
        expect(e, r.role.id).toBeDefined();
        expect(r.steps, r.role.id).toBe(e?.steps);
        if (e?.minYears == null) expect(r.minYears).toBeNull();
        else expect(r.minYears).toBeCloseTo(e.minYears, 6);
      }
      // Nearest first.
      const order = got.map((r) => [r.steps, r.minYears ?? Number.MAX_VALUE]);
      expect(order).toEqual(
        [...order].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)),
      );
    }
  });

  it("walks backwards for feeder roles", async () => {
    const id = "senior-back-end-developer";
    const got = (await env.api.data<{ feederRoles: Reached[] }>(FEED, { id, steps: 3 }))
      .feederRoles;
    const expected = await bruteForce(id, 3, true);
    expect(new Map(got.map((r) => [r.role.id, r.steps]))).toEqual(
      new Map([...expected].map(([k, v]) => [k, v.steps])),
    );
    expect(got.map((r) => r.role.id)).toContain("back-end-developer");
  });

  it("refuses maxSteps past 6 and unknown roles", async () => {
    expect(await codeOf(REACH, { id: "back-end-developer", steps: 7 })).toBe("BAD_USER_INPUT");
    expect(await codeOf(FEED, { id: "back-end-developer", steps: 0 })).toBe("BAD_USER_INPUT");
    expect(await codeOf(REACH, { id: "nobody" })).toBe("NOT_FOUND");
    expect(await codeOf(FEED, { id: "nobody" })).toBe("NOT_FOUND");
  });
});
