import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireActor, requirePurpose } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { Guarded } from "../../graphql/guard.js";
import type { MutationOutcome } from "../../graphql/mutation.js";
import { Rule } from "../../graphql/rule.js";
import { DateScalar } from "../../graphql/scalars.js";
import { AgencyType } from "../agencies/agency.type.js";
import type { DetentionChange } from "../detention/detention.service.js";
import { checkDate, readMeasuresData } from "../measures/measure-reading.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange, personOf } from "../persons/person-lookup.js";
import { conditionsSupervisedBy, listConditionTypes } from "./condition.repository.js";
import {
  defineConditionType,
  imposeCondition,
  liftCondition,
  proposeCondition,
  recordBreach,
  withdrawCondition,
} from "./condition.service.js";
import {
  ConditionBreachRecordInput,
  ConditionTypeDefineInput,
  ReleaseConditionImposeInput,
  ReleaseConditionLiftInput,
  ReleaseConditionProposeInput,
  ReleaseConditionWithdrawInput,
} from "./release.input.js";
import { ConditionTypePayload, ReleaseConditionPayload } from "./release.payload.js";
import { ConditionBreachType, ConditionTypeType, ReleaseConditionType } from "./release.type.js";

/** The condition a change made or changed, as the actor may now see it (status as of today). */
async function conditionPayload(
  ctx: RequestContext,
  outcome: MutationOutcome<DetentionChange>,
): Promise<ReleaseConditionPayload> {
  const change = outcome.result;
  const person = change === null ? null : await personAfterChange(ctx, change.personId);
  const record =
    person === null || change === null
      ? undefined
      : (await ctx.loaders.conditionsOfPerson.load(change.personId)).find((c) => c.id === change.recordId);
  return Object.assign(new ReleaseConditionPayload(), {
    condition:
      record === undefined || person === null
        ? null
        : ReleaseConditionType.from(record, person.access, ctx.today),
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => ReleaseConditionType)
export class ReleaseConditionResolver {
  @Query(() => [ConditionTypeType], { description: "The kinds of release condition, by code." })
  @Rule("AUTHENTICATED")
  async conditionTypes(@Ctx() ctx: RequestContext): Promise<ConditionTypeType[]> {
    requireActor(ctx);
    return (await listConditionTypes(await ctx.tx.get())).map(ConditionTypeType.from);
  }

  @Query(() => [ReleaseConditionType], {
    description: "Conditions in force on a date that your agency supervises: its caseload (RELEASE).",
  })
  @Rule("AUTHENTICATED")
  async supervisedConditions(
    @Arg("activeOn", () => DateScalar, { nullable: true, description: "The date; default today." })
    activeOn: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleaseConditionType[]> {
    const actor = requirePurpose(ctx);
    const on = activeOn ?? ctx.today;
    checkDate(on, "activeOn");
    const rows = await conditionsSupervisedBy(await ctx.tx.get(), actor.agencyId, on);
    return readMeasuresData(ctx, rows, (c, access) => ReleaseConditionType.from(c, access, on), "RELEASE");
  }

  @FieldResolver(() => ConditionTypeType, { description: "The kind of condition." })
  async type(@Root() c: ReleaseConditionType, @Ctx() ctx: RequestContext): Promise<ConditionTypeType> {
    const type = await ctx.loaders.conditionType.load(c.typeUuid);
    if (type === null) throw new Error(`condition ${c.uuid} refers to a missing type`);
    return ConditionTypeType.from(type);
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "The agency that supervises it." })
  async supervisingAgency(
    @Root() c: ReleaseConditionType,
    @Ctx() ctx: RequestContext,
  ): Promise<AgencyType | null> {
    const agency = await ctx.loaders.agency.load(c.supervisingAgencyUuid);
    return agency === null ? null : AgencyType.from(agency);
  }

  @FieldResolver(() => [ConditionBreachType], {
    nullable: true,
    description: "Its breaches, oldest first (RELEASE).",
  })
  @Guarded("RELEASE")
  async breaches(
    @Root() c: ReleaseConditionType,
    @Ctx() ctx: RequestContext,
  ): Promise<ConditionBreachType[]> {
    return (await ctx.loaders.breachesOfPerson.load(c.personUuid))
      .filter((b) => b.conditionId === c.uuid)
      .map(ConditionBreachType.from);
  }

  @FieldResolver(() => PersonType, {
    nullable: true,
    description: "The person; null if you may not see them.",
  })
  person(@Root() c: ReleaseConditionType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, c.personUuid);
  }

  @Mutation(() => ReleaseConditionPayload, {
    nullable: true,
    description: "Proposes a condition for the release of a detained person.",
  })
  @Rule("WRITE")
  async releaseConditionPropose(
    @Arg("input", () => ReleaseConditionProposeInput, { description: "The condition." })
    input: ReleaseConditionProposeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleaseConditionPayload> {
    return conditionPayload(ctx, await proposeCondition(ctx, input));
  }

  @Mutation(() => ReleaseConditionPayload, { nullable: true, description: "Withdraws a proposed condition." })
  @Rule("WRITE")
  async releaseConditionWithdraw(
    @Arg("input", () => ReleaseConditionWithdrawInput, { description: "The condition." })
    input: ReleaseConditionWithdrawInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleaseConditionPayload> {
    return conditionPayload(ctx, await withdrawCondition(ctx, input));
  }

  @Mutation(() => ReleaseConditionPayload, {
    nullable: true,
    description: "Imposes a condition on a person on conditional release, from a date.",
  })
  @Rule("WRITE")
  async releaseConditionImpose(
    @Arg("input", () => ReleaseConditionImposeInput, { description: "The condition." })
    input: ReleaseConditionImposeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleaseConditionPayload> {
    return conditionPayload(ctx, await imposeCondition(ctx, input));
  }

  @Mutation(() => ReleaseConditionPayload, {
    nullable: true,
    description: "Lifts an active condition early.",
  })
  @Rule("WRITE")
  async releaseConditionLift(
    @Arg("input", () => ReleaseConditionLiftInput, { description: "The lifting." })
    input: ReleaseConditionLiftInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleaseConditionPayload> {
    return conditionPayload(ctx, await liftCondition(ctx, input));
  }

  @Mutation(() => ReleaseConditionPayload, {
    nullable: true,
    description: "Records a breach of a condition.",
  })
  @Rule("WRITE")
  async conditionBreachRecord(
    @Arg("input", () => ConditionBreachRecordInput, { description: "The breach." })
    input: ConditionBreachRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleaseConditionPayload> {
    return conditionPayload(ctx, await recordBreach(ctx, input));
  }

  @Mutation(() => ConditionTypePayload, {
    nullable: true,
    description: "Adds a condition type or changes one by its code (administrators).",
  })
  @Rule("WRITE")
  async conditionTypeDefine(
    @Arg("input", () => ConditionTypeDefineInput, { description: "The type." })
    input: ConditionTypeDefineInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ConditionTypePayload> {
    const { result, userErrors } = await defineConditionType(ctx, input);
    const type = result === null ? null : await ctx.loaders.conditionType.load(result);
    return Object.assign(new ConditionTypePayload(), {
      conditionType: type === null ? null : ConditionTypeType.from(type),
      userErrors,
    });
  }
}

@Resolver(() => PersonType)
export class PersonReleaseConditionsResolver {
  @FieldResolver(() => [ReleaseConditionType], {
    nullable: true,
    description: "Release conditions recorded by a date, each with its status then (RELEASE).",
  })
  @Guarded("RELEASE")
  async releaseConditions(
    @Root() person: PersonType,
    @Arg("on", () => DateScalar, { nullable: true, description: "The date; default today." }) on:
      | string
      | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleaseConditionType[]> {
    const asOf = on ?? ctx.today;
    checkDate(asOf, "on");
    return (await ctx.loaders.conditionsOfPerson.load(person.uuid))
      .filter((c) => ((c.proposedOn ?? c.imposedOn) as string) <= asOf)
      .map((c) => ReleaseConditionType.from(c, person.access, asOf));
  }
}
