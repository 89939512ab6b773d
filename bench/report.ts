import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import type { Figures } from "./drive.js";

/** What one `npm run bench` run records: bench/results/<date>-<dataset>.json. */

export const SYSTEMS = ["raw", "api", "peer"] as const;
export type System = (typeof SYSTEMS)[number];

export interface SystemFigures extends Figures {
  /** Cypher statements sent to Neo4j per answered request. */
  roundTrips: number;
  /** The server process's resident memory after its phases (none for raw: no server). */
  rssMiB: number | null;
}

export interface Ratios {
  p50: number;
  p95: number;
  /** The other system's throughput over the API's: above 1, the API serves fewer requests. */
  throughput: number;
}

export interface WorkloadResult {
  name: string;
  title: string;
  systems: Partial<Record<System, SystemFigures>>;
  apiOverRaw: Ratios | null;
  apiOverPeer: Ratios | null;
  /** For answers cached per graph version: the first API call after the version moved (ms). */
  firstCallMs?: number | null;
}

export interface RunResult {
  date: string;
  dataset: string;
  /** PROGRESSES_TO edges in the graph: the x axis of the chart. */
  edges: number;
  counts: Record<string, number>;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; neo4j: string };
  settings: {
    quick: boolean;
    connections: number;
    rounds: number;
    roundMs: number;
    warmupMs: number;
  };
  workloads: WorkloadResult[];
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

export function ratios(api: SystemFigures | undefined, other: SystemFigures | undefined) {
  if (!api || !other) return null;
  return {
    p50: ratio(api.p50, other.p50),
    p95: ratio(api.p95, other.p95),
    throughput: ratio(other.throughput, api.throughput),
  };
}

const fixed = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined || Number.isNaN(n) ? "–" : n.toFixed(digits);

/** The run as Markdown: one table of figures, one of ratios. */
export function markdown(run: RunResult): string {
  const lines = [
    `# Benchmark: ${run.dataset}, ${run.edges.toLocaleString("en")} PROGRESSES_TO edges (${run.date})`,
    "",
    `Machine: ${run.machine.cpus} × ${run.machine.cpuModel}, ${run.machine.memoryGiB} GiB; Node ${run.machine.node}; Neo4j ${run.machine.neo4j}.`,
    `Load: ${run.settings.connections} concurrent connections per system, ${run.settings.rounds} rounds of ${run.settings.roundMs / 1000} s per workload and system, systems alternating each round, after ${run.settings.warmupMs / 1000} s of warm-up.${run.settings.quick ? " Quick mode: a smoke run, not a measurement." : ""}`,
    "",
    "| workload | system | p50 ms | p95 ms | p99 ms | req/s | round trips | RSS MiB | errors |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const w of run.workloads) {
    for (const system of SYSTEMS) {
      const f = w.systems[system];
      if (!f) continue;
      lines.push(
        `| ${w.name} | ${system} | ${fixed(f.p50, 2)} | ${fixed(f.p95, 2)} | ${fixed(f.p99, 2)} | ${fixed(f.throughput, 0)} | ${fixed(f.roundTrips, 2)} | ${fixed(f.rssMiB)} | ${f.errors} |`,
      );
    }
  }
  lines.push(
    "",
    "Ratios (latency: API over the other, below 1 is faster; throughput: the other over the API):",
    "",
    "| workload | api/raw p50 | api/raw p95 | raw/api req/s | api/peer p50 | api/peer p95 | peer/api req/s |",
    "|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const w of run.workloads) {
    const r = w.apiOverRaw;
    const p = w.apiOverPeer;
    lines.push(
      `| ${w.name} | ${fixed(r?.p50, 2)} | ${fixed(r?.p95, 2)} | ${fixed(r?.throughput, 2)} | ${fixed(p?.p50, 2)} | ${fixed(p?.p95, 2)} | ${fixed(p?.throughput, 2)} |`,
    );
  }
  const cached = run.workloads.filter((w) => w.firstCallMs != null);
  if (cached.length > 0) {
    lines.push(
      "",
      "Answers cached per graph version: the first API call after the version moved (one request; " +
        "projection-based answers include the projection's rebuild), then the cached p50:",
      "",
      "| workload | first call ms | cached api p50 ms | raw p50 ms |",
      "|---|---:|---:|---:|",
    );
    for (const w of cached) {
      lines.push(
        `| ${w.name} | ${fixed(w.firstCallMs, 1)} | ${fixed(w.systems.api?.p50, 2)} | ${fixed(w.systems.raw?.p50, 2)} |`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The runs in a folder, the newest per dataset size; quick runs only when asked for. */
export function readRuns(dir: string, withQuick = false): RunResult[] {
  const newest = new Map<string, RunResult>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const run = JSON.parse(readFileSync(join(dir, file), "utf8")) as RunResult;
    if (withQuick || !run.settings?.quick) newest.set(`${run.dataset}:${run.edges}`, run);
  }
  return [...newest.values()].sort((a, b) => a.edges - b.edges);
}

/** p50 and p95 latency against graph size, one panel per workload, one line per system (SVG). */
export async function chart(runs: readonly RunResult[]): Promise<string> {
  const values = runs.flatMap((run) =>
    run.workloads.flatMap((w) =>
      SYSTEMS.flatMap((system) => {
        const f = w.systems[system];
        return f ? [{ edges: run.edges, workload: w.name, system, p50: f.p50, p95: f.p95 }] : [];
      }),
    ),
  );
  const spec: vegaLite.TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: "Latency against graph size (p50 line, p95 dashed)",
    data: { values },
    facet: { field: "workload", type: "nominal", title: null },
    columns: 2,
    spec: {
      width: 260,
      height: 170,
      encoding: {
        x: {
          field: "edges",
          type: "quantitative",
          scale: { type: "log" },
          title: "PROGRESSES_TO edges",
        },
        color: { field: "system", type: "nominal", sort: [...SYSTEMS] },
      },
      layer: [
        {
          mark: { type: "line", point: true },
          encoding: {
            y: { field: "p50", type: "quantitative", scale: { type: "log" }, title: "ms" },
          },
        },
        {
          mark: { type: "line", strokeDash: [4, 3], opacity: 0.6 },
          encoding: { y: { field: "p95", type: "quantitative" } },
        },
      ],
    },
    resolve: { scale: { y: "independent" } },
  };
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
  return view.toSVG();
}
