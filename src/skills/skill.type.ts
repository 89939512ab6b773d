import { Field, ID, Int, ObjectType } from "type-graphql";
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

  @Field(() => String, {
    nullable: true,
    description: "The O*NET Skills or Knowledge element this skill is, e.g. 2.B.3.e.",
  })
  onetElement!: string | null;
}

@ObjectType({ description: "A skill that roles require together with another one." })
export class RelatedSkill {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => Int, { description: "How many roles require both skills." })
  sharedRoles!: number;
}
