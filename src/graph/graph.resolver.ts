import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { inRange } from "../args.js";
import type { Context } from "../context.js";
import { DirectionEnum, RelationshipTypeEnum } from "../enums.js";
import { NotFoundError } from "../errors.js";
import type { Direction, RelationshipType } from "../model.js";
import { MAX_DEPTH, MAX_LIMIT, neighborhood } from "./neighborhood.js";
import { byNearness, MAX_REACH, MAX_STEPS, reach } from "./reach.js";
import { ReachableRole, Subgraph } from "./subgraph.type.js";

/** Adjacency beyond one hop: neighbourhoods, and the roles reachable from or leading to a role. */
@Resolver()
export class GraphResolver {
  @Query(() => Subgraph, {
    description:
      "The nodes within `depth` hops of a role, skill, technology or track, and the " +
      `relationships that reach them. depth: 1 to ${MAX_DEPTH}; limit (nodes, start included): ` +
      `1 to ${MAX_LIMIT}. Unknown id: NOT_FOUND.`,
  })
  neighborhood(
    @Ctx() ctx: Context,
    @Arg("id", () => ID) id: string,
    @Arg("depth", () => Int, { defaultValue: 1 }) depth: number,
    @Arg("relationships", () => [RelationshipTypeEnum], {
      nullable: true,
      description: "Follow only these; all when omitted.",
    })
    relationships: RelationshipType[] | null,
    @Arg("direction", () => DirectionEnum, { defaultValue: "BOTH" }) direction: Direction,
    @Arg("limit", () => Int, { defaultValue: 200 }) limit: number,
  ): Promise<Subgraph> {
    return neighborhood(ctx.executor, {
      id,
      depth: inRange("depth", depth, 1, MAX_DEPTH),
      relationships,
      direction,
      limit: inRange("limit", limit, 1, MAX_LIMIT),
    });
  }

  @Query(() => [ReachableRole], {
    description:
      "Roles reachable from a role along PROGRESSES_TO within maxSteps moves, nearest first: " +
      `fewest moves, then fewest years. maxSteps: 1 to ${MAX_STEPS}; first: 0 to ${MAX_REACH}. ` +
      "Unknown id: NOT_FOUND.",
  })
  reachableRoles(
    @Ctx() ctx: Context,
    @Arg("from", () => ID) from: string,
    @Arg("maxSteps", () => Int, { defaultValue: 3 }) maxSteps: number,
    @Arg("first", () => Int, { defaultValue: 100 }) first: number,
  ): Promise<ReachableRole[]> {
    return reachable(ctx, from, maxSteps, first, "FORWARD");
  }

  @Query(() => [ReachableRole], {
    description:
      "Roles that lead to a role along PROGRESSES_TO within maxSteps moves, nearest first. " +
      `maxSteps: 1 to ${MAX_STEPS}; first: 0 to ${MAX_REACH}. Unknown id: NOT_FOUND.`,
  })
  feederRoles(
    @Ctx() ctx: Context,
    @Arg("to", () => ID) to: string,
    @Arg("maxSteps", () => Int, { defaultValue: 3 }) maxSteps: number,
    @Arg("first", () => Int, { defaultValue: 100 }) first: number,
  ): Promise<ReachableRole[]> {
    return reachable(ctx, to, maxSteps, first, "BACKWARD");
  }
}

async function reachable(
  ctx: Context,
  id: string,
  maxSteps: number,
  first: number,
  direction: "FORWARD" | "BACKWARD",
): Promise<ReachableRole[]> {
  inRange("maxSteps", maxSteps, 1, MAX_STEPS);
  inRange("first", first, 0, MAX_REACH);
  if ((await ctx.loaders.roleById.load(id)) === null) throw new NotFoundError("role", id);
  const nearest = (await reach(ctx.executor, id, maxSteps, direction))
    .sort(byNearness)
    .slice(0, first);
  const roles = await ctx.loaders.roleById.loadMany(nearest.map((r) => r.id));
  return nearest.flatMap((r, i) => {
    const role = roles[i];
    return role && !(role instanceof Error) ? [{ role, steps: r.steps, minYears: r.minYears }] : [];
  });
}
