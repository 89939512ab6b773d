import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalNeo4j, startLocalNeo4j } from "../../src/neo4j/local/launcher.js";

/** A private local Neo4j for tests that stop, kill or restart the database. */
export async function startPrivateNeo4j(
  options: { port?: number; dataDir?: string } = {},
): Promise<LocalNeo4j & { cleanup(): Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "rolegraph-private-neo4j-"));
  const neo4j = await startLocalNeo4j({
    port: options.port ?? 0,
    dataDir,
    heap: "512m",
    pageCache: "64m",
  });
  return {
    ...neo4j,
    cleanup: async () => {
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  stepMs = 200,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return condition();
}
