import { z } from "zod";
import {
  LEVELS,
  PROGRESSION_KINDS,
  SKILL_CATEGORIES,
  TECHNOLOGY_KINDS,
  TECHNOLOGY_USAGES,
} from "../model.js";

/** The seed file format: every file under seed/ is a partial document; the loader merges them. */

/**
 * The longest id and the longest name (or title, or alias). Both are indexed, and Neo4j refuses
 * an index key past about 8 kB; the bounds keep a long value a BAD_USER_INPUT, not a failed write.
 */
const MAX_ID = 100;
const MAX_NAME = 200;

const slug = z
  .string()
  .max(MAX_ID, { error: `expected at most ${MAX_ID} characters` })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: "expected a slug: lower-case letters and digits joined by dashes",
  });

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Text is stored exactly as given, so what cannot be is refused rather than altered: blank text,
 * surrounding whitespace, and a lone UTF-16 surrogate (the driver's UTF-8 would store U+FFFD in
 * its place).
 */
const text = z
  .string()
  .refine((s) => s.trim() !== "", { error: "expected non-empty text" })
  .refine((s) => s.trim() === s, { error: "expected no leading or trailing whitespace" })
  .refine((s) => !LONE_SURROGATE.test(s), {
    error: "expected well-formed Unicode: the text holds a lone surrogate",
  });
const name = text.max(MAX_NAME, { error: `expected at most ${MAX_NAME} characters` });
const sourceRefs = z.array(slug).default([]);

export const sourceSchema = z.strictObject({
  id: slug,
  title: name,
  publisher: text.optional(),
  url: z.url().optional(),
  licence: text.optional(),
  /** The credit line the licence asks for, shown wherever the source is cited. */
  credit: text.optional(),
  retrievedOn: z.iso.date().optional(),
});

export const trackSchema = z.strictObject({ id: slug, name, description: text.optional() });

const onetCode = z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, {
  error: "expected an O*NET-SOC code such as 15-1252.00",
});

export const skillSchema = z.strictObject({
  id: slug,
  name,
  category: z.enum(SKILL_CATEGORIES),
  description: text.optional(),
  /** The O*NET Skills or Knowledge element this skill is, when it is one (e.g. 2.B.3.e). */
  onetElement: z
    .string()
    .regex(/^\d(\.[A-Za-z0-9]+)+$/, { error: "expected an O*NET element id such as 2.B.3.e" })
    .optional(),
  sources: sourceRefs,
});

export const technologySchema = z.strictObject({
  id: slug,
  name,
  kind: z.enum(TECHNOLOGY_KINDS),
  /** O*NET's Hot Technology flag, for technologies O*NET lists. */
  hot: z.boolean().optional(),
  /**
   * The example name O*NET's Technology Skills list gives this technology, when it lists it; the
   * hot and inDemand flags are then O*NET's for that name (a unit test checks them against the data).
   */
  onetExample: text.optional(),
  /** O*NET's In Demand flag, for technologies O*NET lists. */
  inDemand: z.boolean().optional(),
  sources: sourceRefs,
});

const technologyUsage = z.enum(TECHNOLOGY_USAGES);
/** Where the technology is common for a role, e.g. "startups and SaaS". */
const usageContext = text.optional();

export const roleSchema = z.strictObject({
  id: slug,
  title: name,
  level: z.enum(LEVELS),
  track: slug,
  aliases: z.array(name).default([]),
  summary: text.optional(),
  responsibilities: z.array(text).default([]),
  /** The O*NET occupation the role belongs to, when one fits (used for ratings and wages). */
  onetCode: onetCode.optional(),
  /** Years of experience employers typically ask for. */
  experienceYears: z
    .strictObject({ min: z.number().min(0).max(40), max: z.number().min(0).max(40) })
    .refine((range) => range.min <= range.max, { error: "min must not exceed max", path: ["min"] })
    .optional(),
  /** Kinds of product or organisation where the role mostly works. */
  workplaces: z.array(text).default([]),
  skills: z
    .array(z.strictObject({ id: slug, importance: z.number().int().min(1).max(5) }))
    .default([]),
  technologies: z
    .array(
      z.strictObject({
        id: slug,
        usage: technologyUsage,
        context: usageContext,
      }),
    )
    .default([]),
  sources: sourceRefs,
});

export const progressionSchema = z.strictObject({
  from: slug,
  to: slug,
  kind: z.enum(PROGRESSION_KINDS),
  typicalYears: z.number().positive().max(20).optional(),
  sources: sourceRefs,
});

export const relatedSchema = z.strictObject({
  from: slug,
  to: slug,
  similarity: z.number().min(0).max(1).optional(),
  sources: sourceRefs,
});

/** A role–skill requirement kept apart from the role record, e.g. one derived from O*NET ratings. */
export const roleSkillSchema = z.strictObject({
  role: slug,
  skill: slug,
  importance: z.number().int().min(1).max(5),
  sources: sourceRefs,
});

/** A role–technology link kept apart from the role record (the per-track technology files). */
export const roleTechnologySchema = z.strictObject({
  role: slug,
  technology: slug,
  usage: technologyUsage,
  context: usageContext,
});

export const practisedWithSchema = z.strictObject({ skill: slug, technology: slug });

export const salaryBandSchema = z
  .strictObject({
    id: slug,
    /** The role paid this band; or `track` for a range stated for a whole track. */
    role: slug.optional(),
    track: slug.optional(),
    region: text,
    currency: z.string().regex(/^[A-Z]{3}$/, { error: "expected an ISO 4217 code such as GBP" }),
    min: z.number().int().nonnegative(),
    max: z.number().int().nonnegative(),
    year: z.number().int().min(1990).max(2100),
    source: slug,
    derivation: text.optional(),
    /** Facts the source gives alongside the figures (what pays more, where). */
    notes: z.array(text).default([]),
  })
  .refine((band) => band.min <= band.max, { error: "min must not exceed max", path: ["min"] })
  .refine((band) => (band.role === undefined) !== (band.track === undefined), {
    error: "give exactly one of role or track",
    path: ["role"],
  });

export const seedDocumentSchema = z.strictObject({
  sources: z.array(sourceSchema).default([]),
  tracks: z.array(trackSchema).default([]),
  skills: z.array(skillSchema).default([]),
  technologies: z.array(technologySchema).default([]),
  roles: z.array(roleSchema).default([]),
  roleSkills: z.array(roleSkillSchema).default([]),
  roleTechnologies: z.array(roleTechnologySchema).default([]),
  progressions: z.array(progressionSchema).default([]),
  related: z.array(relatedSchema).default([]),
  practisedWith: z.array(practisedWithSchema).default([]),
  salaryBands: z.array(salaryBandSchema).default([]),
});

export type SeedDocument = z.infer<typeof seedDocumentSchema>;
