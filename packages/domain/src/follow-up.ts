import { z } from "zod";
import { addMonthsToDate, type IsoDate, isoDateSchema } from "./dates.js";
import { defineEnum, type EnumValue } from "./enum.js";
import type { RuleIssue } from "./screening.js";
import { optionalText, requiredText } from "./text.js";

/** What a local body is responsible for after release. */
export const ResponsibilityKind = defineEnum(["SECURITY", "SOCIO_PREVENTIVE"] as const);
export type ResponsibilityKind = EnumValue<typeof ResponsibilityKind>;

export const RESPONSIBILITY_KIND_DESCRIPTIONS: Record<ResponsibilityKind, string> = {
  SECURITY: "Security follow-up by the Local Task Force of the judicial district.",
  SOCIO_PREVENTIVE: "Socio-preventive support by the Local Cell for Integral Security of the municipality.",
};

/** The two kinds of local body, as the agency kinds that hold them. */
export const LocalBodyKind = defineEnum(["LOCAL_TASK_FORCE", "LOCAL_CELL"] as const);
export type LocalBodyKind = EnumValue<typeof LocalBodyKind>;

/** An LTF or LCIS meeting: strategic talks about trends, or operational ones about named persons. */
export const MeetingKind = defineEnum(["STRATEGIC", "OPERATIONAL"] as const);
export type MeetingKind = EnumValue<typeof MeetingKind>;

export const MEETING_KIND_DESCRIPTIONS: Record<MeetingKind, string> = {
  STRATEGIC: "Strategic: trends and local policy, no decision on a named person.",
  OPERATIONAL: "Operational: the situation of named persons, and the measures to start or stop.",
};

export const ActionItemStatus = defineEnum(["OPEN", "DONE", "CANCELLED"] as const);
export type ActionItemStatus = EnumValue<typeof ActionItemStatus>;

export const ACTION_ITEM_STATUS_DESCRIPTIONS: Record<ActionItemStatus, string> = {
  OPEN: "To do.",
  DONE: "Done.",
  CANCELLED: "No longer needed.",
};

/** An open action item is overdue once its deadline has passed. */
export function isActionOverdue(item: { status: ActionItemStatus; dueOn: IsoDate }, today: IsoDate): boolean {
  return item.status === "OPEN" && item.dueOn < today;
}

/** The threat-analysis body's categories in the common database. */
export const CommonDatabaseCategory = defineEnum([
  "FOREIGN_TERRORIST_FIGHTER",
  "HOMEGROWN_TERRORIST_FIGHTER",
  "TERRORIST_CONVICT",
  "HATE_PROPAGANDIST",
  "POTENTIALLY_VIOLENT_EXTREMIST",
] as const);
export type CommonDatabaseCategory = EnumValue<typeof CommonDatabaseCategory>;

export const COMMON_DATABASE_CATEGORY_DESCRIPTIONS: Record<CommonDatabaseCategory, string> = {
  FOREIGN_TERRORIST_FIGHTER:
    "Foreign terrorist fighter: travelled, tried to travel or returned from a conflict zone.",
  HOMEGROWN_TERRORIST_FIGHTER: "Homegrown terrorist fighter: prepared or committed violence at home.",
  TERRORIST_CONVICT: "Terrorist convict: convicted of a terrorist offence.",
  HATE_PROPAGANDIST: "Hate propagandist: spreads extremist propaganda that incites violence.",
  POTENTIALLY_VIOLENT_EXTREMIST: "Potentially violent extremist: extremist views and a will to use violence.",
};

/** On what an entry in the common database rests. */
export const EntryBasis = defineEnum(["ESTABLISHED", "SERIOUS_INDICATIONS"] as const);
export type EntryBasis = EnumValue<typeof EntryBasis>;

export const ENTRY_BASIS_DESCRIPTIONS: Record<EntryBasis, string> = {
  ESTABLISHED: "Established facts (a conviction, confirmed intelligence).",
  SERIOUS_INDICATIONS: "Serious indications only: removed when nothing new arrives within 6 months.",
};

const INDICATIONS_LAPSE_MONTHS = 6;
const REVIEW_EVERY_MONTHS = 36;

/**
 * When an entry must next be looked at: every entry is re-checked at least every 3 years; one on
 * serious indications only is due for removal 6 months after the last new information.
 */
export function commonDatabaseReviewDueOn(entry: { basis: EntryBasis; lastInformationOn: IsoDate }): IsoDate {
  return addMonthsToDate(
    entry.lastInformationOn,
    entry.basis === "SERIOUS_INDICATIONS" ? INDICATIONS_LAPSE_MONTHS : REVIEW_EVERY_MONTHS,
  );
}

/** What happened to a person after release. */
export const OutcomeKind = defineEnum([
  "REOFFENDED_TERRORIST",
  "REOFFENDED_OTHER",
  "RETURNED_TO_PRISON",
  "DIED",
  "MOVED_ABROAD",
] as const);
export type OutcomeKind = EnumValue<typeof OutcomeKind>;

export const OUTCOME_KIND_DESCRIPTIONS: Record<OutcomeKind, string> = {
  REOFFENDED_TERRORIST: "Committed a new terrorist offence (the date of the offence).",
  REOFFENDED_OTHER: "Committed a new offence of another kind.",
  RETURNED_TO_PRISON: "Went back to prison (revocation of conditional release or a new detention).",
  DIED: "Died.",
  MOVED_ABROAD: "Moved abroad.",
};

/** Why a case is closed. */
export const ClosureReason = defineEnum(["FOLLOW_UP_ENDED", "DIED", "MOVED_ABROAD", "OTHER"] as const);
export type ClosureReason = EnumValue<typeof ClosureReason>;

export const CLOSURE_REASON_DESCRIPTIONS: Record<ClosureReason, string> = {
  FOLLOW_UP_ENDED: "The local follow-up ended: no longer a concern.",
  DIED: "The person died.",
  MOVED_ABROAD: "The person moved abroad.",
  OTHER: "Another reason (explained).",
};

export const handOverSchema = z.object({
  municipality: requiredText("name the municipality of residence", 100),
  on: isoDateSchema,
  reason: requiredText("give the reason", 1000),
});

export const meetingSchema = z.object({
  kind: z.enum(MeetingKind),
  heldOn: isoDateSchema,
  membersPresent: z.array(z.string().trim().min(1, { message: "name the member" }).max(200)).max(60),
  summary: optionalText(10_000),
});

/** A meeting dated today or earlier has been held (its decisions may be recorded); a later one is planned. */
export function isMeetingHeld(heldOn: IsoDate, today: IsoDate): boolean {
  return heldOn <= today;
}

/**
 * What is wrong with a meeting as recorded: a meeting already held names who attended; a strategic
 * meeting talks about trends and puts no named person on its agenda.
 */
export function meetingIssues(
  meeting: { kind: MeetingKind; heldOn: IsoDate; membersPresent: readonly string[]; agendaSize: number },
  today: IsoDate,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (isMeetingHeld(meeting.heldOn, today) && meeting.membersPresent.length === 0)
    issues.push({ field: "membersPresent", message: "name at least one member present" });
  if (meeting.kind === "STRATEGIC" && meeting.agendaSize > 0)
    issues.push({ field: "agenda", message: "a strategic meeting discusses no named person" });
  return issues;
}

export const followUpMeasureTypeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, { message: "2 to 40 capitals, digits or underscores" }),
  body: z.enum(LocalBodyKind),
  nameEn: requiredText("name the type in English", 200),
  nameFr: requiredText("name the type in French", 200),
  nameNl: requiredText("name the type in Dutch", 200),
  shownOnInformationCard: z.boolean(),
});

export const discussionSchema = z.object({
  decision: requiredText("write what was decided", 4000),
});

export const actionItemSchema = z.object({
  description: requiredText("describe the action", 2000),
  dueOn: isoDateSchema,
});

export const actionItemCloseSchema = z.object({
  status: z.enum(["DONE", "CANCELLED"] as const),
  note: optionalText(2000),
});

export const commonDatabaseEntrySchema = z.object({
  category: z.enum(CommonDatabaseCategory),
  threatLevel: z
    .number()
    .int({ message: "must be a whole number" })
    .min(1, { message: "must be 1 to 4" })
    .max(4, { message: "must be 1 to 4" }),
  basis: z.enum(EntryBasis),
  from: isoDateSchema,
});

export const commonDatabaseEntryEndSchema = z.object({
  on: isoDateSchema,
  reason: requiredText("give the reason", 1000),
});

export const outcomeSchema = z.object({
  kind: z.enum(OutcomeKind),
  occurredOn: isoDateSchema,
  note: optionalText(2000),
});

export const caseCloseSchema = z
  .object({
    closedOn: isoDateSchema,
    reason: z.enum(ClosureReason),
    note: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if (value.reason === "OTHER" && value.note === null)
      ctx.addIssue({ code: "custom", path: ["note"], message: "explain the reason" });
  });

/** What retention does with a data class once its period after closure has passed. */
export const RetentionAction = defineEnum(["DELETE", "ANONYMISE"] as const);
export type RetentionAction = EnumValue<typeof RetentionAction>;

export const RETENTION_ACTION_DESCRIPTIONS: Record<RetentionAction, string> = {
  DELETE: "The records of the class are deleted.",
  ANONYMISE: "The records are kept for statistics without anything that identifies the person.",
};

export const RetentionStatus = defineEnum(["PENDING", "CARRIED_OUT", "POSTPONED"] as const);
export type RetentionStatus = EnumValue<typeof RetentionStatus>;

export const RETENTION_STATUS_DESCRIPTIONS: Record<RetentionStatus, string> = {
  PENDING: "Due, waiting for the data-protection officer's approval.",
  CARRIED_OUT: "Approved and carried out.",
  POSTPONED: "Postponed with a reason (for example a pending court case).",
};

/** The day a class of a closed case is due for deletion or anonymisation. */
export function retentionDueOn(closedOn: IsoDate, yearsAfterClosure: number): IsoDate {
  return addMonthsToDate(closedOn, yearsAfterClosure * 12);
}
