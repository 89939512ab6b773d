import type { Level } from "../../model.js";

/**
 * US salary bands derived from BLS OEWS national annual wage percentiles. BLS publishes pay for a
 * whole occupation, not per seniority level, so each level is mapped to a span of percentiles:
 * an estimate, and every band says so in its `derivation`.
 */

export type Percentile = "P10" | "P25" | "P50" | "P75" | "P90";

export interface OccupationWages {
  /** SOC code, e.g. 15-1252. */
  code: string;
  title: string;
  /** Annual wages; null where BLS publishes "#" (above its cap) or nothing. */
  annual: Record<Percentile, number | null>;
}

/** The management occupation (11-3021): its levels start at lead. */
const MANAGERS = "11-3021";

const SPANS: Partial<Record<Level, [Percentile, Percentile]>> = {
  JUNIOR: ["P10", "P25"],
  MID: ["P25", "P50"],
  SENIOR: ["P50", "P75"],
  LEAD: ["P75", "P90"],
  PRINCIPAL: ["P75", "P90"],
  HEAD: ["P75", "P90"],
};

const MANAGER_SPANS: Partial<Record<Level, [Percentile, Percentile]>> = {
  LEAD: ["P25", "P50"],
  HEAD: ["P50", "P75"],
  EXECUTIVE: ["P75", "P90"],
};

const PERCENTILE_COLUMNS: Record<Percentile, string> = {
  P10: "A_PCT10",
  P25: "A_PCT25",
  P50: "A_MEDIAN",
  P75: "A_PCT75",
  P90: "A_PCT90",
};

/** The percentile span a level maps to in an occupation, or undefined when none fits. */
export function spanFor(level: Level, socCode: string): [Percentile, Percentile] | undefined {
  return (socCode === MANAGERS ? MANAGER_SPANS : SPANS)[level];
}

/** "15-1299.08" (O*NET-SOC) to "15-1299" (SOC, as BLS publishes it). */
export const socOf = (onetCode: string): string => onetCode.slice(0, 7);

export function wagesFromRows(rows: Record<string, string>[]): Map<string, OccupationWages> {
  const wages = new Map<string, OccupationWages>();
  for (const row of rows) {
    if (row.O_GROUP !== "detailed") continue;
    const read = (p: Percentile) => {
      const value = (row[PERCENTILE_COLUMNS[p]] ?? "").replace(/,/g, "");
      return /^\d+(\.\d+)?$/.test(value) ? Math.round(Number(value)) : null;
    };
    const code = row.OCC_CODE ?? "";
    wages.set(code, {
      code,
      title: row.OCC_TITLE ?? "",
      annual: {
        P10: read("P10"),
        P25: read("P25"),
        P50: read("P50"),
        P75: read("P75"),
        P90: read("P90"),
      },
    });
  }
  return wages;
}

export interface DerivedBand {
  id: string;
  role: string;
  region: "US";
  currency: "USD";
  min: number;
  max: number;
  year: number;
  source: string;
  derivation: string;
  notes: string[];
}

export function deriveUsBands(
  roles: readonly { id: string; level: Level; onetCode?: string | undefined }[],
  wages: ReadonlyMap<string, OccupationWages>,
  year: number,
  sourceId: string,
): DerivedBand[] {
  return roles.flatMap((role) => {
    if (role.onetCode === undefined) return [];
    const soc = socOf(role.onetCode);
    const occupation = wages.get(soc);
    const span = spanFor(role.level, soc);
    if (occupation === undefined || span === undefined) return [];
    const [low, high] = span;
    const min = occupation.annual[low];
    const max = occupation.annual[high];
    if (min === null || max === null) return [];
    const name = (p: Percentile) => (p === "P50" ? "median" : p);
    return [
      {
        id: `${role.id}-us-${year}`,
        role: role.id,
        region: "US",
        currency: "USD",
        min,
        max,
        year,
        source: sourceId,
        derivation:
          `Estimate: the ${name(low)} to ${name(high)} national annual wages of SOC ${soc} ` +
          `${occupation.title} (BLS OEWS May ${year}), taken for the ${role.level} level by ` +
          "Rolegraph's level-to-percentile rule; BLS does not publish pay by seniority.",
        notes: [],
      },
    ];
  });
}
