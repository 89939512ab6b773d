import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon, { type Result } from "autocannon";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { connectDatabase } from "../src/neo4j/connect.js";
import { findFreePort } from "../src/neo4j/local/launcher.js";
import { migrate } from "../src/neo4j/migrate.js";
import { countGraph, loadSeed, readSeed } from "../src/seed/loader.js";
import { startApi } from "./servers.js";

const USAGE = `Usage: npm run bench:soak -- [options]
  --seconds S       length of each of the two runs (default 60)
  --connections N   concurrent connections (default 8)
  --quick           a smoke run for CI: two 5 s runs, the memory check reported, not enforced
Loads the seed graph (NEO4J_URI, or the local Neo4j on .data/neo4j-soak), starts the API as
production runs it, and drives a mix of the questions its users ask, twice, with autocannon.
Passes when no request fails and the API's RSS after the second run is within 10 % of its RSS
after the first.`;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    connections: { type: "string", default: "8" },
    quick: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const quick = values.quick;
const seconds = quick ? 5 : Number(values.seconds);
const connections = Number(values.connections);
if (
  !Number.isInteger(seconds) ||
  seconds < 1 ||
  !Number.isInteger(connections) ||
  connections < 1
) {
  process.stderr.write(`--seconds and --connections must be positive whole numbers\n\n${USAGE}\n`);
  process.exit(2);
}
const say = (message: string) => process.stdout.write(`${message}\n`);

/** The mix: what explorers, planners and dashboards ask, in the proportions of a busy day. */
const MIX: { name: string; query: string; weight: number }[] = [
  {
    name: "role",
    weight: 4,
    query: `{ role(id: "back-end-developer") { title level track { name }
      skills { importance skill { name } } nextRoles { to { title } typicalYears } } }`,
  },
  {
    name: "roles-page",
    weight: 2,
    query: `{ roles(first: 20, filter: { track: "data-engineering" }) { totalCount
      edges { node { id title level } } pageInfo { hasNextPage endCursor } } }`,
  },
  {
    name: "search",
    weight: 3,
    query: `{ search(text: "kubernets", first: 10) { score entity { __typename } } }`,
  },
  {
    name: "career-paths",
    weight: 3,
    query: `{ careerPaths(from: "junior-back-end-developer", to: "cto", k: 3, weightBy: YEARS) {
      cost steps { from { id } to { id } } } }`,
  },
  {
    name: "neighborhood",
    weight: 1,
    query: `{ neighborhood(id: "site-reliability-engineer", depth: 2, limit: 100) {
      nodes { __typename ... on Role { id } ... on Skill { id } } edges { type from to } } }`,
  },
  {
    name: "reach",
    weight: 1,
    query: `{ reachableRoles(from: "junior-back-end-developer", maxSteps: 3, first: 50) { steps role { id } } }`,
  },
  { name: "skill-demand", weight: 1, query: `{ skillDemand(first: 10) { label value share } }` },
  {
    name: "centrality",
    weight: 1,
    query: `{ roleCentrality(metric: PAGERANK, first: 10) { rank score role { id } } }`,
  },
];

let scratch: string | undefined;
if (process.env.NEO4J_URI === undefined) {
  if (quick) scratch = mkdtempSync(join(tmpdir(), "rolegraph-soak-"));
  process.env.NEO4J_LOCAL_DATA_DIR ??= scratch ?? ".data/neo4j-soak";
  process.env.NEO4J_LOCAL_PORT ??= String(await findFreePort());
}
const config = loadConfig();
const database = await connectDatabase(config, createLogger("warn"));
let failed = false;
try {
  await migrate(database.executor);
  const seed = readSeed();
  const counts = await countGraph(database.executor);
  if (counts.Role !== seed.roles.length || counts.PROGRESSES_TO !== seed.progressions.length) {
    say("loading the seed graph");
    await loadSeed(database.executor, seed, { reset: true });
  }
  const api = await startApi({
    neo4jUri: database.uri,
    neo4jUser: config.neo4j.target.kind === "remote" ? config.neo4j.user : undefined,
    neo4jPassword: config.neo4j.password,
    connections: 1,
  });
  try {
    // Each question checked once: an answer with errors would make the run meaningless.
    for (const { name, query } of MIX) {
      await api.ask(query, {}).catch((error: unknown) => {
        throw new Error(`${name}: ${(error as Error).message}`);
      });
    }
    const requests = MIX.flatMap(({ query, weight }) =>
      Array.from({ length: weight }, () => ({
        method: "POST",
        path: "/graphql",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      })),
    );
    const run = (duration: number) =>
      autocannon({
        url: api.url,
        connections,
        duration,
        requests,
        // A GraphQL error arrives with HTTP 200: count it as a failure too.
        verifyBody: (body) => body.startsWith('{"data"') && !body.includes('"errors"'),
      });
    say(`warming up, then two runs of ${seconds} s at ${connections} connections`);
    await run(quick ? 2 : Math.min(15, seconds));
    const rssBefore = api.rssMiB();
    const runs: { result: Result; rssMiB: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const result = await run(seconds);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      runs.push({ result, rssMiB: api.rssMiB() });
      say(
        `run ${i + 1}: ${result.requests.total} requests, ${result.requests.average.toFixed(0)}/s, ` +
          `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
          `failures ${result.errors + result.timeouts + result.non2xx + result.mismatches}, ` +
          `RSS ${runs[i]?.rssMiB} MiB`,
      );
    }
    const [first, second] = runs as [(typeof runs)[0], (typeof runs)[0]];
    const failures = runs.reduce(
      (sum, { result: r }) => sum + r.errors + r.timeouts + r.non2xx + r.mismatches,
      0,
    );
    const growth = (second.rssMiB - first.rssMiB) / first.rssMiB;
    const summary = {
      date: new Date().toISOString(),
      seconds,
      connections,
      mix: MIX.map(({ name, weight }) => ({ name, weight })),
      rssMiB: { afterWarmUp: rssBefore, afterFirst: first.rssMiB, afterSecond: second.rssMiB },
      growth: Math.round(growth * 1000) / 10,
      runs: runs.map(({ result: r, rssMiB }) => ({
        requests: r.requests.total,
        perSecond: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
        graphqlErrors: r.mismatches,
        rssMiB,
      })),
    };
    say(
      `RSS after run 1: ${first.rssMiB} MiB, after run 2: ${second.rssMiB} MiB (${summary.growth}%)`,
    );
    const dir = quick ? "bench/results/tmp" : "bench/results";
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${summary.date.slice(0, 10)}-soak.json`);
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    say(`wrote ${file}`);
    if (failures > 0) {
      say(`FAILED: ${failures} requests failed`);
      failed = true;
    }
    if (growth > 0.1) {
      say(`${quick ? "note" : "FAILED"}: RSS grew by more than 10 % between the runs`);
      failed ||= !quick;
    }
  } finally {
    await api.stop();
  }
} finally {
  await database.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
