import {
  CaseAction,
  isAdministrator,
  isAuditReviewer,
  mayPerform,
  PURPOSES_BY_AGENCY_KIND,
  visibilityOf,
} from "@continuum/domain";
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireAdministrator } from "../access/policy.js";
import { mapPage, pageByOffset } from "../graphql/connection.js";
import type { RequestContext } from "../graphql/context.js";
import { runMutation } from "../graphql/mutation.js";
import { Rule } from "../graphql/rule.js";
import { updateUserLanguage } from "../modules/users/user.repository.js";
import { UserType } from "../modules/users/user.type.js";
import { createApiToken, revokeToken } from "./api-token.service.js";
import { countApiTokens, listApiTokens, needsSecondFactor } from "./auth.repository.js";
import {
  confirmTotpEnrolment,
  login,
  logout,
  setPurpose,
  startTotpEnrolment,
  verifySecondFactor,
} from "./auth.service.js";
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
  PurposeInput,
  PurposeType,
  SessionPurposePayload,
  StageAccessType,
  TotpCodeInput,
  TotpEnrolmentPayload,
  TotpPayload,
  UserPreferencesUpdateInput,
  UserPreferencesUpdatePayload,
  UserSetDisabledInput,
  UserSetDisabledPayload,
  ViewerType,
} from "./auth.types.js";
import { setUserDisabled } from "./user-admin.service.js";

function purposeType(purpose: { code: PurposeType["code"]; note: string | null } | null): PurposeType | null {
  return purpose === null ? null : Object.assign(new PurposeType(), purpose);
}

@Resolver()
export class AuthResolver {
  @Query(() => UserType, {
    nullable: true,
    description: "The logged-in user or the token's account; null when anonymous.",
  })
  @Rule("PUBLIC")
  async me(@Ctx() ctx: RequestContext): Promise<UserType | null> {
    if (ctx.actor === null || !ctx.actor.mfaSatisfied) return null;
    const user = await ctx.loaders.user.load(ctx.actor.userId);
    return user === null ? null : UserType.from(user);
  }

  @Query(() => ViewerType, {
    nullable: true,
    description: "You, your session's purpose and what you may see; null when anonymous or still logging in.",
  })
  @Rule("PUBLIC")
  async viewer(@Ctx() ctx: RequestContext): Promise<ViewerType | null> {
    const actor = ctx.actor;
    if (actor === null || !actor.mfaSatisfied) return null;
    const user = await ctx.loaders.user.load(actor.userId);
    if (user === null) return null;
    const visibility = visibilityOf(actor);
    return Object.assign(new ViewerType(), {
      user: UserType.from(user),
      purpose: purposeType(actor.purpose),
      purposesAvailable: [...PURPOSES_BY_AGENCY_KIND[actor.agencyKind]],
      secondFactorEnabled: user.totpEnabledAt !== null,
      secondFactorRequired: ctx.config.mfaEnforced && needsSecondFactor(actor),
      caseAccess: (["IN_PRISON", "RELEASED", "CLOSED"] as const).map((stage) =>
        Object.assign(new StageAccessType(), {
          stage,
          places: visibility[stage].places,
          dataClasses: visibility[stage].classes,
          detailedDataClasses: visibility[stage].detailedClasses,
        }),
      ),
      caseActions: Object.values(CaseAction).filter((action) => mayPerform(actor, action)),
      auditReviewer: isAuditReviewer(actor),
      administrator: isAdministrator(actor),
    });
  }

  @Mutation(() => LoginPayload, {
    nullable: true,
    description:
      "Logs in with e-mail and password and sets the session cookie (HttpOnly, SameSite=Lax). Must be the only " +
      "field of its operation.",
  })
  @Rule("PUBLIC")
  async login(
    @Arg("input", () => LoginInput, { description: "The change to make." }) input: LoginInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginPayload> {
    const outcome = await login(ctx, input);
    const user = outcome.userId === null ? null : await ctx.loaders.user.load(outcome.userId);
    return Object.assign(new LoginPayload(), {
      user: user === null ? null : UserType.from(user),
      secondFactorRequired: outcome.secondFactorRequired,
      secondFactorEnrolmentRequired: outcome.secondFactorEnrolmentRequired,
      userErrors: outcome.userErrors,
    });
  }

  @Mutation(() => TotpPayload, {
    nullable: true,
    description: "Finishes a login that waits for the code of the user's authenticator app.",
  })
  @Rule("PUBLIC")
  async loginVerifyTotp(
    @Arg("input", () => TotpCodeInput, { description: "The change to make." }) input: TotpCodeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TotpPayload> {
    const { result, userErrors } = await runMutation(ctx, () => verifySecondFactor(ctx, input));
    return Object.assign(new TotpPayload(), { ok: result === true, userErrors });
  }

  @Mutation(() => LogoutPayload, {
    nullable: true,
    description: "Ends the current session and clears the cookie.",
  })
  @Rule("PUBLIC")
  async logout(@Ctx() ctx: RequestContext): Promise<LogoutPayload> {
    return Object.assign(new LogoutPayload(), { loggedOut: await logout(ctx) });
  }

  @Mutation(() => SessionPurposePayload, {
    nullable: true,
    description:
      "States why this session opens personal data; it is recorded with every audit entry that follows.",
  })
  @Rule("AUTHENTICATED")
  async sessionPurposeSet(
    @Arg("input", () => PurposeInput, { description: "The change to make." }) input: PurposeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionPurposePayload> {
    const { result, userErrors } = await runMutation(ctx, () => setPurpose(ctx, input));
    return Object.assign(new SessionPurposePayload(), { purpose: purposeType(result), userErrors });
  }

  @Mutation(() => TotpEnrolmentPayload, {
    nullable: true,
    description:
      "Starts enrolling an authenticator app: a new secret, shown once; confirm it with totpConfirm.",
  })
  @Rule("AUTHENTICATED")
  async totpEnroll(@Ctx() ctx: RequestContext): Promise<TotpEnrolmentPayload> {
    const { result, userErrors } = await runMutation(ctx, () => startTotpEnrolment(ctx));
    return Object.assign(new TotpEnrolmentPayload(), {
      secret: result?.secret ?? null,
      uri: result?.uri ?? null,
      userErrors,
    });
  }

  @Mutation(() => TotpPayload, {
    nullable: true,
    description: "Confirms the enrolment with a first code; from then on every login asks for one.",
  })
  @Rule("AUTHENTICATED")
  async totpConfirm(
    @Arg("input", () => TotpCodeInput, { description: "The change to make." }) input: TotpCodeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TotpPayload> {
    const { result, userErrors } = await runMutation(ctx, () => confirmTotpEnrolment(ctx, input));
    return Object.assign(new TotpPayload(), { ok: result === true, userErrors });
  }

  @Mutation(() => UserPreferencesUpdatePayload, {
    nullable: true,
    description: "Changes your own preferences.",
  })
  @Rule("WRITE")
  async userPreferencesUpdate(
    @Arg("input", () => UserPreferencesUpdateInput, { description: "The change to make." })
    input: UserPreferencesUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UserPreferencesUpdatePayload> {
    const actor = ctx.actor;
    const { result, userErrors } = await runMutation(ctx, async (tx) =>
      actor === null ? null : updateUserLanguage(tx, actor.userId, input.language),
    );
    if (actor !== null && result !== null) actor.language = result.language;
    return Object.assign(new UserPreferencesUpdatePayload(), {
      user: result === null ? null : UserType.from(result),
      userErrors,
    });
  }

  @Mutation(() => UserSetDisabledPayload, {
    nullable: true,
    description:
      "Disables or re-enables an account; disabling ends its sessions and API tokens at once (administrators).",
  })
  @Rule("ADMIN")
  async userSetDisabled(
    @Arg("input", () => UserSetDisabledInput, { description: "The change to make." })
    input: UserSetDisabledInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UserSetDisabledPayload> {
    requireAdministrator(ctx);
    const { result, userErrors } = await setUserDisabled(ctx, input);
    return Object.assign(new UserSetDisabledPayload(), {
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
      "Issues an API token with its purpose; the token is in the payload once and only its hash is stored " +
      "(administrators).",
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
