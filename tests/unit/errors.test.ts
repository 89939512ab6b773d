import { GraphQLError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import {
  formatError,
  mapDatabaseError,
  NotFoundError,
  ServiceUnavailableError,
  TimeoutError,
} from "../../src/errors.js";

describe("formatError", () => {
  it("passes coded errors through without a stack trace", () => {
    const error = new NotFoundError("role", "x");
    const formatted = formatError(
      { message: error.message, extensions: { code: "NOT_FOUND", stacktrace: ["at secret.ts"] } },
      error,
    );
    expect(formatted).toEqual({
      message: 'No role has the id "x"',
      extensions: { code: "NOT_FOUND" },
    });
  });

  it("masks anything else as INTERNAL_SERVER_ERROR with a generic message", () => {
    const formatted = formatError(
      { message: "Neo.ClientError.Statement.SyntaxError: MATCH (n) RETRUN n", path: ["role"] },
      new Error("MATCH (n) RETRUN n"),
    );
    expect(formatted).toEqual({
      message: "Internal server error",
      path: ["role"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});

describe("mapDatabaseError", () => {
  it("maps an unreachable database to SERVICE_UNAVAILABLE and a timeout to TIMEOUT", () => {
    expect(mapDatabaseError(new Neo4jError("down", "ServiceUnavailable", "", ""))).toBeInstanceOf(
      ServiceUnavailableError,
    );
    expect(
      mapDatabaseError(
        new Neo4jError(
          "slow",
          "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
          "",
          "",
        ),
      ),
    ).toBeInstanceOf(TimeoutError);
  });

  it("leaves other errors for masking", () => {
    const syntax = new Neo4jError("bad", "Neo.ClientError.Statement.SyntaxError", "", "");
    expect(mapDatabaseError(syntax)).toBe(syntax);
    expect(mapDatabaseError(new ServiceUnavailableError())).toBeInstanceOf(GraphQLError);
  });
});
