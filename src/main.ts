import { jwtVerifier } from "./auth/jwt.js";
import { prepareDatabase } from "./bootstrap.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { connectDatabase, type Database } from "./neo4j/connect.js";
import { LocalNeo4jError } from "./neo4j/local/launcher.js";
import { createSchema } from "./schema.js";
import { createServer, type Server } from "./server.js";

/** Process entry: config → database → server → signals. */

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
let database: Database | undefined;
let server: Server | undefined;
let shuttingDown = false;

async function shutdown(reason: string, exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ reason }, "shutting down");
  try {
    await server?.close();
    await database?.close();
    logger.info("stopped");
  } catch (error) {
    logger.error({ err: error }, "error during shutdown");
    exitCode = exitCode || 1;
  }
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (shuttingDown) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    void shutdown(signal, 0);
  });
}
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error) => {
    logger.fatal({ err: error }, event);
    // The local Neo4j also stops by itself when this process is gone (its stdin lifeline).
    void shutdown(event, 1);
  });
}

try {
  const started = Date.now();
  database = await connectDatabase(config, logger);
  await prepareDatabase(database.executor, logger, config.seedOnStart);
  server = await createServer({
    schema: await createSchema(),
    executor: database.executor,
    logger,
    nodeEnv: config.nodeEnv,
    betweennessWork: config.analytics.betweennessWork,
    requireAuthForReads: config.requireAuthForReads,
    jwt: config.jwt && jwtVerifier(config.jwt),
    rateLimitPerMinute: config.rateLimitPerMinute,
    introspection: config.graphql.introspection,
    suggestions: config.graphql.suggestions,
    limits: config.graphql.limits,
    requestTimeoutMs: config.http.requestTimeoutMs,
  });
  const address = await server.app.listen({ host: config.http.host, port: config.http.port });
  logger.info(
    { url: `${address}/graphql`, neo4j: database.uri, startupMs: Date.now() - started },
    "ready",
  );
  // Build the path projection and the centrality scores now rather than on the first question;
  // failures are logged and the first request that needs them tries again.
  const warming = Date.now();
  server.analytics
    .warm(database.executor)
    .then(() => logger.info({ ms: Date.now() - warming }, "projection and centrality ready"))
    .catch((error: unknown) => logger.warn({ err: error }, "projection not built yet"));
} catch (error) {
  if (error instanceof LocalNeo4jError) {
    logger.fatal(error.message);
    process.stderr.write(`\n${error.message}\n`);
  } else {
    logger.fatal({ err: error }, "start-up failed");
  }
  await shutdown("start-up failed", 1);
}
