import { z } from "zod";
import {
  LEVELS,
  PROGRESSION_KINDS,
  SKILL_CATEGORIES,
  TECHNOLOGY_KINDS,
  TECHNOLOGY_USAGES,
} from "../model.js";

/** The seed file format: every file under seed/ is a partial document; the loader merges them. */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: "expected a slug: lower-case letters and digits joined by dashes",
});
const text = z.string().trim().min(1, { error: "expected non-empty text" });
const sourceRefs = z.array(slug).default([]);

export const sourceSchema = z.strictObject({
  id: slug,
  title: text,
  publisher: text.optional(),
  url: z.url().optional(),
  licence: text.optional(),
  retrievedOn: z.iso.date().optional(),
});

export const trackSchema = z.strictObject({ id: slug, name: text, description: text.optional() });

export const skillSchema = z.strictObject({
  id: slug,
  name: text,
  category: z.enum(SKILL_CATEGORIES),
  description: text.optional(),
});

export const technologySchema = z.strictObject({
  id: slug,
  name: text,
  kind: z.enum(TECHNOLOGY_KINDS),
});

export const roleSchema = z.strictObject({
  id: slug,
  title: text,
  level: z.enum(LEVELS),
  track: slug,
  aliases: z.array(text).default([]),
  summary: text.optional(),
  responsibilities: z.array(text).default([]),
  skills: z
    .array(z.strictObject({ id: slug, importance: z.number().int().min(1).max(5) }))
    .default([]),
  technologies: z.array(z.strictObject({ id: slug, usage: z.enum(TECHNOLOGY_USAGES) })).default([]),
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

export const practisedWithSchema = z.strictObject({ skill: slug, technology: slug });

export const salaryBandSchema = z
  .strictObject({
    id: slug,
    role: slug,
    region: text,
    currency: z.string().regex(/^[A-Z]{3}$/, { error: "expected an ISO 4217 code such as GBP" }),
    min: z.number().int().nonnegative(),
    max: z.number().int().nonnegative(),
    year: z.number().int().min(1990).max(2100),
    source: slug,
    derivation: text.optional(),
  })
  .refine((band) => band.min <= band.max, { error: "min must not exceed max", path: ["min"] });

export const seedDocumentSchema = z.strictObject({
  sources: z.array(sourceSchema).default([]),
  tracks: z.array(trackSchema).default([]),
  skills: z.array(skillSchema).default([]),
  technologies: z.array(technologySchema).default([]),
  roles: z.array(roleSchema).default([]),
  progressions: z.array(progressionSchema).default([]),
  related: z.array(relatedSchema).default([]),
  practisedWith: z.array(practisedWithSchema).default([]),
  salaryBands: z.array(salaryBandSchema).default([]),
});

export type SeedDocument = z.infer<typeof seedDocumentSchema>;
