import { ActionItemStatus, caseStageOf, type IsoDate, mayRead } from "@continuum/domain";
import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireActor } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { forbidden, notFound } from "../../graphql/errors.js";
import { uuidOf } from "../../graphql/global-id.js";
import { Guarded } from "../../graphql/guard.js";
import type { MutationOutcome } from "../../graphql/mutation.js";
import { Rule } from "../../graphql/rule.js";
import { DateScalar } from "../../graphql/scalars.js";
import { AgencyType } from "../agencies/agency.type.js";
import type { DetentionChange } from "../detention/detention.service.js";
import { checkDate } from "../measures/measure-reading.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange, personOf } from "../persons/person-lookup.js";
import { activeUsersOfAgency } from "../users/user.repository.js";
import { UserType } from "../users/user.type.js";
import { confirmEntry, endEntry, recordEntry, reviewQueue } from "./common-database.service.js";
import {
  ActionItemCloseInput,
  ActionItemPayload,
  CaseCloseInput,
  CaseClosePayload,
  CommonDatabaseEntryConfirmInput,
  CommonDatabaseEntryEndInput,
  CommonDatabaseEntryPayload,
  CommonDatabaseEntryRecordInput,
  FollowUpMeasureTypeDefineInput,
  FollowUpMeasureTypePayload,
  LocalMeetingAgendaAddInput,
  LocalMeetingPayload,
  LocalMeetingRecordInput,
  MeetingDecisionPayload,
  MeetingDecisionRecordInput,
  OutcomeRecordInput,
  OutcomeRecordPayload,
} from "./follow-up.input.js";
import { actionItemsByIds, discussionsByIds, listFollowUpMeasureTypes } from "./follow-up.repository.js";
import {
  ActionItemType,
  CaseClosureType,
  CaseOutcomeType,
  CommonDatabaseEntryType,
  CommonDatabaseType,
  FollowUpMeasureType,
  FollowUpMeasureTypeType,
  LocalBodyPersonType,
  LocalBodyType,
  LocalMeetingType,
  MeetingDiscussionType,
} from "./follow-up.type.js";
import {
  accessToPerson,
  actionItemsOf,
  auditShown,
  bodyMeetings,
  bodyPersons,
  localBody,
  overdueActionCount,
  requireLocalBody,
  upcomingMeetings,
} from "./local-body.service.js";
import { addToAgenda, closeAction, recordDecision, recordMeeting } from "./meeting.service.js";
import { closeCase, defineFollowUpMeasureType, recordOutcome } from "./outcome.service.js";

async function agencyOf(ctx: RequestContext, agencyUuid: string): Promise<AgencyType | null> {
  const a = await ctx.loaders.agency.load(agencyUuid);
  return a === null ? null : AgencyType.from(a);
}

/** The actor's own meeting (row-level security shows no other), or null. */
export async function ownMeetingOf(
  ctx: RequestContext,
  meetingUuid: string,
): Promise<LocalMeetingType | null> {
  const m = await ctx.loaders.meeting.load(meetingUuid);
  return m === null ? null : LocalMeetingType.from(m, ctx.today);
}

/** The person's follow-up measures the actor reads (row-level security), each with the person's access. */
async function measuresOfPerson(ctx: RequestContext, personUuid: string): Promise<FollowUpMeasureType[]> {
  const access = await accessToPerson(ctx, personUuid);
  return (await ctx.loaders.followUpMeasuresOfPerson.load(personUuid)).map((m) =>
    FollowUpMeasureType.from(m, access),
  );
}

async function meetingPayload(
  ctx: RequestContext,
  outcome: MutationOutcome<string>,
): Promise<LocalMeetingPayload> {
  if (outcome.result !== null) ctx.loaders.discussionsOfMeeting.clear(outcome.result);
  return Object.assign(new LocalMeetingPayload(), {
    meeting: outcome.result === null ? null : await ownMeetingOf(ctx, outcome.result),
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => LocalBodyType)
export class LocalBodyResolver {
  @Query(() => LocalBodyType, {
    description: "Your own Local Task Force or Local Cell; FORBIDDEN to anyone not in one.",
  })
  @Rule("AUTHENTICATED")
  localBody(@Ctx() ctx: RequestContext): LocalBodyType {
    return localBody(ctx);
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "The body's agency." })
  agency(@Root() body: LocalBodyType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    return agencyOf(ctx, body.agencyUuid);
  }

  @FieldResolver(() => [UserType], {
    description: "The body's active members, by name: who may own its action items.",
  })
  async members(@Root() body: LocalBodyType, @Ctx() ctx: RequestContext): Promise<UserType[]> {
    return (await activeUsersOfAgency(await ctx.tx.get(), body.agencyUuid)).map(UserType.from);
  }

  @FieldResolver(() => [LocalBodyPersonType], {
    description:
      "The persons the body is responsible for now, longest-followed first (a Local Cell sees their card).",
  })
  persons(@Root() body: LocalBodyType, @Ctx() ctx: RequestContext): Promise<LocalBodyPersonType[]> {
    return bodyPersons(ctx, body);
  }

  @FieldResolver(() => [LocalMeetingType], { description: "The body's meetings, newest first." })
  meetings(
    @Root() body: LocalBodyType,
    @Arg("from", () => DateScalar, { nullable: true, description: "From this day (inclusive)." })
    from: IsoDate | null,
    @Arg("to", () => DateScalar, { nullable: true, description: "Until this day (inclusive)." })
    to: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LocalMeetingType[]> {
    const range = { from: from ?? null, to: to ?? null };
    if (range.from !== null) checkDate(range.from, "from");
    if (range.to !== null) checkDate(range.to, "to");
    return bodyMeetings(ctx, body, range);
  }

  @FieldResolver(() => [LocalMeetingType], { description: "Meetings planned after today, soonest first." })
  upcomingMeetings(@Root() body: LocalBodyType, @Ctx() ctx: RequestContext): Promise<LocalMeetingType[]> {
    return upcomingMeetings(ctx, body);
  }

  @FieldResolver(() => [ActionItemType], { description: "The body's action items, soonest deadline first." })
  actionItems(
    @Root() body: LocalBodyType,
    @Arg("status", () => ActionItemStatus, { nullable: true, description: "Only items in this status." })
    status: ActionItemStatus | null,
    @Arg("overdueOnly", { defaultValue: false, description: "Only open items past their deadline." })
    overdueOnly: boolean,
    @Arg("mine", { defaultValue: false, description: "Only items you own." }) mine: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionItemType[]> {
    return actionItemsOf(ctx, body, { status: status ?? null, overdueOnly, mine });
  }

  @FieldResolver(() => Int, { description: "How many open action items are past their deadline." })
  overdueActionCount(@Root() body: LocalBodyType, @Ctx() ctx: RequestContext): Promise<number> {
    return overdueActionCount(ctx, body);
  }
}

@Resolver(() => LocalBodyPersonType)
export class LocalBodyPersonResolver {
  @FieldResolver(() => PersonType, {
    nullable: true,
    description: "The person (a Local Cell reads the card only).",
  })
  person(@Root() p: LocalBodyPersonType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, p.personUuid);
  }
}

@Resolver(() => LocalMeetingType)
export class LocalMeetingResolver {
  @Query(() => LocalMeetingType, { description: "One of your body's meetings; NOT_FOUND for any other." })
  @Rule("AUTHENTICATED")
  async localMeeting(
    @Arg("id", () => ID, { description: "The meeting's ID." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LocalMeetingType> {
    requireLocalBody(ctx);
    const uuid = uuidOf(id, "LocalMeeting");
    const meeting = uuid === null ? null : await ownMeetingOf(ctx, uuid);
    if (meeting === null) throw notFound("meeting");
    return meeting;
  }

  @Mutation(() => LocalMeetingPayload, {
    nullable: true,
    description: "Your body records a meeting, planned (in the future) or held, with its agenda and actions.",
  })
  @Rule("WRITE")
  async localMeetingRecord(
    @Arg("input", () => LocalMeetingRecordInput, { description: "The meeting." })
    input: LocalMeetingRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LocalMeetingPayload> {
    return meetingPayload(ctx, await recordMeeting(ctx, input));
  }

  @Mutation(() => LocalMeetingPayload, {
    nullable: true,
    description: "Adds a person to a planned operational meeting's agenda.",
  })
  @Rule("WRITE")
  async localMeetingAgendaAdd(
    @Arg("input", () => LocalMeetingAgendaAddInput, { description: "The meeting and the person." })
    input: LocalMeetingAgendaAddInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LocalMeetingPayload> {
    return meetingPayload(ctx, await addToAgenda(ctx, input));
  }

  @Mutation(() => MeetingDecisionPayload, {
    nullable: true,
    description:
      "Records what a held operational meeting decided about a person: measures started and stopped, actions.",
  })
  @Rule("WRITE")
  async meetingDecisionRecord(
    @Arg("input", () => MeetingDecisionRecordInput, { description: "The decision." })
    input: MeetingDecisionRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingDecisionPayload> {
    const { result, userErrors } = await recordDecision(ctx, input);
    if (result === null)
      return Object.assign(new MeetingDecisionPayload(), { discussion: null, meeting: null, userErrors });
    const personId = uuidOf(input.personId, "Person") as string;
    ctx.loaders.discussionsOfMeeting.clear(result.meetingId);
    ctx.loaders.actionItemsOfMeeting.clear(result.meetingId);
    ctx.loaders.followUpMeasuresOfPerson.clear(personId);
    const [discussion] = await discussionsByIds(await ctx.tx.get(), [result.discussionId]);
    return Object.assign(new MeetingDecisionPayload(), {
      discussion: discussion === undefined ? null : MeetingDiscussionType.from(discussion),
      meeting: await ownMeetingOf(ctx, result.meetingId),
      userErrors,
    });
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "The body that holds it." })
  agency(@Root() m: LocalMeetingType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    return agencyOf(ctx, m.agencyUuid);
  }

  @FieldResolver(() => [MeetingDiscussionType], {
    description: "The persons on its agenda and what was decided.",
  })
  async discussions(
    @Root() m: LocalMeetingType,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingDiscussionType[]> {
    const rows = await ctx.loaders.discussionsOfMeeting.load(m.uuid);
    await auditShown(
      ctx,
      rows.map((d) => d.personId),
    );
    return rows.map(MeetingDiscussionType.from);
  }

  @FieldResolver(() => [ActionItemType], {
    description: "Every action decided at it, soonest deadline first.",
  })
  async actionItems(@Root() m: LocalMeetingType, @Ctx() ctx: RequestContext): Promise<ActionItemType[]> {
    const rows = await ctx.loaders.actionItemsOfMeeting.load(m.uuid);
    await auditShown(
      ctx,
      rows.map((a) => a.personId),
    );
    return rows.map((a) => ActionItemType.from(a, ctx.today));
  }
}

@Resolver(() => MeetingDiscussionType)
export class MeetingDiscussionResolver {
  @FieldResolver(() => PersonType, { nullable: true, description: "The person discussed, if you see them." })
  person(@Root() d: MeetingDiscussionType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, d.personUuid);
  }

  @FieldResolver(() => LocalMeetingType, {
    nullable: true,
    description: "The meeting, for its own body only.",
  })
  meeting(@Root() d: MeetingDiscussionType, @Ctx() ctx: RequestContext): Promise<LocalMeetingType | null> {
    return ownMeetingOf(ctx, d.meetingUuid);
  }

  @FieldResolver(() => [FollowUpMeasureType], { description: "The follow-up measures it started." })
  async measuresStarted(
    @Root() d: MeetingDiscussionType,
    @Ctx() ctx: RequestContext,
  ): Promise<FollowUpMeasureType[]> {
    return (await measuresOfPerson(ctx, d.personUuid)).filter((m) => m.startedByUuid === d.uuid);
  }

  @FieldResolver(() => [FollowUpMeasureType], { description: "The follow-up measures it stopped." })
  async measuresStopped(
    @Root() d: MeetingDiscussionType,
    @Ctx() ctx: RequestContext,
  ): Promise<FollowUpMeasureType[]> {
    return (await measuresOfPerson(ctx, d.personUuid)).filter((m) => m.endedByUuid === d.uuid);
  }

  @FieldResolver(() => [ActionItemType], { description: "The actions it decided (its body only)." })
  async actions(@Root() d: MeetingDiscussionType, @Ctx() ctx: RequestContext): Promise<ActionItemType[]> {
    return (await ctx.loaders.actionItemsOfMeeting.load(d.meetingUuid))
      .filter((a) => a.personId === d.personUuid)
      .map((a) => ActionItemType.from(a, ctx.today));
  }
}

@Resolver(() => ActionItemType)
export class ActionItemResolver {
  @Mutation(() => ActionItemPayload, {
    nullable: true,
    description: "Closes an open action item of your body.",
  })
  @Rule("WRITE")
  async actionItemClose(
    @Arg("input", () => ActionItemCloseInput, { description: "The closing." }) input: ActionItemCloseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionItemPayload> {
    const { result, userErrors } = await closeAction(ctx, input);
    const [item] = result === null ? [] : await actionItemsByIds(await ctx.tx.get(), [result]);
    return Object.assign(new ActionItemPayload(), {
      actionItem: item === undefined ? null : ActionItemType.from(item, ctx.today),
      userErrors,
    });
  }

  @FieldResolver(() => UserType, { nullable: true, description: "Who does it." })
  async owner(@Root() a: ActionItemType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    const u = await ctx.loaders.user.load(a.ownerUuid);
    return u === null ? null : UserType.from(u);
  }

  @FieldResolver(() => PersonType, {
    nullable: true,
    description: "The person it concerns, if any and if you see them.",
  })
  person(@Root() a: ActionItemType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return a.personUuid === null ? Promise.resolve(null) : personOf(ctx, a.personUuid);
  }

  @FieldResolver(() => LocalMeetingType, { nullable: true, description: "The meeting that decided it." })
  meeting(@Root() a: ActionItemType, @Ctx() ctx: RequestContext): Promise<LocalMeetingType | null> {
    return ownMeetingOf(ctx, a.meetingUuid);
  }
}

@Resolver(() => FollowUpMeasureType)
export class FollowUpMeasureResolver {
  @FieldResolver(() => FollowUpMeasureTypeType, { nullable: true, description: "The kind of measure." })
  async measureType(
    @Root() m: FollowUpMeasureType,
    @Ctx() ctx: RequestContext,
  ): Promise<FollowUpMeasureTypeType | null> {
    const t = await ctx.loaders.followUpMeasureType.load(m.typeUuid);
    return t === null ? null : FollowUpMeasureTypeType.from(t);
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "The body whose decision started it." })
  agency(@Root() m: FollowUpMeasureType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    return agencyOf(ctx, m.agencyUuid);
  }

  @FieldResolver(() => MeetingDiscussionType, {
    nullable: true,
    description: "The decision that started it (null where that decision stays with a Local Cell).",
  })
  async startedBy(
    @Root() m: FollowUpMeasureType,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingDiscussionType | null> {
    const d = await ctx.loaders.discussion.load(m.startedByUuid);
    return d == null ? null : MeetingDiscussionType.from(d);
  }

  @FieldResolver(() => MeetingDiscussionType, {
    nullable: true,
    description: "The decision that stopped it.",
  })
  async endedBy(
    @Root() m: FollowUpMeasureType,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingDiscussionType | null> {
    const d = m.endedByUuid === null ? null : await ctx.loaders.discussion.load(m.endedByUuid);
    return d == null ? null : MeetingDiscussionType.from(d);
  }
}

@Resolver(() => FollowUpMeasureTypeType)
export class FollowUpMeasureTypeResolver {
  @Query(() => [FollowUpMeasureTypeType], {
    description: "The kinds of follow-up measure local bodies may start.",
  })
  @Rule("AUTHENTICATED")
  async followUpMeasureTypes(@Ctx() ctx: RequestContext): Promise<FollowUpMeasureTypeType[]> {
    requireActor(ctx);
    return (await listFollowUpMeasureTypes(await ctx.tx.get())).map(FollowUpMeasureTypeType.from);
  }

  @Mutation(() => FollowUpMeasureTypePayload, {
    nullable: true,
    description: "Adds a follow-up measure type or changes one by its code (administrators).",
  })
  @Rule("WRITE")
  async followUpMeasureTypeDefine(
    @Arg("input", () => FollowUpMeasureTypeDefineInput, { description: "The type." })
    input: FollowUpMeasureTypeDefineInput,
    @Ctx() ctx: RequestContext,
  ): Promise<FollowUpMeasureTypePayload> {
    const { result, userErrors } = await defineFollowUpMeasureType(ctx, input);
    const type =
      result === null
        ? undefined
        : (await listFollowUpMeasureTypes(await ctx.tx.get())).find((t) => t.code === result);
    return Object.assign(new FollowUpMeasureTypePayload(), {
      measureType: type === undefined ? null : FollowUpMeasureTypeType.from(type),
      userErrors,
    });
  }
}

async function entryPayload(
  ctx: RequestContext,
  outcome: MutationOutcome<DetentionChange>,
): Promise<CommonDatabaseEntryPayload> {
  const person = outcome.result === null ? null : await personAfterChange(ctx, outcome.result.personId);
  const record =
    person === null || !mayRead(person.access, "FOLLOW_UP")
      ? undefined
      : (await ctx.loaders.commonDatabaseOfPerson.load(person.uuid)).find(
          (e) => e.id === outcome.result?.recordId,
        );
  return Object.assign(new CommonDatabaseEntryPayload(), {
    entry:
      record === undefined || person === null ? null : CommonDatabaseEntryType.from(record, person.access),
    person,
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => CommonDatabaseEntryType)
export class CommonDatabaseEntryResolver {
  @Query(() => [CommonDatabaseEntryType], {
    description:
      "Open common-database entries whose review falls before a day, the most overdue first (the threat-analysis body).",
  })
  @Rule("AUTHENTICATED")
  commonDatabaseReviewQueue(
    @Arg("dueBefore", () => DateScalar, { description: "Reviews due before this day." }) dueBefore: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<CommonDatabaseEntryType[]> {
    return reviewQueue(ctx, dueBefore);
  }

  @Mutation(() => CommonDatabaseEntryPayload, {
    nullable: true,
    description: "Puts a person in the common database, or supersedes the open entry from a day.",
  })
  @Rule("WRITE")
  async commonDatabaseEntryRecord(
    @Arg("input", () => CommonDatabaseEntryRecordInput, { description: "The entry." })
    input: CommonDatabaseEntryRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CommonDatabaseEntryPayload> {
    return entryPayload(ctx, await recordEntry(ctx, input));
  }

  @Mutation(() => CommonDatabaseEntryPayload, {
    nullable: true,
    description: "New information confirms an open entry: its review clock restarts.",
  })
  @Rule("WRITE")
  async commonDatabaseEntryConfirm(
    @Arg("input", () => CommonDatabaseEntryConfirmInput, { description: "The confirmation." })
    input: CommonDatabaseEntryConfirmInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CommonDatabaseEntryPayload> {
    return entryPayload(ctx, await confirmEntry(ctx, input));
  }

  @Mutation(() => CommonDatabaseEntryPayload, {
    nullable: true,
    description: "Removes a person from the common database.",
  })
  @Rule("WRITE")
  async commonDatabaseEntryEnd(
    @Arg("input", () => CommonDatabaseEntryEndInput, { description: "The removal." })
    input: CommonDatabaseEntryEndInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CommonDatabaseEntryPayload> {
    return entryPayload(ctx, await endEntry(ctx, input));
  }

  @FieldResolver(() => PersonType, { nullable: true, description: "The person." })
  person(@Root() e: CommonDatabaseEntryType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, e.personUuid);
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "The body that recorded it." })
  agency(@Root() e: CommonDatabaseEntryType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    return agencyOf(ctx, e.agencyUuid);
  }
}

@Resolver(() => CaseOutcomeType)
export class CaseOutcomeResolver {
  @Mutation(() => OutcomeRecordPayload, {
    nullable: true,
    description: "Records what happened to a person after release.",
  })
  @Rule("WRITE")
  async outcomeRecord(
    @Arg("input", () => OutcomeRecordInput, { description: "The outcome." }) input: OutcomeRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OutcomeRecordPayload> {
    const { result, userErrors } = await recordOutcome(ctx, input);
    const person = result === null ? null : await personAfterChange(ctx, result.personId);
    const record =
      person === null || !mayRead(person.access, "FOLLOW_UP")
        ? undefined
        : (await ctx.loaders.outcomesOfPerson.load(person.uuid)).find((o) => o.id === result?.recordId);
    return Object.assign(new OutcomeRecordPayload(), {
      outcome: record === undefined ? null : CaseOutcomeType.from(record),
      person,
      userErrors,
    });
  }

  @Mutation(() => CaseClosePayload, {
    nullable: true,
    description: "Closes the case of a released person: responsibilities end and the case becomes CLOSED.",
  })
  @Rule("WRITE")
  async caseClose(
    @Arg("input", () => CaseCloseInput, { description: "The closure." }) input: CaseCloseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseClosePayload> {
    const { result, userErrors } = await closeCase(ctx, input);
    const person = result === null ? null : await personAfterChange(ctx, result.personId);
    const record =
      person === null || !mayRead(person.access, "FOLLOW_UP")
        ? undefined
        : (await ctx.loaders.closuresOfPerson.load(person.uuid)).find((c) => c.id === result?.recordId);
    return Object.assign(new CaseClosePayload(), {
      closure: record === undefined ? null : CaseClosureType.from(record, true),
      person,
      userErrors,
    });
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "The agency that recorded it." })
  agency(@Root() o: CaseOutcomeType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    return agencyOf(ctx, o.agencyUuid);
  }
}

@Resolver(() => CaseClosureType)
export class CaseClosureResolver {
  @FieldResolver(() => AgencyType, { nullable: true, description: "The agency that closed the case." })
  agency(@Root() c: CaseClosureType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    return agencyOf(ctx, c.agencyUuid);
  }
}

@Resolver(() => PersonType)
export class PersonFollowUpResolver {
  @FieldResolver(() => [FollowUpMeasureType], {
    nullable: true,
    description:
      "Follow-up measures in force on a day, newest first (FOLLOW_UP; a Local Cell sees the ones it started).",
  })
  @Extensions({ dataClass: "FOLLOW_UP", level: "READ" })
  async followUpMeasures(
    @Root() person: PersonType,
    @Arg("on", () => DateScalar, { nullable: true, description: "The day; today when left out." })
    on: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<FollowUpMeasureType[]> {
    const day = on ?? ctx.today;
    checkDate(day, "on");
    const ownBody = ctx.actor?.agencyKind === "LOCAL_CELL";
    if (!mayRead(person.access, "FOLLOW_UP") && !ownBody)
      throw forbidden("You may not see the follow_up data of this person.", { dataClass: "FOLLOW_UP" });
    ctx.audit.read(person.uuid, ["FOLLOW_UP"], person.access.breakGlass);
    return (await ctx.loaders.followUpMeasuresOfPerson.load(person.uuid))
      .filter((m) => m.startedOn <= day && (m.endedOn === null || m.endedOn > day))
      .map((m) => FollowUpMeasureType.from(m, person.access));
  }

  @FieldResolver(() => CommonDatabaseType, {
    nullable: true,
    description: "The person in the common database: the open entry and the history (FOLLOW_UP).",
  })
  @Guarded("FOLLOW_UP")
  async commonDatabase(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<CommonDatabaseType> {
    const history = (await ctx.loaders.commonDatabaseOfPerson.load(person.uuid)).map((e) =>
      CommonDatabaseEntryType.from(e, person.access),
    );
    return Object.assign(new CommonDatabaseType(), {
      current: history.find((e) => e.validTo === null) ?? null,
      history,
    });
  }

  @FieldResolver(() => [CaseOutcomeType], {
    nullable: true,
    description: "What happened after release, newest first (FOLLOW_UP).",
  })
  @Guarded("FOLLOW_UP")
  async outcomes(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<CaseOutcomeType[]> {
    return (await ctx.loaders.outcomesOfPerson.load(person.uuid)).map(CaseOutcomeType.from);
  }

  @FieldResolver(() => CaseClosureType, {
    nullable: true,
    description: "The latest closure of the case, and whether it still closes it (FOLLOW_UP).",
  })
  @Guarded("FOLLOW_UP")
  async closure(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<CaseClosureType | null> {
    const [latest] = await ctx.loaders.closuresOfPerson.load(person.uuid);
    return latest === undefined
      ? null
      : CaseClosureType.from(latest, caseStageOf(person.summary) === "CLOSED");
  }
}
