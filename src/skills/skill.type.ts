import { Field, ID, ObjectType } from "type-graphql";
import { SkillCategoryEnum } from "../enums.js";
import type { SkillCategory } from "../model.js";

@ObjectType({ description: "Something a person can do: API design, debugging, people management…" })
export class Skill {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SkillCategoryEnum)
  category!: SkillCategory;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
