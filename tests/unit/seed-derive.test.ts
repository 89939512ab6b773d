import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deriveUsBands, spanFor, wagesFromRows } from "../../src/seed/derive/bls-bands.js";
import {
  buildDerivedSeed,
  DEFAULT_DATA_DIR,
  DERIVED_FILE,
} from "../../src/seed/derive/derived-seed.js";
import {
  deriveRoleSkills,
  importanceRatings,
  MAX_PER_ROLE,
} from "../../src/seed/derive/onet-ratings.js";
import { readSeed, SEED_DIR } from "../../src/seed/loader.js";

const blsRow = (code: string, values: string[]) => ({
  OCC_CODE: code,
  OCC_TITLE: `Occupation ${code}`,
  O_GROUP: "detailed",
  A_PCT10: values[0] ?? "",
  A_PCT25: values[1] ?? "",
  A_MEDIAN: values[2] ?? "",
  A_PCT75: values[3] ?? "",
  A_PCT90: values[4] ?? "",
});

describe("US bands from BLS percentiles", () => {
  const wages = wagesFromRows([
    blsRow("15-1252", ["79850", "103050", "133080", "169000", "211450"]),
    blsRow("11-3021", ["104450", "134350", "171200", "216220", "#"]),
  ]);

  it("maps each level to its percentile span of the role's occupation", () => {
    const [mid, senior] = deriveUsBands(
      [
        { id: "dev", level: "MID", onetCode: "15-1252.00" },
        { id: "senior-dev", level: "SENIOR", onetCode: "15-1252.00" },
      ],
      wages,
      2024,
      "bls",
    );
    expect(mid).toMatchObject({
      role: "dev",
      min: 103050,
      max: 133080,
      currency: "USD",
      region: "US",
    });
    expect(senior).toMatchObject({ min: 133080, max: 169000 });
    expect(mid?.derivation).toMatch(
      /^Estimate: the P25 to median national annual wages of SOC 15-1252/,
    );
  });

  it("starts the managers' occupation at lead and skips spans that reach BLS's '#' cap", () => {
    expect(spanFor("LEAD", "11-3021")).toEqual(["P25", "P50"]);
    const bands = deriveUsBands(
      [
        { id: "manager", level: "LEAD", onetCode: "11-3021.00" },
        { id: "cto", level: "EXECUTIVE", onetCode: "11-3021.00" },
      ],
      wages,
      2024,
      "bls",
    );
    expect(bands.map((b) => b.role)).toEqual(["manager"]);
  });

  it("gives no band to interns, to roles without an occupation, or to unknown occupations", () => {
    const bands = deriveUsBands(
      [
        { id: "intern", level: "INTERN", onetCode: "15-1252.00" },
        { id: "seller", level: "MID" },
        { id: "other", level: "MID", onetCode: "99-9999.00" },
      ],
      wages,
      2024,
      "bls",
    );
    expect(bands).toEqual([]);
  });
});

describe("requirements from O*NET importance ratings", () => {
  const rows = (code: string, ratings: [string, string, string?][]) =>
    ratings.map(([element, value, suppress]) => ({
      "O*NET-SOC Code": code,
      "Element ID": element,
      "Scale ID": "IM",
      "Data Value": value,
      "Recommend Suppress": suppress ?? "N",
    }));

  it("keeps rated skills the graph holds, at or above 3, rounded, highest first", () => {
    const ratings = importanceRatings([
      ...rows("15-1211.00", [
        ["2.B.3.e", "4.62"],
        ["2.A.2.a", "3.5"],
        ["2.A.1.a", "2.9"],
        ["2.B.1.a", "4.9", "Y"],
      ]),
      { ...rows("15-1211.00", [["2.B.3.e", "6"]])[0], "Scale ID": "LV" },
    ]);
    const derived = deriveRoleSkills(
      [{ id: "analyst", onetCode: "15-1211.00" }, { id: "seller" }],
      [
        { id: "programming", onetElement: "2.B.3.e" },
        { id: "critical-thinking", onetElement: "2.A.2.a" },
        { id: "reading", onetElement: "2.A.1.a" },
        { id: "social", onetElement: "2.B.1.a" },
      ],
      ratings,
      "onet",
    );
    expect(derived).toEqual([
      { role: "analyst", skill: "programming", importance: 5, sources: ["onet"] },
      { role: "analyst", skill: "critical-thinking", importance: 4, sources: ["onet"] },
    ]);
  });

  it("adds at most MAX_PER_ROLE rated skills to one role", () => {
    const elements = Array.from({ length: MAX_PER_ROLE + 4 }, (_, i) => `2.B.${i}`);
    const derived = deriveRoleSkills(
      [{ id: "r", onetCode: "15-0000.00" }],
      elements.map((e) => ({ id: `s-${e.replace(/\./g, "-")}`, onetElement: e })),
      importanceRatings(
        rows(
          "15-0000.00",
          elements.map((e) => [e, "4"]),
        ),
      ),
      "onet",
    );
    expect(derived).toHaveLength(MAX_PER_ROLE);
  });
});

describe(`seed/${DERIVED_FILE}`, () => {
  it("is exactly what `npm run seed:derive` makes from the public data (no hand edits, no drift)", () => {
    const expected = buildDerivedSeed(
      DEFAULT_DATA_DIR,
      readSeed(SEED_DIR, { exclude: [DERIVED_FILE] }),
    );
    const checkedIn = JSON.parse(readFileSync(join(SEED_DIR, DERIVED_FILE), "utf8")) as unknown;
    expect(checkedIn).toEqual(expected);
  });
});
