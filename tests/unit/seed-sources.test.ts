import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/seed/derive/derived-seed.js";
import { readTsv } from "../../src/seed/derive/tsv.js";
import { readSeed } from "../../src/seed/loader.js";

/**
 * The hand-curated seed files state facts taken from the public extracts (O*NET codes, O*NET's
 * technology flags). These tests hold those facts to the data, so an edit cannot drift from it.
 */
const onet = (file: string) => join(DEFAULT_DATA_DIR, "onet-29.3", file);

describe("seed facts against the public data", () => {
  const seed = readSeed();

  it("gives each O*NET-listed technology O*NET's own Hot and In Demand flags", () => {
    const flags = new Map<string, { hot: boolean; inDemand: boolean }>();
    for (const row of readTsv(onet("technology_skills.tsv"))) {
      const example = row.Example ?? "";
      const seen = flags.get(example) ?? { hot: false, inDemand: false };
      flags.set(example, {
        hot: seen.hot || row["Hot Technology"] === "Y",
        inDemand: seen.inDemand || row["In Demand"] === "Y",
      });
    }
    const listed = seed.technologies.filter((t) => t.onetExample !== undefined);
    expect(listed.length).toBeGreaterThan(200);
    for (const t of listed) {
      const expected = flags.get(t.onetExample ?? "");
      expect(expected, `${t.id}: ${t.onetExample} is not in O*NET's list`).toBeDefined();
      expect({ id: t.id, hot: t.hot, inDemand: t.inDemand }).toEqual({ id: t.id, ...expected });
      expect(t.sources).toContain("onet-29-3");
    }
    for (const t of seed.technologies.filter((x) => x.onetExample === undefined)) {
      expect({ id: t.id, hot: t.hot, inDemand: t.inDemand }).toEqual({
        id: t.id,
        hot: undefined,
        inDemand: undefined,
      });
    }
  });

  it("files every role under an O*NET occupation that exists, and cites O*NET only then", () => {
    const codes = new Set(readTsv(onet("occupations.tsv")).map((row) => row["O*NET-SOC Code"]));
    for (const role of seed.roles) {
      if (role.onetCode !== undefined) expect(codes, role.id).toContain(role.onetCode);
      if (role.sources.includes("onet-29-3")) expect(role.onetCode, role.id).toBeDefined();
    }
  });

  it("names, for every role citing ESCO, an ESCO occupation as its title or an alias", () => {
    const occupations = new Set(
      readTsv(join(DEFAULT_DATA_DIR, "esco-1.2.0", "ict_occupation_skill_links.tsv")).map((row) =>
        (row.occupation ?? "").toLowerCase(),
      ),
    );
    const citing = seed.roles.filter((role) => role.sources.includes("esco-1-2-0"));
    expect(citing.length).toBeGreaterThan(30);
    for (const role of citing) {
      const names = [role.title, ...role.aliases].map((n) => n.toLowerCase());
      expect(
        names.some((n) => occupations.has(n)),
        role.id,
      ).toBe(true);
    }
  });
});
