import { BadUserInputError } from "../errors.js";

/**
 * Keyset cursors: a cursor names the last item a page ended on by its sort key and id, so the next
 * page starts strictly after it. Unlike offsets, a node inserted before that point shifts nothing.
 * The encoding is opaque to clients (base64url JSON) and checked when it comes back.
 */
export interface CursorKey {
  sortKey: string;
  id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.sortKey, key.id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): CursorKey | null {
  if (cursor == null) return null;
  const invalid = () =>
    new BadUserInputError(
      "after must be a cursor this API returned (endCursor or a cursor)",
      "after",
    );
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    typeof decoded[0] !== "string" ||
    typeof decoded[1] !== "string"
  ) {
    throw invalid();
  }
  return { sortKey: decoded[0], id: decoded[1] };
}
