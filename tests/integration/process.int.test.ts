import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../src/neo4j/local/launcher.js";
import { isAlive, waitFor } from "../helpers/local-neo4j.js";
import { type SpawnedProcess, spawnTs } from "../helpers/process.js";

const dirs: string[] = [];
const running: SpawnedProcess[] = [];
afterAll(() => {
  for (const p of running) p.child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function startMain(): Promise<{ app: SpawnedProcess; url: string; javaPid: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), "rolegraph-main-"));
  dirs.push(dataDir);
  const app = spawnTs("src/main.ts", {
    PORT: "0",
    NEO4J_LOCAL_PORT: String(await findFreePort()),
    NEO4J_LOCAL_DATA_DIR: dataDir,
    NEO4J_LOCAL_HEAP: "512m",
    NEO4J_LOCAL_PAGECACHE: "64m",
    LOG_LEVEL: "info",
  });
  running.push(app);
  const started = await app.waitForLog("local Neo4j started", 120_000);
  const ready = await app.waitForLog("ready", 60_000);
  return { app, url: String(ready.url), javaPid: Number(started.pid) };
}

describe("the server process (src/main.ts) on its own local Neo4j", { timeout: 180_000 }, () => {
  it("seeds the empty database, answers the role query, and exits 0 on SIGTERM leaving no JVM", async () => {
    const { app, url, javaPid } = await startMain();
    expect(isAlive(javaPid)).toBe(true);

    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: '{ role(id: "back-end-developer") { title track { name } } }',
      }),
    });
    expect(await response.json()).toEqual({
      data: { role: { title: "Back End Developer", track: { name: "Back end" } } },
      extensions: { roundTrips: 2 },
    });

    app.child.kill("SIGTERM");
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(javaPid)).toBe(false);
    expect(app.logs.map((l) => l.msg)).toContain("stopped");
  });

  it("stops its JVM on Ctrl-C (SIGINT) too", async () => {
    const { app, javaPid } = await startMain();
    app.child.kill("SIGINT");
    expect((await app.exited).code).toBe(0);
    expect(isAlive(javaPid)).toBe(false);
  });

  it("leaves no JVM behind when the Node process is killed outright (SIGKILL)", async () => {
    const { app, javaPid } = await startMain();
    app.child.kill("SIGKILL");
    await app.exited;
    expect(await waitFor(() => !isAlive(javaPid), 30_000)).toBe(true);
  });

  it("leaves no JVM behind when the Node process crashes with an uncaught error", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rolegraph-crash-"));
    dirs.push(dataDir);
    const app = spawnTs("tests/fixtures/crash-after-start.ts", { DATA_DIR: dataDir });
    running.push(app);
    const { pid } = await app.waitForLog("started", 120_000);
    expect(isAlive(Number(pid))).toBe(true);
    expect((await app.exited).code).not.toBe(0);
    expect(app.stderr.join("\n")).toContain("simulated crash");
    expect(await waitFor(() => !isAlive(Number(pid)), 30_000)).toBe(true);
  });

  it("refuses bad configuration with one line per problem and exit code 2, before starting anything", async () => {
    const app = spawnTs("src/main.ts", { PORT: "http", LOG_LEVEL: "chatty" });
    running.push(app);
    expect((await app.exited).code).toBe(2);
    const stderr = app.stderr.join("\n");
    expect(stderr).toContain('PORT: expected a whole number, received "http"');
    expect(stderr).toContain(
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, received "chatty"',
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(app.logs.some((l) => l.msg === "local Neo4j started")).toBe(false);
  });
});
