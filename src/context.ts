import type { FastifyBaseLogger } from "fastify";
import type { Analytics } from "./analytics/analytics.service.js";
import type { Principal } from "./auth/scopes.js";
import { createLoaders, type Loaders } from "./loaders.js";
import type { Executor } from "./neo4j/executor.js";
import type { ProgressionProjection } from "./paths/projection.js";

/** Everything a resolver may use, built fresh for each request so no cache outlives it. */
export interface Context {
  requestId: string;
  /** The caller's API key, or null for an anonymous read. */
  principal: Principal | null;
  /**
   * Why the caller's key could not be checked (the database was unreachable): fields that need a
   * scope answer with this error rather than UNAUTHENTICATED.
   */
  authFailure?: Error;
  log: FastifyBaseLogger;
  /** Counts this request's database round trips. */
  executor: Executor;
  loaders: Loaders;
  roundTrips: { count: number };
  /** The in-memory progression graph for path search, shared by all requests. */
  projection: ProgressionProjection;
  /** Demand, centrality, transitions and pay, cached per graph version; shared by all requests. */
  analytics: Analytics;
}

export interface ContextDeps {
  executor: Executor;
  projection: ProgressionProjection;
  analytics: Analytics;
  /** Observes every round trip of every request (the Prometheus counter). */
  onRoundTrip?: (kind: "read" | "write") => void;
  /** Each request's time budget: its statements all end within this many ms of its start. */
  requestTimeoutMs?: number;
}

export function createContext(
  deps: ContextDeps,
  requestId: string,
  log: FastifyBaseLogger,
  principal: Principal | null = null,
): Context {
  const roundTrips = { count: 0 };
  const executor = deps.executor
    .withListener((kind) => {
      roundTrips.count += 1;
      deps.onRoundTrip?.(kind);
    })
    .forRequest(Date.now() + (deps.requestTimeoutMs ?? Number.POSITIVE_INFINITY));
  return {
    requestId,
    principal,
    log,
    executor,
    loaders: createLoaders(executor),
    roundTrips,
    projection: deps.projection,
    analytics: deps.analytics,
  };
}
