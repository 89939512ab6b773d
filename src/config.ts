import { z } from "zod";
import type { JwtOptions } from "./auth/jwt.js";
import {
  DEFAULT_QUERY_LIMITS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type QueryLimits,
} from "./limits/limits.js";

/** The only reader of process.env. Everything else receives a typed Config. */

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const NODE_ENVS = ["development", "production", "test"] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Where the database comes from: a server the user names, or one the project starts itself. */
export type Neo4jTarget =
  | { kind: "remote"; uri: string }
  | {
      kind: "local";
      /** Bolt port of the embedded Neo4j; 0 picks a free one. */
      port: number;
      dataDir: string;
      heap: string;
      pageCache: string;
    };

export interface Config {
  neo4j: {
    target: Neo4jTarget;
    user: string;
    password: string | undefined;
    database: string;
    /** Transaction timeout for every query the API runs, in milliseconds. */
    queryTimeoutMs: number;
  };
  http: {
    host: string;
    port: number;
    /** Each request's time budget: every statement it runs ends within it. */
    requestTimeoutMs: number;
  };
  logLevel: LogLevel;
  nodeEnv: NodeEnv;
  /** Load the seed graph when the database holds no roles. */
  seedOnStart: boolean;
  /** Refuse reads without an API key (writes always need one). */
  requireAuthForReads: boolean;
  /** Bearer JWTs accepted besides API keys, when a JWKS URL is configured. */
  jwt: JwtOptions | undefined;
  /** Requests per minute per API key (or client address when anonymous); 0 turns it off. */
  rateLimitPerMinute: number;
  /** Introspection and field suggestions; both default to on except in production. */
  graphql: { introspection: boolean; suggestions: boolean; limits: QueryLimits };
  analytics: {
    /** Edge visits an exact betweenness may take; larger graphs are estimated from samples. */
    betweennessWork: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const port = (min: number) =>
  z.coerce
    .number({ error: "expected a whole number" })
    .int({ error: "expected a whole number" })
    .min(min, { error: `expected a port number from ${min} to 65535` })
    .max(65535, { error: `expected a port number from ${min} to 65535` });

const memorySize = z.string().regex(/^\d+[kmg]$/i, { error: "expected a size such as 512m or 2g" });

/** A whole-number query limit of at least `min`. */
const limit = (min: number, fallback: number) =>
  z.coerce
    .number({ error: "expected a whole number" })
    .int({ error: "expected a whole number" })
    .min(min, { error: `expected at least ${min}` })
    .default(fallback);

const bool = z.enum(["true", "false", "1", "0"], { error: "expected true or false" });

const nonEmpty = z.string().trim().min(1, { error: "expected a non-empty value" });

const envSchema = z.object({
  NEO4J_URI: z
    .string()
    .trim()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/, {
      error: "expected a Bolt URI such as neo4j://host:7687 or bolt://host:7687",
    })
    .optional(),
  NEO4J_USER: nonEmpty.default("neo4j"),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, {
      error:
        "expected a database name: 3 to 63 letters, digits, dots or dashes, starting with a letter",
    })
    .default("neo4j"),
  NEO4J_QUERY_TIMEOUT_MS: z.coerce
    .number({ error: "expected a whole number of milliseconds" })
    .int({ error: "expected a whole number of milliseconds" })
    .min(100, { error: "expected at least 100 ms" })
    .max(600_000, { error: "expected at most 600000 ms" })
    .default(5000),
  NEO4J_LOCAL_PORT: port(0).optional(),
  NEO4J_LOCAL_DATA_DIR: nonEmpty.default(".data/neo4j"),
  NEO4J_LOCAL_HEAP: memorySize.default("1g"),
  NEO4J_LOCAL_PAGECACHE: memorySize.default("512m"),
  PORT: port(0).default(4000),
  REQUEST_TIMEOUT_MS: z.coerce
    .number({ error: "expected a whole number of milliseconds" })
    .int({ error: "expected a whole number of milliseconds" })
    .min(100, { error: "expected at least 100 ms" })
    .max(600_000, { error: "expected at most 600000 ms" })
    .default(DEFAULT_REQUEST_TIMEOUT_MS),
  HOST: nonEmpty.default("127.0.0.1"),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(", ")}` })
    .default("info"),
  NODE_ENV: z
    .enum(NODE_ENVS, { error: `expected one of ${NODE_ENVS.join(", ")}` })
    .default("development"),
  SEED_ON_START: bool.default("true"),
  REQUIRE_AUTH_FOR_READS: bool.default("false"),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_SUGGESTIONS: bool.optional(),
  JWT_JWKS_URL: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).optional(),
  JWT_ISSUER: nonEmpty.optional(),
  JWT_AUDIENCE: nonEmpty.optional(),
  JWT_SCOPE_CLAIM: nonEmpty.default("scope"),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: "expected a whole number of requests" })
    .int({ error: "expected a whole number of requests" })
    .min(0, { error: "expected 0 (off) or more" })
    .default(1200),
  GRAPHQL_MAX_DEPTH: limit(1, DEFAULT_QUERY_LIMITS.depth),
  GRAPHQL_MAX_COST: limit(1, DEFAULT_QUERY_LIMITS.cost),
  GRAPHQL_MAX_ALIASES: limit(0, DEFAULT_QUERY_LIMITS.aliases),
  GRAPHQL_MAX_DIRECTIVES: limit(0, DEFAULT_QUERY_LIMITS.directives),
  GRAPHQL_MAX_TOKENS: limit(10, DEFAULT_QUERY_LIMITS.tokens),
  GRAPHQL_MAX_DOCUMENT_CHARS: limit(100, DEFAULT_QUERY_LIMITS.documentChars),
  BETWEENNESS_WORK_LIMIT: z.coerce
    .number({ error: "expected a whole number of edge visits" })
    .int({ error: "expected a whole number of edge visits" })
    .min(1_000, { error: "expected at least 1000" })
    .default(300_000_000),
});

const LOCAL_ONLY = [
  "NEO4J_LOCAL_PORT",
  "NEO4J_LOCAL_DATA_DIR",
  "NEO4J_LOCAL_HEAP",
  "NEO4J_LOCAL_PAGECACHE",
] as const;

/** A true/false setting, or the fallback when unset. */
const flag = (value: string | undefined, fallback: boolean) =>
  value === undefined ? fallback : value === "true" || value === "1";

/**
 * Reads and validates the configuration. Empty strings count as unset, so `PORT=` in a .env file
 * means "use the default". Every bad value is reported, each on its own line, in one ConfigError.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== "") raw[key] = value;
  }

  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? "environment");
        const received = raw[key];
        const shown = received === undefined ? "" : `, received ${JSON.stringify(received)}`;
        return `${key}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;

  if (e.NEO4J_URI !== undefined) {
    const conflicting = LOCAL_ONLY.filter((key) => raw[key] !== undefined);
    if (conflicting.length > 0) {
      throw new ConfigError(
        conflicting.map(
          (key) =>
            `${key}: applies only to the local Neo4j, but NEO4J_URI is set; unset one of them`,
        ),
      );
    }
  }

  const target: Neo4jTarget =
    e.NEO4J_URI !== undefined
      ? { kind: "remote", uri: e.NEO4J_URI }
      : {
          kind: "local",
          port: e.NEO4J_LOCAL_PORT ?? 7687,
          dataDir: e.NEO4J_LOCAL_DATA_DIR,
          heap: e.NEO4J_LOCAL_HEAP,
          pageCache: e.NEO4J_LOCAL_PAGECACHE,
        };

  return {
    neo4j: {
      target,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    },
    http: { host: e.HOST, port: e.PORT, requestTimeoutMs: e.REQUEST_TIMEOUT_MS },
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    seedOnStart: e.SEED_ON_START === "true" || e.SEED_ON_START === "1",
    requireAuthForReads: e.REQUIRE_AUTH_FOR_READS === "true" || e.REQUIRE_AUTH_FOR_READS === "1",
    jwt:
      e.JWT_JWKS_URL === undefined
        ? undefined
        : {
            jwksUrl: e.JWT_JWKS_URL,
            issuer: e.JWT_ISSUER,
            audience: e.JWT_AUDIENCE,
            scopeClaim: e.JWT_SCOPE_CLAIM,
          },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    graphql: {
      introspection: flag(e.GRAPHQL_INTROSPECTION, e.NODE_ENV !== "production"),
      suggestions: flag(e.GRAPHQL_SUGGESTIONS, e.NODE_ENV !== "production"),
      limits: {
        depth: e.GRAPHQL_MAX_DEPTH,
        cost: e.GRAPHQL_MAX_COST,
        aliases: e.GRAPHQL_MAX_ALIASES,
        directives: e.GRAPHQL_MAX_DIRECTIVES,
        tokens: e.GRAPHQL_MAX_TOKENS,
        documentChars: e.GRAPHQL_MAX_DOCUMENT_CHARS,
      },
    },
    analytics: { betweennessWork: e.BETWEENNESS_WORK_LIMIT },
  };
}
