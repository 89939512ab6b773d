import type { Logger } from "./logger.js";
import type { Executor } from "./neo4j/executor.js";
import { migrate } from "./neo4j/migrate.js";
import { countGraph, isEmpty, loadSeed, readSeed } from "./seed/loader.js";

/** Applies the schema and, when asked and the graph holds no roles, loads the seed. */
export async function prepareDatabase(
  executor: Executor,
  logger: Logger,
  seedIfEmpty: boolean,
): Promise<void> {
  const statements = await migrate(executor);
  logger.info({ statements }, "schema applied");
  if (seedIfEmpty && (await isEmpty(executor))) {
    const seed = readSeed();
    await loadSeed(executor, seed, { onProgress: (message) => logger.debug(`seed: ${message}`) });
    logger.info({ counts: await countGraph(executor) }, "empty database seeded");
  }
}
