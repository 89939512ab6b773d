import { parseArgs } from "node:util";
import { runWithDatabase } from "../src/cli/run-with-database.js";
import { migrate } from "../src/neo4j/migrate.js";
import { countGraph, loadSeed } from "../src/seed/loader.js";
import { generateSynthetic } from "./synthetic.js";

/**
 * Replaces the graph with a synthetic one: `npm run bench:load -- --edges 100000 [--seed 42]`.
 * Uses NEO4J_URI, or starts the local Neo4j as `npm start` does. Never point it at a graph you
 * want to keep.
 */
const { values } = parseArgs({
  options: {
    edges: { type: "string", default: "10000" },
    seed: { type: "string", default: "42" },
  },
});
const edges = Number(values.edges);
const seed = Number(values.seed);
if (!Number.isInteger(edges) || edges < 1 || edges > 5_000_000 || !Number.isInteger(seed)) {
  process.stderr.write("--edges must be an integer from 1 to 5000000, --seed an integer\n");
  process.exit(2);
}

await runWithDatabase(async ({ executor, uri }) => {
  await migrate(executor);
  const started = Date.now();
  const doc = generateSynthetic({ edges, seed });
  process.stdout.write(`Generated ${doc.roles.length} roles in ${Date.now() - started} ms\n`);
  await loadSeed(executor, doc, {
    reset: true,
    mode: "bulk",
    onProgress: (message) => process.stdout.write(`  ${message}\n`),
  });
  process.stdout.write(`Loaded into ${uri} in ${Date.now() - started} ms\n`);
  for (const [key, count] of Object.entries(await countGraph(executor)))
    process.stdout.write(`  ${key.padEnd(16)} ${count}\n`);
});
