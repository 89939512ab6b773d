import { type Driver, routing } from "neo4j-driver";
import { mapDatabaseError, ServiceUnavailableError } from "../errors.js";

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface QueryOptions {
  /** Overrides the executor's transaction timeout for this query, in milliseconds. */
  timeoutMs?: number;
}

export type TransactionRun = <T extends Row = Row>(query: string, params?: Params) => Promise<T[]>;

/** The statements of one read transaction: `run` collects rows, `each` streams them. */
export interface ReadTransaction {
  run<T extends Row = Row>(query: string, params?: Params): Promise<T[]>;
  each<T extends Row = Row>(query: string, params: Params, onRow: (row: T) => void): Promise<void>;
}

/** Called once per database round trip: the hook for per-request counters and metrics. */
export type RoundTripListener = (kind: "read" | "write") => void;

/**
 * The only code that talks to the driver. It names the database, picks read or write routing,
 * sets the transaction timeout, reports each round trip and maps driver errors to coded ones.
 * Rows come back as plain objects keyed by the query's RETURN names.
 */
export class Executor {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs: number,
    private readonly listeners: readonly RoundTripListener[] = [],
  ) {}

  /** An executor that shares this one's driver and also reports to `listener`. */
  withListener(listener: RoundTripListener): Executor {
    return new Executor(this.driver, this.database, this.timeoutMs, [...this.listeners, listener]);
  }

  read<T extends Row = Row>(
    query: string,
    params: Params = {},
    options: QueryOptions = {},
  ): Promise<T[]> {
    return this.run<T>("read", query, params, options);
  }

  write<T extends Row = Row>(
    query: string,
    params: Params = {},
    options: QueryOptions = {},
  ): Promise<T[]> {
    return this.run<T>("write", query, params, options);
  }

  /** Resolves when the database answers a trivial query within `timeoutMs`; rejects otherwise. */
  async ping(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ServiceUnavailableError()), timeoutMs);
    });
    try {
      await Promise.race([this.read("RETURN 1 AS ok", {}, { timeoutMs }), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Runs `work` in one write transaction: all of its statements commit together or none does.
   * The driver retries the whole unit on transient errors, so `work` must be repeatable.
   */
  async writeTransaction<R>(
    work: (run: TransactionRun) => Promise<R>,
    options: QueryOptions = {},
  ): Promise<R> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: "WRITE" });
    try {
      return await session.executeWrite(
        (tx) =>
          work(async <T extends Row = Row>(query: string, params: Params = {}) => {
            for (const listener of this.listeners) listener("write");
            const result = await tx.run(query, params);
            return result.records.map((record) => record.toObject() as T);
          }),
        { timeout: options.timeoutMs ?? this.timeoutMs },
      );
    } catch (error) {
      throw mapDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one read transaction, so that its statements see one state of the graph.
   * `each` streams rows to a callback instead of holding them all: for reads of millions of rows
   * (the path projection). The driver may retry `work`, so it must start from scratch each time.
   */
  async readTransaction<R>(
    work: (tx: ReadTransaction) => Promise<R>,
    options: QueryOptions = {},
  ): Promise<R> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    const report = () => {
      for (const listener of this.listeners) listener("read");
    };
    try {
      return await session.executeRead(
        (tx) =>
          work({
            run: async <T extends Row = Row>(query: string, params: Params = {}) => {
              report();
              const result = await tx.run(query, params);
              return result.records.map((record) => record.toObject() as T);
            },
            each: async <T extends Row = Row>(
              query: string,
              params: Params,
              onRow: (row: T) => void,
            ) => {
              report();
              for await (const record of tx.run(query, params)) onRow(record.toObject() as T);
            },
          }),
        { timeout: options.timeoutMs ?? this.timeoutMs },
      );
    } catch (error) {
      throw mapDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  private async run<T extends Row>(
    kind: "read" | "write",
    query: string,
    params: Params,
    options: QueryOptions,
  ): Promise<T[]> {
    for (const listener of this.listeners) listener(kind);
    try {
      const result = await this.driver.executeQuery(query, params, {
        database: this.database,
        routing: kind === "read" ? routing.READ : routing.WRITE,
        transactionConfig: { timeout: options.timeoutMs ?? this.timeoutMs },
      });
      return result.records.map((record) => record.toObject() as T);
    } catch (error) {
      throw mapDatabaseError(error);
    }
  }
}
