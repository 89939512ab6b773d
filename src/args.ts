import { MAX_LIST } from "./cypher.js";
import { BadUserInputError } from "./errors.js";

/** The first `first` items of a per-parent list (already cut at MAX_LIST by its query). */
export async function firstOf<T>(
  list: Promise<T[]>,
  first: number | null | undefined,
): Promise<T[]> {
  const limit = checkFirst(first);
  return (await list).slice(0, limit);
}

/** Validates a bounded integer argument; past a bound answers BAD_USER_INPUT naming it. */
export function inRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${name} must be from ${min} to ${max}, received ${value}`, name);
  }
  return value;
}

/** Validates a list field's `first`: 0..MAX_LIST, default 20. */
export function checkFirst(first: number | null | undefined, fallback = 20): number {
  return first == null ? fallback : inRange("first", first, 0, MAX_LIST);
}

/** The longest text a search or a text filter accepts: longer than any name. */
export const MAX_TEXT = 200;

/** Refuses text longer than MAX_TEXT, naming the argument. */
export function checkTextLength(name: string, text: string): string {
  if (text.length > MAX_TEXT) {
    throw new BadUserInputError(`${name} must be at most ${MAX_TEXT} characters`, name);
  }
  return text;
}

/** Keeps the bands of one region (case-insensitive), or all when no region is given. */
export function inRegion<T extends { region: string }>(
  bands: T[],
  region: string | null | undefined,
): T[] {
  if (region == null) return bands;
  const wanted = region.trim().toLowerCase();
  return bands.filter((band) => band.region.toLowerCase() === wanted);
}

export const FIRST_DESCRIPTION = `How many to return: 0 to ${MAX_LIST}, default 20.`;
