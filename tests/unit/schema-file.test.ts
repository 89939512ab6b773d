import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSchema, printSdl, SCHEMA_FILE } from "../../src/schema.js";

describe("schema/schema.graphql", () => {
  it("is exactly the SDL the code emits (run `npm run schema:emit` after changing types)", async () => {
    const emitted = printSdl(await createSchema());
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(emitted);
  });

  it("keeps the API.md names of this slice", async () => {
    const sdl = printSdl(await createSchema());
    for (const fragment of [
      "role(id: ID!): Role",
      "tracks: [Track!]!",
      "skills(",
      "nextRoles: [Progression!]!",
    ]) {
      expect(sdl).toContain(fragment);
    }
  });
});
