import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { mapPage, pageByOffset } from "../graphql/connection.js";
import type { RequestContext } from "../graphql/context.js";
import { runMutation } from "../graphql/mutation.js";
import { Rule } from "../graphql/rule.js";
import { updateUserLanguage } from "../modules/users/user.repository.js";
import { UserType } from "../modules/users/user.type.js";
import { createApiToken, revokeToken } from "./api-token.service.js";
import { countApiTokens, listApiTokens } from "./auth.repository.js";
import { login, logout } from "./auth.service.js";
import {
  ApiTokenConnection,
  ApiTokenCreateInput,
  ApiTokenCreatePayload,
  ApiTokenRevokeInput,
  ApiTokenRevokePayload,
  ApiTokenType,
  LoginInput,
  LoginPayload,
  LogoutPayload,
  UserPreferencesUpdateInput,
  UserPreferencesUpdatePayload,
} from "./auth.types.js";

@Resolver()
export class AuthResolver {
  @Query(() => UserType, {
    nullable: true,
    description: "The logged-in user or the token's account; null when anonymous.",
  })
  @Rule("PUBLIC")
  async me(@Ctx() ctx: RequestContext): Promise<UserType | null> {
    if (ctx.actor === null) return null;
    const user = await ctx.loaders.user.load(ctx.actor.userId);
    return user === null ? null : UserType.from(user);
  }

  @Mutation(() => LoginPayload, {
    nullable: true,
    description: "Logs in with e-mail and password and sets the session cookie (HttpOnly, SameSite=Lax).",
  })
  @Rule("PUBLIC")
  async login(
    @Arg("input", () => LoginInput, { description: "The change to make." }) input: LoginInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginPayload> {
    const outcome = await login(ctx, input);
    const user = outcome.actor === null ? null : await ctx.loaders.user.load(outcome.actor.userId);
    return Object.assign(new LoginPayload(), {
      user: user === null ? null : UserType.from(user),
      userErrors: outcome.userErrors,
    });
  }

  @Mutation(() => LogoutPayload, {
    nullable: true,
    description: "Ends the current session and clears the cookie.",
  })
  @Rule("PUBLIC")
  async logout(@Ctx() ctx: RequestContext): Promise<LogoutPayload> {
    return Object.assign(new LogoutPayload(), { loggedOut: await logout(ctx) });
  }

  @Mutation(() => UserPreferencesUpdatePayload, {
    nullable: true,
    description: "Changes your own preferences.",
  })
  @Rule("AUTHENTICATED")
  async userPreferencesUpdate(
    @Arg("input", () => UserPreferencesUpdateInput, { description: "The change to make." })
    input: UserPreferencesUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UserPreferencesUpdatePayload> {
    const actor = ctx.actor;
    const { result, userErrors } = await runMutation(ctx, (tx) =>
      actor === null ? Promise.resolve(null) : updateUserLanguage(tx, actor.userId, input.language),
    );
    if (actor !== null && result !== null) actor.language = result.language;
    return Object.assign(new UserPreferencesUpdatePayload(), {
      user: result === null ? null : UserType.from(result),
      userErrors,
    });
  }

  @Query(() => ApiTokenConnection, { description: "API tokens, newest first (administrators)." })
  @Rule("ADMIN")
  async apiTokens(
    @Arg("first", () => Int, { description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "Cursor after which the page starts (pageInfo.endCursor).",
    })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof ApiTokenConnection>> {
    const tx = await ctx.tx.get();
    const page = await pageByOffset(
      first,
      after,
      (limit, offset) => listApiTokens(tx, limit, offset),
      () => countApiTokens(tx),
    );
    return ApiTokenConnection.fromPage(mapPage(page, ApiTokenType.from));
  }

  @Mutation(() => ApiTokenCreatePayload, {
    nullable: true,
    description:
      "Issues an API token; the token is in the payload once and only its hash is stored (administrators).",
  })
  @Rule("ADMIN")
  async apiTokenCreate(
    @Arg("input", () => ApiTokenCreateInput, { description: "The change to make." })
    input: ApiTokenCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiTokenCreatePayload> {
    const { result, userErrors } = await createApiToken(ctx, input);
    return Object.assign(new ApiTokenCreatePayload(), {
      apiToken: result === null ? null : ApiTokenType.from(result.record),
      token: result?.secret ?? null,
      userErrors,
    });
  }

  @Mutation(() => ApiTokenRevokePayload, {
    nullable: true,
    description: "Revokes an API token at once (administrators).",
  })
  @Rule("ADMIN")
  async apiTokenRevoke(
    @Arg("input", () => ApiTokenRevokeInput, { description: "The change to make." })
    input: ApiTokenRevokeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiTokenRevokePayload> {
    const { result, userErrors } = await revokeToken(ctx, input.apiTokenId);
    return Object.assign(new ApiTokenRevokePayload(), {
      apiToken: result === null ? null : ApiTokenType.from(result),
      userErrors,
    });
  }
}

@Resolver(() => ApiTokenType)
export class ApiTokenResolver {
  @FieldResolver(() => UserType, { nullable: true, description: "The account the token acts as." })
  async account(@Root() token: ApiTokenType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    const user = await ctx.loaders.user.load(token.accountUuid);
    return user === null ? null : UserType.from(user);
  }
}
