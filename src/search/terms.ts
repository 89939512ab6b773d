/**
 * Search support shared by the loader (what goes into the index) and the search query (what is
 * asked of it). Both sides cut text into the same lower-case words of letters and digits, the way
 * Lucene's standard analyser does.
 */

const WORD = /[\p{L}\p{N}]+/gu;

export const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

/**
 * Extra index terms for a node's names: each pair of neighbouring words written together, and the
 * whole name without spaces or punctuation. "Back End Developer" adds "backend", "enddeveloper"
 * and "backenddeveloper", so someone typing "backend dev" finds it; "CI/CD" adds "cicd".
 */
export function searchTerms(names: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    const words = wordsOf(name);
    if (words.length < 2) continue;
    for (let i = 0; i + 1 < words.length; i += 1) terms.add(`${words[i]}${words[i + 1]}`);
    terms.add(words.join(""));
  }
  return [...terms];
}

/** The most words of a search that count; the rest are ignored. */
export const MAX_SEARCH_WORDS = 8;

/**
 * A Lucene query for what a person typed. The input is cut into words of letters and digits, so
 * no Lucene syntax from it survives (quotes, colons, brackets, wildcards, operators). Each word
 * matches exactly (boosted), as a prefix ("dev" → developer) and, from four letters on, within
 * one or two edits ("kubernets" → kubernetes). Words are OR-ed: a node matching more of them,
 * or matching them exactly, scores higher.
 */
export function luceneQuery(text: string): string | null {
  const words = [...new Set(wordsOf(text))].slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const clauses = [`${word}^4`];
      if (word.length >= 2) clauses.push(`${word}*^2`);
      if (word.length >= 4) clauses.push(`${word}~${word.length >= 8 ? 2 : 1}`);
      return `(${clauses.join(" OR ")})`;
    })
    .join(" OR ");
}

/** Whether `a` and `b` are within `max` edits of each other (insert, delete, substitute). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    if (Math.min(...current) > max) return false;
    previous = current;
  }
  return (previous[b.length] ?? max + 1) <= max;
}

const allowedEdits = (word: string) => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);

/**
 * The share (0–1) of a name's words that the typed words account for: exactly, as a prefix, within
 * the typo allowance, or two neighbouring name words typed as one ("backend"). It separates "Back
 * End Developer" (all three words asked for by "backend dev") from "Junior Back End Developer"
 * (three of four), which full-text scores alone rank about equally.
 */
export function nameCoverage(name: string, typed: string): number {
  const words = wordsOf(name);
  if (words.length === 0) return 0;
  const asked = [...new Set(wordsOf(typed))].slice(0, MAX_SEARCH_WORDS);
  const covered = new Set<number>();
  words.forEach((word, i) => {
    const pair = i + 1 < words.length ? `${word}${words[i + 1]}` : null;
    for (const q of asked) {
      if (pair !== null && (q === pair || withinEdits(q, pair, allowedEdits(pair)))) {
        covered.add(i).add(i + 1);
      } else if (
        q === word ||
        (q.length >= 2 && word.startsWith(q)) ||
        withinEdits(q, word, allowedEdits(word))
      ) {
        covered.add(i);
      }
    }
  });
  return covered.size / words.length;
}
