import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A career family: back end, data science, engineering management…" })
export class Track {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
