import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countGraph, loadSeed, readSeed } from "../../src/seed/loader.js";
import { openTestDatabase, type TestDatabase } from "../helpers/database.js";

let db: TestDatabase;
beforeAll(() => {
  db = openTestDatabase();
});
afterAll(() => db?.close());

describe("seed loader", () => {
  it("is idempotent: a second load leaves every count unchanged", async () => {
    const seed = readSeed();
    const before = await countGraph(db.executor);
    await loadSeed(db.executor, seed);
    expect(await countGraph(db.executor)).toEqual(before);
  });

  it("loads exactly what the files hold", async () => {
    const seed = readSeed();
    const counts = await countGraph(db.executor);
    expect(counts.Role).toBe(seed.roles.length);
    expect(counts.Track).toBe(seed.tracks.length);
    expect(counts.PROGRESSES_TO).toBe(seed.progressions.length);
    expect(counts.IN_TRACK).toBe(seed.roles.length);
    expect(counts.REQUIRES).toBe(
      seed.roles.reduce((n, r) => n + r.skills.length, 0) + seed.roleSkills.length,
    );
  });
});
