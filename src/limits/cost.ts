import {
  type GraphQLField,
  type GraphQLOutputType,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
} from "graphql";
import type { ComplexityEstimator } from "graphql-query-complexity";
import { MAX_LIST } from "../cypher.js";
import { MAX_DEPTH, MAX_LIMIT } from "../graph/neighborhood.js";
import { MAX_REACH, MAX_STEPS } from "../graph/reach.js";
import { MAX_K, MAX_PATH_STEPS } from "../paths/path.service.js";

/**
 * The cost model. A field that yields objects costs 1 plus its children once per item it may
 * return; a scalar costs nothing (the token and depth limits bound those). How many items a field
 * may return comes from its size arguments (first, k, limit), read after the resolver's own bounds
 * are applied: an argument past its bound is priced at the bound, so the resolver, not the cost
 * check, answers it with BAD_USER_INPUT. Searches pay for their reach too: a path or reach query
 * adds its maxSteps (times k), a neighbourhood its depth.
 */

/** Items assumed for a list field without a size argument (such lists are cut at MAX_LIST). */
export const DEFAULT_LIST_ITEMS = 10;

type Args = Record<string, unknown>;

/** The default `first` of list fields whose `first` is optional. */
const FIRST_FALLBACK = 20;

/**
 * Lists whose length the parent already paid for (a connection's edges, a subgraph's nodes) or
 * that are short by construction (a path's roles).
 */
const LIST_ITEMS: Record<string, number> = {
  "RoleConnection.edges": 1,
  "SkillConnection.edges": 1,
  "TechnologyConnection.edges": 1,
  "Subgraph.nodes": 1,
  "Subgraph.edges": 1,
  "RouteBottlenecks.roles": 1,
  "CareerPath.roles": MAX_PATH_STEPS + 1,
  "CareerPath.steps": MAX_PATH_STEPS,
};

/** A size argument clamped to [min, max]; non-integers (a type error on its way) price as min. */
function bounded(value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value)) return min;
  return Math.min(Math.max(value, min), max);
}

/** How many items a field may return and what it costs besides them. */
function shape(key: string, field: GraphQLField<unknown, unknown>, args: Args) {
  switch (key) {
    case "Query.careerPaths": {
      const k = bounded(args.k, 1, MAX_K, 3);
      return { items: k, base: k * bounded(args.maxSteps, 1, MAX_PATH_STEPS, 6) };
    }
    case "Query.neighborhood":
      return {
        items: bounded(args.limit, 1, MAX_LIMIT, 200),
        base: bounded(args.depth, 1, MAX_DEPTH, 1),
      };
    case "Query.reachableRoles":
    case "Query.feederRoles":
      return {
        items: bounded(args.first, 0, MAX_REACH, 100),
        base: bounded(args.maxSteps, 1, MAX_STEPS, 3),
      };
    case "Query.bottlenecks":
      return {
        items: bounded(args.first, 0, MAX_LIST, 10),
        base: bounded(args.maxSteps, 1, MAX_PATH_STEPS, 6),
      };
  }
  if ("first" in args) {
    return {
      items: bounded(args.first, 0, MAX_LIST, FIRST_FALLBACK),
      base: 0,
    };
  }
  const listed = LIST_ITEMS[key];
  if (listed !== undefined) return { items: listed, base: 0 };
  return { items: isList(field.type) ? DEFAULT_LIST_ITEMS : 1, base: 0 };
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/** The estimator for graphql-query-complexity: the model above, for every field. */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  const { items, base } = shape(`${type.name}.${field.name}`, field, args);
  return 1 + base + items * childComplexity;
};
