import { describe, expect, it } from "vitest";
import {
  luceneQuery,
  nameCoverage,
  searchTerms,
  withinEdits,
  wordsOf,
} from "../../src/search/terms.js";

describe("search terms", () => {
  it("cuts text into lower-case words of letters and digits", () => {
    expect(wordsOf("Back-End  Developer (Node.js)")).toEqual([
      "back",
      "end",
      "developer",
      "node",
      "js",
    ]);
    expect(wordsOf("C++ / C#")).toEqual(["c", "c"]);
  });

  it("adds joined neighbouring words to the index, so 'backend' finds 'Back End'", () => {
    expect(searchTerms(["Back End Developer", "CI/CD", "Go"])).toEqual([
      "backend",
      "enddeveloper",
      "backenddeveloper",
      "cicd",
    ]);
  });

  it("leaves no Lucene syntax from the input in the query", () => {
    const query = luceneQuery('title:"x" AND (y OR z~) [a TO b] \\ / ! ^ * {c}') ?? "";
    // Only words, and the clauses this module writes around them.
    expect(query.replace(/\^\d|~\d|\*|[()]| OR /g, " ")).toMatch(/^[a-z0-9 ]+$/);
    expect(luceneQuery("!!! ***")).toBeNull();
    expect(luceneQuery("kubernets")).toBe("(kubernets^4 OR kubernets*^2 OR kubernets~2)");
    expect(luceneQuery("sre")).toBe("(sre^4 OR sre*^2)");
  });

  it("counts edits", () => {
    expect(withinEdits("kubernets", "kubernetes", 1)).toBe(true);
    expect(withinEdits("pyhton", "python", 1)).toBe(false);
    expect(withinEdits("pyhton", "python", 2)).toBe(true);
    expect(withinEdits("go", "rust", 2)).toBe(false);
  });

  it("measures how much of a name the typed words account for", () => {
    expect(nameCoverage("Back End Developer", "backend dev")).toBe(1);
    expect(nameCoverage("Junior Back End Developer", "backend dev")).toBe(0.75);
    expect(nameCoverage("Kubernetes", "kubernets")).toBe(1);
    expect(nameCoverage("Site Reliability Engineer", "python")).toBe(0);
  });
});
