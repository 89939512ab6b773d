import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  GraphQLError,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { QueryTooComplexError } from "../errors.js";
import { costEstimator } from "./cost.js";
import type { QueryLimits } from "./limits.js";

/** Armor's messages start "Syntax Error:" whatever the limit; ours say what was exceeded. */
const report = (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(new QueryTooComplexError(error.message.replace(/^Syntax Error:\s*/, "")));

/**
 * The limits as Apollo options: graphql-armor's depth, alias and directive rules, and a
 * plugin that prices the resolved operation with graphql-query-complexity (after validation, so
 * variables are known) and refuses it past `limits.cost`.
 */
export function queryLimits(
  schema: GraphQLSchema,
  limits: QueryLimits,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    // Suggestions are Apollo's own setting (hideSchemaDetailsFromClientErrors); cost is ours.
    blockFieldSuggestion: { enabled: false },
    costLimit: { enabled: false },
    maxDepth: {
      n: limits.depth,
      flattenFragments: true,
      onReject: [report],
      propagateOnRejection: false,
    },
    maxAliases: { n: limits.aliases, onReject: [report], propagateOnRejection: false },
    maxDirectives: { n: limits.directives, onReject: [report], propagateOnRejection: false },
    // Tokens and characters are counted before parsing (document.ts), where a refusal is cheaper.
    maxTokens: { enabled: false },
  }).protect();

  const cost: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [costEstimator],
            });
          } catch (error) {
            // Bad variables are reported by execution with BAD_USER_INPUT; too many nodes is ours.
            if (
              error instanceof GraphQLError &&
              /maximum allowed number of nodes/.test(error.message)
            )
              throw new QueryTooComplexError("The query selects too many fields");
            return;
          }
          if (complexity > limits.cost) {
            throw new QueryTooComplexError(
              `The query's estimated cost is ${complexity}, above the limit of ${limits.cost}: ` +
                "ask for fewer items (first, k, limit) or fewer nested lists",
            );
          }
        },
      };
    },
  };
  return {
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin[]), cost],
    validationRules: armor.validationRules as ValidationRule[],
  };
}
