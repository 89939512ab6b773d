import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSeed, SeedError } from "../../src/seed/loader.js";

function seedDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "rolegraph-seed-"));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

const problemsOf = (files: Record<string, unknown>): readonly string[] => {
  try {
    readSeed(seedDir(files));
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  return [];
};

const track = { id: "backend", name: "Back end" };
const role = { id: "dev", title: "Developer", level: "MID", track: "backend" };

describe("readSeed", () => {
  it("accepts the project's own seed", () => {
    const seed = readSeed();
    expect(seed.roles.map((r) => r.id)).toContain("back-end-developer");
  });

  it("names the file, the record and the field of a bad value", () => {
    const problems = problemsOf({
      "a.json": { tracks: [track], roles: [{ ...role, level: "GURU" }] },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^a\.json: roles\[0\] \(dev\)\.level: /);
  });

  it("reports a file that is not JSON", () => {
    expect(problemsOf({ "broken.json": "{ nope" })[0]).toMatch(/^broken\.json: not valid JSON/);
  });

  it("rejects edges to unknown ids, duplicates, a role without a known track and self-moves", () => {
    const problems = problemsOf({
      "a.json": {
        tracks: [track],
        roles: [role, { ...role, title: "Again" }, { ...role, id: "lost", track: "nowhere" }],
        progressions: [
          { from: "dev", to: "ghost", kind: "PROMOTION" },
          { from: "dev", to: "dev", kind: "LATERAL" },
        ],
      },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("role dev: duplicate id"),
        expect.stringContaining('role lost.track: unknown track "nowhere"'),
        expect.stringContaining('progression dev -> ghost.to: unknown role "ghost"'),
        expect.stringContaining("progression dev -> dev: a role cannot progress to itself"),
      ]),
    );
  });

  it("rejects a salary band whose min exceeds its max", () => {
    const problems = problemsOf({
      "a.json": {
        sources: [{ id: "src", title: "Source" }],
        tracks: [track],
        roles: [role],
        salaryBands: [
          {
            id: "b",
            role: "dev",
            region: "UK",
            currency: "GBP",
            min: 60000,
            max: 50000,
            year: 2025,
            source: "src",
          },
        ],
      },
    });
    expect(problems).toEqual([
      expect.stringMatching(/salaryBands\[0\] \(b\)\.min: min must not exceed max/),
    ]);
  });

  it("rejects a role-technology link to an unknown id or given twice", () => {
    const tech = { id: "go", name: "Go", kind: "LANGUAGE" };
    const problems = problemsOf({
      "a.json": {
        tracks: [track],
        technologies: [tech],
        roles: [{ ...role, technologies: [{ id: "go", usage: "CORE" }] }],
        roleTechnologies: [
          { role: "dev", technology: "go", usage: "COMMON" },
          { role: "dev", technology: "cobol", usage: "OCCASIONAL" },
          { role: "nobody", technology: "go", usage: "CORE" },
        ],
      },
    });
    expect(problems).toEqual([
      "roleTechnologies dev -> go: dev uses go twice",
      'roleTechnologies dev -> cobol.technology: unknown technology "cobol"',
      'roleTechnologies nobody -> go.role: unknown role "nobody"',
    ]);
  });

  it("rejects a promotion that does not go up and a lateral move that changes level", () => {
    const senior = { ...role, id: "senior", level: "SENIOR" };
    const problems = problemsOf({
      "a.json": {
        tracks: [track],
        roles: [role, senior, { ...role, id: "lead", level: "LEAD" }],
        progressions: [
          { from: "senior", to: "dev", kind: "PROMOTION" },
          { from: "dev", to: "senior", kind: "LATERAL" },
          { from: "lead", to: "dev", kind: "PIVOT" },
        ],
      },
    });
    expect(problems).toEqual([
      "progression senior -> dev: a PROMOTION must lead to a higher level",
      "progression dev -> senior: a LATERAL move must stay at the same level",
    ]);
  });
});
