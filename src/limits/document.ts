import { Lexer, Source, TokenKind } from "graphql";
import { QueryTooComplexError } from "../errors.js";
import type { QueryLimits } from "./limits.js";

/**
 * The document's size in characters and in lexical tokens, checked before Apollo parses it: a
 * long document costs parsing and validation time whatever it asks for. A document that does not
 * lex is left to the parser, which reports the syntax error.
 */
export function checkDocument(
  query: unknown,
  limits: Pick<QueryLimits, "documentChars" | "tokens">,
): QueryTooComplexError | undefined {
  if (typeof query !== "string") return undefined;
  if (query.length > limits.documentChars) {
    return new QueryTooComplexError(
      `The document has ${query.length} characters, above the limit of ${limits.documentChars}`,
    );
  }
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      tokens += 1;
      if (tokens > limits.tokens) {
        return new QueryTooComplexError(`The document has more than ${limits.tokens} tokens`);
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}
