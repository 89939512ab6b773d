import { GraphQLJSONObject } from "graphql-scalars";
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { checkFirst } from "../args.js";
import type { Context } from "../context.js";
import { Role } from "../roles/role.type.js";
import { SalaryBand } from "../salaries/salary-band.type.js";
import { Skill } from "../skills/skill.type.js";
import { Source } from "../sources/source.type.js";
import { Technology } from "../technologies/technology.type.js";
import { Track } from "../tracks/track.type.js";
import { changes, deleteEntity, removeLink, setLink, upsertEntity } from "./curation.service.js";
import {
  Change,
  DeleteResult,
  ImportModeEnum,
  ImportReport,
  ProgressionInput,
  RelatedRolesInput,
  RoleInput,
  RoleSkillInput,
  RoleTechnologyInput,
  SalaryBandInput,
  SkillInput,
  SourceInput,
  TechnologyInput,
  TrackInput,
} from "./curation.type.js";
import { importGraph } from "./import.js";

const WRITE = "Needs an API key with the write scope.";

/** Mutations for every entity and link of the model, and the audit trail. */
@Resolver()
export class CurationResolver {
  @Authorized("write")
  @Mutation(() => Track, { description: `Creates or replaces a track. ${WRITE}` })
  upsertTrack(@Ctx() ctx: Context, @Arg("input", () => TrackInput) input: TrackInput) {
    return upsertEntity<Track>(ctx, "Track", input);
  }

  @Authorized("write")
  @Mutation(() => Skill, { description: `Creates or replaces a skill. ${WRITE}` })
  upsertSkill(@Ctx() ctx: Context, @Arg("input", () => SkillInput) input: SkillInput) {
    return upsertEntity<Skill>(ctx, "Skill", input);
  }

  @Authorized("write")
  @Mutation(() => Technology, { description: `Creates or replaces a technology. ${WRITE}` })
  upsertTechnology(
    @Ctx() ctx: Context,
    @Arg("input", () => TechnologyInput) input: TechnologyInput,
  ) {
    return upsertEntity<Technology>(ctx, "Technology", input);
  }

  @Authorized("write")
  @Mutation(() => Role, {
    description: `Creates or replaces a role; its track must exist. ${WRITE}`,
  })
  upsertRole(@Ctx() ctx: Context, @Arg("input", () => RoleInput) input: RoleInput) {
    return upsertEntity<Role>(ctx, "Role", input);
  }

  @Authorized("write")
  @Mutation(() => Source, { description: `Creates or replaces a source. ${WRITE}` })
  upsertSource(@Ctx() ctx: Context, @Arg("input", () => SourceInput) input: SourceInput) {
    return upsertEntity<Source>(ctx, "Source", input);
  }

  @Authorized("write")
  @Mutation(() => SalaryBand, {
    description: `Creates or replaces a salary band of a role or a track. ${WRITE}`,
  })
  upsertSalaryBand(
    @Ctx() ctx: Context,
    @Arg("input", () => SalaryBandInput) input: SalaryBandInput,
  ) {
    return upsertEntity<SalaryBand>(ctx, "SalaryBand", input);
  }

  @Authorized("write")
  @Mutation(() => DeleteResult, {
    description: `Deletes a role, its links and its salary bands. ${WRITE}`,
  })
  deleteRole(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return deleteEntity(ctx, "Role", id);
  }

  @Authorized("write")
  @Mutation(() => DeleteResult, { description: `Deletes a skill and its links. ${WRITE}` })
  deleteSkill(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return deleteEntity(ctx, "Skill", id);
  }

  @Authorized("write")
  @Mutation(() => DeleteResult, { description: `Deletes a technology and its links. ${WRITE}` })
  deleteTechnology(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return deleteEntity(ctx, "Technology", id);
  }

  @Authorized("write")
  @Mutation(() => DeleteResult, {
    description: `Deletes a track with no roles, and its bands. ${WRITE}`,
  })
  deleteTrack(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return deleteEntity(ctx, "Track", id);
  }

  @Authorized("write")
  @Mutation(() => DeleteResult, {
    description: `Deletes a source no salary band depends on. ${WRITE}`,
  })
  deleteSource(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return deleteEntity(ctx, "Source", id);
  }

  @Authorized("write")
  @Mutation(() => DeleteResult, { description: `Deletes a salary band. ${WRITE}` })
  deleteSalaryBand(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return deleteEntity(ctx, "SalaryBand", id);
  }

  @Authorized("write")
  @Mutation(() => Boolean, {
    description: `Sets a move from one role to another (not to itself). ${WRITE}`,
  })
  setProgression(
    @Ctx() ctx: Context,
    @Arg("input", () => ProgressionInput) input: ProgressionInput,
  ) {
    return setLink(ctx, "PROGRESSES_TO", input, (v) => ({
      ...v,
      from: String(v.from),
      to: String(v.to),
    }));
  }

  @Authorized("write")
  @Mutation(() => Boolean, { description: `Removes a move; false when there was none. ${WRITE}` })
  removeProgression(
    @Ctx() ctx: Context,
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
  ) {
    return removeLink(ctx, "PROGRESSES_TO", { from, to });
  }

  @Authorized("write")
  @Mutation(() => Boolean, { description: `Sets how much a role needs a skill. ${WRITE}` })
  setRoleSkill(@Ctx() ctx: Context, @Arg("input", () => RoleSkillInput) input: RoleSkillInput) {
    return setLink(ctx, "REQUIRES", input, (v) => ({
      from: String(v.role),
      to: String(v.skill),
      importance: v.importance,
      sources: v.sources,
    }));
  }

  @Authorized("write")
  @Mutation(() => Boolean, { description: `Removes a role's need for a skill. ${WRITE}` })
  removeRoleSkill(
    @Ctx() ctx: Context,
    @Arg("role", () => ID) role: string,
    @Arg("skill", () => ID) skill: string,
  ) {
    return removeLink(ctx, "REQUIRES", { from: role, to: skill });
  }

  @Authorized("write")
  @Mutation(() => Boolean, { description: `Sets a technology a role works with. ${WRITE}` })
  setRoleTechnology(
    @Ctx() ctx: Context,
    @Arg("input", () => RoleTechnologyInput) input: RoleTechnologyInput,
  ) {
    return setLink(ctx, "USES", input, (v) => ({
      from: String(v.role),
      to: String(v.technology),
      usage: v.usage,
      context: v.context,
    }));
  }

  @Authorized("write")
  @Mutation(() => Boolean, { description: `Removes a technology from a role. ${WRITE}` })
  removeRoleTechnology(
    @Ctx() ctx: Context,
    @Arg("role", () => ID) role: string,
    @Arg("technology", () => ID) technology: string,
  ) {
    return removeLink(ctx, "USES", { from: role, to: technology });
  }

  @Authorized("write")
  @Mutation(() => Boolean, {
    description: `Marks two roles as similar (one link, read both ways). ${WRITE}`,
  })
  setRelatedRoles(
    @Ctx() ctx: Context,
    @Arg("input", () => RelatedRolesInput) input: RelatedRolesInput,
  ) {
    return setLink(ctx, "RELATED_TO", input, (v) => ({
      ...v,
      from: String(v.from),
      to: String(v.to),
    }));
  }

  @Authorized("write")
  @Mutation(() => Boolean, { description: `Unmarks two roles as similar. ${WRITE}` })
  removeRelatedRoles(
    @Ctx() ctx: Context,
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
  ) {
    return removeLink(ctx, "RELATED_TO", { from, to });
  }

  @Authorized("write")
  @Mutation(() => Boolean, {
    description: `Links a skill to a technology it is practised with. ${WRITE}`,
  })
  linkSkillTechnology(
    @Ctx() ctx: Context,
    @Arg("skill", () => ID) skill: string,
    @Arg("technology", () => ID) technology: string,
  ) {
    return setLink(ctx, "PRACTISED_WITH", { skill, technology }, () => ({
      from: skill,
      to: technology,
    }));
  }

  @Authorized("write")
  @Mutation(() => Boolean, { description: `Unlinks a skill from a technology. ${WRITE}` })
  unlinkSkillTechnology(
    @Ctx() ctx: Context,
    @Arg("skill", () => ID) skill: string,
    @Arg("technology", () => ID) technology: string,
  ) {
    return removeLink(ctx, "PRACTISED_WITH", { from: skill, to: technology });
  }

  @Authorized("admin")
  @Mutation(() => ImportReport, {
    description:
      "Imports a document in the seed file format (sources, tracks, skills, technologies, " +
      "roles, links, salary bands). Everything is checked first; a dry run reports the counts " +
      "and writes nothing; otherwise it is written in one transaction. Invalid: " +
      "BAD_USER_INPUT listing the problems. Needs an API key with the admin scope.",
  })
  async importGraph(
    @Ctx() ctx: Context,
    @Arg("document", () => GraphQLJSONObject) document: Record<string, unknown>,
    @Arg("mode", () => ImportModeEnum, { defaultValue: "MERGE" })
    mode: keyof typeof ImportModeEnum,
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
  ): Promise<ImportReport> {
    const report = await importGraph(ctx.executor, document, {
      mode,
      dryRun,
      by: ctx.principal?.name ?? "",
    });
    if (!dryRun) ctx.projection.invalidate();
    return report;
  }

  @Authorized("read")
  @Query(() => [Change], {
    description:
      "The audit trail: changes made through the API, newest first; since: an ISO 8601 date or " +
      "date-time (exclusive). first: 0 to 100, default 20. Needs an API key (any scope).",
  })
  changes(
    @Ctx() ctx: Context,
    @Arg("since", () => String, { nullable: true }) since: string | null,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
  ): Promise<Change[]> {
    return changes(ctx, since ?? null, checkFirst(first));
  }
}
