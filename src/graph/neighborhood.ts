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
  const rel = `[r:${types.join("|")}]`;
  if (direction === "OUTGOING") return `-${rel}->`;
  if (direction === "INCOMING") return `<-${rel}-`;
  return `-${rel}-`;
}

const hopQuery = (types: readonly RelationshipType[], direction: Direction) => `
UNWIND $frontier AS id
MATCH (a:Entity {id: id})${hopPattern(types, direction)}(b:Entity)
WHERE ${IS_ENTITY("b")}
WITH a, r, b ORDER BY a.id, type(r), b.id
LIMIT $cap
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, b.id AS neighbour`;

const NODES = `
MATCH (n:Entity) WHERE n.id IN $ids AND ${IS_ENTITY("n")}
RETURN n.id AS id, ${entityLabel("n")} AS label, ${entityMap("n")} AS item`;

async function nodesById(executor: Executor, ids: string[]): Promise<Map<string, EntityNode>> {
  const rows = await executor.read<{ id: string; label: EntityLabel; item: object }>(NODES, {
    ids,
  });
  return new Map(rows.map((row) => [row.id, tagged(row.label, row.item)]));
}

type HopRow = { type: RelationshipType; from: string; to: string; neighbour: string };

export interface NeighborhoodArgs {
  id: string;
  depth: number;
  relationships: readonly RelationshipType[] | null;
  direction: Direction;
  limit: number;
}

/**
 * Breadth-first, one round trip per hop (depth ≤ 3) plus one for the start and one for the
 * nodes' fields. Each hop reads a bounded number of edge rows in a fixed order, so a popular
 * node cannot make the query unbounded, and the same question gets the same subgraph.
 */
export async function neighborhood(executor: Executor, args: NeighborhoodArgs): Promise<Subgraph> {
  const start = (await nodesById(executor, [args.id])).get(args.id);
  if (start === undefined) throw new NotFoundError("role, skill, technology or track", args.id);
  const types = args.relationships?.length ? [...new Set(args.relationships)] : RELATIONSHIP_TYPES;
  const query = hopQuery(types, args.direction);

  const order: string[] = [args.id];
  const seen = new Set(order);
  const edges = new Map<string, Edge>();
  let truncated = false;
  let frontier = [args.id];
  for (let hop = 0; hop < args.depth && frontier.length > 0; hop += 1) {
    const cap = args.limit * ROWS_PER_NODE;
    const rows = await executor.read<HopRow>(query, { frontier, cap: int(cap) });
    if (rows.length >= cap) truncated = true;
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
  const details = await nodesById(executor, order.slice(1));
  const nodes = [start, ...order.slice(1).flatMap((id) => details.get(id) ?? [])];
  return { nodes, edges: [...edges.values()], truncated };
}
