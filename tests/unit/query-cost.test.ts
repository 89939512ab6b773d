import { parse } from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { describe, expect, it } from "vitest";
import { costEstimator, DEFAULT_LIST_ITEMS } from "../../src/limits/cost.js";
import { createSchema } from "../../src/schema.js";

const schema = await createSchema();
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [costEstimator] });

describe("the cost model", () => {
  it("charges nothing for scalars and one per object field", () => {
    expect(cost(`{ tracks { id name } }`)).toBe(1);
    expect(cost(`{ role(id: "x") { id title } }`)).toBe(1);
    expect(cost(`{ role(id: "x") { skills { skill { name } } } }`)).toBe(
      1 + (1 + DEFAULT_LIST_ITEMS * 1),
    );
  });

  it("multiplies a connection's items by first, from literals or variables", () => {
    const page = `query ($n: Int!) { roles(first: $n) { edges { node { nextRoles { to { id } } } } } }`;
    const perRole = 1 + 1 + (1 + DEFAULT_LIST_ITEMS);
    expect(cost(page, { n: 10 })).toBe(1 + 10 * perRole);
    expect(cost(page, { n: 100 })).toBe(1 + 100 * perRole);
    expect(cost(page.replace("query ($n: Int!)", "").replace("$n", "50"))).toBe(1 + 50 * perRole);
  });

  it("prices arguments past their bounds at the bound, leaving the refusal to the resolver", () => {
    const roles = (n: number) => cost(`{ roles(first: ${n}) { edges { node { id } } } }`);
    expect(roles(1_000_000)).toBe(roles(100));
    expect(roles(-7)).toBe(roles(0));
    const reach = (n: number) => cost(`{ reachableRoles(from: "x", first: ${n}) { role { id } } }`);
    expect(reach(1_000_000)).toBe(reach(1000));
  });

  it("adds a search's reach: k times maxSteps for paths, depth for neighbourhoods", () => {
    const paths = (k: number, steps: number) =>
      cost(`{ careerPaths(from: "a", to: "b", k: ${k}, maxSteps: ${steps}) { cost } }`);
    expect(paths(1, 1)).toBe(1 + 1);
    expect(paths(10, 8)).toBe(1 + 80);
    expect(paths(4, 2) - paths(4, 1)).toBe(4);
    const near = (depth: number, limit: number) =>
      cost(`{ neighborhood(id: "x", depth: ${depth}, limit: ${limit}) { nodes { id } } }`);
    expect(near(1, 10)).toBe(1 + 1 + 10 * 1);
    expect(near(3, 1000)).toBe(1 + 3 + 1000 * 1);
  });
});
