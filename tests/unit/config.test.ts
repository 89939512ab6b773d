import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { DEFAULT_QUERY_LIMITS } from "../../src/limits/limits.js";

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("loadConfig", () => {
  it("defaults to the local Neo4j on 7687 and the API on 127.0.0.1:4000", () => {
    const config = loadConfig({});
    expect(config.neo4j.target).toEqual({
      kind: "local",
      port: 7687,
      dataDir: ".data/neo4j",
      heap: "1g",
      pageCache: "512m",
    });
    expect(config.http).toEqual({ host: "127.0.0.1", port: 4000, requestTimeoutMs: 10_000 });
    expect(config.neo4j.database).toBe("neo4j");
    expect(config.logLevel).toBe("info");
    expect(config.nodeEnv).toBe("development");
    expect(config.seedOnStart).toBe(true);
  });

  it("uses NEO4J_URI with credentials when given", () => {
    const config = loadConfig({
      NEO4J_URI: "neo4j://db.internal:7687",
      NEO4J_USER: "api",
      NEO4J_PASSWORD: "s3cret",
      NEO4J_DATABASE: "careers",
    });
    expect(config.neo4j.target).toEqual({ kind: "remote", uri: "neo4j://db.internal:7687" });
    expect(config.neo4j).toMatchObject({ user: "api", password: "s3cret", database: "careers" });
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", LOG_LEVEL: "" }).http.port).toBe(4000);
  });

  it("reports every bad value, each on its own line, naming the variable and what it got", () => {
    const problems = problemsOf({
      PORT: "eighty",
      LOG_LEVEL: "loud",
      NODE_ENV: "staging",
      NEO4J_URI: "http://localhost:7474",
      NEO4J_QUERY_TIMEOUT_MS: "5",
    });
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.startsWith("PORT:"))).toContain('received "eighty"');
    expect(problems.find((p) => p.startsWith("LOG_LEVEL:"))).toContain("fatal, error, warn, info");
    expect(problems.find((p) => p.startsWith("NODE_ENV:"))).toContain('received "staging"');
    expect(problems.find((p) => p.startsWith("NEO4J_URI:"))).toContain("Bolt URI");
    expect(problems.find((p) => p.startsWith("NEO4J_QUERY_TIMEOUT_MS:"))).toContain("at least 100");
  });

  it("rejects ports out of range and memory sizes it cannot read", () => {
    expect(problemsOf({ PORT: "70000" })).toEqual([
      expect.stringMatching(/^PORT: expected a port number/),
    ]);
    expect(problemsOf({ NEO4J_LOCAL_HEAP: "lots" })).toEqual([
      expect.stringMatching(/^NEO4J_LOCAL_HEAP: expected a size such as 512m/),
    ]);
  });

  it("refuses local-only settings together with NEO4J_URI", () => {
    expect(problemsOf({ NEO4J_URI: "bolt://db:7687", NEO4J_LOCAL_PORT: "7688" })).toEqual([
      expect.stringMatching(/^NEO4J_LOCAL_PORT: applies only to the local Neo4j/),
    ]);
  });

  it("reads the access settings: reads open, no JWT, 1200 requests a minute by default", () => {
    const defaults = loadConfig({});
    expect(defaults.requireAuthForReads).toBe(false);
    expect(defaults.jwt).toBeUndefined();
    expect(defaults.rateLimitPerMinute).toBe(1200);
    const set = loadConfig({
      REQUIRE_AUTH_FOR_READS: "true",
      JWT_JWKS_URL: "https://idp.example/.well-known/jwks.json",
      JWT_AUDIENCE: "rolegraph",
      RATE_LIMIT_PER_MINUTE: "0",
    });
    expect(set.requireAuthForReads).toBe(true);
    expect(set.jwt).toEqual({
      jwksUrl: "https://idp.example/.well-known/jwks.json",
      issuer: undefined,
      audience: "rolegraph",
      scopeClaim: "scope",
    });
    expect(set.rateLimitPerMinute).toBe(0);
    expect(problemsOf({ JWT_JWKS_URL: "ftp://x", RATE_LIMIT_PER_MINUTE: "-1" })).toEqual([
      expect.stringMatching(/^JWT_JWKS_URL: expected an http\(s\) URL/),
      expect.stringMatching(/^RATE_LIMIT_PER_MINUTE: expected 0 \(off\) or more/),
    ]);
  });

  it("turns introspection and suggestions off in production unless set on", () => {
    expect(loadConfig({}).graphql).toMatchObject({ introspection: true, suggestions: true });
    expect(loadConfig({ NODE_ENV: "production" }).graphql).toMatchObject({
      introspection: false,
      suggestions: false,
    });
    expect(
      loadConfig({ NODE_ENV: "production", GRAPHQL_INTROSPECTION: "true" }).graphql,
    ).toMatchObject({ introspection: true, suggestions: false });
  });

  it("reads the query limits, with defaults, and refuses nonsense", () => {
    expect(loadConfig({}).graphql.limits).toEqual(DEFAULT_QUERY_LIMITS);
    expect(
      loadConfig({
        GRAPHQL_MAX_DEPTH: "8",
        GRAPHQL_MAX_COST: "500",
        GRAPHQL_MAX_ALIASES: "0",
        GRAPHQL_MAX_DIRECTIVES: "3",
        GRAPHQL_MAX_TOKENS: "300",
        GRAPHQL_MAX_DOCUMENT_CHARS: "4000",
      }).graphql.limits,
    ).toEqual({
      depth: 8,
      cost: 500,
      aliases: 0,
      directives: 3,
      tokens: 300,
      documentChars: 4000,
    });
    expect(problemsOf({ GRAPHQL_MAX_DEPTH: "0", GRAPHQL_MAX_COST: "lots" })).toEqual([
      expect.stringMatching(/^GRAPHQL_MAX_DEPTH: expected at least 1/),
      expect.stringMatching(/^GRAPHQL_MAX_COST: expected a whole number/),
    ]);
  });

  it("formats the error message as one line per problem", () => {
    try {
      loadConfig({ PORT: "x", HOST: " " });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.split("\n")).toHaveLength(3);
    }
  });
});
