import DataLoader from "dataloader";
import type { Executor, Row } from "./executor.js";

/**
 * Builders for DataLoaders over one Cypher query each. Every query receives `$keys` (a list of
 * ids) and returns rows with a `key` column naming the id each row belongs to and an `item`
 * column. Results keep key order and give one entry per key, as dataloader requires.
 *
 * The loaders of one request share a QueryBatcher: the batches that different loaders dispatch
 * in the same turn of the event loop (the sibling fields of one level of a query: a role's
 * track, skills, technologies and moves) go to Neo4j as one statement, so a level of the query
 * costs one round trip however many kinds of relationship it asks for.
 */

type KeyedRow<T> = Row & { key: string; item: T };

interface Pending {
  query: string;
  keys: readonly string[];
  resolve: (rows: KeyedRow<unknown>[]) => void;
  reject: (error: unknown) => void;
}

export class QueryBatcher {
  private pending: Pending[] = [];

  constructor(private readonly executor: Executor) {}

  /** Runs a keyed query, together with the others asked for in the same turn. */
  run<T>(query: string, keys: readonly string[]): Promise<KeyedRow<T>[]> {
    return new Promise((resolve, reject) => {
      // setImmediate runs after the promise jobs in which DataLoader dispatches its batches.
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({
        query,
        keys,
        resolve: resolve as (rows: KeyedRow<unknown>[]) => void,
        reject,
      });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      if (batch.length === 1) {
        const [only] = batch as [Pending];
        only.resolve(await this.executor.read<KeyedRow<unknown>>(only.query, { keys: only.keys }));
        return;
      }
      const [row] = await this.executor.read(combine(batch.map((p) => p.query)), {
        ...Object.fromEntries(batch.map((p, i) => [`keys${i}`, p.keys])),
      });
      batch.forEach((p, i) => {
        p.resolve((row?.[`rows${i}`] as KeyedRow<unknown>[] | undefined) ?? []);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}

/**
 * Several keyed queries as one statement: each runs in its own subquery with its own `$keysN`,
 * and its rows come back collected, in order, in column `rowsN`.
 */
export function combine(queries: readonly string[]): string {
  const parts = queries.map(
    (query, i) => `CALL () {
  CALL () {${query.replace(/\$keys\b/g, `$keys${i}`)}
  }
  RETURN collect({key: key, item: item}) AS rows${i}
}`,
  );
  return `${parts.join("\n")}\nRETURN ${queries.map((_, i) => `rows${i}`).join(", ")}`;
}

/** One item per key, or null when the key is unknown. */
export function itemLoader<T>(batcher: QueryBatcher, query: string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await batcher.run<T>(query, keys);
    const byKey = new Map(rows.map((row) => [row.key, row.item]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A list of items per key, in the order the query returns them; [] when there are none. */
export function listLoader<T>(batcher: QueryBatcher, query: string): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await batcher.run<T>(query, keys);
    const byKey = new Map<string, T[]>();
    for (const row of rows) {
      const list = byKey.get(row.key);
      if (list) list.push(row.item);
      else byKey.set(row.key, [row.item]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
