import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { ALL_SOURCES } from "./source.repository.js";
import { Source } from "./source.type.js";

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => [Source], { description: "Every source the graph cites, with licence and credit." })
  async sources(@Ctx() ctx: Context): Promise<Source[]> {
    const rows = await ctx.executor.read<{ source: Source }>(ALL_SOURCES);
    return rows.map((row) => row.source);
  }
}
