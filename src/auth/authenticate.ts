import type { AuthChecker } from "type-graphql";
import type { Context } from "../context.js";
import { ForbiddenError, UnauthenticatedError } from "../errors.js";
import type { Executor } from "../neo4j/executor.js";
import { isApiKey, verifyKey } from "./api-key.js";
import type { TokenVerifier } from "./jwt.js";
import { allows, type Principal, type Scope } from "./scopes.js";

export interface Authenticators {
  executor: Executor;
  /** Verifies a Bearer token that is not an API key; none: only API keys are accepted. */
  jwt?: TokenVerifier;
  requireForReads: boolean;
}

/**
 * The caller of a request, from its Authorization header: none (anonymous), or the principal of
 * a valid Bearer API key or JWT. A header that is present but not valid is refused outright
 * rather than treated as anonymous, so a revoked key fails loudly.
 */
export async function authenticate(
  authorization: string | undefined,
  { executor, jwt, requireForReads }: Authenticators,
): Promise<Principal | null> {
  if (authorization === undefined || authorization.trim() === "") {
    if (requireForReads) throw new UnauthenticatedError();
    return null;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError("Authorization must be: Bearer <API key or token>");
  const token = match[1] as string;
  const principal = isApiKey(token) || !jwt ? await verifyKey(executor, token) : await jwt(token);
  if (!principal)
    throw new UnauthenticatedError("The API key or token is unknown, expired or revoked");
  return principal;
}

/** type-graphql's check for @Authorized("write") and the like: the caller's key must allow it. */
export const authChecker: AuthChecker<Context, Scope> = ({ context }, needed) => {
  const principal = context.principal;
  if (context.authFailure) throw context.authFailure;
  if (!principal) throw new UnauthenticatedError();
  for (const scope of needed) {
    if (!allows(principal, scope)) throw new ForbiddenError(scope, principal.scope);
  }
  return true;
};
