import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { checkFirst, inRange } from "../args.js";
import type { Context } from "../context.js";
import { BadUserInputError } from "../errors.js";
import {
  careerPaths,
  MAX_AVOID,
  MAX_K,
  MAX_PATH_STEPS,
  rolesWithinReach,
  skillGap,
} from "./path.service.js";
import { CareerPath, type PathWeight, PathWeightEnum, RoleMatch, SkillGap } from "./path.type.js";

/** The most skills rolesWithinReach takes, and the most missing ones it may allow. */
const MAX_SKILLS = 50;
const MAX_MISSING = 50;

/** Career paths, skill gaps and the roles a set of skills nearly covers. */
@Resolver()
export class PathResolver {
  @Query(() => [CareerPath], {
    description:
      "The k best simple paths from one role to another along PROGRESSES_TO, best first: by " +
      "cost (see weightBy), then fewer moves, then the role ids along the path. from = to gives " +
      `one path of no moves; no route gives []. k: 1 to ${MAX_K}; maxSteps: 1 to ` +
      `${MAX_PATH_STEPS}; avoid: up to ${MAX_AVOID} roles no path may pass through. Unknown ids: ` +
      "NOT_FOUND.",
  })
  careerPaths(
    @Ctx() ctx: Context,
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Arg("k", () => Int, { defaultValue: 3 }) k: number,
    @Arg("weightBy", () => PathWeightEnum, { defaultValue: "STEPS" }) weightBy: PathWeight,
    @Arg("maxSteps", () => Int, { defaultValue: 6 }) maxSteps: number,
    @Arg("avoid", () => [ID], { nullable: true }) avoid?: string[] | null,
  ): Promise<CareerPath[]> {
    inRange("k", k, 1, MAX_K);
    inRange("maxSteps", maxSteps, 1, MAX_PATH_STEPS);
    const avoided = avoid ?? [];
    if (avoided.length > MAX_AVOID) {
      throw new BadUserInputError(`avoid takes at most ${MAX_AVOID} roles`, "avoid");
    }
    if (avoided.includes(from) || avoided.includes(to)) {
      throw new BadUserInputError("avoid must not name from or to", "avoid");
    }
    return careerPaths(ctx, { from, to, k, weightBy, maxSteps, avoid: avoided });
  }

  @Query(() => SkillGap, {
    description:
      "What `to` requires that `from` already covers, what it lacks, and the importance-weighted " +
      "coverage. Unknown ids: NOT_FOUND.",
  })
  skillGap(
    @Ctx() ctx: Context,
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
  ): Promise<SkillGap> {
    return skillGap(ctx, from, to);
  }

  @Query(() => [RoleMatch], {
    description:
      "Roles that require some of the given skills and at most maxMissing others, ranked by the " +
      "importance-weighted share of their requirements the skills cover, then fewer missing, then " +
      `id. skills: 1 to ${MAX_SKILLS}; maxMissing: 0 to ${MAX_MISSING}; first: 0 to 100, ` +
      "default 10. Unknown skill ids: NOT_FOUND.",
  })
  rolesWithinReach(
    @Ctx() ctx: Context,
    @Arg("skills", () => [ID]) skills: string[],
    @Arg("maxMissing", () => Int, { defaultValue: 3 }) maxMissing: number,
    @Arg("first", () => Int, { defaultValue: 10 }) first: number,
  ): Promise<RoleMatch[]> {
    if (skills.length === 0 || skills.length > MAX_SKILLS) {
      throw new BadUserInputError(`skills takes 1 to ${MAX_SKILLS} ids`, "skills");
    }
    inRange("maxMissing", maxMissing, 0, MAX_MISSING);
    return rolesWithinReach(ctx, skills, maxMissing, checkFirst(first, 10));
  }
}
