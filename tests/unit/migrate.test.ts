import { describe, expect, it } from "vitest";
import { schemaStatements, splitStatements } from "../../src/neo4j/migrate.js";

describe("schema statements", () => {
  it("splits on semicolons at line ends and skips comment lines", () => {
    expect(splitStatements("// note\nCREATE A\nFOR x;\n\nCREATE B;\n")).toEqual([
      "CREATE A\nFOR x",
      "CREATE B",
    ]);
  });

  it("are all idempotent (IF NOT EXISTS, IF EXISTS) and cover MODEL.md's constraint and indexes", () => {
    const statements = schemaStatements().map((s) => s.statement);
    expect(statements.every((s) => /IF (NOT )?EXISTS/.test(s))).toBe(true);
    expect(statements.join("\n")).toMatch(/CONSTRAINT[\s\S]*\(n:Entity\) REQUIRE n\.id IS UNIQUE/);
    expect(statements.join("\n")).toMatch(/INDEX[\s\S]*\(r:Role\) ON \(r\.level\)/);
    expect(statements.join("\n")).toMatch(/FULLTEXT INDEX[\s\S]*Role\|Skill\|Technology/);
  });
});
