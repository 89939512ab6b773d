import { readFileSync } from "node:fs";

/** Reads a tab-separated file with a header row into objects keyed by column name. */
export function readTsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, "utf8").replace(/\r/g, "").split("\n");
  const columns = (header ?? "").split("\t");
  return lines
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const cells = line.split("\t");
      return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
    });
}
