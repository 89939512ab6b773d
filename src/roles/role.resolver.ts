import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { inRegion } from "../args.js";
import type { Context } from "../context.js";
import { TechnologyKindEnum } from "../enums.js";
import { BadUserInputError } from "../errors.js";
import type { TechnologyKind } from "../model.js";
import { SalaryBand } from "../salaries/salary-band.type.js";
import { Source } from "../sources/source.type.js";
import { Track } from "../tracks/track.type.js";
import { Progression, RelatedRole, Role, RoleSkill, RoleTechnology } from "./role.type.js";

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, {
    nullable: true,
    description: "The role with this id, or null when there is none.",
  })
  role(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Role | null> {
    return ctx.loaders.roleById.load(id);
  }

  @FieldResolver(() => Track, { description: "The career family the role belongs to." })
  async track(@Root() role: Role, @Ctx() ctx: Context): Promise<Track> {
    const [track] = await ctx.loaders.trackOfRole.load(role.id);
    // MODEL.md: each role is in exactly one track; the seed loader enforces it.
    if (track === undefined) throw new Error(`Role ${role.id} has no track`);
    return track;
  }

  @FieldResolver(() => [RoleSkill], {
    description: "Required skills, most important first, then by name.",
  })
  async skills(
    @Root() role: Role,
    @Ctx() ctx: Context,
    @Arg("minImportance", () => Int, {
      nullable: true,
      description: "Only skills at least this important (1–5).",
    })
    minImportance?: number | null,
  ): Promise<RoleSkill[]> {
    if (minImportance != null && (minImportance < 1 || minImportance > 5)) {
      throw new BadUserInputError(
        `minImportance must be from 1 to 5, received ${minImportance}`,
        "minImportance",
      );
    }
    const skills = await ctx.loaders.skillsOfRole.load(role.id);
    return minImportance == null ? skills : skills.filter((s) => s.importance >= minImportance);
  }

  @FieldResolver(() => [RoleTechnology], {
    description: "Technologies used, CORE first, then by name.",
  })
  async technologies(
    @Root() role: Role,
    @Ctx() ctx: Context,
    @Arg("kind", () => TechnologyKindEnum, { nullable: true }) kind?: TechnologyKind | null,
  ): Promise<RoleTechnology[]> {
    const technologies = await ctx.loaders.technologiesOfRole.load(role.id);
    return kind == null ? technologies : technologies.filter((t) => t.technology.kind === kind);
  }

  @FieldResolver(() => [Progression], {
    description: "Moves out of this role (outgoing PROGRESSES_TO).",
  })
  nextRoles(@Root() role: Role, @Ctx() ctx: Context): Promise<Progression[]> {
    return ctx.loaders.nextRoles.load(role.id);
  }

  @FieldResolver(() => [Progression], {
    description: "Moves into this role (incoming PROGRESSES_TO).",
  })
  previousRoles(@Root() role: Role, @Ctx() ctx: Context): Promise<Progression[]> {
    return ctx.loaders.previousRoles.load(role.id);
  }

  @FieldResolver(() => [RelatedRole], { description: "Similar roles, most similar first." })
  relatedRoles(@Root() role: Role, @Ctx() ctx: Context): Promise<RelatedRole[]> {
    return ctx.loaders.relatedRoles.load(role.id);
  }

  @FieldResolver(() => [SalaryBand], { description: "Pay ranges for the role, by region." })
  async salaryBands(
    @Root() role: Role,
    @Ctx() ctx: Context,
    @Arg("region", () => String, { nullable: true, description: "e.g. UK or US." })
    region?: string | null,
  ): Promise<SalaryBand[]> {
    return inRegion(await ctx.loaders.salaryBands.load(role.id), region);
  }

  @FieldResolver(() => [Source], { description: "Where the role's facts come from." })
  sources(@Root() role: Role, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.sourcesOf.load(role.id);
  }
}
