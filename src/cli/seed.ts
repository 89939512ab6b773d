import { parseArgs } from "node:util";
import { migrate } from "../neo4j/migrate.js";
import { countGraph, loadSeed, readSeed, SEED_DIR } from "../seed/loader.js";
import { runWithDatabase } from "./run-with-database.js";

const { values } = parseArgs({
  options: {
    reset: { type: "boolean", default: false },
    dir: { type: "string", default: SEED_DIR },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  process.stdout.write(
    "Usage: npm run seed -- [--reset] [--dir seed/]\n" +
      "Validates every seed file, then loads them in one transaction (idempotent).\n" +
      "  --reset   remove the existing graph first\n",
  );
} else {
  // Validate before touching the database: an invalid seed writes nothing.
  const seed = readSeed(values.dir);
  await runWithDatabase(async ({ executor, uri }) => {
    await migrate(executor);
    const started = Date.now();
    await loadSeed(executor, seed, {
      reset: values.reset,
      onProgress: (message) => process.stdout.write(`  ${message}\n`),
    });
    const counts = await countGraph(executor);
    process.stdout.write(`Seeded ${uri} in ${Date.now() - started} ms\n`);
    for (const [key, count] of Object.entries(counts))
      process.stdout.write(`  ${key.padEnd(16)} ${count}\n`);
  });
}
