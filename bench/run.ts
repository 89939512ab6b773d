import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { connectDatabase, type Database } from "../src/neo4j/connect.js";
import { BUMP_GRAPH_VERSION } from "../src/neo4j/graph-version.js";
import { findFreePort } from "../src/neo4j/local/launcher.js";
import { migrate } from "../src/neo4j/migrate.js";
import { clearGraph, countGraph, loadSeed, readSeed } from "../src/seed/loader.js";
import type { SeedDocument } from "../src/seed/seed.schema.js";
import { drive, figures, type Phase } from "./drive.js";
import {
  chart,
  markdown,
  type RunResult,
  ratios,
  readRuns,
  SYSTEMS,
  type System,
  type SystemFigures,
} from "./report.js";
import { type GraphQLServer, startApi, startPeer } from "./servers.js";
import { generateSynthetic } from "./synthetic.js";
import { type Row, WORKLOADS, type Workload } from "./workloads.js";

const USAGE = `Usage: npm run bench -- [options]
  --dataset seed|synthetic   the graph to load (default seed)
  --edges N[,N…]             synthetic sizes in PROGRESSES_TO edges, run one after another
  --quick                    a smoke run for CI: short phases, one round, results under bench/results/tmp
  --connections N            concurrent requests per system (default 4)
  --rounds N                 rounds per workload, systems alternating (default 3)
  --seconds S                length of one system's turn in a round (default 5)
  --warmup S                 warm-up per workload and system (default 3)
  --workloads a,b            only these workloads (${WORKLOADS.map((w) => w.name).join(", ")})
  --reload                   load the dataset even when the database already holds it
Uses NEO4J_URI when set; otherwise starts the local Neo4j on .data/neo4j-bench (quick: a temp dir).
The dataset replaces the graph in that database: never point it at a graph you want to keep.`;

const { values } = parseArgs({
  options: {
    dataset: { type: "string", default: "seed" },
    edges: { type: "string", default: "10000" },
    quick: { type: "boolean", default: false },
    connections: { type: "string", default: "4" },
    rounds: { type: "string" },
    seconds: { type: "string" },
    warmup: { type: "string" },
    workloads: { type: "string" },
    reload: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const quick = values.quick;
const numberOption = (name: string, raw: string | undefined, fallback: number, max: number) => {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max) fail(`--${name} must be a number from 0 to ${max}`);
  return n;
};
const connections = Math.round(numberOption("connections", values.connections, 4, 256));
const rounds = Math.round(numberOption("rounds", values.rounds, quick ? 1 : 3, 20));
const roundMs = numberOption("seconds", values.seconds, quick ? 0.5 : 5, 600) * 1000;
const warmupMs = numberOption("warmup", values.warmup, quick ? 0.2 : 3, 600) * 1000;
if (values.dataset !== "seed" && values.dataset !== "synthetic")
  fail("--dataset must be seed or synthetic");
const sizes =
  values.dataset === "seed"
    ? [0]
    : values.edges.split(",").map((s) => {
        const n = Number(s);
        if (!Number.isInteger(n) || n < 100 || n > 5_000_000)
          fail("--edges takes integers from 100 to 5000000, comma-separated");
        return n;
      });
const chosen = values.workloads?.split(",") ?? WORKLOADS.map((w) => w.name);
const unknown = chosen.filter((name) => !WORKLOADS.some((w) => w.name === name));
if (unknown.length > 0) fail(`unknown workloads: ${unknown.join(", ")}`);
const workloads = WORKLOADS.filter((w) => chosen.includes(w.name));

const resultsDir = quick ? "bench/results/tmp" : "bench/results";
const say = (message: string) => process.stdout.write(`${message}\n`);

// ---- the database ------------------------------------------------------------------------------

let scratch: string | undefined;
if (process.env.NEO4J_URI === undefined) {
  if (quick) scratch = mkdtempSync(join(tmpdir(), "rolegraph-bench-"));
  process.env.NEO4J_LOCAL_DATA_DIR ??= scratch ?? ".data/neo4j-bench";
  process.env.NEO4J_LOCAL_PORT ??= String(await findFreePort());
  // A million edges want more than `npm start`'s defaults: the graph is a few GiB on disk.
  process.env.NEO4J_LOCAL_HEAP ??= quick ? "1g" : "3g";
  process.env.NEO4J_LOCAL_PAGECACHE ??= quick ? "512m" : "6g";
}
const config = loadConfig();
const database: Database = await connectDatabase(config, createLogger("warn"));

/** The counts a loaded document should leave, to tell whether the database already holds it. */
function expectedCounts(doc: SeedDocument): Record<string, number> {
  return {
    Role: doc.roles.length,
    Skill: doc.skills.length,
    Technology: doc.technologies.length,
    Track: doc.tracks.length,
    PROGRESSES_TO: doc.progressions.length,
  };
}

async function load(edges: number): Promise<void> {
  const started = Date.now();
  const doc = edges === 0 ? readSeed() : generateSynthetic({ edges, seed: 42 });
  const counts: Record<string, number> = await countGraph(database.executor);
  const expected = expectedCounts(doc);
  if (!values.reload && Object.entries(expected).every(([key, n]) => counts[key] === n)) {
    say("the database already holds this dataset; --reload loads it again");
    return;
  }
  say(`loading ${edges === 0 ? "the seed graph" : `${doc.roles.length} synthetic roles`}`);
  // A million-edge graph is too big to delete in the seed's single transaction: clear it in
  // batches first, then load the seed atomically as `npm run seed` does.
  await clearGraph(database.executor, (message) => say(`  ${message}`));
  await loadSeed(database.executor, doc, {
    mode: edges === 0 ? "atomic" : "bulk",
    onProgress: (message) => say(`  ${message}`),
  });
  say(`loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// ---- asking ------------------------------------------------------------------------------------

const read = async (cypher: string, params: Row = {}) =>
  (
    await database.driver.executeQuery(cypher, params, {
      database: config.neo4j.database,
      routing: "READ",
    })
  ).records.map((record) => record.toObject() as Row);

interface Asker {
  ask(p: Record<string, string>): Promise<unknown>;
  statements(): Promise<number>;
  rssMiB(): number | null;
}

function askers(
  workload: Workload,
  api: GraphQLServer,
  peer: GraphQLServer,
): Partial<Record<System, Asker>> {
  let rawStatements = 0;
  const over = (server: GraphQLServer, ask: Workload["api"]): Asker => ({
    ask: async (p) => ask.answer(await server.ask(ask.query, ask.variables(p))),
    statements: () => server.statements(),
    rssMiB: () => server.rssMiB(),
  });
  const raw = workload.raw;
  return {
    ...(raw
      ? {
          raw: {
            ask: async (p: Record<string, string>) => {
              rawStatements += 1;
              return raw.answer(await read(raw.cypher, raw.params(p)));
            },
            statements: async () => rawStatements,
            rssMiB: () => null,
          },
        }
      : {}),
    api: over(api, workload.api),
    ...(workload.peer ? { peer: over(peer, workload.peer) } : {}),
  };
}

/** The first parameter sets asked of every system: answers must agree before timing starts. */
async function checkAgreement(
  workload: Workload,
  pool: Record<string, string>[],
  systems: Partial<Record<System, Asker>>,
): Promise<void> {
  for (const p of pool.slice(0, 10)) {
    const floor = await systems.raw?.ask(p);
    for (const system of ["api", "peer"] as const) {
      const asker = systems[system];
      if (!asker) continue;
      const answer = await asker.ask(p);
      if (!systems.raw) continue;
      const same = workload.agrees
        ? workload.agrees(floor, answer, system)
        : isDeepStrictEqual(floor, answer);
      if (!same) {
        throw new Error(
          `${workload.name}: ${system} and raw disagree for ${JSON.stringify(p)}\n` +
            `  raw:  ${JSON.stringify(floor).slice(0, 600)}\n  ${system}: ${JSON.stringify(answer).slice(0, 600)}`,
        );
      }
    }
  }
}

/**
 * The first API call after the graph changes: bump the version as a write would, wait until the
 * API has read it (it checks once a second), and time one request. Questions answered from the
 * path projection include its rebuild.
 */
async function firstCall(
  workload: Workload,
  api: GraphQLServer,
  pool: Record<string, string>[],
): Promise<number> {
  await database.executor.write(BUMP_GRAPH_VERSION);
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const p = pool[0] as Record<string, string>;
  const started = performance.now();
  await api.ask(workload.api.query, workload.api.variables(p));
  return Math.round((performance.now() - started) * 10) / 10;
}

async function measure(
  workload: Workload,
  api: GraphQLServer,
  peer: GraphQLServer,
): Promise<RunResult["workloads"][number]> {
  const pool = await workload.params(read);
  if (pool.length === 0) throw new Error(`${workload.name}: the graph gave no parameters`);
  const systems = askers(workload, api, peer);
  const present = SYSTEMS.filter((s) => systems[s]);
  await checkAgreement(workload, pool, systems);
  // After the agreement check, so that Neo4j has planned the query: this is a change, not a start.
  const firstCallMs = workload.cachedPerVersion ? await firstCall(workload, api, pool) : null;

  const phases = new Map<System, Phase[]>(present.map((s) => [s, []]));
  const statements = new Map<System, number>(present.map((s) => [s, 0]));
  const rss = new Map<System, number | null>();
  const turn = async (system: System, durationMs: number, record: boolean) => {
    const asker = systems[system] as Asker;
    const before = await asker.statements();
    const phase = await drive(
      async (i) => {
        await asker.ask(pool[i % pool.length] as Record<string, string>);
      },
      { connections, durationMs },
    );
    if (phase.errors > 0) {
      throw new Error(
        `${workload.name}: ${system} failed ${phase.errors} requests: ${phase.firstError}`,
      );
    }
    if (!record) return;
    phases.get(system)?.push(phase);
    statements.set(system, (statements.get(system) ?? 0) + (await asker.statements()) - before);
    rss.set(system, Math.max(rss.get(system) ?? 0, asker.rssMiB() ?? Number.NaN) || null);
  };
  for (const system of present) await turn(system, warmupMs, false);
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round so that no system always runs first or last.
    const order = present.map((_, i) => present[(i + round) % present.length] as System);
    for (const system of order) await turn(system, roundMs, true);
  }

  const result: RunResult["workloads"][number] = {
    name: workload.name,
    title: workload.title,
    systems: {},
    apiOverRaw: null,
    apiOverPeer: null,
    firstCallMs,
  };
  for (const system of present) {
    const f = figures(phases.get(system) ?? []);
    const figuresOf: SystemFigures = {
      ...f,
      roundTrips: Math.round(((statements.get(system) ?? 0) / Math.max(1, f.requests)) * 100) / 100,
      rssMiB: rss.get(system) ?? null,
    };
    result.systems[system] = figuresOf;
  }
  result.apiOverRaw = ratios(result.systems.api, result.systems.raw);
  result.apiOverPeer = ratios(result.systems.api, result.systems.peer);
  return result;
}

/**
 * A run of some workloads (`--workloads`) keeps the other workloads of an earlier run of the same
 * day, dataset and settings, so that adding a workload does not mean timing all the others again.
 */
function mergeEarlier(run: RunResult, file: string): void {
  if (values.workloads === undefined || !existsSync(file)) return;
  const earlier = JSON.parse(readFileSync(file, "utf8")) as RunResult;
  if (!isDeepStrictEqual(earlier.settings, run.settings)) return;
  const fresh = new Set(run.workloads.map((w) => w.name));
  const order = WORKLOADS.map((w) => w.name);
  run.workloads = [...earlier.workloads.filter((w) => !fresh.has(w.name)), ...run.workloads].sort(
    (a, b) => order.indexOf(a.name) - order.indexOf(b.name),
  );
}

// ---- one run per size --------------------------------------------------------------------------

let exitCode = 0;
const servers: GraphQLServer[] = [];
// Ctrl-C or a kill: stop the servers and the database we started rather than leave them running.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    say(`\n${signal}: stopping`);
    void Promise.allSettled(servers.map((server) => server.stop()))
      .then(() => database.close())
      .finally(() => process.exit(130));
  });
}
try {
  await migrate(database.executor);
  const [neo4jRow] = await read("CALL dbms.components() YIELD versions RETURN versions[0] AS v");
  mkdirSync(resultsDir, { recursive: true });
  for (const edges of sizes) {
    await load(edges);
    const counts = await countGraph(database.executor);
    const options = {
      neo4jUri: database.uri,
      neo4jUser: process.env.NEO4J_URI === undefined ? undefined : config.neo4j.user,
      neo4jPassword: process.env.NEO4J_URI === undefined ? undefined : config.neo4j.password,
      connections,
    };
    const api = await startApi(options);
    servers.push(api);
    // The API builds its path projection at start-up; wait for it, so that its build does not
    // run under the first workload's timings (a million moves take about 20 s).
    const [anyRole] = await read("MATCH (r:Role) RETURN r.id AS id LIMIT 1");
    const projectionStarted = Date.now();
    await api.ask("query ($id: ID!) { careerPaths(from: $id, to: $id) { cost } }", {
      id: anyRole?.id,
    });
    say(
      `API path projection ready after ${((Date.now() - projectionStarted) / 1000).toFixed(1)} s`,
    );
    // Then its centrality scores, which it computes at start-up too.
    await api.ask("{ roleCentrality(metric: BETWEENNESS, first: 1) { value } }", {});
    say(`API centrality ready after ${((Date.now() - projectionStarted) / 1000).toFixed(1)} s`);
    const peer = await startPeer(options);
    servers.push(peer);

    const run: RunResult = {
      date: new Date().toISOString().slice(0, 10),
      dataset: edges === 0 ? "seed" : "synthetic",
      edges: counts.PROGRESSES_TO,
      counts,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? "unknown",
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        neo4j: String(neo4jRow?.v ?? "unknown"),
      },
      settings: { quick, connections, rounds, roundMs, warmupMs },
      workloads: [],
    };
    say(`\n${run.dataset}: ${counts.PROGRESSES_TO} PROGRESSES_TO edges, ${counts.Role} roles`);
    for (const workload of workloads) {
      say(`  ${workload.name}…`);
      const result = await measure(workload, api, peer);
      run.workloads.push(result);
      for (const system of SYSTEMS) {
        const f = result.systems[system];
        if (f)
          say(
            `    ${system.padEnd(4)} p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms, ${f.throughput} req/s, ${f.roundTrips} round trips`,
          );
      }
    }
    for (const server of servers.splice(0)) await server.stop();

    const name = `${run.date}-${run.dataset}${edges === 0 ? "" : `-${edges}`}`;
    mergeEarlier(run, join(resultsDir, `${name}.json`));
    writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(run, null, 2)}\n`);
    writeFileSync(join(resultsDir, `${name}.md`), markdown(run));
    say(`\n${markdown(run)}\nwritten to ${join(resultsDir, name)}.{json,md}`);
  }
  const runs = readRuns(resultsDir, quick);
  if (runs.length > 0) {
    writeFileSync(join(resultsDir, "latency-vs-size.svg"), await chart(runs));
    say(`chart of ${runs.length} runs: ${join(resultsDir, "latency-vs-size.svg")}`);
  }
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  for (const server of servers) await server.stop();
  await database.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
