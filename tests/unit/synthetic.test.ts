import { describe, expect, it } from "vitest";
import { generateSynthetic } from "../../bench/synthetic.js";
import { LEVELS } from "../../src/model.js";
import { checkReferences } from "../../src/seed/loader.js";
import { seedDocumentSchema } from "../../src/seed/seed.schema.js";

describe("synthetic graphs", () => {
  const doc = generateSynthetic({ edges: 10_000, seed: 7 });

  it("are the same for the same seed and differ for another", () => {
    expect(generateSynthetic({ edges: 10_000, seed: 7 })).toEqual(doc);
    expect(generateSynthetic({ edges: 10_000, seed: 8 }).progressions).not.toEqual(
      doc.progressions,
    );
  });

  it("are valid seed documents with the number of moves asked for", () => {
    expect(seedDocumentSchema.safeParse(doc).success).toBe(true);
    expect(checkReferences(doc)).toEqual([]);
    expect(doc.progressions).toHaveLength(10_000);
    expect(new Set(doc.roles.map((r) => r.level))).toEqual(new Set(LEVELS));
  });

  it("are shaped like the seed: ladders, lateral moves, pivots, skewed skill popularity", () => {
    const role = new Map(doc.roles.map((r) => [r.id, r]));
    const rank = (level: string) => LEVELS.indexOf(level as (typeof LEVELS)[number]);
    for (const move of doc.progressions) {
      const [from, to] = [role.get(move.from), role.get(move.to)];
      if (!from || !to) throw new Error("dangling move");
      if (move.kind === "PROMOTION") {
        expect([from.track, rank(to.level) - rank(from.level)]).toEqual([to.track, 1]);
      } else if (move.kind === "LATERAL") {
        expect([from.track, from.level]).toEqual([to.track, to.level]);
      } else {
        expect(rank(to.level) - rank(from.level)).toBeGreaterThanOrEqual(0);
      }
    }
    const kinds = new Set(doc.progressions.map((m) => m.kind));
    expect(kinds).toEqual(new Set(["PROMOTION", "LATERAL", "PIVOT"]));
    const demand = new Map<string, number>();
    for (const r of doc.roles)
      for (const s of r.skills) demand.set(s.id, (demand.get(s.id) ?? 0) + 1);
    const counts = [...demand.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(10 * (counts[Math.floor(counts.length / 2)] ?? 1));
  });
});
