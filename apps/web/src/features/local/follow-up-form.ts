import type {
  CaseCloseInput,
  ClosureReason,
  CommonDatabaseCategory,
  CommonDatabaseEntryConfirmInput,
  CommonDatabaseEntryEndInput,
  CommonDatabaseEntryRecordInput,
  EntryBasis,
  OutcomeKind,
  OutcomeRecordInput,
} from "@/gql/graphql";
import { type FieldResolver, type Problem, topLevelFields } from "../forms/problems";
import { checkText, optional } from "../forms/text-checks";

/**
 * The follow-up forms of a case file: the threat-analysis body's common-database entry (record,
 * confirm, end) and, for those who record outcomes, what happened after release and the closing
 * of the case. Values, the portal's own checks (the API checks again) and the mutation inputs.
 */

export const COMMON_DATABASE_CATEGORIES: readonly CommonDatabaseCategory[] = [
  "FOREIGN_TERRORIST_FIGHTER",
  "HOMEGROWN_TERRORIST_FIGHTER",
  "HATE_PROPAGANDIST",
  "POTENTIALLY_VIOLENT_EXTREMIST",
  "TERRORIST_CONVICT",
];
export const ENTRY_BASES: readonly EntryBasis[] = ["ESTABLISHED", "SERIOUS_INDICATIONS"];
export const THREAT_LEVELS: readonly string[] = ["1", "2", "3", "4"];
export const OUTCOME_KINDS: readonly OutcomeKind[] = [
  "RETURNED_TO_PRISON",
  "REOFFENDED_TERRORIST",
  "REOFFENDED_OTHER",
  "MOVED_ABROAD",
  "DIED",
];
export const CLOSURE_REASONS: readonly ClosureReason[] = ["FOLLOW_UP_ENDED", "MOVED_ABROAD", "DIED", "OTHER"];

export const END_REASON_MAX = 1000;
export const FOLLOW_UP_NOTE_MAX = 2000;

function checkDay(problems: Problem[], field: string, value: string, today: string) {
  if (value === "") problems.push({ field, key: "required" });
  else if (value > today) problems.push({ field, key: "notInFuture" });
}

const oneOf = (list: readonly string[], value: string) => list.includes(value);

// --- Putting a person in the common database (or superseding the open entry) ---------------------------

export const ENTRY_FIELDS = ["category", "threatLevel", "basis", "from"] as const;

export interface EntryValues {
  category: string;
  threatLevel: string;
  basis: string;
  from: string;
}

/** A new entry starts empty; a superseding one from the open entry's category, level and basis. */
export function emptyEntry(
  today: string,
  current: { category: string; threatLevel: number; basis: string } | null,
): EntryValues {
  return current
    ? {
        category: current.category,
        threatLevel: String(current.threatLevel),
        basis: current.basis,
        from: today,
      }
    : { category: "", threatLevel: "", basis: "", from: today };
}

/** `openFrom`: the open entry's start (a superseding entry starts after it). */
export function checkEntry(
  values: EntryValues,
  context: { today: string; openFrom: string | null },
): Problem[] {
  const problems: Problem[] = [];
  if (!oneOf(COMMON_DATABASE_CATEGORIES, values.category))
    problems.push({ field: "category", key: "chooseOne" });
  if (!oneOf(THREAT_LEVELS, values.threatLevel)) problems.push({ field: "threatLevel", key: "chooseOne" });
  if (!oneOf(ENTRY_BASES, values.basis)) problems.push({ field: "basis", key: "chooseOne" });
  checkDay(problems, "from", values.from, context.today);
  if (values.from !== "" && context.openFrom && values.from <= context.openFrom)
    problems.push({ field: "from", key: "afterDate", values: { date: context.openFrom } });
  return problems;
}

export function entryInput(personId: string, values: EntryValues): CommonDatabaseEntryRecordInput {
  return {
    personId,
    category: values.category as CommonDatabaseCategory,
    threatLevel: Number(values.threatLevel),
    basis: values.basis as EntryBasis,
    from: values.from,
  };
}

export const entryFieldOf: FieldResolver = topLevelFields(ENTRY_FIELDS);

// --- New information confirms the open entry ----------------------------------------------------------

export const CONFIRM_FIELDS = ["informationOn"] as const;

/** `lastInformationOn`: new information is not older than what the entry rests on. */
export function checkConfirm(
  values: { informationOn: string },
  context: { today: string; lastInformationOn: string },
): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "informationOn", values.informationOn, context.today);
  if (values.informationOn !== "" && values.informationOn < context.lastInformationOn)
    problems.push({ field: "informationOn", key: "notBefore", values: { date: context.lastInformationOn } });
  return problems;
}

export function confirmInput(
  entry: { id: string; version: number },
  values: { informationOn: string },
): CommonDatabaseEntryConfirmInput {
  return { entryId: entry.id, version: entry.version, informationOn: values.informationOn };
}

export const confirmFieldOf: FieldResolver = topLevelFields(CONFIRM_FIELDS);

// --- Removing a person from the common database ---------------------------------------------------------

export const END_FIELDS = ["on", "reason"] as const;

export interface EndValues {
  on: string;
  reason: string;
}

/** `validFrom`: the removal is after the entry's start. */
export function checkEnd(values: EndValues, context: { today: string; validFrom: string }): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "on", values.on, context.today);
  if (values.on !== "" && values.on <= context.validFrom)
    problems.push({ field: "on", key: "afterDate", values: { date: context.validFrom } });
  checkText(problems, "reason", values.reason, END_REASON_MAX, true);
  return problems;
}

export function endInput(
  entry: { id: string; version: number },
  values: EndValues,
): CommonDatabaseEntryEndInput {
  return { entryId: entry.id, version: entry.version, on: values.on, reason: values.reason.trim() };
}

export const endFieldOf: FieldResolver = topLevelFields(END_FIELDS);

// --- What happened after release ------------------------------------------------------------------------

export const OUTCOME_FIELDS = ["kind", "occurredOn", "note"] as const;

export interface OutcomeValues {
  kind: string;
  occurredOn: string;
  note: string;
}

export const emptyOutcome = (today: string): OutcomeValues => ({ kind: "", occurredOn: today, note: "" });

export function checkOutcome(values: OutcomeValues, context: { today: string }): Problem[] {
  const problems: Problem[] = [];
  if (!oneOf(OUTCOME_KINDS, values.kind)) problems.push({ field: "kind", key: "chooseOne" });
  checkDay(problems, "occurredOn", values.occurredOn, context.today);
  checkText(problems, "note", values.note, FOLLOW_UP_NOTE_MAX, false);
  return problems;
}

export function outcomeInput(personId: string, values: OutcomeValues): OutcomeRecordInput {
  return {
    personId,
    kind: values.kind as OutcomeKind,
    occurredOn: values.occurredOn,
    note: optional(values.note),
  };
}

export const outcomeFieldOf: FieldResolver = topLevelFields(OUTCOME_FIELDS);

// --- Closing the case -------------------------------------------------------------------------------------

export const CLOSURE_FIELDS = ["reason", "closedOn", "note"] as const;

export interface ClosureValues {
  reason: string;
  closedOn: string;
  note: string;
}

export const emptyClosure = (today: string): ClosureValues => ({ reason: "", closedOn: today, note: "" });

/** Another reason is explained in the note. */
export function checkClosure(values: ClosureValues, context: { today: string }): Problem[] {
  const problems: Problem[] = [];
  if (!oneOf(CLOSURE_REASONS, values.reason)) problems.push({ field: "reason", key: "chooseOne" });
  checkDay(problems, "closedOn", values.closedOn, context.today);
  checkText(problems, "note", values.note, FOLLOW_UP_NOTE_MAX, values.reason === "OTHER");
  return problems;
}

export function closureInput(personId: string, values: ClosureValues): CaseCloseInput {
  return {
    personId,
    reason: values.reason as ClosureReason,
    closedOn: values.closedOn,
    note: optional(values.note),
  };
}

export const closureFieldOf: FieldResolver = topLevelFields(CLOSURE_FIELDS);

// --- Who may record what -----------------------------------------------------------------------------------

interface FollowUpViewerLike {
  caseActions?: readonly string[] | null;
}

interface AccessLike {
  breakGlass: boolean;
  classes: readonly { dataClass: string; level: string }[];
}

export interface FollowUpForms {
  /** Record, confirm or end a common-database entry (the threat-analysis body). */
  commonDatabase: boolean;
  /** Record an outcome after release. */
  outcome: boolean;
  /** Close the case (released, and not closed now). */
  close: boolean;
}

/**
 * Recording needs the action and FULL access to FOLLOW_UP on this case; nothing through
 * break-the-glass, nothing on a past day. Outcomes and the closing need a release: the person is
 * not detained (the API has the last word), and a case already closed is not closed again.
 */
export function followUpFormsFor(
  viewer: FollowUpViewerLike,
  access: AccessLike,
  state: { detained: boolean; closed: boolean; asOf: string | null },
): FollowUpForms {
  const full = access.classes.some((c) => c.dataClass === "FOLLOW_UP" && c.level === "FULL");
  if (access.breakGlass || !full || state.asOf !== null)
    return { commonDatabase: false, outcome: false, close: false };
  const allows = (action: string) => viewer.caseActions?.includes(action) ?? false;
  return {
    commonDatabase: allows("COMMON_DATABASE_RECORD"),
    outcome: allows("OUTCOME_RECORD") && !state.detained,
    close: allows("OUTCOME_RECORD") && !state.detained && !state.closed,
  };
}

/** An open entry's review date has passed: it is to be confirmed by new information or ended. */
export const reviewOverdue = (reviewDueOn: string, today: string) => reviewDueOn < today;
