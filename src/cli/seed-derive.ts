import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildDerivedSeed, DEFAULT_DATA_DIR, DERIVED_FILE } from "../seed/derive/derived-seed.js";
import { readSeed, SEED_DIR } from "../seed/loader.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: DEFAULT_DATA_DIR },
    dir: { type: "string", default: SEED_DIR },
  },
});

// Derive from the hand-written files only, then replace the derived file.
const doc = readSeed(values.dir, { exclude: [DERIVED_FILE] });
const derived = buildDerivedSeed(values.data, doc);
writeFileSync(join(values.dir, DERIVED_FILE), `${JSON.stringify(derived, null, 2)}\n`);
process.stdout.write(
  `Wrote ${DERIVED_FILE}: ${derived.roleSkills.length} O*NET-rated requirements, ` +
    `${derived.salaryBands.length} US salary bands\n`,
);
