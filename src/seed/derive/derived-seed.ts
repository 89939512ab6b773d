import { join } from "node:path";
import { projectPath } from "../../project-root.js";
import type { SeedDocument } from "../seed.schema.js";
import { deriveUsBands, wagesFromRows } from "./bls-bands.js";
import { deriveRoleSkills, importanceRatings } from "./onet-ratings.js";
import { readTsv } from "./tsv.js";

/** The seed file written by `npm run seed:derive`; never edited by hand. */
export const DERIVED_FILE = "60-derived-onet-bls.json";
/** The public data extracts, kept with the seed (seed/public-data/README.md). */
export const DEFAULT_DATA_DIR = projectPath("seed", "public-data");
const BLS_YEAR = 2024;

/**
 * Everything derived mechanically from the public data for the roles and skills in `doc`:
 * O*NET-rated requirements and US salary bands. Deterministic: the same inputs give the same file.
 */
export function buildDerivedSeed(dataDir: string, doc: SeedDocument) {
  const ratings = [
    ...importanceRatings(readTsv(join(dataDir, "onet-29.3", "skills.tsv"))),
    ...importanceRatings(readTsv(join(dataDir, "onet-29.3", "knowledge.tsv"))),
  ];
  const wages = wagesFromRows(readTsv(join(dataDir, "bls-oews-2024", "national_tech_wages.tsv")));
  return {
    roleSkills: deriveRoleSkills(doc.roles, doc.skills, ratings, "onet-29-3"),
    salaryBands: deriveUsBands(doc.roles, wages, BLS_YEAR, "bls-oews-2024"),
  };
}
