import { type ClassType, Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a page of a list ends, for asking for the next one." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Pass as `after` to get the next page; null on an empty page.",
  })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The Relay connection and edge types for one node type, e.g. RoleConnection and RoleEdge. */
export function connectionOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class NodeEdge implements Edge<T> {
    @Field(() => String, { description: "Opaque; pass as `after` to continue after this item." })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name.toLowerCase()}s.` })
  class NodeConnection implements Connection<T> {
    @Field(() => [NodeEdge])
    edges!: NodeEdge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items match the filter, over all pages." })
    totalCount!: number;
  }

  return NodeConnection;
}
