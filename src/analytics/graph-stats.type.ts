import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A label or relationship type and how many the graph holds." })
export class NamedCount {
  @Field(() => String)
  name!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "The size of the graph, ready for a chart." })
export class GraphStats {
  @Field(() => [NamedCount], { description: "Nodes by label." })
  nodes!: NamedCount[];

  @Field(() => [NamedCount], { description: "Relationships by type." })
  relationships!: NamedCount[];
}
