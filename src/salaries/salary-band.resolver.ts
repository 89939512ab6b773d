import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { Source } from "../sources/source.type.js";
import { SalaryBand } from "./salary-band.type.js";

@Resolver(() => SalaryBand)
export class SalaryBandResolver {
  @FieldResolver(() => Source, { nullable: true, description: "Where the figures come from." })
  source(@Root() band: SalaryBand, @Ctx() ctx: Context): Promise<Source | null> {
    return ctx.loaders.sourceById.load(band.sourceId);
  }
}
