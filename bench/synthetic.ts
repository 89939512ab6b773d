import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import {
  LEVELS,
  type Level,
  SKILL_CATEGORIES,
  TECHNOLOGY_KINDS,
  TECHNOLOGY_USAGES,
} from "../src/model.js";
import type { SeedDocument } from "../src/seed/seed.schema.js";

/**
 * Synthetic graphs shaped like the seed graph, at any size, from a fixed random seed: tracks with
 * ladders from intern to executive, promotions up each ladder, lateral moves within a level,
 * pivots between tracks, and skills and technologies whose popularity is skewed (a Zipf-like
 * draw, as a few skills such as SQL are required almost everywhere). The same options always
 * give the same document, which goes through the same loader as the seed.
 */
export interface SyntheticOptions {
  /** PROGRESSES_TO edges to aim for; the other kinds scale with it as in the seed graph. */
  edges: number;
  seed?: number;
}

/** Per role, as in the seed graph (588 moves, 1,911 requirements, 971 uses over 128 roles). */
const MOVES_PER_ROLE = 4.6;
const SKILLS_PER_ROLE = 12;
const TECHNOLOGIES_PER_ROLE = 8;
const RELATED_PER_ROLE = 1.4;
const TRACKS = 20;
/** Share of roles at each level, INTERN … EXECUTIVE: wide at the bottom, narrow at the top. */
const LEVEL_SHARE = [0.04, 0.2, 0.3, 0.22, 0.1, 0.07, 0.05, 0.02];
/** Share of moves by kind: promotions, lateral moves, pivots between tracks. */
const KIND_SHARE = { PROMOTION: 0.45, LATERAL: 0.3, PIVOT: 0.25 } as const;

/** The index whose cumulative share first exceeds r (0 ≤ r < 1); the last one otherwise. */
function weightedIndex(shares: readonly number[], r: number): number {
  let cumulative = 0;
  for (const [i, share] of shares.entries()) {
    cumulative += share;
    if (r < cumulative) return i;
  }
  return shares.length - 1;
}

export function generateSynthetic({ edges, seed = 42 }: SyntheticOptions): SeedDocument {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  const float = () => uniformFloat64(rng);
  /** Index in [0, n) with weight 1/(i+1): item 0 is the most popular. */
  const zipf = (n: number) => {
    const h = Math.log(n + 1);
    return Math.min(n - 1, Math.floor(Math.exp(float() * h) - 1));
  };

  const roleCount = Math.max(TRACKS * LEVELS.length, Math.ceil(edges / MOVES_PER_ROLE));
  const skillCount = Math.max(150, Math.ceil(roleCount / 4));
  const technologyCount = Math.max(300, Math.ceil(roleCount / 3));

  const source = { id: "synthetic", title: "Synthetic benchmark graph" };
  const tracks = Array.from({ length: TRACKS }, (_, i) => ({
    id: `track-${i}`,
    name: `Track ${i}`,
  }));
  const skills = Array.from({ length: skillCount }, (_, i) => ({
    id: `skill-${i}`,
    name: `Skill ${i}`,
    category: SKILL_CATEGORIES[i % SKILL_CATEGORIES.length] ?? "TECHNICAL",
    sources: [],
  }));
  const technologies = Array.from({ length: technologyCount }, (_, i) => ({
    id: `tech-${i}`,
    name: `Technology ${i}`,
    kind: TECHNOLOGY_KINDS[i % TECHNOLOGY_KINDS.length] ?? "TOOL",
    hot: i % 5 === 0,
    sources: [],
  }));

  // Roles by track and level, so ladders can be walked.
  const byTrackLevel: string[][][] = tracks.map(() => LEVELS.map(() => []));
  const roles: SeedDocument["roles"] = [];
  const levelOf = new Map<string, number>();
  const trackOf = new Map<string, number>();
  for (let i = 0; i < roleCount; i += 1) {
    // Every (track, level) gets one role first, then levels follow LEVEL_SHARE.
    let level = i % LEVELS.length;
    const track = Math.floor(i / LEVELS.length) % TRACKS;
    if (i >= TRACKS * LEVELS.length) {
      level = weightedIndex(LEVEL_SHARE, float());
      if (level < 0) level = LEVELS.length - 1;
    }
    const id = `role-${i}`;
    const pickSkills = new Map<string, number>();
    while (pickSkills.size < SKILLS_PER_ROLE)
      pickSkills.set(`skill-${zipf(skillCount)}`, int(1, 5));
    const pickTechs = new Set<string>();
    while (pickTechs.size < TECHNOLOGIES_PER_ROLE) pickTechs.add(`tech-${zipf(technologyCount)}`);
    roles.push({
      id,
      title: `${LEVELS[level]} role ${i}`,
      level: LEVELS[level] as Level,
      track: `track-${track}`,
      aliases: [`Role ${i}`],
      responsibilities: [],
      workplaces: [],
      summary: `Synthetic role ${i}.`,
      skills: [...pickSkills].map(([skill, importance]) => ({ id: skill, importance })),
      technologies: [...pickTechs].map((tech, k) => ({
        id: tech,
        usage: TECHNOLOGY_USAGES[Math.min(k, TECHNOLOGY_USAGES.length - 1)] ?? "OCCASIONAL",
      })),
      sources: ["synthetic"],
    });
    byTrackLevel[track]?.[level]?.push(id);
    levelOf.set(id, level);
    trackOf.set(id, track);
  }

  const pick = (list: readonly string[] | undefined) =>
    list && list.length > 0 ? list[int(0, list.length - 1)] : undefined;
  const moves = new Map<string, SeedDocument["progressions"][number]>();
  let attempts = 0;
  while (moves.size < edges && attempts < edges * 20) {
    attempts += 1;
    const from = `role-${int(0, roleCount - 1)}`;
    const level = levelOf.get(from) ?? 0;
    const track = trackOf.get(from) ?? 0;
    const kind =
      (["PROMOTION", "LATERAL", "PIVOT"] as const)[
        weightedIndex([KIND_SHARE.PROMOTION, KIND_SHARE.LATERAL, KIND_SHARE.PIVOT], float())
      ] ?? "PIVOT";
    const to =
      kind === "PROMOTION"
        ? pick(byTrackLevel[track]?.[level + 1])
        : kind === "LATERAL"
          ? pick(byTrackLevel[track]?.[level])
          : pick(
              byTrackLevel[int(0, TRACKS - 1)]?.[Math.min(LEVELS.length - 1, level + int(0, 1))],
            );
    if (to === undefined || to === from || moves.has(`${from}>${to}`)) continue;
    moves.set(`${from}>${to}`, {
      from,
      to,
      kind,
      typicalYears: Math.round((1 + float() * 3) * 2) / 2,
      sources: ["synthetic"],
    });
  }

  const related = new Map<string, SeedDocument["related"][number]>();
  while (related.size < Math.floor(roleCount * RELATED_PER_ROLE)) {
    const a = int(0, roleCount - 1);
    const b = int(0, roleCount - 1);
    if (a === b) continue;
    const [from, to] = a < b ? [`role-${a}`, `role-${b}`] : [`role-${b}`, `role-${a}`];
    related.set(`${from}~${to}`, {
      from,
      to,
      similarity: Math.round(float() * 100) / 100,
      sources: [],
    });
  }

  const practisedWith = skills.flatMap((s, i) =>
    [0, 1, 2].map((k) => ({
      skill: s.id,
      technology: `tech-${(i * 7 + k * 13) % technologyCount}`,
    })),
  );

  return {
    sources: [source],
    tracks,
    skills,
    technologies,
    roles,
    roleSkills: [],
    roleTechnologies: [],
    progressions: [...moves.values()],
    related: [...related.values()],
    practisedWith,
    salaryBands: [],
  };
}
