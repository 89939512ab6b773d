import DataLoader from "dataloader";
import type { Executor, Row } from "./executor.js";

/**
 * Builders for DataLoaders over one Cypher query each. Every query receives `$keys` (a list of
 * ids) and returns rows with a `key` column naming the id each row belongs to and an `item`
 * column. Results keep key order and give one entry per key, as dataloader requires.
 */

type KeyedRow<T> = Row & { key: string; item: T };

/** One item per key, or null when the key is unknown. */
export function itemLoader<T>(executor: Executor, query: string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await executor.read<KeyedRow<T>>(query, { keys: [...keys] });
    const byKey = new Map(rows.map((row) => [row.key, row.item]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A list of items per key, in the order the query returns them; [] when there are none. */
export function listLoader<T>(executor: Executor, query: string): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await executor.read<KeyedRow<T>>(query, { keys: [...keys] });
    const byKey = new Map<string, T[]>();
    for (const row of rows) {
      const list = byKey.get(row.key);
      if (list) list.push(row.item);
      else byKey.set(row.key, [row.item]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
