import { int } from "neo4j-driver";
import { checkFirst, checkTextLength } from "../args.js";
import { MAX_LIST } from "../cypher.js";
import type { Executor, Params } from "../neo4j/executor.js";
import type { Connection } from "./connection.type.js";
import { decodeCursor, encodeCursor } from "./cursor.js";

/** What one list query needs; all of it is fixed text from the code, never from input. */
export interface ListSpec {
  label: "Role" | "Skill" | "Technology";
  /** The property pages are sorted by (then id): `title` or `name`. */
  sortKey: "title" | "name";
  /** A Cypher map projection of `n`. */
  map: (variable: string) => string;
  /** Predicates over `n` that read the filter's parameters (null parameter = no filter). */
  where: string;
}

/** The largest `first` a list accepts. */
export const MAX_PAGE = MAX_LIST;

/** Lower-cased trimmed filter text, or null for none; refuses text too long to be a name. */
export function filterText(text: string | null | undefined): string | null {
  if (text == null) return null;
  const trimmed = checkTextLength("filter.text", text.trim()).toLowerCase();
  return trimmed === "" ? null : trimmed;
}

function pageQuery(spec: ListSpec): string {
  const { label, sortKey, map, where } = spec;
  return `
CALL () { MATCH (n:${label}) WHERE ${where} RETURN count(n) AS totalCount }
CALL () {
  MATCH (n:${label})
  WHERE ${where}
    AND ($afterKey IS NULL OR n.${sortKey} > $afterKey OR (n.${sortKey} = $afterKey AND n.id > $afterId))
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
  const [row] = await executor.read<{ totalCount: number; page: T[] }>(pageQuery(spec), {
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
