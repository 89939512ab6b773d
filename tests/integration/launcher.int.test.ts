import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  assertToolchain,
  findFreePort,
  LocalNeo4jError,
  parseMemorySize,
  startLocalNeo4j,
} from "../../src/neo4j/local/launcher.js";
import { isAlive } from "../helpers/local-neo4j.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "rolegraph-launcher-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("local Neo4j launcher", () => {
  it("reads memory sizes", () => {
    expect(parseMemorySize("512m")).toBe(512 * 1024 * 1024);
    expect(parseMemorySize("2G")).toBe(2 * 1024 ** 3);
    expect(() => parseMemorySize("lots")).toThrow(LocalNeo4jError);
  });

  it("names the other ways to get a Neo4j when Java or Maven is missing", () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      expect(() => assertToolchain(true)).toThrow(
        /Java 17 \(`java`\) and Maven 3\.8\+ \(`mvn`\) not found/,
      );
      expect(() => assertToolchain(true)).toThrow(/NEO4J_URI.*docker compose up/);
    } finally {
      process.env.PATH = path;
    }
  });

  it("refuses a port that is already taken, saying which and how to choose another", async () => {
    const port = await findFreePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      await expect(
        startLocalNeo4j({ port, dataDir: tempDir(), heap: "256m", pageCache: "16m" }),
      ).rejects.toThrow(
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*NEO4J_LOCAL_PORT`),
      );
    } finally {
      blocker.close();
    }
  });

  it("reports a JVM that dies during start-up with the tail of its output", async () => {
    // A heap far too small for Neo4j: the JVM exits before Bolt ever answers.
    const error = await startLocalNeo4j({
      port: 0,
      dataDir: tempDir(),
      heap: "4m",
      pageCache: "16m",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalNeo4jError);
    expect((error as Error).message).toMatch(/exited during start-up \(exit code \d+\)/);
    expect((error as Error).message).toMatch(/Last lines of its output:\n\s+\S/);
  });

  it("stops cleanly: the JVM is gone once stop() resolves", async () => {
    const neo4j = await startLocalNeo4j({
      port: 0,
      dataDir: tempDir(),
      heap: "512m",
      pageCache: "32m",
    });
    expect(isAlive(neo4j.pid)).toBe(true);
    await neo4j.stop();
    expect(isAlive(neo4j.pid)).toBe(false);
    expect(await neo4j.exited).toBe(0);
  });
});
