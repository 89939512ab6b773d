import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectPath } from "../project-root.js";
import type { Executor } from "./executor.js";

export const SCHEMA_DIR = projectPath("schema");

/** Splits a Cypher file into statements: `;` at the end of a line ends one; `//` lines are comments. */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of text.split("\n")) {
    if (line.trim().startsWith("//")) continue;
    current.push(line);
    if (line.trimEnd().endsWith(";")) {
      statements.push(current.join("\n").trim().replace(/;$/, ""));
      current = [];
    }
  }
  const rest = current.join("\n").trim();
  if (rest !== "") statements.push(rest);
  return statements.filter((s) => s !== "");
}

/** The schema statements in file-name order. */
export function schemaStatements(dir: string = SCHEMA_DIR): { file: string; statement: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".cypher"))
    .sort()
    .flatMap((file) =>
      splitStatements(readFileSync(join(dir, file), "utf8")).map((statement) => ({
        file,
        statement,
      })),
    );
}

/**
 * Applies every statement under schema/ (each is idempotent: IF NOT EXISTS) and waits until the
 * indexes are online, so that the first query after start-up can use them.
 */
export async function migrate(executor: Executor): Promise<number> {
  const statements = schemaStatements();
  for (const { statement } of statements) {
    await executor.write(statement, {}, { timeoutMs: 60_000 });
  }
  await executor.write("CALL db.awaitIndexes(60)", {}, { timeoutMs: 65_000 });
  return statements.length;
}
