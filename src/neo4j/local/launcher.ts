import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { projectPath } from "../../project-root.js";

/**
 * Starts Neo4j Community embedded in a JVM of its own (the Maven module in neo4j-local/) when no
 * NEO4J_URI is given. The JVM's standard input is its lifeline: it shuts down when the pipe
 * closes, so it cannot outlive this process however this process ends (see LocalNeo4j.java).
 */

const MODULE_DIR = projectPath("neo4j-local");
const POM = join(MODULE_DIR, "pom.xml");
const JAVA_SOURCE = join(MODULE_DIR, "src/main/java/dev/rolegraph/neo4j/LocalNeo4j.java");
const TARGET = join(MODULE_DIR, "target");
const CLASSES = join(TARGET, "classes");
const DEPENDENCIES_FILE = join(TARGET, "classpath.txt");
/** The cached java argument file: `-cp <classes>:<jars>`, so ps shows a short command line. */
const ARGS_FILE = join(TARGET, "launcher.args");
const MAIN_CLASS = "dev.rolegraph.neo4j.LocalNeo4j";

const OTHER_WAYS =
  "Other ways to get a Neo4j: set NEO4J_URI to a running Neo4j 5 (with NEO4J_USER and NEO4J_PASSWORD), " +
  "or run `docker compose up`.";

/** JVM flags Neo4j's own embedded tests use on Java 17. */
const JVM_FLAGS = [
  ...[
    "java.lang",
    "java.nio",
    "java.io",
    "java.util",
    "java.util.concurrent",
    "sun.nio.ch",
  ].flatMap((pkg) => ["--add-opens", `java.base/${pkg}=ALL-UNNAMED`]),
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Dfile.encoding=UTF-8",
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
];

export class LocalNeo4jError extends Error {
  override name = "LocalNeo4jError";
}

export interface LocalNeo4jOptions {
  /** Bolt port; 0 picks a free one. */
  port: number;
  dataDir: string;
  /** JVM heap, e.g. "1g". */
  heap: string;
  /** Page cache, e.g. "512m". */
  pageCache: string;
  /** Server-side ceiling on any transaction, in seconds. */
  transactionTimeoutSeconds?: number;
  /** How long to wait for Bolt to answer, in milliseconds. */
  startTimeoutMs?: number;
  /** Progress messages (classpath resolution, start). */
  onProgress?: (message: string) => void;
}

export interface LocalNeo4j {
  readonly uri: string;
  readonly port: number;
  readonly pid: number;
  readonly dataDir: string;
  /** Resolves when the JVM has exited, with its exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Shuts the database down cleanly; escalates to SIGKILL after `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

export function parseMemorySize(size: string): number {
  const match = /^(\d+)([kmg])$/i.exec(size.trim());
  if (!match?.[1] || !match[2])
    throw new LocalNeo4jError(`Cannot read memory size ${JSON.stringify(size)}`);
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase() as "k" | "m" | "g"];
  return Number(match[1]) * unit;
}

function commandExists(command: string, versionFlag: string): boolean {
  const result = spawnSync(command, [versionFlag], { stdio: "ignore" });
  return result.error === undefined && result.status === 0;
}

export function assertToolchain(needMaven: boolean): void {
  const missing: string[] = [];
  if (!commandExists("java", "-version")) missing.push("Java 17 (`java`)");
  if (needMaven && !commandExists("mvn", "-v")) missing.push("Maven 3.8+ (`mvn`)");
  if (missing.length > 0) {
    throw new LocalNeo4jError(
      `Cannot start the local Neo4j: ${missing.join(" and ")} not found on PATH. ` +
        `Install it, or use another Neo4j. ${OTHER_WAYS}`,
    );
  }
}

const mtime = (path: string): number => (existsSync(path) ? statSync(path).mtimeMs : 0);

function cachedArgsAreFresh(): boolean {
  if (!existsSync(ARGS_FILE) || !existsSync(DEPENDENCIES_FILE)) return false;
  const built = mtime(ARGS_FILE);
  if (mtime(POM) > built || mtime(JAVA_SOURCE) > built) return false;
  // A cleaned local Maven repository invalidates the cache too.
  return readFileSync(DEPENDENCIES_FILE, "utf8")
    .trim()
    .split(":")
    .every((jar) => jar === "" || existsSync(jar));
}

/**
 * Compiles the launcher class and resolves Neo4j's runtime classpath with Maven, once: the
 * result is cached in neo4j-local/target and reused until pom.xml or the Java source changes.
 * Returns the path of a java @argument file.
 */
export function resolveClasspath(onProgress: (message: string) => void = () => {}): string {
  if (cachedArgsAreFresh()) {
    assertToolchain(false);
    return ARGS_FILE;
  }
  assertToolchain(true);
  onProgress("Resolving Neo4j with Maven (the first time downloads about 150 MB)…");
  const result = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "-f",
      POM,
      "compile",
      "dependency:build-classpath",
      "-DincludeScope=runtime",
      `-Dmdep.outputFile=${DEPENDENCIES_FILE}`,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error !== undefined || result.status !== 0 || !existsSync(DEPENDENCIES_FILE)) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`
      .trim()
      .split("\n")
      .slice(-25)
      .join("\n");
    throw new LocalNeo4jError(
      `Maven could not build the local Neo4j launcher (exit ${result.status ?? result.error?.message}).\n` +
        `${output}\n${OTHER_WAYS}`,
    );
  }
  const classpath = [CLASSES, readFileSync(DEPENDENCIES_FILE, "utf8").trim()].join(":");
  const temporary = `${ARGS_FILE}.${process.pid}.tmp`;
  writeFileSync(temporary, `-cp ${JSON.stringify(classpath)}\n`);
  renameSync(temporary, ARGS_FILE);
  return ARGS_FILE;
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === "object") resolvePort(address.port);
        else reject(new LocalNeo4jError("Could not pick a free port"));
      });
    });
  });
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolveFree(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolveFree(true)));
  });
}

function tailOfFile(path: string, lines: number): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines);
}

/** Starts the embedded Neo4j and resolves once Bolt answers. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const onProgress = options.onProgress ?? (() => {});
  const argsFile = resolveClasspath(onProgress);

  let port = options.port;
  if (port === 0) {
    port = await findFreePort();
  } else if (!(await isPortFree(port))) {
    throw new LocalNeo4jError(
      `Cannot start the local Neo4j: port ${port} on 127.0.0.1 is already in use ` +
        "(another Neo4j, or another copy of this server?). Stop it, or choose another port with " +
        `NEO4J_LOCAL_PORT. ${OTHER_WAYS}`,
    );
  }

  const dataDir = resolve(options.dataDir);
  mkdirSync(join(dataDir, "logs"), { recursive: true });
  const logPath = join(dataDir, "logs", "launcher.log");
  const log = createWriteStream(logPath, { flags: "a" });
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    log.write(`${line}\n`);
  };

  const pageCache = parseMemorySize(options.pageCache);
  const child: ChildProcess = spawn(
    "java",
    [
      `-Xmx${options.heap}`,
      `-Xms${options.heap}`,
      ...JVM_FLAGS,
      `@${argsFile}`,
      MAIN_CLASS,
      dataDir,
      String(port),
      String(pageCache),
      String(options.transactionTimeoutSeconds ?? 120),
    ],
    // Its own process group: a terminal's Ctrl-C reaches this process, which then stops the
    // database in order, after in-flight requests have drained.
    { stdio: ["pipe", "pipe", "pipe"], detached: true },
  );
  if (child.pid === undefined) {
    throw new LocalNeo4jError(`Cannot start the local Neo4j: java did not start. ${OTHER_WAYS}`);
  }
  const pid = child.pid;

  const exited = new Promise<number | null>((resolveExit) => {
    child.once("exit", (code) => {
      log.end();
      resolveExit(code);
    });
  });

  const ready = new Promise<void>((resolveReady, reject) => {
    const stdout = createInterface({ input: child.stdout! });
    const stderr = createInterface({ input: child.stderr! });
    stderr.on("line", remember);
    stdout.on("line", (line) => {
      remember(line);
      if (line.startsWith("READY ")) resolveReady();
    });
    child.once("error", (error) =>
      reject(new LocalNeo4jError(`Cannot run java: ${error.message}. ${OTHER_WAYS}`)),
    );
    void exited.then((code) =>
      reject(
        new LocalNeo4jError(
          [
            `The local Neo4j exited during start-up (exit code ${code}). Last lines of its output:`,
            ...recent.slice(-20).map((l) => `  ${l}`),
            `Last lines of ${join(dataDir, "logs", "debug.log")}:`,
            ...tailOfFile(join(dataDir, "logs", "debug.log"), 15).map((l) => `  ${l}`),
            OTHER_WAYS,
          ].join("\n"),
        ),
      ),
    );
  });
  // The lifeline pipe must not raise if the JVM has already gone.
  child.stdin?.on("error", () => {});

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 30_000): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin?.end();
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  const timeoutMs = options.startTimeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new LocalNeo4jError(
            `The local Neo4j did not answer within ${Math.round(timeoutMs / 1000)} s. ` +
              `Last lines of its output:\n${recent.slice(-20).join("\n")}`,
          ),
        ),
      timeoutMs,
    );
  });

  onProgress(`Starting Neo4j on bolt://127.0.0.1:${port} (data in ${dataDir})…`);
  try {
    await Promise.race([ready, timedOut]);
  } catch (error) {
    await stop(5_000);
    throw error;
  } finally {
    clearTimeout(timer);
  }

  return { uri: `bolt://127.0.0.1:${port}`, port, pid, dataDir, exited, stop };
}
