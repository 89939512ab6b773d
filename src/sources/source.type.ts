import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a fact came from, with its licence and the credit it asks for." })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  licence!: string | null;

  @Field(() => String, { nullable: true, description: "The attribution the licence requires." })
  credit!: string | null;

  @Field(() => String, { nullable: true, description: "ISO date the data was taken." })
  retrievedOn!: string | null;
}
