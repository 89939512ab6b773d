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
}
