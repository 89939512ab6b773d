import type { Context } from "../context.js";
import { NotFoundError, UnreachableCaseError } from "../errors.js";
import { LEVELS, type Level, type TechnologyKind } from "../model.js";
import type { Executor } from "../neo4j/executor.js";
import { rolesOrNotFound } from "../paths/path.service.js";
import type { ProgressionProjection, Projection } from "../paths/projection.js";
import { ROLES_BY_ID } from "../roles/role.repository.js";
import type { Role } from "../roles/role.type.js";
import {
  type Demand,
  type SalaryStatRow,
  salaryStats,
  skillDemand,
  technologyDemand,
} from "./analytics.repository.js";
import type {
  CentralityMetric,
  RoleScore,
  RouteBottlenecks,
  SalaryGrouping,
  SalaryStat,
  SkillDemand,
  TechnologyDemand,
  TransitionCell,
  TransitionGrouping,
} from "./analytics.type.js";
import {
  betweenness,
  type Digraph,
  degreeCentrality,
  inDegree,
  outDegree,
  pageRank,
  pauseEvery,
  routeShares,
  simpleDigraph,
} from "./centrality.js";
import { LEVEL_LABELS, transitionMatrix } from "./transitions.js";
import { VersionedCache } from "./versioned-cache.js";

export interface AnalyticsOptions {
  projection: ProgressionProjection;
  /**
   * Edge visits an exact betweenness may take (about n · (n + m)). A larger graph is estimated
   * from as many sampled sources as fit, and never fewer than MIN_SOURCES.
   */
  betweennessWork?: number;
  /** Told whether each answer came from the cache, for the metrics. */
  onLookup?: (query: string, hit: boolean) => void;
}

export const DEFAULT_BETWEENNESS_WORK = 300_000_000;
const MIN_SOURCES = 64;

/** A demand answer, or NOT_FOUND for its unknown track; shares are of the roles in scope. */
function inScope<T>(found: Demand<T> | null, track: string | null) {
  if (!found) throw new NotFoundError("track", track ?? "");
  return { items: found.items, shareOf: (n: number) => (found.scope === 0 ? 0 : n / found.scope) };
}

/** The scores of one metric over one projection, with every role's place in the ranking. */
interface Scores {
  values: Float64Array;
  /** Role indexes, best first: by score, then id. */
  ranking: Int32Array;
  exact: boolean;
  errorBound: number | null;
  standardError: Float64Array | undefined;
}

/**
 * The analytics queries, each answered at most once per graph version and then from memory.
 * Demand and pay are Cypher aggregations; transitions and centrality are computed over the
 * path projection, which already holds every move. One instance serves all requests.
 */
export class Analytics {
  private readonly cache = new VersionedCache<unknown>();
  private readonly digraphs = new WeakMap<Projection, Digraph>();
  private readonly scores = new WeakMap<Projection, Map<CentralityMetric, Promise<Scores>>>();

  constructor(private readonly options: AnalyticsOptions) {}

  private cached<T>(query: string, version: number, key: string, compute: () => Promise<T>) {
    const { value, hit } = this.cache.get(version, `${query}|${key}`, compute);
    this.options.onLookup?.(query, hit);
    return value as Promise<T>;
  }

  private version(executor: Executor): Promise<number> {
    return this.options.projection.watch.current(executor);
  }

  async skillDemand(executor: Executor, track: string | null, first: number) {
    const version = await this.version(executor);
    return this.cached<SkillDemand[]>("skillDemand", version, `${track}|${first}`, async () => {
      const found = inScope(await skillDemand(executor, track, first), track);
      return found.items.map((row) => ({
        label: row.skill.name,
        value: row.importance / 5,
        skill: row.skill,
        count: row.roles,
        share: found.shareOf(row.roles),
        averageImportance: row.importance / row.roles,
      }));
    });
  }

  async technologyDemand(
    executor: Executor,
    track: string | null,
    kind: TechnologyKind | null,
    first: number,
  ) {
    const version = await this.version(executor);
    const key = `${track}|${kind}|${first}`;
    return this.cached<TechnologyDemand[]>("technologyDemand", version, key, async () => {
      const found = inScope(await technologyDemand(executor, track, kind, first), track);
      return found.items.map((row) => ({
        label: row.technology.name,
        value: row.weight / 3,
        technology: row.technology,
        count: row.roles,
        share: found.shareOf(row.roles),
        core: row.core,
        common: row.common,
        occasional: row.roles - row.core - row.common,
      }));
    });
  }

  async salaryStats(executor: Executor, groupBy: SalaryGrouping, region: string | null) {
    const version = await this.version(executor);
    const key = `${groupBy}|${region?.toLowerCase()}`;
    return this.cached<SalaryStat[]>("salaryStats", version, key, async () => {
      const rows = await salaryStats(executor, groupBy, region);
      const place = (row: SalaryStatRow) =>
        row.level === null ? (row.track?.name ?? row.key) : LEVELS.indexOf(row.level);
      const compare = (a: SalaryStatRow, b: SalaryStatRow) => {
        const [x, y] = [place(a), place(b)];
        if (x !== y) return x < y ? -1 : 1;
        return a.region.localeCompare(b.region) || a.currency.localeCompare(b.currency);
      };
      return rows.sort(compare).map(({ track, roles, ...row }) => ({
        ...row,
        label: row.level === null ? (track?.name ?? row.key) : LEVEL_LABELS[row.level],
        value: row.median,
        count: roles,
      }));
    });
  }

  async transitionMatrix(executor: Executor, groupBy: TransitionGrouping, includeEmpty: boolean) {
    const projection = await this.options.projection.get(executor);
    const key = `${groupBy}|${includeEmpty}`;
    return this.cached<TransitionCell[]>("transitionMatrix", projection.version, key, async () =>
      transitionMatrix(projection, groupBy, includeEmpty),
    );
  }

  /**
   * The `first` most central roles, optionally only those of one track or level (ranked within
   * the whole graph). Unknown track: NOT_FOUND.
   */
  async roleCentrality(
    executor: Executor,
    metric: CentralityMetric,
    first: number,
    filter: { track: string | null; level: Level | null },
  ) {
    let projection = await this.options.projection.get(executor);
    const trackOf = (p: Projection) => p.tracks.findIndex((t) => t.id === filter.track);
    if (filter.track !== null && trackOf(projection) < 0) {
      // The track may be newer than the last version check: look once more before NOT_FOUND.
      this.options.projection.invalidate();
      projection = await this.options.projection.get(executor);
      if (trackOf(projection) < 0) throw new NotFoundError("track", filter.track);
    }
    const current = projection;
    const key = `${metric}|${first}|${filter.track}|${filter.level}`;
    return this.cached<RoleScore[]>("roleCentrality", current.version, key, async () => {
      const scores = await this.scoresOf(current, metric);
      const digraph = this.digraphOf(current);
      const track = filter.track === null ? -1 : trackOf(current);
      const level = filter.level === null ? -1 : LEVELS.indexOf(filter.level);
      const picked: { index: number; rank: number }[] = [];
      for (let r = 0; r < scores.ranking.length && picked.length < first; r++) {
        const index = scores.ranking[r] ?? 0;
        if (track >= 0 && current.roleTrack[index] !== track) continue;
        if (level >= 0 && current.roleLevel[index] !== level) continue;
        picked.push({ index, rank: r + 1 });
      }
      const ids = picked.map(({ index }) => current.graph.ids[index] as string);
      const rows = await executor.read<{ key: string; item: Role }>(ROLES_BY_ID, { keys: ids });
      const roles = new Map(rows.map((row) => [row.key, row.item]));
      return picked.flatMap(({ index, rank }, i) => {
        const role = roles.get(ids[i] as string);
        if (!role) return [];
        const score = scores.values[index] ?? 0;
        return [
          {
            role,
            label: role.title,
            value: score,
            score,
            rank,
            inDegree: inDegree(digraph, index),
            outDegree: outDegree(digraph, index),
            exact: scores.exact,
            errorBound: scores.errorBound,
            standardError: scores.standardError ? (scores.standardError[index] ?? 0) : null,
          },
        ];
      });
    });
  }

  /**
   * The roles the fewest-moves routes from one role to another pass through, within maxSteps.
   * Two searches over the projection, linear in its size; not cached (one per pair).
   */
  async bottlenecks(
    ctx: Context,
    ids: { from: string; to: string },
    maxSteps: number,
    first: number,
  ): Promise<RouteBottlenecks> {
    let projection = await this.options.projection.get(ctx.executor);
    const known = (p: Projection) => p.graph.index.has(ids.from) && p.graph.index.has(ids.to);
    if (!known(projection)) {
      // Newer than the last version check, or unknown: look again, then NOT_FOUND names it.
      this.options.projection.invalidate();
      projection = await this.options.projection.get(ctx.executor);
      if (!known(projection)) await rolesOrNotFound(ctx, [ids.from, ids.to]);
    }
    const { index, ids: roleIds } = projection.graph;
    const s = index.get(ids.from) ?? -1;
    const t = index.get(ids.to) ?? -1;
    const shares = s < 0 || t < 0 ? null : routeShares(this.digraphOf(projection), s, t);
    const reached = shares !== null && shares.distance >= 0 && shares.distance <= maxSteps;
    const between: number[] = [];
    if (reached) {
      for (let v = 0; v < roleIds.length; v++) {
        if (v !== s && v !== t && (shares.through[v] ?? 0) > 0) between.push(v);
      }
      between.sort(
        (a, b) =>
          (shares.through[b] ?? 0) - (shares.through[a] ?? 0) ||
          (shares.fromSource[a] ?? 0) - (shares.fromSource[b] ?? 0) ||
          a - b,
      );
    }
    const picked = between.slice(0, first);
    const roles = await rolesOrNotFound(ctx, [
      ids.from,
      ids.to,
      ...picked.map((v) => roleIds[v] as string),
    ]);
    const routes = reached ? shares.routes : 0;
    return {
      from: roles.get(ids.from) as Role,
      to: roles.get(ids.to) as Role,
      moves: reached ? shares.distance : null,
      routes,
      roles: picked.map((v) => {
        const role = roles.get(roleIds[v] as string) as Role;
        const through = shares?.through[v] ?? 0;
        return {
          role,
          label: role.title,
          value: through / routes,
          share: through / routes,
          routes: through,
          moves: shares?.fromSource[v] ?? 0,
        };
      }),
    };
  }

  /** Computes the scores of every metric ahead of the first dashboard (at start-up). */
  async warm(executor: Executor): Promise<void> {
    const projection = await this.options.projection.get(executor);
    for (const metric of ["DEGREE", "PAGERANK", "BETWEENNESS"] as const) {
      await this.scoresOf(projection, metric);
    }
  }

  private digraphOf(projection: Projection): Digraph {
    let digraph = this.digraphs.get(projection);
    if (!digraph) {
      digraph = simpleDigraph(projection.graph);
      this.digraphs.set(projection, digraph);
    }
    return digraph;
  }

  private scoresOf(projection: Projection, metric: CentralityMetric): Promise<Scores> {
    let byMetric = this.scores.get(projection);
    if (!byMetric) {
      byMetric = new Map();
      this.scores.set(projection, byMetric);
    }
    let scores = byMetric.get(metric);
    if (!scores) {
      scores = this.computeScores(projection, metric);
      scores.catch(() => byMetric.delete(metric));
      byMetric.set(metric, scores);
    }
    return scores;
  }

  private async computeScores(projection: Projection, metric: CentralityMetric): Promise<Scores> {
    const digraph = this.digraphOf(projection);
    const pause = pauseEvery();
    let values: Float64Array;
    let exact = true;
    let errorBound: number | null = null;
    let standardError: Float64Array | undefined;
    switch (metric) {
      case "DEGREE":
        values = degreeCentrality(digraph);
        break;
      case "PAGERANK":
        values = await pageRank(digraph, { pause });
        break;
      case "BETWEENNESS": {
        const work = this.options.betweennessWork ?? DEFAULT_BETWEENNESS_WORK;
        const perSource = Math.max(1, digraph.n + digraph.out.length);
        const maxSources = Math.max(MIN_SOURCES, Math.floor(work / perSource));
        const result = await betweenness(digraph, {
          maxSources,
          seed: projection.version,
          pause,
        });
        values = result.scores;
        exact = result.exact;
        errorBound = result.exact ? null : result.errorBound;
        standardError = result.standardError;
        break;
      }
      default:
        throw new UnreachableCaseError(metric);
    }
    const ranking = Int32Array.from({ length: values.length }, (_, i) => i).sort(
      (a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b,
    );
    return { values, ranking, exact, errorBound, standardError };
  }
}
