import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { FIRST_DESCRIPTION, firstOf } from "../args.js";
import type { Context } from "../context.js";
import { Role } from "../roles/role.type.js";
import { Source } from "../sources/source.type.js";
import { Technology } from "../technologies/technology.type.js";
import { RelatedSkill, Skill } from "./skill.type.js";

@Resolver(() => Skill)
export class SkillResolver {
  @Query(() => Skill, { nullable: true, description: "The skill with this id, or null." })
  skill(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Skill | null> {
    return ctx.loaders.skillById.load(id);
  }

  @FieldResolver(() => [Role], { description: "Roles requiring the skill, most important first." })
  roles(
    @Root() skill: Skill,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?:
      | number
      | null,
  ): Promise<Role[]> {
    return firstOf(ctx.loaders.rolesOfSkill.load(skill.id), first);
  }

  @FieldResolver(() => [Technology], { description: "Technologies the skill is practised with." })
  technologies(@Root() skill: Skill, @Ctx() ctx: Context): Promise<Technology[]> {
    return ctx.loaders.technologiesOfSkill.load(skill.id);
  }

  @FieldResolver(() => [RelatedSkill], {
    description: "Skills required together with this one, by how many roles require both.",
  })
  relatedSkills(
    @Root() skill: Skill,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?:
      | number
      | null,
  ): Promise<RelatedSkill[]> {
    return firstOf(ctx.loaders.relatedSkills.load(skill.id), first);
  }

  @FieldResolver(() => [Source], { description: "Where the skill's name or rating comes from." })
  sources(@Root() skill: Skill, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.sourcesOf.load(skill.id);
  }
}
