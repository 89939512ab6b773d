import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { int } from "neo4j-driver";
import { LEVELS } from "../model.js";
import type { Executor, TransactionRun } from "../neo4j/executor.js";
import { BUMP_GRAPH_VERSION } from "../neo4j/graph-version.js";
import { projectPath } from "../project-root.js";
import { searchTerms } from "../search/terms.js";

export { countGraph, type GraphCounts } from "../analytics/graph-stats.repository.js";

import { type SeedDocument, seedDocumentSchema } from "./seed.schema.js";

export const SEED_DIR = projectPath("seed");
const BATCH = 1000;
/** Rows per transaction in bulk mode: larger batches amortise each commit over more rows. */
const BULK_BATCH = 10_000;

export class SeedError extends Error {
  override name = "SeedError";
  constructor(readonly problems: readonly string[]) {
    super(
      `The seed is invalid; nothing was written:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

export function describePath(path: readonly PropertyKey[], doc: unknown): string {
  // Name the record by its id where it has one: "roles[3] (back-end-developer).title".
  let node: unknown = doc;
  let out = "";
  for (const key of path) {
    node =
      node !== null && typeof node === "object"
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined;
    if (typeof key === "number") {
      const id =
        node !== null && typeof node === "object" ? (node as { id?: unknown }).id : undefined;
      out += `[${key}]${typeof id === "string" ? ` (${id})` : ""}`;
    } else {
      out += out === "" ? String(key) : `.${String(key)}`;
    }
  }
  return out;
}

/** Reads and validates every *.json file in `dir`, then merges them into one document. */
export function readSeed(
  dir: string = SEED_DIR,
  options: { exclude?: string[] } = {},
): SeedDocument {
  const problems: string[] = [];
  const merged: SeedDocument = seedDocumentSchema.parse({});
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".json") && !options.exclude?.includes(name))
    .sort();
  if (files.length === 0) throw new SeedError([`${dir}: no .json seed files`]);

  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = seedDocumentSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${file}: ${describePath(issue.path, raw)}: ${issue.message}`);
      }
      continue;
    }
    for (const key of Object.keys(merged) as (keyof SeedDocument)[]) {
      (merged[key] as unknown[]).push(...parsed.data[key]);
    }
  }
  if (problems.length > 0) throw new SeedError(problems);
  problems.push(...checkReferences(merged));
  if (problems.length > 0) throw new SeedError(problems);
  return merged;
}

/** What is wrong with a move of this kind between levels (indexes in LEVELS), if anything. */
export function moveProblem(kind: string, from: number, to: number): string | null {
  if (kind === "PROMOTION" && to <= from) return "a PROMOTION must lead to a higher level";
  if (kind === "LATERAL" && to !== from) return "a LATERAL move must stay at the same level";
  return null;
}

/**
 * Cross-record rules the per-record schema cannot see. `known` gives the kinds ("role",
 * "salary band", …) of ids already in the graph, for a document that adds to it: references may
 * point there, and a record may redeclare an id of its own kind (an update), not of another.
 */
export function checkReferences(
  doc: SeedDocument,
  known: ReadonlyMap<string, string> = new Map(),
): string[] {
  const problems: string[] = [];
  const kindOf = new Map<string, string>(known);
  const declared = new Set<string>();
  const declare = (kind: string, id: string) => {
    const existing = kindOf.get(id);
    if (declared.has(id))
      problems.push(`${kind} ${id}: duplicate id (already used by a ${existing})`);
    else if (existing !== undefined && existing !== kind)
      problems.push(`${kind} ${id}: the id belongs to a ${existing} in the graph`);
    declared.add(id);
    kindOf.set(id, kind);
  };
  for (const s of doc.sources) declare("source", s.id);
  for (const t of doc.tracks) declare("track", t.id);
  for (const s of doc.skills) declare("skill", s.id);
  for (const t of doc.technologies) declare("technology", t.id);
  for (const r of doc.roles) declare("role", r.id);
  for (const b of doc.salaryBands) declare("salary band", b.id);

  const expect = (where: string, kind: string, id: string) => {
    const actual = kindOf.get(id);
    if (actual === undefined) problems.push(`${where}: unknown ${kind} ${JSON.stringify(id)}`);
    else if (actual !== kind)
      problems.push(`${where}: ${JSON.stringify(id)} is a ${actual}, expected a ${kind}`);
  };
  for (const r of doc.roles) {
    expect(`role ${r.id}.track`, "track", r.track);
    for (const s of r.skills) expect(`role ${r.id}.skills`, "skill", s.id);
    for (const t of r.technologies) expect(`role ${r.id}.technologies`, "technology", t.id);
    for (const s of r.sources) expect(`role ${r.id}.sources`, "source", s);
  }
  /** Reports a (role, target) link given a second time, inline or in a separate list. */
  const once = (verb: string) => {
    const seen = new Set<string>();
    return (where: string, role: string, target: string) => {
      if (seen.has(`${role}>${target}`)) problems.push(`${where}: ${role} ${verb} ${target} twice`);
      seen.add(`${role}>${target}`);
    };
  };
  const requirement = once("requires");
  const use = once("uses");
  for (const r of doc.roles) {
    for (const s of r.skills) requirement(`role ${r.id}.skills`, r.id, s.id);
    for (const t of r.technologies) use(`role ${r.id}.technologies`, r.id, t.id);
  }
  for (const rs of doc.roleSkills) {
    const where = `roleSkills ${rs.role} -> ${rs.skill}`;
    expect(`${where}.role`, "role", rs.role);
    expect(`${where}.skill`, "skill", rs.skill);
    for (const s of rs.sources) expect(`${where}.sources`, "source", s);
    requirement(where, rs.role, rs.skill);
  }
  for (const rt of doc.roleTechnologies) {
    const where = `roleTechnologies ${rt.role} -> ${rt.technology}`;
    expect(`${where}.role`, "role", rt.role);
    expect(`${where}.technology`, "technology", rt.technology);
    use(where, rt.role, rt.technology);
  }
  for (const s of doc.skills)
    for (const ref of s.sources) expect(`skill ${s.id}.sources`, "source", ref);
  for (const t of doc.technologies) {
    for (const ref of t.sources) expect(`technology ${t.id}.sources`, "source", ref);
  }
  const pairs = new Set<string>();
  const levelOf = new Map(doc.roles.map((r) => [r.id, LEVELS.indexOf(r.level)]));
  for (const p of doc.progressions) {
    const where = `progression ${p.from} -> ${p.to}`;
    expect(`${where}.from`, "role", p.from);
    expect(`${where}.to`, "role", p.to);
    if (p.from === p.to) problems.push(`${where}: a role cannot progress to itself`);
    if (pairs.has(`${p.from}>${p.to}`)) problems.push(`${where}: listed twice`);
    pairs.add(`${p.from}>${p.to}`);
    const [from, to] = [levelOf.get(p.from), levelOf.get(p.to)];
    if (from !== undefined && to !== undefined) {
      const problem = moveProblem(p.kind, from, to);
      if (problem) problems.push(`${where}: ${problem}`);
    }
    for (const s of p.sources) expect(`${where}.sources`, "source", s);
  }
  for (const r of doc.related) {
    const where = `related ${r.from} ~ ${r.to}`;
    expect(`${where}.from`, "role", r.from);
    expect(`${where}.to`, "role", r.to);
    if (r.from === r.to) problems.push(`${where}: a role cannot be related to itself`);
  }
  for (const p of doc.practisedWith) {
    expect(`practisedWith ${p.skill}`, "skill", p.skill);
    expect(`practisedWith ${p.skill}.technology`, "technology", p.technology);
  }
  const bandKeys = new Set<string>();
  for (const b of doc.salaryBands) {
    if (b.role !== undefined) expect(`salary band ${b.id}.role`, "role", b.role);
    if (b.track !== undefined) expect(`salary band ${b.id}.track`, "track", b.track);
    expect(`salary band ${b.id}.source`, "source", b.source);
    const key = `${b.role ?? b.track} ${b.region} ${b.year}`;
    if (bandKeys.has(key)) problems.push(`salary band ${b.id}: a second band for ${key}`);
    bandKeys.add(key);
  }
  const relatedPairs = new Set<string>();
  for (const r of doc.related) {
    const key = [r.from, r.to].sort().join(" ~ ");
    if (relatedPairs.has(key)) problems.push(`related ${key}: listed twice (either direction)`);
    relatedPairs.add(key);
  }
  return problems;
}

// --- writing ---------------------------------------------------------------------------------

export const UPSERT_SOURCES = `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Source, n.title = row.title, n.publisher = row.publisher, n.url = row.url,
    n.licence = row.licence, n.credit = row.credit, n.retrievedOn = row.retrievedOn`;

export const UPSERT_TRACKS = `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Track, n.name = row.name, n.description = row.description, n.searchTerms = row.searchTerms`;

export const UPSERT_SKILLS = `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Skill, n.name = row.name, n.category = row.category, n.description = row.description,
    n.onetElement = row.onetElement, n.searchTerms = row.searchTerms`;

export const UPSERT_TECHNOLOGIES = `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Technology, n.name = row.name, n.kind = row.kind, n.hot = row.hot, n.inDemand = row.inDemand,
    n.searchTerms = row.searchTerms`;

export const UPSERT_ROLES = `
UNWIND $rows AS row
MERGE (r:Entity {id: row.id})
SET r:Role, r.title = row.title, r.level = row.level, r.aliases = row.aliases,
    r.summary = row.summary, r.responsibilities = row.responsibilities, r.onetCode = row.onetCode,
    r.experienceMinYears = row.experienceYears.min, r.experienceMaxYears = row.experienceYears.max,
    r.workplaces = row.workplaces, r.searchTerms = row.searchTerms
WITH r, row
MATCH (t:Track {id: row.track})
MERGE (r)-[:IN_TRACK]->(t)
WITH r, row
OPTIONAL MATCH (r)-[old:IN_TRACK]->(other:Track) WHERE other.id <> row.track
DELETE old`;

export const LINK_REQUIRES = `
UNWIND $rows AS row
MATCH (r:Role {id: row.from}), (s:Skill {id: row.to})
MERGE (r)-[e:REQUIRES]->(s)
SET e.importance = row.importance, e.sources = row.sources`;

export const LINK_USES = `
UNWIND $rows AS row
MATCH (r:Role {id: row.from}), (t:Technology {id: row.to})
MERGE (r)-[e:USES]->(t)
SET e.usage = row.usage, e.context = row.context`;

export const LINK_PROGRESSES = `
UNWIND $rows AS row
MATCH (a:Role {id: row.from}), (b:Role {id: row.to})
MERGE (a)-[e:PROGRESSES_TO]->(b)
SET e.kind = row.kind, e.typicalYears = row.typicalYears, e.sources = row.sources`;

export const LINK_RELATED = `
UNWIND $rows AS row
MATCH (a:Role {id: row.from}), (b:Role {id: row.to})
MERGE (a)-[e:RELATED_TO]->(b)
SET e.similarity = row.similarity, e.sources = row.sources`;

export const LINK_PRACTISED = `
UNWIND $rows AS row
MATCH (s:Skill {id: row.from}), (t:Technology {id: row.to})
MERGE (s)-[:PRACTISED_WITH]->(t)`;

export const LINK_CITES = `
UNWIND $rows AS row
MATCH (x:Entity {id: row.from}), (s:Source {id: row.to})
MERGE (x)-[:CITES]->(s)`;

export const UPSERT_BANDS = `
UNWIND $rows AS row
MATCH (owner:Entity {id: coalesce(row.role, row.track)}) WHERE owner:Role OR owner:Track
MERGE (b:Entity {id: row.id})
SET b:SalaryBand, b.region = row.region, b.currency = row.currency, b.min = row.min, b.max = row.max,
    b.year = row.year, b.sourceId = row.source, b.derivation = row.derivation, b.notes = row.notes
MERGE (owner)-[:PAID]->(b)
WITH b, row
MATCH (s:Source {id: row.source})
MERGE (b)-[:CITES]->(s)`;

/** A record with the extra search terms its names give (see searchTerms). */
export const withTerms = <T extends object>(record: T, names: string[]) => ({
  ...record,
  searchTerms: searchTerms(names),
});

const DELETE_ALL = "MATCH (n:Entity) DETACH DELETE n";
const DELETE_SOME_RELATIONSHIPS =
  "MATCH (:Entity)-[r]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS removed";
const DELETE_SOME_NODES =
  "MATCH (n:Entity) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS removed";

async function inBatches(
  run: TransactionRun,
  query: string,
  rows: readonly unknown[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await run(query, { rows: rows.slice(i, i + BATCH) });
  }
}

/**
 * Removes every node of the graph, a batch of nodes per transaction: for graphs too large to
 * delete in one (a million moves). Not atomic; the version stamp survives.
 */
export async function clearGraph(
  executor: Executor,
  progress: (message: string) => void = () => {},
): Promise<void> {
  progress("removing the existing graph");
  // Relationships first: one popular skill can hold a hundred thousand of them, too many to
  // detach in the same transaction as thousands of other nodes.
  for (const query of [DELETE_SOME_RELATIONSHIPS, DELETE_SOME_NODES]) {
    let removed: number;
    do {
      const [row] = await executor.write<{ removed: number }>(
        query,
        { batch: int(BATCH * 50) },
        { timeoutMs: 300_000 },
      );
      removed = row?.removed ?? 0;
    } while (removed > 0);
  }
}

export interface LoadOptions {
  reset?: boolean;
  onProgress?: (message: string) => void;
  /**
   * "atomic" (the default, for the seed): one transaction, all or nothing. "bulk" (for the
   * benchmark's synthetic graphs of up to millions of edges, too large for one transaction):
   * one transaction per batch, so a failure leaves the batches before it written.
   */
  mode?: "atomic" | "bulk";
}

/** A write of the loader: its name, its statement (UNWIND $rows) and its rows, in order. */
export type LoadStep = [name: string, query: string, rows: readonly unknown[]];

/** The document as the loader writes it: entities first, then the links between them. */
export function loadSteps(doc: SeedDocument): LoadStep[] {
  const links = (pairs: { from: string; to: string; [k: string]: unknown }[]) => pairs;
  return [
    ["sources", UPSERT_SOURCES, doc.sources],
    ["tracks", UPSERT_TRACKS, doc.tracks.map((t) => withTerms(t, [t.name]))],
    ["skills", UPSERT_SKILLS, doc.skills.map((s) => withTerms(s, [s.name]))],
    ["technologies", UPSERT_TECHNOLOGIES, doc.technologies.map((t) => withTerms(t, [t.name]))],
    ["roles", UPSERT_ROLES, doc.roles.map((r) => withTerms(r, [r.title, ...r.aliases]))],
    [
      "role skills",
      LINK_REQUIRES,
      links([
        ...doc.roles.flatMap((r) =>
          r.skills.map((s) => ({
            from: r.id,
            to: s.id,
            importance: s.importance,
            sources: r.sources,
          })),
        ),
        ...doc.roleSkills.map((rs) => ({
          from: rs.role,
          to: rs.skill,
          importance: rs.importance,
          sources: rs.sources,
        })),
      ]),
    ],
    [
      "role technologies",
      LINK_USES,
      links([
        ...doc.roles.flatMap((r) =>
          r.technologies.map((t) => ({ from: r.id, to: t.id, usage: t.usage, context: t.context })),
        ),
        ...doc.roleTechnologies.map((rt) => ({
          from: rt.role,
          to: rt.technology,
          usage: rt.usage,
          context: rt.context,
        })),
      ]),
    ],
    ["progressions", LINK_PROGRESSES, doc.progressions],
    ["related roles", LINK_RELATED, doc.related],
    [
      "skill technologies",
      LINK_PRACTISED,
      doc.practisedWith.map((p) => ({ from: p.skill, to: p.technology })),
    ],
    [
      "citations",
      LINK_CITES,
      [...doc.roles, ...doc.skills, ...doc.technologies].flatMap((x) =>
        x.sources.map((s) => ({ from: x.id, to: s })),
      ),
    ],
    ["salary bands", UPSERT_BANDS, doc.salaryBands],
  ];
}

/** Writes the steps inside a transaction, in batches; `onStep` hears each step's name first. */
export async function writeSteps(
  run: TransactionRun,
  steps: readonly LoadStep[],
  onStep: (name: string, rows: number) => void = () => {},
): Promise<void> {
  for (const [name, query, rows] of steps) {
    onStep(name, rows.length);
    await inBatches(run, query, rows);
  }
}

/**
 * Writes a validated seed in one transaction: it all lands or none of it does. MERGE on ids
 * makes a second load change nothing.
 */
export async function loadSeed(
  executor: Executor,
  doc: SeedDocument,
  options: LoadOptions = {},
): Promise<void> {
  const progress = options.onProgress ?? (() => {});
  const steps = loadSteps(doc);
  if (options.mode === "bulk") {
    if (options.reset) await clearGraph(executor, progress);
    for (const [name, query, rows] of steps) {
      for (let i = 0; i < rows.length; i += BULK_BATCH) {
        await executor.write(
          query,
          { rows: rows.slice(i, i + BULK_BATCH) },
          { timeoutMs: 300_000 },
        );
        const done = Math.min(rows.length, i + BULK_BATCH);
        if (done === rows.length || (i / BULK_BATCH) % 10 === 0)
          progress(`${name}: ${done}/${rows.length}`);
      }
    }
    await executor.write(BUMP_GRAPH_VERSION);
    return;
  }
  await executor.writeTransaction(
    async (run) => {
      if (options.reset) {
        progress("removing the existing graph");
        await run(DELETE_ALL);
      }
      await writeSteps(run, steps, (name, rows) => progress(`${name}: ${rows}`));
      await run(BUMP_GRAPH_VERSION);
    },
    { timeoutMs: 300_000 },
  );
}

/** True when the database holds no roles: the signal for seeding at start-up. */
export async function isEmpty(executor: Executor): Promise<boolean> {
  const [row] = await executor.read<{ roles: number }>("MATCH (r:Role) RETURN count(r) AS roles");
  return (row?.roles ?? 0) === 0;
}
