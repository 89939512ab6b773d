import { RELATIONSHIP_TYPES } from "../model.js";
import type { Executor } from "../neo4j/executor.js";

export const COUNT_LABELS = [
  "Role",
  "Track",
  "Skill",
  "Technology",
  "SalaryBand",
  "Source",
] as const;
export const COUNT_TYPES = [...RELATIONSHIP_TYPES, "PAID", "CITES"] as const;

export type GraphCounts = Record<
  (typeof COUNT_LABELS)[number] | (typeof COUNT_TYPES)[number],
  number
>;

// Labels and types come from the constants above, never from input; each count reads Neo4j's
// count store, so this stays cheap on a graph of any size.
const COUNT_QUERY = [
  ...COUNT_LABELS.map((label) => `MATCH (n:${label}) RETURN '${label}' AS key, count(n) AS n`),
  ...COUNT_TYPES.map((type) => `MATCH ()-[r:${type}]->() RETURN '${type}' AS key, count(r) AS n`),
].join("\nUNION ALL\n");

export async function countGraph(executor: Executor): Promise<GraphCounts> {
  const rows = await executor.read<{ key: keyof GraphCounts; n: number }>(COUNT_QUERY);
  return Object.fromEntries(rows.map((row) => [row.key, row.n])) as GraphCounts;
}
