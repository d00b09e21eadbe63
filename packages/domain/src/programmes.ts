import { z } from "zod";
import { addDaysToDate, type IsoDate, isoDateSchema } from "./dates.js";
import { defineEnum, type EnumValue } from "./enum.js";
import type { LanguageCommunity } from "./person.js";
import { requiredText } from "./text.js";

/** Where a person stands in a disengagement programme. Participation is voluntary. */
export const ProgrammeStatus = defineEnum([
  "OFFERED",
  "ACCEPTED",
  "REFUSED",
  "ACTIVE",
  "SUSPENDED",
  "COMPLETED",
  "DISCONTINUED",
] as const);
export type ProgrammeStatus = EnumValue<typeof ProgrammeStatus>;

export const PROGRAMME_STATUS_DESCRIPTIONS: Record<ProgrammeStatus, string> = {
  OFFERED: "Offered by the provider; the person has not answered yet.",
  ACCEPTED: "The person accepted the offer; the programme has not started.",
  REFUSED: "The person refused the offer (participation is voluntary).",
  ACTIVE: "The programme is under way.",
  SUSPENDED: "Paused (for example a transfer, a crisis, the person's wish).",
  COMPLETED: "The programme reached its end.",
  DISCONTINUED: "Stopped before its end (by the person or the provider).",
};

/**
 * The changes that make sense: an offer is accepted or refused; an accepted programme starts or is
 * dropped; an active one is paused, completed or stopped; a paused one resumes or is stopped.
 * Refused, completed and discontinued are final: a new offer starts a new participation.
 */
const NEXT: Record<ProgrammeStatus, readonly ProgrammeStatus[]> = {
  OFFERED: ["ACCEPTED", "REFUSED"],
  ACCEPTED: ["ACTIVE", "DISCONTINUED"],
  REFUSED: [],
  ACTIVE: ["SUSPENDED", "COMPLETED", "DISCONTINUED"],
  SUSPENDED: ["ACTIVE", "DISCONTINUED"],
  COMPLETED: [],
  DISCONTINUED: [],
};

export function nextProgrammeStatuses(from: ProgrammeStatus): readonly ProgrammeStatus[] {
  return NEXT[from];
}

export function isFinalProgrammeStatus(status: ProgrammeStatus): boolean {
  return NEXT[status].length === 0;
}

/**
 * The enrolment's exclusive end after a final status: the day after it, so that the interval
 * includes the day of a refusal given on the day of the offer. The provider's need to know ends as
 * soon as the final status is recorded (the summary counts open enrolments only): it logs its
 * closing contact before recording the end.
 */
export function enrolmentEndAfter(finalOn: IsoDate): IsoDate {
  return addDaysToDate(finalOn, 1);
}

/** What a programme contact worked on. */
export const ProgrammeComponent = defineEnum([
  "PSYCHOLOGICAL_SUPPORT",
  "TRAUMA",
  "RESILIENCE",
  "RELIGION",
  "PROFESSIONAL_SKILLS",
  "REINTEGRATION_PROJECT",
] as const);
export type ProgrammeComponent = EnumValue<typeof ProgrammeComponent>;

export const PROGRAMME_COMPONENT_DESCRIPTIONS: Record<ProgrammeComponent, string> = {
  PSYCHOLOGICAL_SUPPORT: "Psychological support.",
  TRAUMA: "Work on trauma.",
  RESILIENCE: "Resilience.",
  RELIGION: "Religion and ideology (with a religious counsellor).",
  PROFESSIONAL_SKILLS: "Professional skills, training, work.",
  REINTEGRATION_PROJECT: "The reintegration project (housing, family, income).",
};

/** Whether a provider serves a person's language community (its configuration, as data). */
export function servesCommunity(
  provider: { languageCommunities: readonly string[] },
  community: LanguageCommunity,
): boolean {
  return provider.languageCommunities.includes(community);
}

/** The threat-analysis body's reading of signs of disengagement. */
export const DisengagementLevel = defineEnum(["NO_SIGNS", "SOME_SIGNS", "CLEAR_SIGNS"] as const);
export type DisengagementLevel = EnumValue<typeof DisengagementLevel>;

export const DISENGAGEMENT_LEVEL_DESCRIPTIONS: Record<DisengagementLevel, string> = {
  NO_SIGNS: "No signs of disengagement.",
  SOME_SIGNS: "Some signs of disengagement.",
  CLEAR_SIGNS: "Clear signs of disengagement.",
};

/** An incident in prison. */
export const IncidentKind = defineEnum([
  "ALTERCATION",
  "ASSAULT",
  "POSSESSION",
  "PROSELYTISING",
  "OTHER",
] as const);
export type IncidentKind = EnumValue<typeof IncidentKind>;

export const INCIDENT_KIND_DESCRIPTIONS: Record<IncidentKind, string> = {
  ALTERCATION: "An altercation (verbal or physical) with another inmate or staff.",
  ASSAULT: "An assault on staff or another inmate.",
  POSSESSION: "Possession of forbidden items (phone, weapon, extremist material).",
  PROSELYTISING: "Proselytising or pressure on other inmates.",
  OTHER: "Another incident.",
};

/** Whether an incident was ideologically motivated, as the recording staff judged it. */
export const IdeologicalMotive = defineEnum(["YES", "NO", "UNDETERMINED"] as const);
export type IdeologicalMotive = EnumValue<typeof IdeologicalMotive>;

export const IDEOLOGICAL_MOTIVE_DESCRIPTIONS: Record<IdeologicalMotive, string> = {
  YES: "Ideologically motivated.",
  NO: "Not ideologically motivated.",
  UNDETERMINED: "Not (yet) determined.",
};

export const programmeStatusChangeSchema = z.object({
  status: z.enum(ProgrammeStatus),
  on: isoDateSchema,
  note: z
    .string()
    .trim()
    .max(2000, { message: "must be at most 2000 characters" })
    .nullable()
    .transform((v) => (v === null || v === "" ? null : v)),
});

export const programmeContactSchema = z.object({
  contactedOn: isoDateSchema,
  components: z
    .array(z.enum(ProgrammeComponent))
    .min(1, { message: "name at least one component worked on" })
    .max(6),
  minutes: z
    .number()
    .int()
    .min(1, { message: "must be at least 1" })
    .max(600, { message: "at most 600" })
    .nullable(),
  note: requiredText("write the note of the contact", 10_000),
});

export const disengagementEvaluationSchema = z.object({
  evaluatedOn: isoDateSchema,
  level: z.enum(DisengagementLevel),
  rationale: requiredText("give the rationale", 4000),
});

export const incidentSchema = z.object({
  occurredOn: isoDateSchema,
  kind: z.enum(IncidentKind),
  ideological: z.enum(IdeologicalMotive),
  description: requiredText("describe the incident", 4000),
});
