import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { PROJECT_ROOT } from "../../src/project-root.js";

export interface SpawnedProcess {
  child: ChildProcess;
  /** Parsed JSON log lines so far. */
  logs: Record<string, unknown>[];
  stderr: string[];
  /** Resolves with the first log line whose msg matches. */
  waitForLog(msg: string | RegExp, timeoutMs: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a TypeScript entry point in a node process of its own (tsx as a loader, same pid). */
export function spawnTs(entry: string, env: Record<string, string>): SpawnedProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const waiters: {
    match: (line: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      parsed = { msg: line };
    }
    logs.push(parsed);
    for (const waiter of [...waiters]) {
      if (waiter.match(parsed)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(parsed);
      }
    }
  });
  createInterface({ input: child.stderr! }).on("line", (line) => stderr.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

  const waitForLog = (msg: string | RegExp, timeoutMs: number) => {
    const match = (line: Record<string, unknown>) =>
      typeof line.msg === "string" &&
      (typeof msg === "string" ? line.msg === msg : msg.test(line.msg));
    const seen = logs.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`no log "${msg}" within ${timeoutMs} ms; stderr:\n${stderr.join("\n")}`),
          ),
        timeoutMs,
      );
      void exited.then(({ code }) =>
        reject(
          new Error(
            `process exited (${code}) before logging "${msg}"; stderr:\n${stderr.join("\n")}`,
          ),
        ),
      );
      waiters.push({
        match,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  };
  return { child, logs, stderr, waitForLog, exited };
}
