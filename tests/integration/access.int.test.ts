import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey } from "../../src/auth/api-key.js";
import { jwtVerifier } from "../../src/auth/jwt.js";
import { createSchema } from "../../src/schema.js";
import { createServer, type Server } from "../../src/server.js";
import { openTestDatabase, type TestDatabase } from "../helpers/database.js";

/**
 * JWTs from an identity provider (its JWKS served here over HTTP, as a provider would), and the
 * per-key, per-address rate limit.
 */

let db: TestDatabase;
let jwks: HttpServer;
let jwksUrl: string;
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
let signingKey: SigningKey;
let strangerKey: SigningKey;
const servers: Server[] = [];

beforeAll(async () => {
  db = openTestDatabase();
  const pair = await generateKeyPair("RS256");
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair("RS256")).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  jwks = createHttpServer((_request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await db.cypher("MATCH (n:Entity) WHERE n.id STARTS WITH 'acc-' DETACH DELETE n");
  await db.cypher("MATCH (k:ApiKey) WHERE k.name STARTS WITH 'acc-' DELETE k");
  await db.cypher("MATCH (c:Change) DETACH DELETE c");
  await db.cypher("MERGE (v:GraphVersion {id: 'graph'}) SET v.version = v.version + 1");
  await db.close();
  await new Promise((resolve) => jwks.close(resolve));
});

async function start(options: { jwt?: boolean; rateLimitPerMinute?: number }) {
  const server = await createServer({
    schema: await createSchema(),
    executor: db.executor,
    logger: db.logger,
    nodeEnv: "test",
    jwt: options.jwt
      ? jwtVerifier({
          jwksUrl,
          issuer: "https://idp.example",
          audience: "rolegraph",
          scopeClaim: "scope",
        })
      : undefined,
    rateLimitPerMinute: options.rateLimitPerMinute,
  });
  servers.push(server);
  await server.app.listen({ host: "127.0.0.1", port: 0 });
  const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  return async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    return { status: response.status, body, code: body.errors?.[0]?.extensions?.code };
  };
}

const token = (
  claims: Record<string, unknown>,
  options: { key?: SigningKey; expires?: string; audience?: string } = {},
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .setSubject("alice")
    .setIssuer("https://idp.example")
    .setAudience(options.audience ?? "rolegraph")
    .setIssuedAt()
    .setExpirationTime(options.expires ?? "5m")
    .sign(options.key ?? signingKey);

const UPSERT = `mutation { upsertTrack(input: {id: "acc-track", name: "Access"}) { id } }`;

describe("JWT bearer tokens", () => {
  it("maps the scope claim to scopes, and records the subject as the author", async () => {
    const ask = await start({ jwt: true });
    const writer = { authorization: `Bearer ${await token({ scope: "read write" })}` };
    expect((await ask(UPSERT, writer)).body.errors).toBeUndefined();
    const [row] = await db.cypher<{ by: string }>(
      "MATCH (t:Track {id: 'acc-track'}) RETURN t.updatedBy AS by",
    );
    expect(row?.by).toBe("jwt:alice");
    const reader = { authorization: `Bearer ${await token({ scope: ["read"] })}` };
    expect((await ask(UPSERT, reader)).code).toBe("FORBIDDEN");
    expect((await ask("{ tracks { id } }", reader)).body.errors).toBeUndefined();
  });

  it("refuses expired, foreign, mis-addressed and scope-less tokens", async () => {
    const ask = await start({ jwt: true });
    const bad = [
      await token({ scope: "write" }, { expires: "-1m" }),
      await token({ scope: "write" }, { key: strangerKey }),
      await token({ scope: "write" }, { audience: "someone-else" }),
      await token({ scope: "openid profile" }),
      "not.a.jwt",
    ];
    for (const t of bad) {
      const { code, status } = await ask(UPSERT, { authorization: `Bearer ${t}` });
      expect(code).toBe("UNAUTHENTICATED");
      expect(status).toBe(401);
    }
  });

  it("still takes API keys beside tokens", async () => {
    const ask = await start({ jwt: true });
    const { key } = await createKey(db.executor, "acc-writer", "write");
    expect((await ask(UPSERT, { authorization: `Bearer ${key}` })).body.errors).toBeUndefined();
  });
});

describe("rate limit", () => {
  it("answers RATE_LIMITED past the limit, per key and per address, and spares health checks", async () => {
    const ask = await start({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await ask("{ tracks { id } }")).status).toBe(200);
    const over = await ask("{ tracks { id } }");
    expect(over.status).toBe(429);
    expect(over.code).toBe("RATE_LIMITED");
    // Bad keys count against the address too: no way around the limit.
    expect((await ask("{ tracks { id } }", { authorization: "Bearer rgk_nope" })).status).toBe(429);
    // A key has its own budget.
    const { key } = await createKey(db.executor, "acc-limited", "read");
    const headers = { authorization: `Bearer ${key}` };
    for (let i = 0; i < 3; i++) expect((await ask("{ tracks { id } }", headers)).status).toBe(200);
    expect((await ask("{ tracks { id } }", headers)).code).toBe("RATE_LIMITED");
    const server = servers[servers.length - 1] as Server;
    const health = await server.app.inject({ method: "GET", url: "/healthz" });
    expect(health.statusCode).toBe(200);
  });
});
