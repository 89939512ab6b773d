import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { Source } from "../sources/source.type.js";
import { Progression } from "./role.type.js";

@Resolver(() => Progression)
export class ProgressionResolver {
  @FieldResolver(() => [Source], { description: "Where the move and its typical years come from." })
  async sources(@Root() progression: Progression, @Ctx() ctx: Context): Promise<Source[]> {
    const sources = await ctx.loaders.sourceById.loadMany(progression.sourceIds);
    return sources.filter((s): s is Source => s !== null && !(s instanceof Error));
  }
}
