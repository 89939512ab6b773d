import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { inRegion } from "../args.js";
import type { Context } from "../context.js";
import { Role } from "../roles/role.type.js";
import { SalaryBand } from "../salaries/salary-band.type.js";
import { ALL_TRACKS } from "./track.repository.js";
import { Track } from "./track.type.js";

@Resolver(() => Track)
export class TrackResolver {
  @Query(() => [Track], { description: "Every career track, by name." })
  async tracks(@Ctx() ctx: Context): Promise<Track[]> {
    const rows = await ctx.executor.read<{ track: Track }>(ALL_TRACKS);
    return rows.map((row) => row.track);
  }

  @FieldResolver(() => [Role], { description: "The track's roles, from the most junior level up." })
  roles(@Root() track: Track, @Ctx() ctx: Context): Promise<Role[]> {
    return ctx.loaders.rolesOfTrack.load(track.id);
  }

  @FieldResolver(() => [SalaryBand], {
    description: "Pay ranges stated for the track as a whole, across its levels.",
  })
  async salaryBands(
    @Root() track: Track,
    @Ctx() ctx: Context,
    @Arg("region", () => String, { nullable: true }) region?: string | null,
  ): Promise<SalaryBand[]> {
    return inRegion(await ctx.loaders.salaryBands.load(track.id), region);
  }
}
