import { migrate } from "../neo4j/migrate.js";
import { runWithDatabase } from "./run-with-database.js";

await runWithDatabase(async ({ executor, uri }) => {
  const statements = await migrate(executor);
  process.stdout.write(`Applied ${statements} schema statements to ${uri}\n`);
});
