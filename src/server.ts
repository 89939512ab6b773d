import { randomUUID } from "node:crypto";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from "@as-integrations/fastify";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { Counter, collectDefaultMetrics, Registry } from "prom-client";
import { Analytics } from "./analytics/analytics.service.js";
import { authenticate } from "./auth/authenticate.js";
import type { TokenVerifier } from "./auth/jwt.js";
import type { Principal } from "./auth/scopes.js";
import type { NodeEnv } from "./config.js";
import { type Context, createContext } from "./context.js";
import { formatError, ServiceUnavailableError, TimeoutError } from "./errors.js";
import { registerExplorer } from "./explorer/routes.js";
import { checkDocument } from "./limits/document.js";
import {
  DEFAULT_QUERY_LIMITS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type QueryLimits,
} from "./limits/limits.js";
import { queryLimits } from "./limits/query-limits.js";
import type { Logger } from "./logger.js";
import type { Executor } from "./neo4j/executor.js";
import { ProgressionProjection } from "./paths/projection.js";

export interface ServerDeps {
  schema: GraphQLSchema;
  executor: Executor;
  logger: Logger;
  nodeEnv: NodeEnv;
  /** How long /readyz waits for the database before answering 503. */
  readinessTimeoutMs?: number;
  /** The path projection; a fresh one (built on first use) when not given. */
  projection?: ProgressionProjection;
  /** Edge visits an exact betweenness may take (Config.analytics). */
  betweennessWork?: number;
  /** Refuse reads without an API key (Config.requireAuthForReads). */
  requireAuthForReads?: boolean;
  /** Verifies Bearer JWTs (Config.jwt); none: API keys only. */
  jwt?: TokenVerifier;
  /** Requests per minute per key or address on /graphql; 0 or none: no limit. */
  rateLimitPerMinute?: number;
  /** Schema introspection; by default on except in production (Config.graphql). */
  introspection?: boolean;
  /** "Did you mean …?" suggestions in errors; by default on except in production. */
  suggestions?: boolean;
  /** Each request's time budget in ms: no statement of it runs past this (Config.requestTimeoutMs). */
  requestTimeoutMs?: number;
  /** Depth, cost, aliases, directives, tokens and size a query may have (Config.graphql.limits). */
  limits?: QueryLimits;
}

export interface Server {
  app: FastifyInstance;
  projection: ProgressionProjection;
  analytics: Analytics;
  apollo: ApolloServer<Context>;
  /** Drains in-flight requests, then stops accepting new ones. Does not touch the database. */
  close(): Promise<void>;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The caller, authenticated before the rate limit so that it can count per key. */
    principal: Principal | null;
    /** Why authentication failed; answered after the rate limit has counted the attempt. */
    authError: unknown;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BODY_LIMIT_BYTES = 1024 * 1024;

/** What Fastify throws when it cannot take a request in: a code and the status it chose. */
interface HttpFailure {
  statusCode?: number;
  code?: string;
}

/** A refused request's problem in the client's terms, not Fastify's. */
function requestProblem(error: HttpFailure): string {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return `The request body is larger than ${BODY_LIMIT_BYTES / 1024 / 1024} MiB`;
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "The content type is not supported: send application/json";
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return "The request body is empty";
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return 'The request body is not valid JSON, or holds a "__proto__" or "constructor" key';
    default:
      return "The request could not be read";
  }
}

/** The same error answered as HTTP 503 with a hint to retry: nothing of the request could run. */
function retryLater(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      ...error.extensions,
      http: { status: 503, headers: new Map([["retry-after", "5"]]) },
    },
  });
}

/** Builds the HTTP server without listening, so tests can use it in-process or on a free port. */
export async function createServer(deps: ServerDeps): Promise<Server> {
  const { schema, executor, logger, nodeEnv } = deps;
  const projection =
    deps.projection ??
    new ProgressionProjection({
      onBuilt: ({ version, graph, buildMs }) =>
        logger.info(
          { version, roles: graph.ids.length, moves: graph.edgeFrom.length, buildMs },
          "path projection built",
        ),
    });

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  // While draining, each answer closes its connection, so the drain ends with the last answer
  // rather than when idle keep-alive sockets time out.
  let closing = false;
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const analyticsLookups = new Counter({
    name: "rolegraph_analytics_lookups_total",
    help: "Analytics answers, by query and whether they came from the per-version cache.",
    labelNames: ["query", "cache"] as const,
    registers: [metrics],
  });
  const analytics = new Analytics({
    projection,
    betweennessWork: deps.betweennessWork,
    onLookup: (query, hit) => analyticsLookups.inc({ query, cache: hit ? "hit" : "miss" }),
  });
  const roundTrips = new Counter({
    name: "rolegraph_neo4j_round_trips_total",
    help: "Cypher round trips to Neo4j, by access mode.",
    labelNames: ["mode"] as const,
    registers: [metrics],
  });

  const reportRoundTrips: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === undefined || code === "INTERNAL_SERVER_ERROR") {
              contextValue.log.error(
                { err: error.originalError ?? error, path: error.path },
                "resolver failed",
              );
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (nodeEnv === "development" && response.body.kind === "single") {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              roundTrips: contextValue.roundTrips.count,
            };
          }
        },
      };
    },
  };

  const queryLimitsConfig = deps.limits ?? DEFAULT_QUERY_LIMITS;
  const limits = queryLimits(schema, queryLimitsConfig);
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: false,
    introspection: deps.introspection ?? nodeEnv !== "production",
    hideSchemaDetailsFromClientErrors: !(deps.suggestions ?? nodeEnv !== "production"),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: (formatted, error) => formatError(formatted, error),
    plugins: [
      fastifyApolloDrainPlugin(app),
      reportRoundTrips,
      ...limits.plugins,
      ...(nodeEnv === "production" ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  // Authenticate first, rate-limit second (per key, or per address for anonymous callers and
  // failed attempts), answer last: a flood of bad keys is limited like any other.
  app.decorateRequest("principal", null);
  app.decorateRequest("authError", null);
  const limit = deps.rateLimitPerMinute ?? 0;
  if (limit > 0) {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        errors: [
          {
            message: `Too many requests: at most ${context.max} a minute; try again in ${context.after}`,
            extensions: { code: "RATE_LIMITED" },
          },
        ],
      }),
    });
  }
  app.setErrorHandler((error: HttpFailure, request, reply) => {
    // The rate limit's builder object is thrown: send it as the GraphQL-shaped body it is.
    if (error.statusCode === 429 && "errors" in error) return reply.code(429).send(error);
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, "request failed");
    return reply.code(status).send({
      errors: [
        {
          message: status >= 500 ? "Internal server error" : requestProblem(error),
          extensions: { code: status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" },
        },
      ],
    });
  });
  const onGraphql = (request: { routeOptions: { url?: string } }) =>
    request.routeOptions.url === "/graphql";
  app.addHook("onRequest", async (request) => {
    if (!onGraphql(request)) return;
    try {
      request.principal = await authenticate(request.headers.authorization, {
        executor,
        jwt: deps.jwt,
        requireForReads: deps.requireAuthForReads ?? false,
      });
    } catch (error) {
      request.authError = error;
    }
  });
  if (limit > 0) {
    const limiter = app.rateLimit({
      max: limit,
      timeWindow: 60_000,
      keyGenerator: (request) =>
        request.principal ? `key:${request.principal.name}` : `ip:${request.ip}`,
    });
    app.addHook("preHandler", async function (request, reply) {
      if (onGraphql(request)) await limiter.call(this, request, reply);
    });
  }
  // Too long a document is refused before Apollo parses it.
  app.addHook("preHandler", async (request, reply) => {
    if (!onGraphql(request)) return;
    const source = (request.method === "GET" ? request.query : request.body) as
      | { query?: unknown }
      | undefined;
    const refusal = checkDocument(source?.query, queryLimitsConfig);
    if (refusal) {
      return reply.code(400).send({
        errors: [{ message: refusal.message, extensions: { code: refusal.code } }],
      });
    }
  });
  app.route({
    url: "/graphql",
    method: ["GET", "POST", "OPTIONS"],
    handler: fastifyApolloHandler(apollo, {
      context: async (request) => {
        // A key that cannot be checked while the database is away: fields that need a scope say
        // so; public reads go on as anonymous ones, unless reads need a key too.
        const unavailable =
          request.authError instanceof ServiceUnavailableError ||
          request.authError instanceof TimeoutError;
        if (request.authError && (!unavailable || deps.requireAuthForReads)) {
          throw unavailable ? retryLater(request.authError as GraphQLError) : request.authError;
        }
        const context = createContext(
          {
            executor,
            projection,
            analytics,
            onRoundTrip: (mode) => roundTrips.inc({ mode }),
            requestTimeoutMs: deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
          },
          String(request.id),
          request.log,
          request.principal,
        );
        if (unavailable) context.authFailure = request.authError as Error;
        return context;
      },
    }),
  });

  registerExplorer(app);
  app.get("/healthz", async () => ({ status: "ok" }));

  const readinessTimeoutMs = deps.readinessTimeoutMs ?? 2_000;
  app.get("/readyz", async (request, reply) => {
    try {
      await executor.ping(readinessTimeoutMs);
      return { status: "ready" };
    } catch (error) {
      request.log.warn({ err: error }, "readiness check failed");
      return reply
        .code(503)
        .send({ status: "unavailable", reason: "the graph database does not answer" });
    }
  });

  app.get("/metrics", async (_request, reply) => {
    reply.header("content-type", metrics.contentType);
    return metrics.metrics();
  });

  return {
    app,
    apollo,
    projection,
    analytics,
    close: () => {
      closing = true;
      return apollo.stop();
    },
  };
}
