import { int } from "neo4j-driver";
import { checkFirst, checkTextLength } from "../args.js";
import { MAX_LIST } from "../cypher.js";
import type { Executor, Params } from "../neo4j/executor.js";
import type { Connection } from "./connection.type.js";
import { decodeCursor, encodeCursor } from "./cursor.js";

/**
 * One filter of a list, applied only when its parameter is given. `match` anchors the list on the
 * filter's node (a pattern ending in `n`), so the database starts from that node through its
 * index instead of testing every node of the label; `distinct` when the pattern can reach a node
 * more than once. `where` is a predicate over `n`.
 */
export interface ListFilter {
  param: string;
  match?: string;
  distinct?: boolean;
  where?: string;
}

/** What one list query needs; all of it is fixed text from the code, never from input. */
export interface ListSpec {
  label: "Role" | "Skill" | "Technology";
  /** The property pages are sorted by (then id): `title` or `name`. */
  sortKey: "title" | "name";
  /** A Cypher map projection of `n`. */
  map: (variable: string) => string;
  filters: ListFilter[];
}

/** The largest `first` a list accepts. */
export const MAX_PAGE = MAX_LIST;

/** Lower-cased trimmed filter text, or null for none; refuses text too long to be a name. */
export function filterText(text: string | null | undefined): string | null {
  if (text == null) return null;
  const trimmed = checkTextLength("filter.text", text.trim()).toLowerCase();
  return trimmed === "" ? null : trimmed;
}

/**
 * The list query for the filters that are given. Which clauses appear depends only on which
 * parameters are null, so the text comes from the code and the values stay parameters. A single
 * query with `$x IS NULL OR …` for every filter would be simpler, but the planner cannot anchor
 * it on an index: on a million-edge graph it tested every role for a track's page.
 */
function pageQuery(spec: ListSpec, params: Params, withCursor: boolean): string {
  const { label, sortKey, map } = spec;
  const given = spec.filters.filter(
    (f) => params[f.param] !== null && params[f.param] !== undefined,
  );
  const matches = given.filter((f) => f.match !== undefined);
  const select = [
    `MATCH ${[`(n:${label})`, ...matches.map((f) => f.match)].join(", ")}`,
    ...(matches.some((f) => f.distinct) ? ["WITH DISTINCT n"] : []),
  ];
  const where = given.flatMap((f) => (f.where === undefined ? [] : [f.where]));
  const whereClause = (more: string[]) => {
    const all = [...where, ...more];
    return all.length === 0 ? "" : `WHERE ${all.join("\n    AND ")}`;
  };
  // The range on the sort key lets the planner walk its index in order and stop at the limit.
  const after = withCursor
    ? [`n.${sortKey} >= $afterKey`, `(n.${sortKey} > $afterKey OR n.id > $afterId)`]
    : [`n.${sortKey} IS NOT NULL`];
  return `
CALL () {
  ${select.join("\n  ")}
  ${whereClause([])}
  RETURN count(n) AS totalCount
}
CALL () {
  ${select.join("\n  ")}
  ${whereClause(after)}
  WITH n ORDER BY n.${sortKey}, n.id LIMIT $limit
  RETURN collect(${map("n")}) AS page
}
RETURN totalCount, page`;
}

/**
 * One page of a filtered list, in one round trip: the total over all pages (counted in the
 * database, no node leaves it) and `first` items after the cursor, plus one to tell whether
 * another page follows.
 */
export async function fetchPage<T extends { id: string }>(
  executor: Executor,
  spec: ListSpec,
  filterParams: Params,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<T>> {
  const limit = checkFirst(first);
  const cursor = decodeCursor(after);
  const query = pageQuery(spec, filterParams, cursor !== null);
  const [row] = await executor.read<{ totalCount: number; page: T[] }>(query, {
    ...filterParams,
    afterKey: cursor?.sortKey ?? null,
    afterId: cursor?.id ?? null,
    limit: int(limit + 1),
  });
  const page = row?.page ?? [];
  const items = page.slice(0, limit);
  const edges = items.map((node) => ({
    cursor: encodeCursor({
      sortKey: String((node as Record<string, unknown>)[spec.sortKey]),
      id: node.id,
    }),
    node,
  }));
  return {
    edges,
    pageInfo: { hasNextPage: page.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: row?.totalCount ?? 0,
  };
}
