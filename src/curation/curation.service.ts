import { int } from "neo4j-driver";
import type { z } from "zod";
import type { Context } from "../context.js";
import { BadUserInputError, NotFoundError, UnauthenticatedError } from "../errors.js";
import { LEVELS, type Level } from "../model.js";
import type { TransactionRun } from "../neo4j/executor.js";
import { BUMP_GRAPH_VERSION } from "../neo4j/graph-version.js";
import { moveProblem, withTerms } from "../seed/loader.js";
import {
  progressionSchema,
  relatedSchema,
  roleSchema,
  roleSkillSchema,
  roleTechnologySchema,
  salaryBandSchema,
  skillSchema,
  sourceSchema,
  technologySchema,
  trackSchema,
} from "../seed/seed.schema.js";
import {
  CHANGES,
  DELETE_BLOCKERS,
  DELETE_ENTITY,
  type EntityKind,
  KIND_NAMES,
  KINDS_OF,
  LEVELS_OF_MOVE,
  LINK_KINDS,
  type LinkKind,
  RECORD_CHANGE,
  REMOVE_LINK,
  REMOVE_REVERSE_RELATED,
  STAMP_ENTITY,
  STAMP_LINK,
  UPSERT,
} from "./curation.repository.js";
import type { Change, DeleteResult } from "./curation.type.js";

/**
 * Every mutation is one write transaction: check, write, stamp `updatedAt`/`updatedBy`, record
 * a (:Change), bump the graph version. Any failure rolls all of it back. After the commit this
 * instance's caches look at the version again at once; other instances within a second.
 */

/** GraphQL gives null for an absent optional field; the seed schemas want it left out. */
function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, withoutNulls(v)]),
  ) as T;
}

/** Validates an input by the seed file's rules; the first problem answers BAD_USER_INPUT. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, argument: string) {
  const parsed = schema.safeParse(withoutNulls(input));
  if (parsed.success) return parsed.data as z.infer<S>;
  const issue = parsed.error.issues[0];
  const path = [argument, ...(issue?.path ?? []).map(String)].join(".");
  throw new BadUserInputError(`${path}: ${issue?.message ?? "invalid"}`, path);
}

interface Write {
  action: "upsert" | "delete" | "set" | "remove";
  kind: string;
  target: string;
}

async function write<T>(
  ctx: Context,
  what: Write,
  work: (run: TransactionRun, by: string) => Promise<T>,
): Promise<T> {
  const by = ctx.principal?.name;
  if (by === undefined) throw new UnauthenticatedError();
  const result = await ctx.executor.writeTransaction(async (run) => {
    const value = await work(run, by);
    await run(RECORD_CHANGE, { ...what, by });
    await run(BUMP_GRAPH_VERSION);
    return value;
  });
  ctx.projection.invalidate();
  return result;
}

/**
 * Checks the kinds of the ids a write names: `own` may be new or already of its kind; each
 * reference must exist with the kind given (NOT_FOUND otherwise).
 */
async function checkKinds(
  run: TransactionRun,
  own: { id: string; kind: EntityKind } | null,
  references: { id: string; kind: EntityKind }[],
): Promise<void> {
  const ids = [...(own ? [own.id] : []), ...references.map((r) => r.id)];
  const rows = await run<{ id: string; kind: string | null }>(KINDS_OF, { ids });
  const kindOf = new Map(rows.map((row) => [row.id, row.kind]));
  if (own) {
    const existing = kindOf.get(own.id);
    if (existing && existing !== own.kind) {
      throw new BadUserInputError(`id ${own.id} already belongs to a ${existing}`, "input.id");
    }
  }
  for (const reference of references) {
    if (kindOf.get(reference.id) !== reference.kind) {
      throw new NotFoundError(KIND_NAMES[reference.kind], reference.id);
    }
  }
}

const ENTITY_SCHEMAS = {
  Track: trackSchema,
  Skill: skillSchema,
  Technology: technologySchema,
  Role: roleSchema,
  Source: sourceSchema,
  SalaryBand: salaryBandSchema,
} as const;

/** Creates or replaces an entity; returns it as stored. */
export async function upsertEntity<T>(ctx: Context, kind: EntityKind, input: object): Promise<T> {
  const record = validate(ENTITY_SCHEMAS[kind], input, "input") as Record<string, unknown> & {
    id: string;
  };
  const references: { id: string; kind: EntityKind }[] = [];
  if (kind === "Role") references.push({ id: record.track as string, kind: "Track" });
  if (kind === "SalaryBand") {
    if (record.role) references.push({ id: record.role as string, kind: "Role" });
    if (record.track) references.push({ id: record.track as string, kind: "Track" });
    references.push({ id: record.source as string, kind: "Source" });
  }
  const names =
    kind === "Role"
      ? [record.title as string, ...((record.aliases as string[]) ?? [])]
      : [record.name as string];
  const row = "name" in record || kind === "Role" ? withTerms(record, names) : record;
  return write(ctx, { action: "upsert", kind, target: record.id }, async (run, by) => {
    await checkKinds(run, { id: record.id, kind }, references);
    await run(UPSERT[kind], { rows: [row] });
    const [stored] = await run<{ item: T }>(STAMP_ENTITY[kind], { id: record.id, by });
    return stored?.item as T;
  });
}

/** Deletes an entity (and the salary bands it pays); says what went. */
export async function deleteEntity(
  ctx: Context,
  kind: EntityKind,
  id: string,
): Promise<DeleteResult> {
  return write(ctx, { action: "delete", kind, target: id }, async (run) => {
    const [found] = await run<{ kind: string; roles: number; bands: number }>(DELETE_BLOCKERS, {
      id,
    });
    if (!found || found.kind !== kind) throw new NotFoundError(KIND_NAMES[kind], id);
    if (found.roles > 0) {
      throw new BadUserInputError(
        `track ${id} still has ${found.roles} roles: move or delete them first`,
        "id",
      );
    }
    if (kind === "Source" && found.bands > 0) {
      throw new BadUserInputError(
        `source ${id} is the source of ${found.bands} salary bands: delete or re-source them first`,
        "id",
      );
    }
    const [removed] = await run<{ bandIds: string[]; relationships: number }>(DELETE_ENTITY, {
      id,
    });
    return {
      id,
      kind,
      relationships: removed?.relationships ?? 0,
      salaryBands: removed?.bandIds ?? [],
    };
  });
}

const LINK_SCHEMAS = {
  PROGRESSES_TO: progressionSchema,
  REQUIRES: roleSkillSchema,
  USES: roleTechnologySchema,
  RELATED_TO: relatedSchema,
  PRACTISED_WITH: undefined,
} as const;

/** The two ends of a link input, whatever the input calls them. */
export interface LinkEnds {
  from: string;
  to: string;
}

/**
 * Sets a link (creating or replacing its properties). `row` is what the loader's statement
 * reads: from, to and the link's properties.
 */
export async function setLink(
  ctx: Context,
  type: LinkKind,
  input: object,
  row: (valid: Record<string, unknown>) => LinkEnds & Record<string, unknown>,
): Promise<boolean> {
  const schema = LINK_SCHEMAS[type];
  const valid = (schema ? validate(schema, input, "input") : input) as Record<string, unknown>;
  const link = row(valid);
  if (link.from === link.to && (type === "PROGRESSES_TO" || type === "RELATED_TO")) {
    throw new BadUserInputError("a role cannot link to itself: from and to are the same", "input");
  }
  const ends = LINK_KINDS[type];
  const target = `${link.from} → ${link.to}`;
  return write(ctx, { action: "set", kind: type, target }, async (run, by) => {
    await checkKinds(run, null, [
      { id: link.from, kind: ends.from },
      { id: link.to, kind: ends.to },
    ]);
    if (type === "PROGRESSES_TO") {
      const [levels] = await run<{ from: Level; to: Level }>(LEVELS_OF_MOVE, link);
      const problem = moveProblem(
        String(link.kind),
        LEVELS.indexOf(levels?.from as Level),
        LEVELS.indexOf(levels?.to as Level),
      );
      if (problem) throw new BadUserInputError(`input.kind: ${problem}`, "input.kind");
    }
    if (type === "RELATED_TO") await run(REMOVE_REVERSE_RELATED, link);
    await run(ends.set, { rows: [{ sources: [], ...link }] });
    await run(STAMP_LINK[type], { from: link.from, to: link.to, by });
    return true;
  });
}

/** Removes a link; false when there was none (the ends must exist). */
export async function removeLink(ctx: Context, type: LinkKind, link: LinkEnds): Promise<boolean> {
  const ends = LINK_KINDS[type];
  const target = `${link.from} → ${link.to}`;
  return write(ctx, { action: "remove", kind: type, target }, async (run) => {
    await checkKinds(run, null, [
      { id: link.from, kind: ends.from },
      { id: link.to, kind: ends.to },
    ]);
    const [row] = await run<{ removed: number }>(REMOVE_LINK[type], { ...link });
    return (row?.removed ?? 0) > 0;
  });
}

export async function changes(
  ctx: Context,
  since: string | null,
  first: number,
): Promise<Change[]> {
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
  if (since !== null && (!iso.test(since) || Number.isNaN(Date.parse(since)))) {
    throw new BadUserInputError(
      `since must be an ISO 8601 date or date-time, received ${JSON.stringify(since.slice(0, 40))}`,
      "since",
    );
  }
  return ctx.executor.read<Change & Record<string, unknown>>(CHANGES, {
    since: since === null ? null : new Date(since).toISOString(),
    first: int(first),
  });
}
