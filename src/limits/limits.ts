/**
 * The query limits' settings, apart from the rules that enforce them (query-limits.ts): the
 * configuration reads them before any schema class is loaded.
 */

/** What a query may ask for before anything runs (Config.graphql.limits). */
export interface QueryLimits {
  /** Nesting of fields, the operation's own fields at 1; fragments add no level. */
  depth: number;
  /** Estimated work by the cost model in cost.ts. */
  cost: number;
  aliases: number;
  directives: number;
  /** Lexical tokens of the document (a string literal is one). */
  tokens: number;
  /** Characters of the document. */
  documentChars: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  depth: 6,
  cost: 10_000,
  aliases: 15,
  directives: 20,
  tokens: 2_000,
  documentChars: 20_000,
};

/** Each request's time budget, in ms, unless configured (REQUEST_TIMEOUT_MS). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
