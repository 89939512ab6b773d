// type-graphql reads decorator metadata through this polyfill; it must load before any type.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { type GraphQLSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AnalyticsResolver } from "./analytics/analytics.resolver.js";
import { GraphStatsResolver } from "./analytics/graph-stats.resolver.js";
import { ApiKeyResolver } from "./auth/api-key.resolver.js";
import { authChecker } from "./auth/authenticate.js";
import { CurationResolver } from "./curation/curation.resolver.js";
import { GraphResolver } from "./graph/graph.resolver.js";
import { ListResolver } from "./lists/list.resolver.js";
import { PathResolver } from "./paths/path.resolver.js";
import { projectPath } from "./project-root.js";
import { ProgressionResolver } from "./roles/progression.resolver.js";
import { RoleResolver } from "./roles/role.resolver.js";
import { SalaryBandResolver } from "./salaries/salary-band.resolver.js";
import { SearchResolver } from "./search/search.resolver.js";
import { SkillResolver } from "./skills/skill.resolver.js";
import { SourceResolver } from "./sources/source.resolver.js";
import { TechnologyResolver } from "./technologies/technology.resolver.js";
import { TrackResolver } from "./tracks/track.resolver.js";

export const SCHEMA_FILE = projectPath("schema", "schema.graphql");

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      RoleResolver,
      ProgressionResolver,
      TrackResolver,
      SkillResolver,
      TechnologyResolver,
      SalaryBandResolver,
      SourceResolver,
      GraphStatsResolver,
      AnalyticsResolver,
      CurationResolver,
      ApiKeyResolver,
      ListResolver,
      SearchResolver,
      GraphResolver,
      PathResolver,
    ],
    validate: false,
    authChecker,
  });
}

/** The SDL as checked in; types and enum values keep the order the code declares them in. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}

export async function emitSchemaFile(path: string = SCHEMA_FILE): Promise<void> {
  writeFileSync(path, printSdl(await createSchema()));
}
