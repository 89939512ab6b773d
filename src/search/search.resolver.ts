import { int } from "neo4j-driver";
import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from "type-graphql";
import { checkFirst, checkTextLength, MAX_TEXT } from "../args.js";
import type { Context } from "../context.js";
import { entityLabel, entityMap, MAX_LIST } from "../cypher.js";
import { BadUserInputError } from "../errors.js";
import { Entity, type EntityLabel, type EntityNode, tagged } from "../graph/entity.js";
import { luceneQuery, nameCoverage } from "./terms.js";

@ObjectType({ description: "A node matching a search, with how well it matched." })
export class SearchHit {
  @Field(() => Entity)
  entity!: EntityNode;

  @Field(() => Float, { description: "Relevance; higher is better. Hits come best first." })
  score!: number;
}

/**
 * Full-text hits fetched per hit returned: the index ranks by term statistics; the final order
 * also weighs how much of each node's own name the words account for (nameCoverage).
 */
const CANDIDATES_PER_HIT = 3;
const MAX_CANDIDATES = 300;

// The index keeps only the best candidates itself: a common word can match most of a large graph,
// and bringing every hit into Cypher to sort it costs time in proportion to the graph.
const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_search_terms', $query, {limit: $candidates})
YIELD node, score
RETURN ${entityLabel("node")} AS label, ${entityMap("node")} AS item, score`;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      "Roles (by title and aliases), skills, technologies and tracks (by name) matching the text, " +
      'best first. Tolerates typos and partial words: "backend dev", "kubernets" and "sre" find ' +
      `what they mean. text: 1 to ${MAX_TEXT} characters; first: 0 to ${MAX_LIST}, default 10.`,
  })
  async search(
    @Ctx() ctx: Context,
    @Arg("text", () => String) text: string,
    @Arg("first", () => Int, { defaultValue: 10 }) first: number,
  ): Promise<SearchHit[]> {
    const limit = checkFirst(first, 10);
    checkTextLength("text", text);
    const query = luceneQuery(text);
    if (query === null) {
      throw new BadUserInputError("text must contain at least one letter or digit", "text");
    }
    if (limit === 0) return [];
    const rows = await ctx.executor.read<{ label: EntityLabel; item: object; score: number }>(
      SEARCH,
      { query, candidates: int(Math.min(limit * CANDIDATES_PER_HIT, MAX_CANDIDATES)) },
    );
    return rows
      .map((row) => {
        const entity = tagged(row.label, row.item);
        const name = "title" in entity ? entity.title : entity.name;
        return { entity, score: row.score * (0.5 + 0.5 * nameCoverage(name, text)) };
      })
      .sort((a, b) => b.score - a.score || (a.entity.id < b.entity.id ? -1 : 1))
      .slice(0, limit);
  }
}
