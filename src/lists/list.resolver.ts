import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { Role } from "../roles/role.type.js";
import { Skill } from "../skills/skill.type.js";
import { Technology } from "../technologies/technology.type.js";
import { type Connection, connectionOf } from "./connection.type.js";
import {
  ROLE_LIST,
  RoleFilter,
  SKILL_LIST,
  SkillFilter,
  TECHNOLOGY_LIST,
  TechnologyFilter,
} from "./filters.js";
import { fetchPage, filterText, MAX_PAGE } from "./page.js";

export const RoleConnection = connectionOf(Role, "Role");
export const SkillConnection = connectionOf(Skill, "Skill");
export const TechnologyConnection = connectionOf(Technology, "Technology");

const FIRST = `Page size: 0 to ${MAX_PAGE}, default 20.`;
const AFTER = "The endCursor of the previous page (or any edge's cursor) to continue after.";

/** The browsable lists: Relay connections with keyset cursors and a total count. */
@Resolver()
export class ListResolver {
  @Query(() => RoleConnection, { description: "Roles sorted by title, then id." })
  roles(
    @Ctx() ctx: Context,
    @Arg("filter", () => RoleFilter, { nullable: true }) filter?: RoleFilter | null,
    @Arg("first", () => Int, { defaultValue: 20, description: FIRST }) first?: number,
    @Arg("after", () => String, { nullable: true, description: AFTER }) after?: string | null,
  ): Promise<Connection<Role>> {
    const params = {
      level: filter?.level ?? null,
      track: filter?.track ?? null,
      skill: filter?.skill ?? null,
      technology: filter?.technology ?? null,
      text: filterText(filter?.text),
    };
    return fetchPage<Role>(ctx.executor, ROLE_LIST, params, first, after);
  }

  @Query(() => SkillConnection, { description: "Skills sorted by name, then id." })
  skills(
    @Ctx() ctx: Context,
    @Arg("filter", () => SkillFilter, { nullable: true }) filter?: SkillFilter | null,
    @Arg("first", () => Int, { defaultValue: 20, description: FIRST }) first?: number,
    @Arg("after", () => String, { nullable: true, description: AFTER }) after?: string | null,
  ): Promise<Connection<Skill>> {
    const params = {
      category: filter?.category ?? null,
      track: filter?.track ?? null,
      technology: filter?.technology ?? null,
      text: filterText(filter?.text),
    };
    return fetchPage<Skill>(ctx.executor, SKILL_LIST, params, first, after);
  }

  @Query(() => TechnologyConnection, { description: "Technologies sorted by name, then id." })
  technologies(
    @Ctx() ctx: Context,
    @Arg("filter", () => TechnologyFilter, { nullable: true }) filter?: TechnologyFilter | null,
    @Arg("first", () => Int, { defaultValue: 20, description: FIRST }) first?: number,
    @Arg("after", () => String, { nullable: true, description: AFTER }) after?: string | null,
  ): Promise<Connection<Technology>> {
    const params = {
      kind: filter?.kind ?? null,
      hot: filter?.hot ?? null,
      track: filter?.track ?? null,
      skill: filter?.skill ?? null,
      text: filterText(filter?.text),
    };
    return fetchPage<Technology>(ctx.executor, TECHNOLOGY_LIST, params, first, after);
  }
}
