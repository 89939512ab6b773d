import { type Driver, routing } from "neo4j-driver";
import { mapDatabaseError, ServiceUnavailableError, TimeoutError } from "../errors.js";

export type Params = Record<string, unknown>;

export type Row = Record<string, unknown>;

export interface QueryOptions {
  /** Overrides the executor's transaction timeout for this query, in milliseconds. */
  timeoutMs?: number;
  /**
   * Work many requests wait on (the path projection's build): bounded by its own timeout, not
   * by the deadline of the request that happened to start it.
   */
  shared?: boolean;
}

export type TransactionRun = <T extends Row = Row>(query: string, params?: Params) => Promise<T[]>;

/** The statements of one read transaction: `run` collects rows, `each` streams them. */
export interface ReadTransaction {
  run<T extends Row = Row>(query: string, params?: Params): Promise<T[]>;
  each<T extends Row = Row>(query: string, params: Params, onRow: (row: T) => void): Promise<void>;
}

/** Called once per database round trip: the hook for per-request counters and metrics. */
export type RoundTripListener = (kind: "read" | "write") => void;

/** How long past its transaction timeout a read may take before the executor gives up on it. */
const WALL_GRACE_MS = 1_000;

/** `running`'s outcome, or the error `late()` makes once `ms` have passed without one. */
async function within<R>(running: Promise<R>, ms: number, late: () => Error): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const wall = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  try {
    return await Promise.race([running, wall]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A read's answer, or TIMEOUT once its transaction timeout and a grace have passed: the server
 * enforces the timeout on running statements, this bounds the rest (a connection that hangs, a
 * database still starting). Writes are not walled: their outcome must come from the database.
 */
const walled = <R>(running: Promise<R>, timeoutMs: number): Promise<R> =>
  within(running, timeoutMs + WALL_GRACE_MS, () => new TimeoutError());

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
    /** Epoch milliseconds by which every statement must be done (a request's deadline). */
    private readonly deadline = Number.POSITIVE_INFINITY,
    /** Shared by one request's statements (none outside a request): the database was unreachable. */
    private readonly request?: { unreachable?: ServiceUnavailableError },
  ) {}

  /** An executor that shares this one's driver and also reports to `listener`. */
  withListener(listener: RoundTripListener): Executor {
    return new Executor(
      this.driver,
      this.database,
      this.timeoutMs,
      [...this.listeners, listener],
      this.deadline,
      this.request,
    );
  }

  /**
   * An executor for one request. Its transactions all end by `deadline`: each gets the time left
   * (at most the usual timeout), and none starts once it has passed. Once one of its statements
   * finds the database unreachable, the rest fail at once instead of each waiting out the
   * driver's connection timeouts, so the request answers within the driver's budget.
   */
  forRequest(deadline: number): Executor {
    return new Executor(
      this.driver,
      this.database,
      this.timeoutMs,
      this.listeners,
      Math.min(deadline, this.deadline),
      {},
    );
  }

  /** The transaction timeout for a statement starting now; throws when it may not start. */
  private timeout(options: QueryOptions): number {
    const usual = options.timeoutMs ?? this.timeoutMs;
    if (options.shared) return usual;
    if (this.request?.unreachable) throw this.request.unreachable;
    const left = this.deadline - Date.now();
    if (left <= 0) throw new TimeoutError("The request used up its time budget");
    return Math.min(usual, left);
  }

  /** The client's error for a driver failure, remembered when it means "unreachable". */
  private failure(error: unknown): unknown {
    const mapped = mapDatabaseError(error);
    if (this.request && mapped instanceof ServiceUnavailableError)
      this.request.unreachable = mapped;
    return mapped;
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
    await within(
      this.read("RETURN 1 AS ok", {}, { timeoutMs }),
      timeoutMs,
      () => new ServiceUnavailableError(),
    );
  }

  /**
   * Runs `work` in one write transaction: all of its statements commit together or none does.
   * The driver retries the whole unit on transient errors, so `work` must be repeatable.
   */
  async writeTransaction<R>(
    work: (run: TransactionRun) => Promise<R>,
    options: QueryOptions = {},
  ): Promise<R> {
    const timeout = this.timeout(options);
    const session = this.driver.session({ database: this.database, defaultAccessMode: "WRITE" });
    try {
      return await session.executeWrite(
        (tx) =>
          work(async <T extends Row = Row>(query: string, params: Params = {}) => {
            for (const listener of this.listeners) listener("write");
            const result = await tx.run(query, params);
            return result.records.map((record) => record.toObject() as T);
          }),
        { timeout },
      );
    } catch (error) {
      throw this.failure(error);
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
    const timeout = this.timeout(options);
    const session = this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    const report = () => {
      for (const listener of this.listeners) listener("read");
    };
    try {
      const running = session.executeRead(
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
        { timeout },
      );
      return await walled(running, timeout);
    } catch (error) {
      throw this.failure(error);
    } finally {
      // A walled read may leave the session busy; closing it must not hold the request up.
      await within(session.close(), WALL_GRACE_MS, () => new TimeoutError()).catch(() => undefined);
    }
  }

  private async run<T extends Row>(
    kind: "read" | "write",
    query: string,
    params: Params,
    options: QueryOptions,
  ): Promise<T[]> {
    const timeout = this.timeout(options);
    for (const listener of this.listeners) listener(kind);
    try {
      const running = this.driver.executeQuery(query, params, {
        database: this.database,
        routing: kind === "read" ? routing.READ : routing.WRITE,
        transactionConfig: { timeout },
      });
      const result = kind === "read" ? await walled(running, timeout) : await running;
      return result.records.map((record) => record.toObject() as T);
    } catch (error) {
      throw this.failure(error);
    }
  }
}
