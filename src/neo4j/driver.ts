import neo4j, { type Driver } from "neo4j-driver";
import type { Logger } from "../logger.js";

export interface DriverOptions {
  uri: string;
  user: string;
  password: string | undefined;
}

/**
 * One driver per process. Timeouts are short so that an unreachable database is reported in
 * seconds rather than the driver's default of a minute: a request fails fast with
 * SERVICE_UNAVAILABLE and /readyz turns 503 promptly.
 */
export function createDriver(options: DriverOptions, logger: Logger): Driver {
  // No password: a server with authentication off (the local Neo4j), so no token is sent.
  const auth =
    options.password === undefined ? undefined : neo4j.auth.basic(options.user, options.password);
  return neo4j.driver(options.uri, auth, {
    // Counts, years and money fit in a double; ids are strings. Integers come back as numbers.
    disableLosslessIntegers: true,
    connectionTimeout: 2_000,
    connectionAcquisitionTimeout: 3_000,
    maxTransactionRetryTime: 2_000,
    maxConnectionPoolSize: 50,
    logging: {
      level: "warn",
      logger: (level, message) => {
        if (level === "error") logger.error({ component: "neo4j-driver" }, message);
        else logger.warn({ component: "neo4j-driver" }, message);
      },
    },
  });
}
