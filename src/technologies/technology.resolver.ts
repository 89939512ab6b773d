import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { FIRST_DESCRIPTION, firstOf } from "../args.js";
import type { Context } from "../context.js";
import { Role } from "../roles/role.type.js";
import { Skill } from "../skills/skill.type.js";
import { Source } from "../sources/source.type.js";
import { Technology } from "./technology.type.js";

@Resolver(() => Technology)
export class TechnologyResolver {
  @Query(() => Technology, { nullable: true, description: "The technology with this id, or null." })
  technology(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Technology | null> {
    return ctx.loaders.technologyById.load(id);
  }

  @FieldResolver(() => [Role], { description: "Roles using the technology, CORE users first." })
  roles(
    @Root() technology: Technology,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?:
      | number
      | null,
  ): Promise<Role[]> {
    return firstOf(ctx.loaders.rolesOfTechnology.load(technology.id), first);
  }

  @FieldResolver(() => [Skill], { description: "Skills practised with the technology." })
  skills(@Root() technology: Technology, @Ctx() ctx: Context): Promise<Skill[]> {
    return ctx.loaders.skillsOfTechnology.load(technology.id);
  }

  @FieldResolver(() => [Source], { description: "Where the technology and its flags come from." })
  sources(@Root() technology: Technology, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.sourcesOf.load(technology.id);
  }
}
