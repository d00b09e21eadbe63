import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from "type-graphql";
import { requireAdministrator } from "../access/policy.js";
import type { RequestContext } from "../graphql/context.js";
import { uuidOf } from "../graphql/global-id.js";
import { Rule } from "../graphql/rule.js";
import { rotateApiToken, setTrustedOperationsOnly } from "./api-token.service.js";
import {
  ApiTokenRotateInput,
  ApiTokenRotatePayload,
  ApiTokenTrustedOperationsSetInput,
  ApiTokenTrustedOperationsSetPayload,
} from "./api-token.types.js";
import { ApiTokenType } from "./auth.types.js";
import { persistedOperationsOf } from "./persisted-operation.repository.js";
import { registerPersistedOperations } from "./persisted-operation.service.js";
import {
  PersistedOperationsRegisterInput,
  PersistedOperationsRegisterPayload,
  PersistedOperationType,
} from "./persisted-operation.types.js";

/** What integrators' systems do with their own tokens: rotation and trusted operations. */
@Resolver(() => ApiTokenType)
export class ApiTokenLifecycleResolver {
  @Mutation(() => ApiTokenRotatePayload, {
    description:
      "Rotates an API token without downtime: issues a successor with the same account, scopes, classes and registered operations, and retires the old one after the overlap (administrators, or the token itself).",
  })
  @Rule("TOKEN_SELF_SERVICE")
  async apiTokenRotate(
    @Arg("input", () => ApiTokenRotateInput, { description: "The change to make." })
    input: ApiTokenRotateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiTokenRotatePayload> {
    const { result, userErrors } = await rotateApiToken(ctx, input);
    return Object.assign(new ApiTokenRotatePayload(), {
      apiToken: result === null ? null : ApiTokenType.from(result.record),
      token: result?.secret ?? null,
      replacedApiToken: result === null ? null : ApiTokenType.from(result.replaced),
      userErrors,
    });
  }

  @Mutation(() => ApiTokenTrustedOperationsSetPayload, {
    description: "Limits an API token to its registered operations, or lifts the limit (administrators).",
  })
  @Rule("ADMIN")
  async apiTokenTrustedOperationsSet(
    @Arg("input", () => ApiTokenTrustedOperationsSetInput, { description: "The change to make." })
    input: ApiTokenTrustedOperationsSetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiTokenTrustedOperationsSetPayload> {
    const { result, userErrors } = await setTrustedOperationsOnly(ctx, input);
    return Object.assign(new ApiTokenTrustedOperationsSetPayload(), {
      apiToken: result === null ? null : ApiTokenType.from(result),
      userErrors,
    });
  }

  @Mutation(() => PersistedOperationsRegisterPayload, {
    description:
      "Registers operations for an API token, which then sends `documentId` instead of the query. A token registers its own until it is limited to them; administrators register for any token.",
  })
  @Rule("TOKEN_SELF_SERVICE")
  async persistedOperationsRegister(
    @Arg("input", () => PersistedOperationsRegisterInput, { description: "The operations to register." })
    input: PersistedOperationsRegisterInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PersistedOperationsRegisterPayload> {
    const { result, userErrors } = await registerPersistedOperations(ctx, info.schema, input);
    return Object.assign(new PersistedOperationsRegisterPayload(), {
      apiToken: result === null ? null : ApiTokenType.from(result.token),
      persistedOperations: result === null ? [] : result.operations.map(PersistedOperationType.from),
      userErrors,
    });
  }

  @FieldResolver(() => [PersistedOperationType], {
    description: "The operations registered for the token (administrators).",
  })
  async persistedOperations(
    @Root() token: ApiTokenType,
    @Ctx() ctx: RequestContext,
  ): Promise<PersistedOperationType[]> {
    requireAdministrator(ctx);
    const tokenId = uuidOf(token.id, "ApiToken");
    if (tokenId === null) return [];
    return (await persistedOperationsOf(await ctx.tx.get(), tokenId)).map(PersistedOperationType.from);
  }
}
