import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root. This file sits one folder below it both as source (src/) and when
 * compiled (dist/), so the same relative step works in development, tests and production.
 */
export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export const projectPath = (...parts: string[]): string => join(PROJECT_ROOT, ...parts);
