import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import type { QueryLimits } from "../../src/limits/limits.js";
import type { Logger } from "../../src/logger.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { createSchema } from "../../src/schema.js";
import { createServer, type Server } from "../../src/server.js";
import { openTestDatabase, type TestDatabase } from "./database.js";

export interface RunningServer {
  server: Server;
  url: string;
  /** POSTs a GraphQL operation and returns the parsed body and the response. */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody; headers: Headers }>;
  /** POSTs an operation that must succeed and returns its data, typed by the caller. */
  data<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
  extensions?: Record<string, unknown>;
}

/** The real server, listening on a free loopback port. */
export async function startTestServer(
  executor: Executor,
  logger: Logger,
  options: {
    nodeEnv?: "development" | "production" | "test";
    readinessTimeoutMs?: number;
    requireAuthForReads?: boolean;
    introspection?: boolean;
    limits?: QueryLimits;
    requestTimeoutMs?: number;
  } = {},
): Promise<RunningServer> {
  const server = await createServer({
    schema: await createSchema(),
    executor,
    logger,
    nodeEnv: options.nodeEnv ?? "development",
    readinessTimeoutMs: options.readinessTimeoutMs,
    requireAuthForReads: options.requireAuthForReads,
    introspection: options.introspection,
    limits: options.limits,
    requestTimeoutMs: options.requestTimeoutMs,
  });
  await server.app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = server.app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const graphql: RunningServer["graphql"] = async (query, variables, headers = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as GraphQLBody,
      headers: response.headers,
    };
  };
  return {
    server,
    url,
    graphql,
    data: async <T>(query: string, variables?: Record<string, unknown>) => {
      const { body } = await graphql(query, variables);
      if (body.errors !== undefined || body.data == null) {
        throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      }
      return body.data as T;
    },
    close: () => server.close(),
  };
}

/**
 * Opens the shared test database and a server on it for the current test file (beforeAll), and
 * closes both afterwards. Read `db` and `api` inside tests, not at module load.
 */
export function useTestApi(): { readonly db: TestDatabase; readonly api: RunningServer } {
  let db: TestDatabase | undefined;
  let api: RunningServer | undefined;
  beforeAll(async () => {
    db = openTestDatabase();
    api = await startTestServer(db.executor, db.logger);
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useTestApi: read db and api inside tests only");
    return value;
  };
  return {
    get db() {
      return ready(db);
    },
    get api() {
      return ready(api);
    },
  };
}
