import { RetentionStatus } from "@continuum/domain";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireDataProtectionOfficer } from "../../access/policy.js";
import { mapPage } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { Rule } from "../../graphql/rule.js";
import { UserType } from "../users/user.type.js";
import { exportPersonRecord } from "./person-export.service.js";
import { listRules, ruleOf } from "./retention.repository.js";
import {
  carryOutRetention,
  postponeRetention,
  type QueuedItem,
  retentionItemsByIds,
  retentionQueue,
  setRetentionRule,
  sweepRetentionNow,
} from "./retention.service.js";
import {
  PersonRecordExportType,
  RetentionCarryOutInput,
  RetentionCarryOutPayload,
  RetentionItemConnection,
  RetentionItemType,
  RetentionPostponeInput,
  RetentionPostponePayload,
  RetentionRuleSetInput,
  RetentionRuleSetPayload,
  RetentionRuleType,
  RetentionSweepPayload,
} from "./retention.type.js";

const itemType = (q: QueuedItem) => RetentionItemType.from(q.item, q.case);

@Resolver(() => RetentionItemType)
export class RetentionResolver {
  @Query(() => [RetentionRuleType], {
    description: "How long each data class is kept after a case is closed (data-protection officer).",
  })
  @Rule("REVIEWER")
  async retentionRules(@Ctx() ctx: RequestContext): Promise<RetentionRuleType[]> {
    requireDataProtectionOfficer(ctx);
    return (await listRules(await ctx.tx.get())).map(RetentionRuleType.from);
  }

  @Mutation(() => RetentionRuleSetPayload, {
    nullable: true,
    description:
      "Sets the retention period and action of a data class (data-protection officer); audited. Waiting " +
      "items follow at the next sweep; an approval always applies the rule as it stands.",
  })
  @Rule("REVIEWER")
  async retentionRuleSet(
    @Arg("input", () => RetentionRuleSetInput, { description: "The rule." }) input: RetentionRuleSetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RetentionRuleSetPayload> {
    const { result, userErrors } = await setRetentionRule(ctx, input);
    const rule = result === null ? null : await ruleOf(await ctx.tx.get(), result);
    return Object.assign(new RetentionRuleSetPayload(), {
      rule: rule === null ? null : RetentionRuleType.from(rule),
      userErrors,
    });
  }

  @Query(() => RetentionItemConnection, {
    description:
      "Retention items of one status, by due date (data-protection officer), a page at a time; each " +
      "person listed on the page is audited.",
  })
  @Rule("REVIEWER")
  async retentionQueue(
    @Arg("status", () => RetentionStatus, { description: "Waiting, postponed or carried out." })
    status: RetentionStatus,
    @Arg("first", () => Int, { description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "Cursor after which the page starts (pageInfo.endCursor).",
    })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof RetentionItemConnection>> {
    return RetentionItemConnection.fromPage(
      mapPage(await retentionQueue(ctx, { status, first, after: after ?? null }), itemType),
    );
  }

  @Mutation(() => RetentionSweepPayload, {
    nullable: true,
    description:
      "Runs the daily retention job now (data-protection officer): lists what became due and drops " +
      "waiting items no longer due. Audited.",
  })
  @Rule("REVIEWER")
  async retentionSweep(@Ctx() ctx: RequestContext): Promise<RetentionSweepPayload> {
    const { result, userErrors } = await sweepRetentionNow(ctx);
    return Object.assign(new RetentionSweepPayload(), {
      listed: result?.listed ?? 0,
      dropped: result?.dropped ?? 0,
      userErrors,
    });
  }

  @Mutation(() => RetentionCarryOutPayload, {
    nullable: true,
    description:
      "Approves and carries out retention items (data-protection officer): each class of each case is " +
      "deleted or anonymised. The audit trail is kept; the approval is audited with its justification.",
  })
  @Rule("REVIEWER")
  async retentionCarryOut(
    @Arg("input", () => RetentionCarryOutInput, { description: "The items and the justification." })
    input: RetentionCarryOutInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RetentionCarryOutPayload> {
    const { result, userErrors } = await carryOutRetention(ctx, input);
    return Object.assign(new RetentionCarryOutPayload(), {
      items: result === null ? [] : (await retentionItemsByIds(ctx, result)).map(itemType),
      userErrors,
    });
  }

  @Mutation(() => RetentionPostponePayload, {
    nullable: true,
    description: "Postpones a waiting retention item, with the reason (data-protection officer); audited.",
  })
  @Rule("REVIEWER")
  async retentionPostpone(
    @Arg("input", () => RetentionPostponeInput, { description: "The item and the reason." })
    input: RetentionPostponeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RetentionPostponePayload> {
    const { result, userErrors } = await postponeRetention(ctx, input);
    const [item] = result === null ? [] : await retentionItemsByIds(ctx, [result]);
    return Object.assign(new RetentionPostponePayload(), {
      item: item === undefined ? null : itemType(item),
      userErrors,
    });
  }

  @Query(() => PersonRecordExportType, {
    description:
      "Everything held on one person across every data class, for an access request (data-protection " +
      "officer only). Audited as a disclosure with the justification.",
  })
  @Rule("REVIEWER")
  async personRecordExport(
    @Arg("personId", () => ID, { description: "The person." }) personId: string,
    @Arg("justification", () => String, { description: "Why (for example the access request's reference)." })
    justification: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonRecordExportType> {
    return Object.assign(
      new PersonRecordExportType(),
      await exportPersonRecord(ctx, personId, justification),
    );
  }

  @FieldResolver(() => UserType, { nullable: true, description: "Who postponed or carried it out." })
  async decidedBy(@Root() item: RetentionItemType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    const user = item.decidedByUuid === null ? null : await ctx.loaders.user.load(item.decidedByUuid);
    return user === null ? null : UserType.from(user);
  }
}
