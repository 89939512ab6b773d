import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A pay range for a role (or a whole track) in one region and year." })
export class SalaryBand {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "e.g. UK, US." })
  region!: string;

  @Field(() => String, { description: "ISO 4217 code, e.g. GBP." })
  currency!: string;

  @Field(() => Int, { description: "Annual pay, in the currency's major unit." })
  min!: number;

  @Field(() => Int)
  max!: number;

  @Field(() => Int)
  year!: number;

  @Field(() => String, {
    nullable: true,
    description: "How the band was obtained: stated by the source, or derived (and how).",
  })
  derivation!: string | null;

  @Field(() => [String], { description: "What the source says alongside the figures." })
  notes!: string[];

  /** Id of the Source the band cites; resolved by the `source` field. */
  sourceId!: string;
}
