import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { importGraph } from "../curation/import.js";
import { readSeed } from "../seed/loader.js";
import { runWithDatabase } from "./run-with-database.js";

/**
 * npm run import -- <file.json | folder of seed files> [--replace] [--dry-run]: the same
 * checks, counts and single transaction as the importGraph mutation, for documents too large to
 * send over HTTP. Changes are recorded as made by "cli".
 */

const USAGE = "npm run import -- <file.json | folder> [--replace] [--dry-run]";
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { replace: { type: "boolean" }, "dry-run": { type: "boolean" } },
});
const [path] = positionals;
if (!path) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

await runWithDatabase(async ({ executor }) => {
  const document = statSync(path).isDirectory()
    ? readSeed(path)
    : (JSON.parse(readFileSync(path, "utf8")) as unknown);
  const report = await importGraph(executor, document, {
    mode: values.replace ? "REPLACE" : "MERGE",
    dryRun: values["dry-run"] ?? false,
    by: "cli",
  });
  const line = (c: { kind: string; created: number; updated: number; deleted: number }) =>
    `  ${c.kind.padEnd(16)} +${c.created}  ~${c.updated}  -${c.deleted}\n`;
  process.stdout.write(
    `${report.dryRun ? "Would change (dry run, nothing written)" : "Imported"} (${report.mode}):\n`,
  );
  for (const change of [...report.entities, ...report.links]) process.stdout.write(line(change));
});
