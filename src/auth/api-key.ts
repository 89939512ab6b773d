import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Executor } from "../neo4j/executor.js";
import type { Principal, Scope } from "./scopes.js";

/**
 * API keys: `rgk_<id>_<secret>`. The id finds the key's record; the secret is 32 random bytes,
 * stored only as its SHA-256 (a key is as strong as a random 256-bit secret, so a slow password
 * hash would add nothing) and compared in constant time. A revoked key stays on record, refused.
 */

const KEY = /^rgk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** Whether a token has the shape of an API key (rather than, say, a JWT). */
export const isApiKey = (token: string): boolean => token.startsWith("rgk_");

const hashOf = (secret: string) => createHash("sha256").update(secret).digest();

export interface IssuedKey {
  id: string;
  name: string;
  scope: Scope;
  /** The whole key: shown once, never stored. */
  key: string;
}

export interface KeyRecord {
  id: string;
  name: string;
  scope: Scope;
  createdAt: string;
  revokedAt: string | null;
}

const CREATE = `
CREATE (k:ApiKey {id: $id, name: $name, scope: $scope, hash: $hash, createdAt: datetime()})
RETURN k.id AS id`;

const FIND = `
MATCH (k:ApiKey {id: $id})
RETURN k.name AS name, k.scope AS scope, k.hash AS hash, k.revokedAt IS NOT NULL AS revoked`;

const REVOKE = `
MATCH (k:ApiKey {name: $name}) WHERE k.revokedAt IS NULL
SET k.revokedAt = datetime()
RETURN k.id AS id`;

const LIST = `
MATCH (k:ApiKey)
RETURN k.id AS id, k.name AS name, k.scope AS scope, toString(k.createdAt) AS createdAt,
       toString(k.revokedAt) AS revokedAt
ORDER BY k.name`;

/** Thrown by createKey when a key (live or revoked) already has the name. */
export class KeyNameTaken extends Error {
  constructor(name: string) {
    super(`A key named ${name} exists; revoke it or pick another name`);
  }
}

export async function createKey(
  executor: Executor,
  name: string,
  scope: Scope,
): Promise<IssuedKey> {
  const id = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  try {
    await executor.write(CREATE, { id, name, scope, hash: hashOf(secret).toString("hex") });
  } catch (error) {
    // The unique constraint on the name decides, even between concurrent creates.
    if ((error as { code?: string }).code?.endsWith("ConstraintValidationFailed")) {
      throw new KeyNameTaken(name);
    }
    throw error;
  }
  return { id, name, scope, key: `rgk_${id}_${secret}` };
}

/** Revokes the live key of that name; false when there is none. */
export async function revokeKey(executor: Executor, name: string): Promise<boolean> {
  return (await executor.write(REVOKE, { name })).length > 0;
}

export function listKeys(executor: Executor): Promise<KeyRecord[]> {
  return executor.read<KeyRecord & Record<string, unknown>>(LIST);
}

/** The principal a key stands for, or null when it is malformed, unknown, revoked or wrong. */
export async function verifyKey(executor: Executor, key: string): Promise<Principal | null> {
  const match = KEY.exec(key);
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];
  const [row] = await executor.read<{ name: string; scope: Scope; hash: string; revoked: boolean }>(
    FIND,
    { id },
  );
  // Hash and compare even for an unknown id, so a miss takes as long as a wrong secret.
  const stored = Buffer.from(row?.hash ?? "0".repeat(64), "hex");
  const same = timingSafeEqual(hashOf(secret), stored);
  if (!row || !same || row.revoked) return null;
  return { name: row.name, scope: row.scope };
}
