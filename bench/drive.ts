import { performance } from "node:perf_hooks";

/**
 * A closed-loop load driver: `connections` workers each send a request, wait for its answer and
 * send the next, for `durationMs`. Every latency is kept, so the percentiles are exact rather than
 * bucketed. The same driver times all three systems, so client overheads match as closely as a
 * driver over Bolt and one over HTTP can.
 */

export interface Phase {
  latencies: number[];
  errors: number;
  firstError: string | undefined;
  elapsedMs: number;
}

export async function drive(
  ask: (i: number) => Promise<void>,
  options: { connections: number; durationMs: number },
): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  const end = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const i = next++;
      const t0 = performance.now();
      try {
        await ask(i);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  return { latencies, errors, firstError, elapsedMs: performance.now() - started };
}

/** The q-th quantile (0–1) of sorted values, nearest rank. */
export function quantile(sortedValues: readonly number[], q: number): number {
  if (sortedValues.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sortedValues.length);
  return sortedValues[Math.min(sortedValues.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export interface Figures {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Answered requests per second over the measured time. */
  throughput: number;
}

/** Latency percentiles (ms) and throughput over several phases of one system. */
export function figures(phases: readonly Phase[]): Figures {
  const all = phases.flatMap((phase) => phase.latencies).sort((a, b) => a - b);
  const seconds = phases.reduce((sum, phase) => sum + phase.elapsedMs, 0) / 1000;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: all.length,
    errors: phases.reduce((sum, phase) => sum + phase.errors, 0),
    p50: round(quantile(all, 0.5)),
    p95: round(quantile(all, 0.95)),
    p99: round(quantile(all, 0.99)),
    mean: round(all.reduce((sum, v) => sum + v, 0) / Math.max(1, all.length)),
    throughput: round(all.length / Math.max(seconds, 1e-9)),
  };
}
