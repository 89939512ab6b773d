import { parseArgs } from "node:util";
import { readSeed, SEED_DIR, SeedError } from "../seed/loader.js";

/** Validates the seed files (schema and references) without touching a database. */
const { values } = parseArgs({ options: { dir: { type: "string", default: SEED_DIR } } });
try {
  const seed = readSeed(values.dir);
  const counts = Object.entries(seed).map(([key, list]) => `${key} ${(list as unknown[]).length}`);
  process.stdout.write(`Seed is valid: ${counts.join(", ")}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof SeedError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
