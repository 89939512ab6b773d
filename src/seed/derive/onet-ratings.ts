/**
 * Role–skill importances taken from O*NET's own ratings: for a role mapped to an O*NET
 * occupation, each O*NET Skills or Knowledge element the graph holds as a skill, rated at least
 * MIN_IMPORTANCE on O*NET's 1–5 importance scale (IM), becomes a requirement with the rating
 * rounded. Ratings O*NET recommends suppressing are skipped; occupations O*NET does not rate get
 * none (nothing is invented).
 */

export const MIN_IMPORTANCE = 3;
/** The most O*NET-rated skills added to one role, highest rated first. */
export const MAX_PER_ROLE = 8;

export interface OnetRating {
  code: string;
  element: string;
  /** Importance on O*NET's 1–5 scale. */
  importance: number;
}

export interface DerivedRoleSkill {
  role: string;
  skill: string;
  importance: number;
  sources: string[];
}

/** Picks the IM rows out of O*NET's Skills or Knowledge file. */
export function importanceRatings(rows: Record<string, string>[]): OnetRating[] {
  return rows
    .filter((row) => row["Scale ID"] === "IM" && row["Recommend Suppress"] !== "Y")
    .map((row) => ({
      code: row["O*NET-SOC Code"] ?? "",
      element: row["Element ID"] ?? "",
      importance: Number(row["Data Value"]),
    }))
    .filter((rating) => Number.isFinite(rating.importance));
}

export function deriveRoleSkills(
  roles: readonly { id: string; onetCode?: string | undefined }[],
  skills: readonly { id: string; onetElement?: string | undefined }[],
  ratings: readonly OnetRating[],
  sourceId: string,
): DerivedRoleSkill[] {
  const skillByElement = new Map(
    skills.flatMap((s) => (s.onetElement === undefined ? [] : [[s.onetElement, s.id] as const])),
  );
  const byCode = new Map<string, OnetRating[]>();
  for (const rating of ratings) {
    if (rating.importance < MIN_IMPORTANCE || !skillByElement.has(rating.element)) continue;
    const list = byCode.get(rating.code) ?? [];
    list.push(rating);
    byCode.set(rating.code, list);
  }
  return roles.flatMap((role) => {
    const rated = role.onetCode === undefined ? [] : (byCode.get(role.onetCode) ?? []);
    return [...rated]
      .sort((a, b) => b.importance - a.importance || a.element.localeCompare(b.element))
      .slice(0, MAX_PER_ROLE)
      .map((rating) => ({
        role: role.id,
        skill: skillByElement.get(rating.element) ?? "",
        importance: Math.min(5, Math.max(1, Math.round(rating.importance))),
        sources: [sourceId],
      }));
  });
}
