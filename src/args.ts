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

/** Validates a list field's `first`: 0..MAX_LIST, default 20. */
export function checkFirst(first: number | null | undefined, fallback = 20): number {
  if (first == null) return fallback;
  if (first < 0 || first > MAX_LIST) {
    throw new BadUserInputError(`first must be from 0 to ${MAX_LIST}, received ${first}`, "first");
  }
  return first;
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
