import { describe, expect, it } from "vitest";
import { drive, figures, quantile } from "../../bench/drive.js";
import { chart, markdown, type RunResult, ratios, type SystemFigures } from "../../bench/report.js";

describe("benchmark figures", () => {
  it("take percentiles by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it("pool the latencies of every phase and count throughput over their time", () => {
    const f = figures([
      { latencies: [3, 1], errors: 0, firstError: undefined, elapsedMs: 1000 },
      { latencies: [2, 4], errors: 1, firstError: "x", elapsedMs: 1000 },
    ]);
    expect(f).toMatchObject({ requests: 4, errors: 1, p50: 2, p99: 4, mean: 2.5, throughput: 2 });
  });

  it("drive keeps the given number of requests in flight and records failures", async () => {
    let inFlight = 0;
    let most = 0;
    const phase = await drive(
      async (i) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        if (i === 0) throw new Error("first one fails");
      },
      { connections: 3, durationMs: 100 },
    );
    expect(most).toBe(3);
    expect(phase.errors).toBe(1);
    expect(phase.firstError).toBe("first one fails");
    expect(phase.latencies.length).toBeGreaterThan(10);
    expect(Math.min(...phase.latencies)).toBeGreaterThanOrEqual(4);
  });

  it("give ratios of the API over the other system, and none when a system is missing", () => {
    const api = { p50: 6, p95: 12, throughput: 100 } as SystemFigures;
    const raw = { p50: 3, p95: 4, throughput: 250 } as SystemFigures;
    expect(ratios(api, raw)).toEqual({ p50: 2, p95: 3, throughput: 2.5 });
    expect(ratios(api, undefined)).toBeNull();
  });
});

describe("benchmark reports", () => {
  const system = (p50: number): SystemFigures => ({
    requests: 100,
    errors: 0,
    p50,
    p95: p50 * 2,
    p99: p50 * 3,
    mean: p50,
    throughput: 1000 / p50,
    roundTrips: 1,
    rssMiB: 100,
  });
  const run = (edges: number): RunResult => ({
    date: "2026-11-29",
    dataset: "synthetic",
    edges,
    counts: {},
    machine: { cpus: 2, cpuModel: "cpu", memoryGiB: 24, node: "v20", neo4j: "5.26" },
    settings: { quick: false, connections: 4, rounds: 3, roundMs: 5000, warmupMs: 3000 },
    workloads: [
      {
        name: "role-detail",
        title: "A role",
        systems: { raw: system(2), api: system(4), peer: system(8) },
        apiOverRaw: ratios(system(4), system(2)),
        apiOverPeer: ratios(system(4), system(8)),
      },
    ],
  });

  it("put every system's figures and the ratios in Markdown tables", () => {
    const text = markdown(run(1000));
    expect(text).toContain("1,000 PROGRESSES_TO edges");
    expect(text).toContain("| role-detail | api | 4.00 | 8.00 | 12.00 | 250 | 1.00 | 100.0 | 0 |");
    expect(text).toContain("| role-detail | 2.00 | 2.00 | 2.00 | 0.50 | 0.50 | 0.50 |");
  });

  it("draw latency against graph size as SVG, a point per size and system", async () => {
    const svg = await chart([run(1000), run(100_000)]);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("role-detail");
    expect(svg).toContain("PROGRESSES_TO edges");
    // Two sizes × three systems: six points on the p50 lines, each labelled with its values.
    const points = [
      ...svg.matchAll(/aria-label="PROGRESSES_TO edges: (\d+); ms: ([\d.]+); system: (\w+)"/g),
    ];
    expect([...new Set(points.map((m) => `${m[1]} ${m[2]} ${m[3]}`))].sort()).toEqual([
      "1000 2 raw",
      "1000 4 api",
      "1000 8 peer",
      "100000 2 raw",
      "100000 4 api",
      "100000 8 peer",
    ]);
  });
});
