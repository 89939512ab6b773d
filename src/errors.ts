import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { Neo4jError } from "neo4j-driver";

/**
 * Errors a client may see. Each carries a literal extensions.code; anything else that escapes a
 * resolver is masked as INTERNAL_SERVER_ERROR by formatError below, and logged in full.
 */
export const ERROR_CODES = [
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "QUERY_TOO_COMPLEX",
  "TIMEOUT",
  "SERVICE_UNAVAILABLE",
  "INTERNAL_SERVER_ERROR",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

abstract class CodedError extends GraphQLError {
  abstract readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** Ends an exhaustive switch: adding a member to the union is then a compile error there. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unhandled case: ${String(value)}`);
  }
}

export class BadUserInputError extends CodedError {
  override readonly code = "BAD_USER_INPUT";
  constructor(message: string, argument?: string) {
    super(message, "BAD_USER_INPUT", argument === undefined ? {} : { argument });
  }
}

export class NotFoundError extends CodedError {
  override readonly code = "NOT_FOUND";
  constructor(kind: string, id: string) {
    super(`No ${kind} has the id ${JSON.stringify(id)}`, "NOT_FOUND", { id });
  }
}

export class UnauthenticatedError extends CodedError {
  override readonly code = "UNAUTHENTICATED";
  constructor(message = "This needs an API key: send Authorization: Bearer <key>") {
    super(message, "UNAUTHENTICATED", { http: { status: 401 } });
  }
}

export class ForbiddenError extends CodedError {
  override readonly code = "FORBIDDEN";
  constructor(needed: string, held: string) {
    super(`This needs the ${needed} scope; the key has ${held}`, "FORBIDDEN");
  }
}

export class TimeoutError extends CodedError {
  override readonly code = "TIMEOUT";
  constructor(message = "The query took longer than its time budget and was stopped") {
    super(message, "TIMEOUT");
  }
}

/** A document refused by the query limits before anything ran: HTTP 400. */
export class QueryTooComplexError extends CodedError {
  override readonly code = "QUERY_TOO_COMPLEX";
  constructor(message: string) {
    super(message, "QUERY_TOO_COMPLEX", { http: { status: 400 } });
  }
}

export class ServiceUnavailableError extends CodedError {
  override readonly code = "SERVICE_UNAVAILABLE";
  constructor() {
    super("The graph database is unreachable; try again shortly", "SERVICE_UNAVAILABLE");
  }
}

/** Neo4j status codes that mean "the database could not be reached or is not ready". */
const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.ClientError.Database.DatabaseNotFound",
]);

const TIMEOUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  "Neo.TransientError.Transaction.LockClientStopped",
  // Neo4j 5 reports a transaction timed out while waiting for a lock this way.
  "Neo.ClientError.Transaction.LockClientStopped",
]);

/**
 * Maps a driver failure to what the client may know. Returns the original error when it is not a
 * database condition the client can act on; formatError masks it then.
 */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof CodedError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return new ServiceUnavailableError();
    if (TIMEOUT_CODES.has(error.code)) return new TimeoutError();
    // The driver reports an exhausted connection pool this way.
    if (/acquisition timed out|Connection acquisition/i.test(error.message)) {
      return new ServiceUnavailableError();
    }
  }
  return error;
}

const PASS_THROUGH = new Set<string>([
  ...ERROR_CODES.filter((c) => c !== "INTERNAL_SERVER_ERROR"),
  // Apollo's own request errors: they describe the client's document, not our internals.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * Apollo's formatError: coded errors pass without a stack; everything else becomes a generic
 * message. The server's error plugin has already logged the original with its request id.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  // Apollo files the query limits' refusals (validation rules) under GRAPHQL_VALIDATION_FAILED;
  // the rule's own code says which refusal it is.
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code =
    formatted.extensions?.code === "GRAPHQL_VALIDATION_FAILED" &&
    original instanceof QueryTooComplexError
      ? original.code
      : formatted.extensions?.code;
  if (typeof code === "string" && PASS_THROUGH.has(code)) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return {
    message: "Internal server error",
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}
