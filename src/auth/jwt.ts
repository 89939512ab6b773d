import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from "jose";
import { type Principal, SCOPES, type Scope } from "./scopes.js";

/**
 * Bearer JWTs from an identity provider, as an alternative to API keys: verified against the
 * provider's JWKS (jose fetches and caches its keys), with issuer and audience checked when
 * configured. The claim named by `scopeClaim` (a space-separated string or an array) maps to
 * scopes: the highest of read, write and admin it contains is granted.
 */

export interface JwtOptions {
  jwksUrl: string;
  issuer?: string;
  audience?: string;
  scopeClaim: string;
}

export type TokenVerifier = (token: string) => Promise<Principal | null>;

export function jwtVerifier(options: JwtOptions, keys?: JWTVerifyGetKey): TokenVerifier {
  const jwks = keys ?? createRemoteJWKSet(new URL(options.jwksUrl));
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
      }));
    } catch {
      return null;
    }
    const claim = payload[options.scopeClaim];
    const values = Array.isArray(claim) ? claim.map(String) : String(claim ?? "").split(/\s+/);
    const granted = SCOPES.filter((scope) => values.includes(scope));
    const scope = granted[granted.length - 1] as Scope | undefined;
    if (!scope) return null;
    return { name: `jwt:${String(payload.sub ?? "unknown")}`, scope };
  };
}
