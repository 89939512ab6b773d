import type { AuthChecker } from "type-graphql";
import type { Context } from "../context.js";
import { ForbiddenError, UnauthenticatedError } from "../errors.js";
import type { Executor } from "../neo4j/executor.js";
import { verifyKey } from "./api-key.js";
import { allows, type Principal, type Scope } from "./scopes.js";

/**
 * The caller of a request, from its Authorization header: none (anonymous), or the principal of
 * a valid Bearer key. A header that is present but not a live key is refused outright rather
 * than treated as anonymous, so a revoked key fails loudly.
 */
export async function authenticate(
  executor: Executor,
  authorization: string | undefined,
  requireForReads: boolean,
): Promise<Principal | null> {
  if (authorization === undefined || authorization.trim() === "") {
    if (requireForReads) throw new UnauthenticatedError();
    return null;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError("Authorization must be: Bearer <API key>");
  const principal = await verifyKey(executor, match[1] as string);
  if (!principal) throw new UnauthenticatedError("The API key is unknown or revoked");
  return principal;
}

/** type-graphql's check for @Authorized("write") and the like: the caller's key must allow it. */
export const authChecker: AuthChecker<Context, Scope> = ({ context }, needed) => {
  const principal = context.principal;
  if (!principal) throw new UnauthenticatedError();
  for (const scope of needed) {
    if (!allows(principal, scope)) throw new ForbiddenError(scope, principal.scope);
  }
  return true;
};
