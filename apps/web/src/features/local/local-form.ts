import type {
  ActionItemCloseInput,
  ActionItemInput,
  ActionItemStatus,
  LocalMeetingRecordInput,
  MeetingDecisionRecordInput,
  MeetingKind,
} from "@/gql/graphql";
import { type FieldResolver, type Problem, topLevelFields } from "../forms/problems";
import { checkText, optional } from "../forms/text-checks";

/**
 * The forms of a local body (a Local Task Force or a Local Cell): recording or planning a meeting,
 * a held operational meeting's decision on one person, adding a person to a planned meeting's
 * agenda, closing an action item. Their values, the portal's own checks (the API checks again,
 * with the domain's rules) and the mutation inputs. Pure and safe for the browser.
 */

export const MEETING_KINDS: readonly MeetingKind[] = ["OPERATIONAL", "STRATEGIC"];
export const CLOSING_STATUSES: readonly ActionItemStatus[] = ["DONE", "CANCELLED"];

/** The domain's limits (packages/domain/src/follow-up.ts). */
export const MEMBER_NAME_MAX = 200;
export const MEMBERS_MAX = 60;
export const MEETING_SUMMARY_MAX = 10_000;
export const DECISION_MAX = 4000;
export const ACTION_DESCRIPTION_MAX = 2000;
export const CLOSING_NOTE_MAX = 2000;

/** A meeting dated today or earlier has been held (the domain's `isMeetingHeld`); a later one is planned. */
export const isHeld = (heldOn: string, today: string) => heldOn !== "" && heldOn <= today;

// --- Actions (a meeting's own, or a decision's) ----------------------------------------------------

export interface ActionValues {
  description: string;
  ownerId: string;
  dueOn: string;
}

export const ACTION_PARTS = ["description", "ownerId", "dueOn"] as const;

export const emptyAction = (): ActionValues => ({ description: "", ownerId: "", dueOn: "" });

/** The form keys of the `index`th action's fields, as the API names them (`actions.2.dueOn`). */
export const actionField = (index: number, part: (typeof ACTION_PARTS)[number]) => `actions.${index}.${part}`;

export function actionFields(actions: readonly ActionValues[]): string[] {
  return actions.flatMap((_, index) => ACTION_PARTS.map((part) => actionField(index, part)));
}

/** `notBefore`: the meeting's day (a deadline is not before the meeting). */
function checkActions(problems: Problem[], actions: readonly ActionValues[], notBefore: string) {
  actions.forEach((action, index) => {
    checkText(problems, actionField(index, "description"), action.description, ACTION_DESCRIPTION_MAX, true);
    if (action.ownerId === "") problems.push({ field: actionField(index, "ownerId"), key: "chooseOne" });
    if (action.dueOn === "") problems.push({ field: actionField(index, "dueOn"), key: "required" });
    else if (notBefore !== "" && action.dueOn < notBefore)
      problems.push({ field: actionField(index, "dueOn"), key: "notBefore", values: { date: notBefore } });
  });
}

function actionInputs(actions: readonly ActionValues[]): ActionItemInput[] {
  return actions.map((action) => ({
    description: action.description.trim(),
    ownerId: action.ownerId,
    dueOn: action.dueOn,
  }));
}

/** API paths inside `input` to the form's keys: `actions.N.part` as such, others top-level. */
function withActions(fields: readonly string[]): FieldResolver {
  const top = topLevelFields(fields);
  return (path) => {
    const match = /^actions\.(\d+)\.(description|ownerId|dueOn)$/.exec(path);
    if (match) return path;
    if (/^actions\.\d+$/.test(path)) return `${path}.description`;
    return top(path);
  };
}

// --- Recording or planning a meeting -----------------------------------------------------------------

export const MEETING_FIELDS = ["kind", "heldOn", "membersPresent", "summary", "agenda"] as const;

export interface MeetingValues {
  kind: string;
  heldOn: string;
  /** One member per line. */
  membersPresent: string;
  summary: string;
  agenda: string[];
  actions: ActionValues[];
}

export const emptyMeeting = (today: string): MeetingValues => ({
  kind: "",
  heldOn: today,
  membersPresent: "",
  summary: "",
  agenda: [],
  actions: [],
});

/** The members named, one a line, blank lines dropped. */
export function membersOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** The form's fields in their order, with the actions it has now. */
export function meetingFields(values: MeetingValues): string[] {
  return [...MEETING_FIELDS, ...actionFields(values.actions)];
}

/**
 * A meeting already held names who attended (a planned one may not yet); a strategic meeting
 * discusses no named person (its agenda is not offered, and never sent).
 */
export function checkMeeting(values: MeetingValues, context: { today: string }): Problem[] {
  const problems: Problem[] = [];
  if (!(MEETING_KINDS as readonly string[]).includes(values.kind))
    problems.push({ field: "kind", key: "chooseOne" });
  if (values.heldOn === "") problems.push({ field: "heldOn", key: "required" });
  const members = membersOf(values.membersPresent);
  if (isHeld(values.heldOn, context.today) && members.length === 0)
    problems.push({ field: "membersPresent", key: "required" });
  else if (members.length > MEMBERS_MAX)
    problems.push({ field: "membersPresent", key: "tooMany", values: { max: MEMBERS_MAX } });
  else if (members.some((m) => m.length > MEMBER_NAME_MAX))
    problems.push({ field: "membersPresent", key: "tooLong", values: { max: MEMBER_NAME_MAX } });
  checkText(problems, "summary", values.summary, MEETING_SUMMARY_MAX, false);
  checkActions(problems, values.actions, values.heldOn);
  return problems;
}

export function meetingInput(values: MeetingValues): LocalMeetingRecordInput {
  const kind = values.kind as MeetingKind;
  return {
    kind,
    heldOn: values.heldOn,
    membersPresent: membersOf(values.membersPresent),
    summary: optional(values.summary),
    agenda: kind === "OPERATIONAL" ? [...new Set(values.agenda)] : [],
    actions: actionInputs(values.actions),
  };
}

export const meetingFieldOf: FieldResolver = withActions(MEETING_FIELDS);

// --- A held operational meeting's decision on one person --------------------------------------------

export const DECISION_FIELDS = [
  "personId",
  "decision",
  "startMeasures",
  "startsOn",
  "stopMeasureIds",
] as const;

export interface DecisionValues {
  personId: string;
  decision: string;
  /** Codes of the follow-up measure types to start. */
  startMeasures: string[];
  /** The day the measures start (one for all; the meeting's day by default). */
  startsOn: string;
  stopMeasureIds: string[];
  actions: ActionValues[];
}

export const emptyDecision = (personId: string, meetingOn: string): DecisionValues => ({
  personId,
  decision: "",
  startMeasures: [],
  startsOn: meetingOn,
  stopMeasureIds: [],
  actions: [],
});

export function decisionFields(values: DecisionValues): string[] {
  return [...DECISION_FIELDS, ...actionFields(values.actions)];
}

/** `meetingOn`: measures and deadlines are not before the meeting. */
export function checkDecision(values: DecisionValues, context: { meetingOn: string }): Problem[] {
  const problems: Problem[] = [];
  if (values.personId === "") problems.push({ field: "personId", key: "chooseOne" });
  checkText(problems, "decision", values.decision, DECISION_MAX, true);
  if (values.startMeasures.length > 0) {
    if (values.startsOn === "") problems.push({ field: "startsOn", key: "required" });
    else if (values.startsOn < context.meetingOn)
      problems.push({ field: "startsOn", key: "notBefore", values: { date: context.meetingOn } });
  }
  checkActions(problems, values.actions, context.meetingOn);
  return problems;
}

export function decisionInput(meetingId: string, values: DecisionValues): MeetingDecisionRecordInput {
  return {
    meetingId,
    personId: values.personId,
    decision: values.decision.trim(),
    startMeasures: [...new Set(values.startMeasures)].map((measureType) => ({
      measureType,
      startsOn: values.startsOn,
    })),
    stopMeasureIds: [...new Set(values.stopMeasureIds)],
    actions: actionInputs(values.actions),
  };
}

/** `startMeasures.2.startsOn` → the one "starts on" field; `startMeasures.2.measureType` → the types. */
export const decisionFieldOf: FieldResolver = (path) => {
  if (/^startMeasures\.\d+\.startsOn$/.test(path)) return "startsOn";
  return withActions(DECISION_FIELDS)(path);
};

// --- Adding a person to a planned meeting's agenda ---------------------------------------------------

export const AGENDA_FIELDS = ["personId"] as const;

export function checkAgendaAdd(values: { personId: string }): Problem[] {
  return values.personId === "" ? [{ field: "personId", key: "chooseOne" }] : [];
}

export const agendaFieldOf: FieldResolver = topLevelFields(AGENDA_FIELDS);

// --- Closing an action item --------------------------------------------------------------------------

export const CLOSE_FIELDS = ["status", "note"] as const;

export interface CloseValues {
  status: string;
  note: string;
}

export const emptyClose = (): CloseValues => ({ status: "", note: "" });

/** Done or cancelled; a cancelled action says why. */
export function checkClose(values: CloseValues): Problem[] {
  const problems: Problem[] = [];
  if (!(CLOSING_STATUSES as readonly string[]).includes(values.status))
    problems.push({ field: "status", key: "chooseOne" });
  checkText(problems, "note", values.note, CLOSING_NOTE_MAX, values.status === "CANCELLED");
  return problems;
}

export function closeInput(item: { id: string; version: number }, values: CloseValues): ActionItemCloseInput {
  return {
    actionItemId: item.id,
    version: item.version,
    status: values.status as ActionItemStatus,
    note: optional(values.note),
  };
}

/** A stale version is the whole form's (a conflict: reload). */
export const closeFieldOf: FieldResolver = topLevelFields(CLOSE_FIELDS);

// --- Choices ------------------------------------------------------------------------------------------

export interface UserLike {
  id: string;
  displayName: string;
}

/** Who may own an action: the body's active members, the viewer first (the API lists them by name). */
export function ownerChoices(viewer: UserLike, members: readonly UserLike[]): UserLike[] {
  return [viewer, ...members.filter((member) => member.id !== viewer.id)];
}

// --- The workspace's action-item filter (URL state) ---------------------------------------------------

export type ActionFilter = "open" | "overdue" | "mine" | "all";
export const ACTION_FILTERS: readonly ActionFilter[] = ["open", "overdue", "mine", "all"];

/** `actions=open|overdue|mine|all`; unknown values fall back to "open" (the default, left out of URLs). */
export function parseActionFilter(raw: string | undefined): ActionFilter {
  return (ACTION_FILTERS as readonly string[]).includes(raw ?? "") ? (raw as ActionFilter) : "open";
}

/** The filter as `LocalBody.actionItems` arguments: "mine" is the viewer's open actions. */
export function actionFilterVariables(filter: ActionFilter): {
  mine: boolean;
  overdueOnly: boolean;
  status: ActionItemStatus | null;
} {
  switch (filter) {
    case "open":
      return { mine: false, overdueOnly: false, status: "OPEN" };
    case "overdue":
      return { mine: false, overdueOnly: true, status: null };
    case "mine":
      return { mine: true, overdueOnly: false, status: "OPEN" };
    case "all":
      return { mine: false, overdueOnly: false, status: null };
  }
}

export function actionFilterHref(path: string, filter: ActionFilter): string {
  return filter === "open" ? `${path}#actions-heading` : `${path}?actions=${filter}#actions-heading`;
}
