import { type Logger, pino } from "pino";
import type { LogLevel } from "./config.js";

export type { Logger };

/** Structured JSON logs on standard output; secrets are redacted wherever they appear. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: "rolegraph" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "password", "*.password"],
      censor: "[redacted]",
    },
  });
}
