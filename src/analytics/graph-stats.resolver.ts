import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { COUNT_LABELS, COUNT_TYPES, countGraph } from "./graph-stats.repository.js";
import { GraphStats } from "./graph-stats.type.js";

@Resolver(() => GraphStats)
export class GraphStatsResolver {
  @Query(() => GraphStats, { description: "Counts by label and relationship type." })
  async graphStats(@Ctx() ctx: Context): Promise<GraphStats> {
    const counts = await countGraph(ctx.executor);
    return {
      nodes: COUNT_LABELS.map((name) => ({ name, count: counts[name] })),
      relationships: COUNT_TYPES.map((name) => ({ name, count: counts[name] })),
    };
  }
}
