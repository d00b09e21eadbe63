import {
  actionItemCloseSchema,
  actionItemSchema,
  discussionSchema,
  isMeetingHeld,
  isoDateSchema,
  isVisible,
  maxDate,
  mayFeed,
  meetingIssues,
  meetingSchema,
} from "@continuum/domain";
import { accessFor, loadVisiblePerson, requireAction } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode, UserInputRejected, userError } from "../../graphql/user-error.js";
import { checkCitedIds, checkListSize, parseInput } from "../../graphql/validate.js";
import { lockCaseForChange } from "../detention/detention.service.js";
import type { VisiblePerson } from "../persons/person.repository.js";
import type {
  ActionItemCloseInput,
  ActionItemInput,
  LocalMeetingAgendaAddInput,
  LocalMeetingRecordInput,
  MeetingDecisionRecordInput,
} from "./follow-up.input.js";
import {
  actionItemsByIds,
  closeActionItem,
  decideDiscussion,
  discussionsByMeetingIds,
  endFollowUpMeasures,
  followUpMeasuresByPersonIds,
  followUpMeasureTypeByCode,
  insertActionItems,
  insertDiscussions,
  insertFollowUpMeasures,
  insertMeeting,
  type MeetingRecord,
  meetingsByIds,
} from "./follow-up.repository.js";

/** The most a meeting's form ever needs: persons on an agenda, actions, measures started or stopped at once. */
const AGENDA_MAX = 60;
const ACTIONS_MAX = 30;
const START_MEASURES_MAX = 10;
const STOP_MEASURES_MAX = 30;

const NO_PERSON = "no person with this ID";

/**
 * Whether the actor's body may discuss a person: a Local Task Force the persons whose follow-up it
 * feeds, a Local Cell those whose information card it sees.
 */
function bodySees(actor: Actor, visible: VisiblePerson | null): visible is VisiblePerson {
  if (visible === null) return false;
  const access = accessFor(actor, visible.summary);
  return actor.agencyKind === "LOCAL_TASK_FORCE" ? mayFeed(access, "FOLLOW_UP") : isVisible(access);
}

/** The body's own meeting (row-level security shows no other), or NOT_FOUND at `field`. */
async function ownMeeting(tx: Tx, globalId: string, field: string): Promise<MeetingRecord> {
  const id = uuidOf(globalId, "LocalMeeting");
  const [meeting] = id === null ? [] : await meetingsByIds(tx, [id]);
  if (meeting === undefined)
    return reject(field, "no meeting of your body with this ID", UserErrorCode.NOT_FOUND);
  return meeting;
}

/** Action items in their parsed form: owners are active users of the actor's agency; not due before the meeting. */
async function parseActions(
  ctx: RequestContext,
  actor: Actor,
  inputs: readonly ActionItemInput[],
  heldOn: string,
  prefix: string,
): Promise<{ description: string; dueOn: string; ownerId: string }[]> {
  const parsed = [];
  for (const [i, input] of inputs.entries()) {
    const action = parseInput(
      actionItemSchema,
      { description: input.description, dueOn: input.dueOn },
      `${prefix}${i}.`,
    );
    if (action.dueOn < heldOn) reject(`${prefix}${i}.dueOn`, `must not be before the meeting (${heldOn})`);
    const ownerId = uuidOf(input.ownerId, "User");
    const owner = ownerId === null ? null : await ctx.loaders.user.load(ownerId);
    if (owner === null || owner.agencyId !== actor.agencyId || owner.disabledAt !== null)
      reject(`${prefix}${i}.ownerId`, "no active user of your agency with this ID", UserErrorCode.NOT_FOUND);
    parsed.push({ ...action, ownerId: owner.id });
  }
  return parsed;
}

function actionRows(
  actor: Actor,
  meetingId: string,
  personId: string | null,
  actions: readonly { description: string; dueOn: string; ownerId: string }[],
) {
  return actions.map((a) => ({
    id: newId(),
    meetingId,
    agencyId: actor.agencyId,
    personId,
    ...a,
    createdBy: actor.userId,
  }));
}

/** A local body records a meeting, planned or held, with its agenda and meeting-level actions. */
export function recordMeeting(
  ctx: RequestContext,
  input: LocalMeetingRecordInput,
): Promise<MutationOutcome<string>> {
  const actor = requireAction(ctx, "MEETING_RECORD");
  return runMutation(ctx, async (tx) => {
    const meeting = parseInput(meetingSchema, {
      kind: input.kind,
      heldOn: input.heldOn,
      membersPresent: input.membersPresent,
      summary: input.summary ?? null,
    });
    checkListSize(input.agenda, AGENDA_MAX, "agenda");
    checkListSize(input.actions, ACTIONS_MAX, "actions");
    const issues = meetingIssues({ ...meeting, agendaSize: input.agenda.length }, ctx.today);
    if (issues.length > 0)
      throw new UserInputRejected(
        issues.map((i) =>
          userError(
            i.field,
            i.message,
            i.field === "agenda" ? UserErrorCode.RULE_VIOLATION : UserErrorCode.INVALID,
          ),
        ),
      );
    const agenda: string[] = [];
    for (const [i, id] of input.agenda.entries()) {
      const uuid = uuidOf(id, "Person");
      const visible = uuid === null ? null : await loadVisiblePerson(ctx, uuid);
      if (!bodySees(actor, visible)) return reject(`agenda.${i}`, NO_PERSON, UserErrorCode.NOT_FOUND);
      if (agenda.includes(visible.person.id)) reject(`agenda.${i}`, "given twice");
      agenda.push(visible.person.id);
    }
    const actions = await parseActions(ctx, actor, input.actions, meeting.heldOn, "actions.");
    const meetingId = newId();
    await insertMeeting(tx, { id: meetingId, agencyId: actor.agencyId, ...meeting, createdBy: actor.userId });
    await insertDiscussions(
      tx,
      agenda.map((personId) => ({ id: newId(), meetingId, personId, createdBy: actor.userId })),
    );
    await insertActionItems(tx, actionRows(actor, meetingId, null, actions));
    ctx.audit.record({
      operation: "CREATE",
      details: { mutation: "localMeetingRecord", meetingId, kind: meeting.kind, actions: actions.length },
    });
    for (const personId of agenda)
      ctx.audit.record({
        operation: "CREATE",
        personId,
        dataClasses: ["FOLLOW_UP"],
        details: { mutation: "localMeetingRecord", meetingId },
      });
    return meetingId;
  });
}

/** Puts a person on a planned operational meeting's agenda. */
export function addToAgenda(
  ctx: RequestContext,
  input: LocalMeetingAgendaAddInput,
): Promise<MutationOutcome<string>> {
  const actor = requireAction(ctx, "MEETING_RECORD");
  return runMutation(ctx, async (tx) => {
    const meeting = await ownMeeting(tx, input.meetingId, "meetingId");
    if (meeting.kind === "STRATEGIC")
      reject("meetingId", "a strategic meeting discusses no named person", UserErrorCode.RULE_VIOLATION);
    if (isMeetingHeld(meeting.heldOn, ctx.today))
      reject("meetingId", "the meeting was held: record its decision instead", UserErrorCode.RULE_VIOLATION);
    const uuid = uuidOf(input.personId, "Person");
    const visible = uuid === null ? null : await loadVisiblePerson(ctx, uuid);
    if (!bodySees(actor, visible)) return reject("personId", NO_PERSON, UserErrorCode.NOT_FOUND);
    const personId = visible.person.id;
    if ((await discussionsByMeetingIds(tx, [meeting.id])).some((d) => d.personId === personId))
      reject("personId", "the person is already on the agenda", UserErrorCode.CONFLICT);
    await insertDiscussions(tx, [{ id: newId(), meetingId: meeting.id, personId, createdBy: actor.userId }]);
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: ["FOLLOW_UP"],
      details: { mutation: "localMeetingAgendaAdd", meetingId: meeting.id },
    });
    return meeting.id;
  });
}

/**
 * A held operational meeting decides about a person on its agenda (or added now), in one go: the
 * decision, the follow-up measures it starts (types of the body's kind) and stops (the person's open
 * measures of this body, on the meeting's day), and the actions it gives to members of the agency.
 */
export function recordDecision(
  ctx: RequestContext,
  input: MeetingDecisionRecordInput,
): Promise<MutationOutcome<{ meetingId: string; discussionId: string }>> {
  const actor = requireAction(ctx, "MEETING_RECORD");
  return runMutation(ctx, async (tx) => {
    const { decision } = parseInput(discussionSchema, { decision: input.decision });
    const meeting = await ownMeeting(tx, input.meetingId, "meetingId");
    if (meeting.kind === "STRATEGIC")
      reject(
        "meetingId",
        "a strategic meeting decides nothing about a named person",
        UserErrorCode.RULE_VIOLATION,
      );
    if (!isMeetingHeld(meeting.heldOn, ctx.today))
      reject("meetingId", "the meeting has not been held yet", UserErrorCode.RULE_VIOLATION);
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    if (!bodySees(actor, visible)) return reject("personId", NO_PERSON, UserErrorCode.NOT_FOUND);
    const personId = visible.person.id;

    checkListSize(input.startMeasures, START_MEASURES_MAX, "startMeasures");
    checkListSize(input.stopMeasureIds, STOP_MEASURES_MAX, "stopMeasureIds");
    const starts: { typeId: string; startsOn: string }[] = [];
    for (const [i, start] of input.startMeasures.entries()) {
      const type = await followUpMeasureTypeByCode(tx, start.measureType.trim());
      if (type === null || type.body !== actor.agencyKind)
        return reject(
          `startMeasures.${i}.measureType`,
          "no follow-up measure type of your kind of body with this code",
          UserErrorCode.NOT_FOUND,
        );
      if (starts.some((s) => s.typeId === type.id)) reject(`startMeasures.${i}.measureType`, "given twice");
      const startsOn = parseInput(isoDateSchema, start.startsOn, `startMeasures.${i}.startsOn`);
      if (startsOn < meeting.heldOn)
        reject(`startMeasures.${i}.startsOn`, `must not be before the meeting (${meeting.heldOn})`);
      starts.push({ typeId: type.id, startsOn });
    }
    const open = (await followUpMeasuresByPersonIds(tx, [personId])).filter(
      (m) => m.agencyId === actor.agencyId && m.endedOn === null,
    );
    const stopIds = checkCitedIds(
      input.stopMeasureIds.map((id) => uuidOf(id, "FollowUpMeasure")),
      new Set(open.map((m) => m.id)),
      "stopMeasureIds",
      "no open follow-up measure of your body for this person",
    );
    checkListSize(input.actions, ACTIONS_MAX, "actions");
    const actions = await parseActions(ctx, actor, input.actions, meeting.heldOn, "actions.");

    const agendaItem = (await discussionsByMeetingIds(tx, [meeting.id])).find((d) => d.personId === personId);
    let discussionId: string;
    if (agendaItem === undefined) {
      discussionId = newId();
      await insertDiscussions(tx, [
        { id: discussionId, meetingId: meeting.id, personId, decision, createdBy: actor.userId },
      ]);
    } else {
      discussionId = agendaItem.id;
      if (agendaItem.decision !== null || (await decideDiscussion(tx, discussionId, decision)) === null)
        reject("personId", "the meeting already decided about this person", UserErrorCode.CONFLICT);
    }
    await insertFollowUpMeasures(
      tx,
      starts.map((s) => ({
        id: newId(),
        personId,
        typeId: s.typeId,
        agencyId: actor.agencyId,
        startedOn: s.startsOn,
        startedBy: discussionId,
        createdBy: actor.userId,
      })),
    );
    for (const m of open.filter((x) => stopIds.includes(x.id))) {
      const [ended] = await endFollowUpMeasures(tx, [m], {
        endedOn: maxDate(meeting.heldOn, m.startedOn),
        endedBy: discussionId,
      });
      if (ended === undefined)
        reject("stopMeasureIds", "a measure changed meanwhile; reload and try again", UserErrorCode.CONFLICT);
    }
    await insertActionItems(tx, actionRows(actor, meeting.id, personId, actions));
    ctx.audit.record({
      operation: agendaItem === undefined ? "CREATE" : "UPDATE",
      personId,
      dataClasses: ["FOLLOW_UP"],
      details: {
        mutation: "meetingDecisionRecord",
        meetingId: meeting.id,
        discussionId,
        started: starts.length,
        stopped: stopIds.length,
        actions: actions.length,
      },
    });
    return { meetingId: meeting.id, discussionId };
  });
}

/** A member of the body closes one of its open action items (optimistic locking). */
export function closeAction(
  ctx: RequestContext,
  input: ActionItemCloseInput,
): Promise<MutationOutcome<string>> {
  requireAction(ctx, "MEETING_RECORD");
  return runMutation(ctx, async (tx) => {
    const closing = parseInput(actionItemCloseSchema, { status: input.status, note: input.note ?? null });
    const id = uuidOf(input.actionItemId, "ActionItem");
    const [item] = id === null ? [] : await actionItemsByIds(tx, [id]);
    if (item === undefined)
      return reject("actionItemId", "no action item of your body with this ID", UserErrorCode.NOT_FOUND);
    if (item.status !== "OPEN")
      reject("actionItemId", "the action item is already closed", UserErrorCode.RULE_VIOLATION);
    if (
      item.version !== input.version ||
      (await closeActionItem(tx, item, {
        status: closing.status,
        closedOn: ctx.today,
        closingNote: closing.note,
      })) === null
    )
      reject("version", "the action item changed meanwhile; reload and try again", UserErrorCode.CONFLICT);
    ctx.audit.record({
      operation: "UPDATE",
      ...(item.personId === null ? {} : { personId: item.personId, dataClasses: ["FOLLOW_UP"] as const }),
      details: { mutation: "actionItemClose", actionItemId: item.id, status: closing.status },
    });
    return item.id;
  });
}
