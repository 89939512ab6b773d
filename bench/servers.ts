import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Pool } from "undici";
import { findFreePort } from "../src/neo4j/local/launcher.js";

/**
 * The two GraphQL servers under test, each a child process of the benchmark so that its memory
 * and CPU are its own: the API as production runs it (`node dist/main.js`, NODE_ENV=production),
 * and the `@neo4j/graphql` peer (bench/peer/server.ts). Both are asked over keep-alive HTTP.
 */

export interface GraphQLServer {
  name: "api" | "peer";
  pid: number;
  /** Where it listens, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Sends one GraphQL request; rejects on HTTP or GraphQL errors. */
  ask(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Cypher statements sent to Neo4j so far, as the server counts them. */
  statements(): Promise<number>;
  /** Resident set size now, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export interface ServerOptions {
  neo4jUri: string;
  neo4jUser: string | undefined;
  neo4jPassword: string | undefined;
  connections: number;
}

/** The environment a child gets: ours without the local-Neo4j settings, plus the database. */
function childEnv(options: ServerOptions, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("NEO4J_")) env[key] = value;
  }
  env.NEO4J_URI = options.neo4jUri;
  if (options.neo4jUser !== undefined) env.NEO4J_USER = options.neo4jUser;
  if (options.neo4jPassword !== undefined) env.NEO4J_PASSWORD = options.neo4jPassword;
  return { ...env, ...extra };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

async function waitUntil(check: () => Promise<boolean>, child: ChildProcess, what: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} was not ready within 60 s`);
}

async function startServer(
  name: GraphQLServer["name"],
  args: string[],
  readyPath: string,
  statementsOf: (pool: Pool) => Promise<number>,
  options: ServerOptions,
  env: Record<string, string>,
): Promise<GraphQLServer> {
  const port = await findFreePort();
  const child = spawn(process.execPath, args, {
    env: childEnv(options, { ...env, PORT: String(port) }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const pool = new Pool(`http://127.0.0.1:${port}`, {
    connections: options.connections,
    pipelining: 1,
  });
  const stop = async () => {
    await pool.close();
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  try {
    await waitUntil(
      async () => (await pool.request({ path: readyPath, method: "GET" })).statusCode === 200,
      child,
      name,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    name,
    pid: child.pid ?? -1,
    url: `http://127.0.0.1:${port}`,
    async ask(query, variables) {
      const response = await pool.request({
        path: "/graphql",
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.body.json()) as {
        data?: Record<string, unknown>;
        errors?: { message: string }[];
      };
      if (response.statusCode !== 200 || body.errors?.length || !body.data) {
        throw new Error(
          `${name} answered HTTP ${response.statusCode}: ${body.errors?.[0]?.message ?? "no data"}`,
        );
      }
      return body.data;
    },
    statements: () => statementsOf(pool),
    rssMiB: () => rssOf(child.pid ?? -1),
    stop,
  };
}

/** This project's server, built (`npm run build`), in production mode. */
export function startApi(options: ServerOptions): Promise<GraphQLServer> {
  return startServer(
    "api",
    ["dist/main.js"],
    "/readyz",
    async (pool) => {
      const text = await (await pool.request({ path: "/metrics", method: "GET" })).body.text();
      let total = 0;
      for (const match of text.matchAll(/^rolegraph_neo4j_round_trips_total\{[^}]*\} (\d+)/gm))
        total += Number(match[1]);
      return total;
    },
    options,
    {
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      SEED_ON_START: "false",
      HOST: "127.0.0.1",
      // The bench drives thousands of requests a second from one address.
      RATE_LIMIT_PER_MINUTE: "0",
    },
  );
}

/** The `@neo4j/graphql` server, run through tsx's loader. */
export function startPeer(options: ServerOptions): Promise<GraphQLServer> {
  return startServer(
    "peer",
    ["--import", "tsx", "bench/peer/server.ts"],
    "/stats",
    async (pool) => {
      const stats = (await (await pool.request({ path: "/stats", method: "GET" })).body.json()) as {
        statements: number;
      };
      return stats.statements;
    },
    options,
    { NODE_ENV: "production" },
  );
}
