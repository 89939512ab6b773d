/**
 * The graph as `@neo4j/graphql` sees it: the same nodes and relationships the API serves, typed
 * the way that library expects (`@node`, `@relationship`, `@relationshipProperties`). Questions
 * it cannot express with generated fields (full-text search) are `@cypher` fields, as its
 * documentation recommends. Used only by the benchmark's peer server.
 */
export const peerTypeDefs = /* GraphQL */ `
  enum Level { INTERN JUNIOR MID SENIOR LEAD PRINCIPAL HEAD EXECUTIVE }
  enum ProgressionKind { PROMOTION LATERAL PIVOT }
  enum TechnologyUsage { CORE COMMON OCCASIONAL }

  type Track @node {
    id: ID!
    name: String!
    roles: [Role!]! @relationship(type: "IN_TRACK", direction: IN)
  }

  type Role @node {
    id: ID!
    title: String!
    level: Level!
    aliases: [String!]!
    track: [Track!]! @relationship(type: "IN_TRACK", direction: OUT)
    skills: [Skill!]! @relationship(type: "REQUIRES", direction: OUT, properties: "Requires")
    technologies: [Technology!]! @relationship(type: "USES", direction: OUT, properties: "Uses")
    nextRoles: [Role!]! @relationship(type: "PROGRESSES_TO", direction: OUT, properties: "Progression")
    previousRoles: [Role!]! @relationship(type: "PROGRESSES_TO", direction: IN, properties: "Progression")
    relatedRoles: [Role!]!
      @relationship(type: "RELATED_TO", direction: OUT, queryDirection: UNDIRECTED, properties: "Related")
  }

  type Skill @node {
    id: ID!
    name: String!
  }

  type Technology @node {
    id: ID!
    name: String!
  }

  type Requires @relationshipProperties { importance: Int! }
  type Uses @relationshipProperties { usage: TechnologyUsage! }
  type Progression @relationshipProperties { kind: ProgressionKind!, typicalYears: Float }
  type Related @relationshipProperties { similarity: Float }

  union SearchResult = Role | Skill | Technology | Track

  type Query {
    search(query: String!, first: Int!): [SearchResult!]!
      @cypher(
        statement: """
        CALL db.index.fulltext.queryNodes('entity_search_terms', $query, {limit: $first})
        YIELD node
        RETURN node
        """
        columnName: "node"
      )
  }
`;
