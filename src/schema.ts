// type-graphql reads decorator metadata through this polyfill; it must load before any type.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { type GraphQLSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { projectPath } from "./paths.js";
import { RoleResolver } from "./roles/role.resolver.js";
import { TrackResolver } from "./tracks/track.resolver.js";

export const SCHEMA_FILE = projectPath("schema", "schema.graphql");

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [RoleResolver, TrackResolver], validate: false });
}

/** The SDL as checked in; types and enum values keep the order the code declares them in. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}

export async function emitSchemaFile(path: string = SCHEMA_FILE): Promise<void> {
  writeFileSync(path, printSdl(await createSchema()));
}
