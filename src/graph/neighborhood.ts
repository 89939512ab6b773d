import { int } from "neo4j-driver";
import { entityLabel, entityMap } from "../cypher.js";
import { NotFoundError } from "../errors.js";
import { type Direction, RELATIONSHIP_TYPES, type RelationshipType } from "../model.js";
import type { Executor } from "../neo4j/executor.js";
import { type EntityLabel, type EntityNode, tagged } from "./entity.js";
import type { Edge, Subgraph } from "./subgraph.type.js";

export const MAX_DEPTH = 3;
export const MAX_LIMIT = 1000;
/** Edge rows read per hop for each node the limit allows; past it the subgraph is truncated. */
const ROWS_PER_NODE = 8;

const IS_ENTITY = (v: string) => `(${v}:Role OR ${v}:Skill OR ${v}:Technology OR ${v}:Track)`;

/** The hop pattern, from enum values only: `-[r:A|B]->`, `<-[r:A|B]-` or `-[r:A|B]-`. */
function hopPattern(types: readonly RelationshipType[], direction: Direction): string {
  // In the model's order, without repeats: one statement text per set of types, so Neo4j plans
  // each set once whatever order the client listed them in.
  const rel = `[r:${RELATIONSHIP_TYPES.filter((type) => types.includes(type)).join("|")}]`;
  if (direction === "OUTGOING") return `-${rel}->`;
  if (direction === "INCOMING") return `<-${rel}-`;
  return `-${rel}-`;
}

/**
 * One hop: the edges from the frontier (a bounded number, in a fixed order) and the fields of
 * every node they reach, so that no further round trip is needed for the nodes. With
 * `withStart`, the start node's own fields come back too (null when there is no such node).
 */
const hopQuery = (types: readonly RelationshipType[], direction: Direction, withStart: boolean) => `
CALL () {
  ${
    withStart
      ? `OPTIONAL MATCH (s:Entity {id: $start}) WHERE ${IS_ENTITY("s")}
  RETURN CASE WHEN s IS NULL THEN null
         ELSE {id: s.id, label: ${entityLabel("s")}, item: ${entityMap("s")}} END AS start`
      : "RETURN null AS start"
  }
}
CALL () {
  UNWIND $frontier AS id
  MATCH (a:Entity {id: id})${hopPattern(types, direction)}(b:Entity)
  WHERE ${IS_ENTITY("b")}
  WITH a, r, b ORDER BY a.id, type(r), b.id
  LIMIT $cap
  WITH collect({type: type(r), from: startNode(r).id, to: endNode(r).id, neighbour: b.id}) AS rows,
       collect(DISTINCT b) AS reached
  RETURN rows, [b IN reached | {id: b.id, label: ${entityLabel("b")}, item: ${entityMap("b")}}] AS nodes
}
RETURN start, rows, nodes`;

type HopRow = { type: RelationshipType; from: string; to: string; neighbour: string };
type NodeRow = { id: string; label: EntityLabel; item: object };

export interface NeighborhoodArgs {
  id: string;
  depth: number;
  relationships: readonly RelationshipType[] | null;
  direction: Direction;
  limit: number;
}

/**
 * Breadth-first, one round trip per hop (depth ≤ 3): the first also brings the start node, and
 * each brings the fields of the nodes it reaches. Each hop reads a bounded number of edge rows in
 * a fixed order, so a popular node cannot make the query unbounded, and the same question gets
 * the same subgraph.
 */
export async function neighborhood(executor: Executor, args: NeighborhoodArgs): Promise<Subgraph> {
  const types = args.relationships?.length ? [...new Set(args.relationships)] : RELATIONSHIP_TYPES;
  const cap = int(args.limit * ROWS_PER_NODE);
  const hop = (frontier: string[], withStart: boolean) =>
    executor.read<{ start: NodeRow | null; rows: HopRow[]; nodes: NodeRow[] }>(
      hopQuery(types, args.direction, withStart),
      { start: args.id, frontier, cap },
    );

  const order: string[] = [args.id];
  const seen = new Set(order);
  const details = new Map<string, EntityNode>();
  const edges = new Map<string, Edge>();
  let truncated = false;
  let frontier = [args.id];
  for (let depth = 0; depth < args.depth && frontier.length > 0; depth += 1) {
    const [result] = await hop(frontier, depth === 0);
    if (depth === 0) {
      if (!result?.start) throw new NotFoundError("role, skill, technology or track", args.id);
      details.set(args.id, tagged(result.start.label, result.start.item));
    }
    const rows = result?.rows ?? [];
    for (const node of result?.nodes ?? []) details.set(node.id, tagged(node.label, node.item));
    if (rows.length >= cap.toNumber()) truncated = true;
    const next: string[] = [];
    for (const row of rows) {
      if (!seen.has(row.neighbour)) {
        if (order.length >= args.limit) {
          truncated = true;
          continue;
        }
        seen.add(row.neighbour);
        order.push(row.neighbour);
        next.push(row.neighbour);
      }
      edges.set(`${row.type} ${row.from} ${row.to}`, {
        type: row.type,
        from: row.from,
        to: row.to,
      });
    }
    frontier = next;
  }
  const nodes = order.flatMap((id) => details.get(id) ?? []);
  return { nodes, edges: [...edges.values()], truncated };
}
