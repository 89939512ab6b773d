import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from "type-graphql";
import type { Context } from "../context.js";
import { BadUserInputError } from "../errors.js";
import { createKey, KeyNameTaken, listKeys, revokeKey } from "./api-key.js";
import { SCOPES, type Scope } from "./scopes.js";

/** GraphQL names READ, WRITE, ADMIN for the stored read, write, admin. */
const ScopeEnum = Object.fromEntries(SCOPES.map((s) => [s.toUpperCase(), s])) as {
  [K in Scope as Uppercase<K>]: K;
};
registerEnumType(ScopeEnum, {
  name: "Scope",
  description: "What a key allows: read < write (mutations) < admin (imports, keys).",
});

@ObjectType({ description: "An API key as stored: never its secret." })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ScopeEnum)
  scope!: Scope;

  @Field(() => String)
  createdAt!: string;

  @Field(() => String, { nullable: true })
  revokedAt!: string | null;
}

@ObjectType({ description: "A new key: `key` is shown this once and cannot be read again." })
export class IssuedApiKey {
  @Field(() => String)
  name!: string;

  @Field(() => ScopeEnum)
  scope!: Scope;

  @Field(() => String, { description: "Send as Authorization: Bearer <key>." })
  key!: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Key management over the API, for admins; the same as npm run apikey. */
@Resolver()
export class ApiKeyResolver {
  @Authorized("admin")
  @Query(() => [ApiKey], { description: "Every API key, live and revoked. Needs admin." })
  apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    return listKeys(ctx.executor);
  }

  @Authorized("admin")
  @Mutation(() => IssuedApiKey, {
    description: "Creates a key; the answer holds it, once. Needs admin.",
  })
  async createApiKey(
    @Ctx() ctx: Context,
    @Arg("name", () => String) name: string,
    @Arg("scope", () => ScopeEnum) scope: Scope,
  ): Promise<IssuedApiKey> {
    if (!NAME.test(name)) {
      throw new BadUserInputError(
        "name: 1 to 64 letters, digits, dots, dashes or underscores",
        "name",
      );
    }
    const issued = await createKey(ctx.executor, name, scope).catch((error: unknown) => {
      throw error instanceof KeyNameTaken ? new BadUserInputError(error.message, "name") : error;
    });
    ctx.log.info({ name, scope, by: ctx.principal?.name }, "API key created");
    return { name: issued.name, scope: issued.scope, key: issued.key };
  }

  @Authorized("admin")
  @Mutation(() => Boolean, {
    description: "Revokes the live key of that name; false when there is none. Needs admin.",
  })
  async revokeApiKey(
    @Ctx() ctx: Context,
    @Arg("name", () => String) name: string,
  ): Promise<boolean> {
    const revoked = await revokeKey(ctx.executor, name);
    if (revoked) ctx.log.info({ name, by: ctx.principal?.name }, "API key revoked");
    return revoked;
  }
}
