import { BadUserInputError } from "../errors.js";
import type { Executor, TransactionRun } from "../neo4j/executor.js";
import { BUMP_GRAPH_VERSION } from "../neo4j/graph-version.js";
import { checkReferences, describePath, loadSteps, writeSteps } from "../seed/loader.js";
import { type SeedDocument, seedDocumentSchema } from "../seed/seed.schema.js";
import { type EntityKind, KIND_NAMES, KINDS_OF, RECORD_CHANGE } from "./curation.repository.js";

/**
 * Imports a document in the seed file format. Everything is checked before anything is written:
 * the records against the seed schema, and every reference against the document and (when
 * merging) the graph. A dry run stops there and reports what would change; otherwise the whole
 * document is written in one transaction, so it lands entirely or not at all.
 *
 * MERGE adds and updates: what the document does not mention stays. REPLACE makes the graph
 * exactly the document: entities and links it does not list are deleted.
 */

export type ImportMode = "MERGE" | "REPLACE";

export interface KindChange {
  kind: string;
  created: number;
  updated: number;
  deleted: number;
}

export interface ImportReport {
  mode: ImportMode;
  dryRun: boolean;
  entities: KindChange[];
  links: KindChange[];
}

export interface ImportOptions {
  mode: ImportMode;
  dryRun: boolean;
  /** Who imports: the API key's name, or "cli". */
  by: string;
  /** Heard before each write step: the tests' way to fail an import midway. */
  onStep?: (name: string) => void;
}

const MAX_PROBLEMS = 50;

function refuse(problems: string[]): never {
  const shown = problems.slice(0, MAX_PROBLEMS);
  const more =
    problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : "";
  throw new BadUserInputError(
    `The document is invalid; nothing was written: ${shown.join("; ")}${more}`,
    "document",
  );
}

/** Validates the document's shape; BAD_USER_INPUT lists every problem found. */
export function parseDocument(document: unknown): SeedDocument {
  const parsed = seedDocumentSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  refuse(parsed.error.issues.map((i) => `${describePath(i.path, document)}: ${i.message}`));
}

const ENTITY_LISTS = [
  ["Source", "sources"],
  ["Track", "tracks"],
  ["Skill", "skills"],
  ["Technology", "technologies"],
  ["Role", "roles"],
  ["SalaryBand", "salaryBands"],
] as const;

/** The document's links by type, as (from, to) pairs. */
function linksOf(doc: SeedDocument): Record<string, { from: string; to: string }[]> {
  return {
    IN_TRACK: doc.roles.map((r) => ({ from: r.id, to: r.track })),
    REQUIRES: [
      ...doc.roles.flatMap((r) => r.skills.map((s) => ({ from: r.id, to: s.id }))),
      ...doc.roleSkills.map((x) => ({ from: x.role, to: x.skill })),
    ],
    USES: [
      ...doc.roles.flatMap((r) => r.technologies.map((t) => ({ from: r.id, to: t.id }))),
      ...doc.roleTechnologies.map((x) => ({ from: x.role, to: x.technology })),
    ],
    PROGRESSES_TO: doc.progressions.map(({ from, to }) => ({ from, to })),
    RELATED_TO: doc.related.map(({ from, to }) => ({ from, to })),
    PRACTISED_WITH: doc.practisedWith.map((p) => ({ from: p.skill, to: p.technology })),
    PAID: doc.salaryBands.map((b) => ({ from: (b.role ?? b.track) as string, to: b.id })),
    CITES: [
      ...[...doc.roles, ...doc.skills, ...doc.technologies].flatMap((x) =>
        x.sources.map((s) => ({ from: x.id, to: s })),
      ),
      ...doc.salaryBands.map((b) => ({ from: b.id, to: b.source })),
    ],
  };
}

// Link types come from the fixed list above, never from input.
const existingLinks = (type: string) => `
UNWIND $pairs AS p
MATCH (:Entity {id: p.from})-[e:${type}]->(:Entity {id: p.to})
RETURN count(e) AS n`;
const allLinks = (type: string) => `
MATCH (:Entity)-[e:${type}]->(:Entity) RETURN count(e) AS n`;

const ENTITIES_BY_KIND = `
MATCH (n:Entity)
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, count(*) AS n`;

/**
 * For REPLACE: every entity the document does not list (or lists as another kind), and every
 * link, go first. $kinds maps each listed id to its label.
 */
const DELETE_UNLISTED = `
MATCH (n:Entity) WHERE NOT coalesce($kinds[n.id], '') IN labels(n)
DETACH DELETE n`;

/** For MERGE: a related pair listed one way replaces the link the other way. */
const DELETE_REVERSED_RELATED = `
UNWIND $pairs AS p
MATCH (:Role {id: p.to})-[e:RELATED_TO]->(:Role {id: p.from})
DELETE e`;
const DELETE_LINKS = `
MATCH (:Entity)-[e]->(:Entity) DELETE e`;

const STAMP_ALL = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.updatedAt = datetime(), n.updatedBy = $by`;

async function report(
  executor: Executor,
  doc: SeedDocument,
  mode: ImportMode,
  kindOf: Map<string, string>,
): Promise<Pick<ImportReport, "entities" | "links">> {
  const entities: KindChange[] = [];
  const inGraph = new Map(
    (await executor.read<{ kind: string; n: number }>(ENTITIES_BY_KIND)).map((r) => [r.kind, r.n]),
  );
  for (const [kind, list] of ENTITY_LISTS) {
    const ids = doc[list].map((x) => x.id);
    const updated = ids.filter((id) => kindOf.get(id) === KIND_NAMES[kind]).length;
    entities.push({
      kind,
      created: ids.length - updated,
      updated,
      deleted: mode === "REPLACE" ? (inGraph.get(kind) ?? 0) - updated : 0,
    });
  }
  const links: KindChange[] = [];
  for (const [type, pairs] of Object.entries(linksOf(doc))) {
    const [kept] = await executor.read<{ n: number }>(existingLinks(type), { pairs });
    const updated = kept?.n ?? 0;
    // Only a REPLACE deletes, so only it needs the type's total.
    const [all] = mode === "REPLACE" ? await executor.read<{ n: number }>(allLinks(type)) : [];
    links.push({
      kind: type,
      created: pairs.length - updated,
      updated,
      deleted: mode === "REPLACE" ? (all?.n ?? 0) - updated : 0,
    });
  }
  return { entities, links };
}

export async function importGraph(
  executor: Executor,
  document: unknown,
  options: ImportOptions,
): Promise<ImportReport> {
  const doc = parseDocument(document);
  const ids = [
    ...new Set([
      ...ENTITY_LISTS.flatMap(([, list]) => doc[list].map((x) => x.id)),
      ...Object.values(linksOf(doc)).flatMap((pairs) => pairs.flatMap((p) => [p.from, p.to])),
    ]),
  ];
  const rows = await executor.read<{ id: string; kind: string | null }>(KINDS_OF, { ids });
  const kindOf = new Map(
    rows.flatMap((r) =>
      r.kind ? [[r.id, KIND_NAMES[r.kind as EntityKind] ?? r.kind] as const] : [],
    ),
  );
  // A replacing document must stand alone; a merging one may point into the graph.
  const problems = checkReferences(doc, options.mode === "MERGE" ? kindOf : new Map());
  if (problems.length > 0) refuse(problems);

  const changes = await report(executor, doc, options.mode, kindOf);
  const result = { mode: options.mode, dryRun: options.dryRun, ...changes };
  if (options.dryRun) return result;

  const labelOf = Object.fromEntries(
    ENTITY_LISTS.flatMap(([kind, list]) => doc[list].map((x) => [x.id, kind])),
  );
  const declared = Object.keys(labelOf);
  await executor.writeTransaction(
    async (run: TransactionRun) => {
      if (options.mode === "REPLACE") {
        await run(DELETE_UNLISTED, { kinds: labelOf });
        await run(DELETE_LINKS);
      } else {
        await run(DELETE_REVERSED_RELATED, { pairs: linksOf(doc).RELATED_TO });
      }
      await writeSteps(run, loadSteps(doc), (name) => options.onStep?.(name));
      await run(STAMP_ALL, { ids: declared, by: options.by });
      const total = (list: KindChange[]) => list.reduce((sum, c) => sum + c.created + c.updated, 0);
      await run(RECORD_CHANGE, {
        by: options.by,
        action: "import",
        kind: options.mode,
        target: `${total(changes.entities)} entities, ${total(changes.links)} links`,
      });
      await run(BUMP_GRAPH_VERSION);
    },
    { timeoutMs: 300_000 },
  );
  return result;
}
