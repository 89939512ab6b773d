import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSynthetic } from "../../bench/synthetic.js";
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

  it("bulk-loads a synthetic graph batch by batch, replacing the graph", async () => {
    const doc = generateSynthetic({ edges: 3_000, seed: 3 });
    const messages: string[] = [];
    try {
      await loadSeed(db.executor, doc, {
        reset: true,
        mode: "bulk",
        onProgress: (m) => messages.push(m),
      });
      const counts = await countGraph(db.executor);
      expect(counts.PROGRESSES_TO).toBe(3_000);
      expect(counts.Role).toBe(doc.roles.length);
      expect(counts.REQUIRES).toBe(doc.roles.reduce((n, r) => n + r.skills.length, 0));
      expect(counts.USES).toBe(doc.roles.reduce((n, r) => n + r.technologies.length, 0));
      expect(counts.RELATED_TO).toBe(doc.related.length);
      expect(messages).toContain("progressions: 3000/3000");
    } finally {
      // Put the seed graph back for the tests that follow.
      await loadSeed(db.executor, readSeed(), { reset: true });
    }
    expect((await countGraph(db.executor)).Role).toBe(readSeed().roles.length);
  });
});
