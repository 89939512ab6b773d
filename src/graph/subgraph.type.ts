import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { RelationshipTypeEnum } from "../enums.js";
import type { RelationshipType } from "../model.js";
import { Role } from "../roles/role.type.js";
import { Entity, type EntityNode } from "./entity.js";

@ObjectType({ description: "A relationship between two nodes of a subgraph, by their ids." })
export class Edge {
  @Field(() => RelationshipTypeEnum)
  type!: RelationshipType;

  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;
}

@ObjectType({ description: "Nodes around a starting node and the relationships that reach them." })
export class Subgraph {
  @Field(() => [Entity], { description: "The start first, then nodes in the order reached." })
  nodes!: EntityNode[];

  @Field(() => [Edge], {
    description:
      "The relationships followed: every one leaving a node nearer than depth, between two " +
      "listed nodes. Relationships among the outermost nodes themselves are not followed.",
  })
  edges!: Edge[];

  @Field(() => Boolean, {
    description: "True when the limit cut the subgraph: more nodes lie within the depth.",
  })
  truncated!: boolean;
}

@ObjectType({ description: "A role reachable along PROGRESSES_TO, and how near it is." })
export class ReachableRole {
  @Field(() => Role)
  role!: Role;

  @Field(() => Int, { description: "The fewest moves to or from the role." })
  steps!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The fewest years over routes within maxSteps whose every move has typicalYears; " +
      "null when no such route.",
  })
  minYears!: number | null;
}
