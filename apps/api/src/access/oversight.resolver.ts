import { type DataClass, isAuditReviewer } from "@continuum/domain";
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { PurposeType } from "../auth/auth.types.js";
import { decodeCursor, encodeCursor, mapPage, pageByOffset, pageSize } from "../graphql/connection.js";
import type { RequestContext } from "../graphql/context.js";
import { badUserInput } from "../graphql/errors.js";
import { toGlobalId, uuidOf } from "../graphql/global-id.js";
import { Rule } from "../graphql/rule.js";
import { AgencyType } from "../modules/agencies/agency.type.js";
import { personAfterChange } from "../modules/persons/person-lookup.js";
import { UserType } from "../modules/users/user.type.js";
import { verifyAuditChain } from "./audit.js";
import { type AuditFilter, countAuditEvents, listAuditEvents } from "./audit.repository.js";
import { countGrants, grantById, listGrants, readsUnderGrant } from "./break-glass.repository.js";
import { openBreakGlass, reviewBreakGlass } from "./break-glass.service.js";
import { lookUpPerson } from "./lookup.service.js";
import {
  AuditChainVerificationType,
  AuditEventConnection,
  AuditEventFilterInput,
  AuditEventType,
  BreakGlassGrantConnection,
  BreakGlassGrantType,
  BreakGlassOpenInput,
  BreakGlassOpenPayload,
  BreakGlassReviewInput,
  BreakGlassReviewPayload,
  PersonLookupInput,
  PersonLookupResultType,
} from "./oversight.types.js";
import { requireAuditReviewer } from "./policy.js";

@ArgsType()
class AuditEventsArgs {
  @Field(() => Int, { description: "Page size, 1 to 100." })
  first: number;

  @Field(() => String, {
    nullable: true,
    description: "Cursor after which the page starts (pageInfo.endCursor).",
  })
  after?: string | null;

  @Field(() => AuditEventFilterInput, { nullable: true, description: "Conditions the entries must meet." })
  filter?: AuditEventFilterInput | null;
}

function auditFilter(input: AuditEventFilterInput | null | undefined): AuditFilter {
  const id = (value: string | null | undefined, type: "Person" | "User", field: string) => {
    if (value == null) return null;
    const uuid = uuidOf(value, type);
    if (uuid === null) throw badUserInput(`not a ${type} ID`, `filter.${field}`);
    return uuid;
  };
  return {
    personId: id(input?.personId, "Person", "personId"),
    userId: id(input?.userId, "User", "userId"),
    operation: input?.operation ?? null,
    breakGlass: input?.breakGlass ?? null,
    from: input?.from ?? null,
    to: input?.to ?? null,
  };
}

@Resolver()
export class OversightResolver {
  @Query(() => PersonLookupResultType, {
    description:
      "Hit / no-hit: is a person with this exact name and date of birth known, and whom to contact? The question " +
      "is audited; nothing more than the answer is returned.",
  })
  @Rule("AUTHENTICATED")
  async personLookup(
    @Arg("input", () => PersonLookupInput, { description: "Who is asked about." }) input: PersonLookupInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonLookupResultType> {
    const outcome = await lookUpPerson(ctx, input);
    return Object.assign(new PersonLookupResultType(), {
      known: outcome.known,
      personId: outcome.personId === null ? null : toGlobalId("Person", outcome.personId),
      accessible: outcome.visible,
      contact: outcome.contact === null ? null : AgencyType.from(outcome.contact),
    });
  }

  @Mutation(() => BreakGlassOpenPayload, {
    nullable: true,
    description:
      "Break-the-glass: opens a case outside your scope, read-only, for 4 hours, on a written justification. " +
      "Every read is flagged and oversight reviews the access.",
  })
  @Rule("WRITE")
  async breakGlassOpen(
    @Arg("input", () => BreakGlassOpenInput, { description: "The change to make." })
    input: BreakGlassOpenInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BreakGlassOpenPayload> {
    const { result, userErrors } = await openBreakGlass(ctx, input);
    const grant = result === null ? null : await grantById(await ctx.tx.get(), result.grantId);
    return Object.assign(new BreakGlassOpenPayload(), {
      grant: grant === null ? null : BreakGlassGrantType.from(grant),
      person: result === null ? null : await personAfterChange(ctx, result.personId),
      userErrors,
    });
  }

  @Query(() => BreakGlassGrantConnection, {
    description: "Break-the-glass accesses to review, newest first (oversight).",
  })
  @Rule("REVIEWER")
  async breakGlassGrants(
    @Arg("first", () => Int, { description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "Cursor after which the page starts (pageInfo.endCursor).",
    })
    after: string | null,
    @Arg("pendingOnly", () => Boolean, { defaultValue: true, description: "Only those not reviewed yet." })
    pendingOnly: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof BreakGlassGrantConnection>> {
    requireAuditReviewer(ctx);
    const tx = await ctx.tx.get();
    const page = await pageByOffset(
      first,
      after,
      (limit, offset) => listGrants(tx, pendingOnly, limit, offset),
      () => countGrants(tx, pendingOnly),
    );
    ctx.audit.record({ operation: "AUDIT_QUERY", details: { list: "breakGlassGrants", pendingOnly } });
    return BreakGlassGrantConnection.fromPage(mapPage(page, BreakGlassGrantType.from));
  }

  @Mutation(() => BreakGlassReviewPayload, {
    nullable: true,
    description: "Marks a break-the-glass access as justified or not (oversight); the review is audited.",
  })
  @Rule("REVIEWER")
  async breakGlassReview(
    @Arg("input", () => BreakGlassReviewInput, { description: "The change to make." })
    input: BreakGlassReviewInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BreakGlassReviewPayload> {
    const { result, userErrors } = await reviewBreakGlass(ctx, input);
    const grant = result === null ? null : await grantById(await ctx.tx.get(), result);
    return Object.assign(new BreakGlassReviewPayload(), {
      grant: grant === null ? null : BreakGlassGrantType.from(grant),
      userErrors,
    });
  }

  @Query(() => AuditEventConnection, {
    description:
      "The audit trail, newest first: who looked at what, when and why (oversight, DPO). Audited itself.",
  })
  @Rule("REVIEWER")
  async auditEvents(
    @Args() args: AuditEventsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof AuditEventConnection>> {
    requireAuditReviewer(ctx);
    const limit = pageSize(args.first);
    const filter = auditFilter(args.filter);
    const beforeId = args.after ? Number(decodeCursor(args.after, 1)[0]) : null;
    if (beforeId !== null && !Number.isInteger(beforeId))
      throw badUserInput("after is not a cursor of this list", "after");
    const tx = await ctx.tx.get();
    const rows = await listAuditEvents(tx, filter, beforeId, limit + 1);
    ctx.audit.record({
      operation: "AUDIT_QUERY",
      personId: filter.personId,
      details: { filter: { ...filter } },
    });
    const items = rows.slice(0, limit).map((r) => ({
      cursor: encodeCursor([String(r.id)]),
      node: Object.assign(new AuditEventType(), {
        id: String(r.id),
        userUuid: r.actorUserId,
        agencyUuid: r.agencyId,
        recipientAgencyUuid: r.recipientAgencyId,
        occurredAt: r.occurredAt,
        operation: r.operation,
        personId: r.personId === null ? null : toGlobalId("Person", r.personId),
        dataClasses: r.dataClasses as DataClass[],
        purpose:
          r.purposeCode === null
            ? null
            : Object.assign(new PurposeType(), { code: r.purposeCode, note: r.purposeNote }),
        breakGlass: r.breakGlass,
        details: r.details,
        requestId: r.requestId,
      }),
    }));
    return AuditEventConnection.fromPage({
      items,
      hasNextPage: rows.length > limit,
      hasPreviousPage: beforeId !== null,
      count: () => countAuditEvents(tx, filter),
    });
  }

  @Query(() => AuditChainVerificationType, {
    description:
      "Re-computes the audit trail's hash chain and reports the first broken link (oversight, DPO).",
  })
  @Rule("REVIEWER")
  async auditChainVerification(@Ctx() ctx: RequestContext): Promise<AuditChainVerificationType> {
    requireAuditReviewer(ctx);
    const result = await verifyAuditChain(await ctx.tx.get());
    ctx.audit.record({ operation: "AUDIT_VERIFY", details: { ok: result.ok, checked: result.checked } });
    return Object.assign(new AuditChainVerificationType(), {
      ...result,
      firstBrokenEventId: result.firstBrokenEventId === null ? null : String(result.firstBrokenEventId),
    });
  }
}

@Resolver(() => AuditEventType)
export class AuditEventResolver {
  @FieldResolver(() => UserType, { nullable: true, description: "Who did it." })
  async user(@Root() event: AuditEventType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    const user = event.userUuid === null ? null : await ctx.loaders.user.load(event.userUuid);
    return user === null ? null : UserType.from(user);
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "On behalf of which agency." })
  async agency(@Root() event: AuditEventType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    const agency = event.agencyUuid === null ? null : await ctx.loaders.agency.load(event.agencyUuid);
    return agency === null ? null : AgencyType.from(agency);
  }

  @FieldResolver(() => AgencyType, {
    nullable: true,
    description: "For a DISCLOSURE: the agency the data went to (another agency than its originator).",
  })
  async recipientAgency(
    @Root() event: AuditEventType,
    @Ctx() ctx: RequestContext,
  ): Promise<AgencyType | null> {
    const id = event.recipientAgencyUuid;
    const agency = id === null ? null : await ctx.loaders.agency.load(id);
    return agency === null ? null : AgencyType.from(agency);
  }
}

@Resolver(() => BreakGlassGrantType)
export class BreakGlassGrantResolver {
  @FieldResolver(() => UserType, { description: "Who opened the case." })
  async user(@Root() grant: BreakGlassGrantType, @Ctx() ctx: RequestContext): Promise<UserType> {
    const user = await ctx.loaders.user.load(grant.userUuid);
    if (user === null) throw new Error(`grant ${grant.id} refers to a missing user`);
    return UserType.from(user);
  }

  @FieldResolver(() => AgencyType, { description: "On behalf of which agency." })
  async agency(@Root() grant: BreakGlassGrantType, @Ctx() ctx: RequestContext): Promise<AgencyType> {
    const agency = await ctx.loaders.agency.load(grant.agencyUuid);
    if (agency === null) throw new Error(`grant ${grant.id} refers to a missing agency`);
    return AgencyType.from(agency);
  }

  @FieldResolver(() => UserType, { nullable: true, description: "Who reviewed it." })
  async reviewedBy(@Root() grant: BreakGlassGrantType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    const user = grant.reviewedByUuid === null ? null : await ctx.loaders.user.load(grant.reviewedByUuid);
    return user === null ? null : UserType.from(user);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "How many audit entries the access produced (visible to oversight only).",
  })
  async auditedReads(@Root() grant: BreakGlassGrantType, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (ctx.actor === null || !isAuditReviewer(ctx.actor)) return null;
    return readsUnderGrant(await ctx.tx.get(), grant.record);
  }
}
