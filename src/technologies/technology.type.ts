import { Field, ID, ObjectType } from "type-graphql";
import { TechnologyKindEnum } from "../enums.js";
import type { TechnologyKind } from "../model.js";

@ObjectType({ description: "A language, framework, database, cloud, platform, tool or protocol." })
export class Technology {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => TechnologyKindEnum)
  kind!: TechnologyKind;

  @Field(() => Boolean, {
    nullable: true,
    description: "O*NET's Hot Technology flag; null where O*NET does not list the technology.",
  })
  hot!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "O*NET's In Demand flag; null where O*NET does not list the technology.",
  })
  inDemand!: boolean | null;
}
