import type {
  DisengagementEvaluationRecordInput,
  DisengagementLevel,
  IdeologicalMotive,
  IncidentKind,
  IncidentRecordInput,
  ProgrammeComponent,
  ProgrammeContactRecordInput,
  ProgrammeOfferInput,
  ProgrammeStatus,
  ProgrammeStatusChangeInput,
} from "@/gql/graphql";
import {
  CONTACT_MINUTES_MAX,
  CONTACT_NOTE_MAX,
  EVALUATION_RATIONALE_MAX,
  INCIDENT_DESCRIPTION_MAX,
  PROGRAMME_NOTE_MAX,
} from "@/lib/limits/limits";
import { type FieldResolver, type Problem, topLevelFields } from "../forms/problems";
import { checkText, optional } from "../forms/text-checks";

/**
 * The forms of programmes, evaluations and incidents: their values, the portal's own checks (the
 * API checks again) and the mutation inputs. Pure and safe for the browser (no domain package).
 */

export const PROGRAMME_COMPONENTS: readonly ProgrammeComponent[] = [
  "PSYCHOLOGICAL_SUPPORT",
  "TRAUMA",
  "RESILIENCE",
  "RELIGION",
  "PROFESSIONAL_SKILLS",
  "REINTEGRATION_PROJECT",
];
export const DISENGAGEMENT_LEVELS: readonly DisengagementLevel[] = ["NO_SIGNS", "SOME_SIGNS", "CLEAR_SIGNS"];
export const INCIDENT_KINDS: readonly IncidentKind[] = [
  "ALTERCATION",
  "ASSAULT",
  "POSSESSION",
  "PROSELYTISING",
  "OTHER",
];
export const IDEOLOGICAL_MOTIVES: readonly IdeologicalMotive[] = ["YES", "NO", "UNDETERMINED"];

function checkDay(
  problems: Problem[],
  field: string,
  value: string,
  today: string,
  notBefore?: string | null,
) {
  if (value === "") problems.push({ field, key: "required" });
  else if (value > today) problems.push({ field, key: "notInFuture" });
  else if (notBefore && value < notBefore)
    problems.push({ field, key: "notBefore", values: { date: notBefore } });
}

// --- CelEx's offer -------------------------------------------------------------------------------

export const OFFER_FIELDS = ["offeredOn", "note"] as const;

export interface OfferValues {
  offeredOn: string;
  note: string;
}

export const emptyOffer = (today: string): OfferValues => ({ offeredOn: today, note: "" });

/** `admittedOn`: the offer is not before the admission. */
export function checkOffer(
  values: OfferValues,
  context: { today: string; admittedOn: string | null },
): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "offeredOn", values.offeredOn, context.today, context.admittedOn);
  checkText(problems, "note", values.note, PROGRAMME_NOTE_MAX, false);
  return problems;
}

/** The provider is left out: the API takes the one of the person's language community. */
export function offerInput(personId: string, values: OfferValues): ProgrammeOfferInput {
  return { personId, offeredOn: values.offeredOn, note: optional(values.note) };
}

/** `personId` and `providerAgencyId` (no provider serves the person's community) go to the whole form. */
export const offerFieldOf: FieldResolver = topLevelFields(OFFER_FIELDS);

// --- The provider's status change ------------------------------------------------------------------

export const STATUS_FIELDS = ["status", "on", "note"] as const;

export interface StatusValues {
  status: string;
  on: string;
  note: string;
}

export const emptyStatusChange = (today: string): StatusValues => ({ status: "", on: today, note: "" });

/**
 * `allowed`: the statuses that may follow the current one (only those are offered);
 * `lastOn`: the day of the last change (the new one is not before it).
 */
export function checkStatusChange(
  values: StatusValues,
  context: { today: string; allowed: readonly string[]; lastOn: string | null },
): Problem[] {
  const problems: Problem[] = [];
  if (!context.allowed.includes(values.status)) problems.push({ field: "status", key: "chooseOne" });
  checkDay(problems, "on", values.on, context.today, context.lastOn);
  checkText(problems, "note", values.note, PROGRAMME_NOTE_MAX, false);
  return problems;
}

export function statusChangeInput(
  participation: { id: string; version: number },
  values: StatusValues,
): ProgrammeStatusChangeInput {
  return {
    participationId: participation.id,
    expectedVersion: participation.version,
    status: values.status as ProgrammeStatus,
    on: values.on,
    note: optional(values.note),
  };
}

/** A stale `expectedVersion` is the whole form's (a conflict: reload). */
export const statusFieldOf: FieldResolver = topLevelFields(STATUS_FIELDS);

// --- The provider's contact ----------------------------------------------------------------------

export const CONTACT_FIELDS = ["contactedOn", "components", "minutes", "note"] as const;

export interface ContactValues {
  contactedOn: string;
  components: string[];
  minutes: string;
  note: string;
}

export const emptyContact = (today: string): ContactValues => ({
  contactedOn: today,
  components: [],
  minutes: "",
  note: "",
});

/** `offeredOn`: a contact is not before the offer. */
export function checkContact(
  values: ContactValues,
  context: { today: string; offeredOn: string },
): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "contactedOn", values.contactedOn, context.today, context.offeredOn);
  if (values.components.length === 0) problems.push({ field: "components", key: "chooseAtLeastOne" });
  const minutes = values.minutes.trim();
  if (
    minutes !== "" &&
    !(/^\d+$/.test(minutes) && Number(minutes) >= 1 && Number(minutes) <= CONTACT_MINUTES_MAX)
  )
    problems.push({ field: "minutes", key: "between", values: { min: 1, max: CONTACT_MINUTES_MAX } });
  checkText(problems, "note", values.note, CONTACT_NOTE_MAX, true);
  return problems;
}

export function contactInput(participationId: string, values: ContactValues): ProgrammeContactRecordInput {
  const minutes = values.minutes.trim();
  return {
    participationId,
    contactedOn: values.contactedOn,
    // In the order the form lists them, each once.
    components: PROGRAMME_COMPONENTS.filter((c) => values.components.includes(c)),
    minutes: minutes === "" ? null : Number(minutes),
    note: values.note.trim(),
  };
}

export const contactFieldOf: FieldResolver = topLevelFields(CONTACT_FIELDS);

// --- The threat-analysis body's evaluation -----------------------------------------------------------

export const EVALUATION_FIELDS = ["evaluatedOn", "level", "rationale"] as const;

export interface EvaluationValues {
  evaluatedOn: string;
  level: string;
  rationale: string;
}

export const emptyEvaluation = (today: string): EvaluationValues => ({
  evaluatedOn: today,
  level: "",
  rationale: "",
});

export function checkEvaluation(values: EvaluationValues, context: { today: string }): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "evaluatedOn", values.evaluatedOn, context.today);
  if (!(DISENGAGEMENT_LEVELS as readonly string[]).includes(values.level))
    problems.push({ field: "level", key: "chooseOne" });
  checkText(problems, "rationale", values.rationale, EVALUATION_RATIONALE_MAX, true);
  return problems;
}

export function evaluationInput(
  personId: string,
  values: EvaluationValues,
): DisengagementEvaluationRecordInput {
  return {
    personId,
    evaluatedOn: values.evaluatedOn,
    level: values.level as DisengagementLevel,
    rationale: values.rationale.trim(),
  };
}

export const evaluationFieldOf: FieldResolver = topLevelFields(EVALUATION_FIELDS);

// --- Prison staff's incident -----------------------------------------------------------------------

export const INCIDENT_FIELDS = ["occurredOn", "kind", "ideological", "description"] as const;

export interface IncidentValues {
  occurredOn: string;
  kind: string;
  ideological: string;
  description: string;
}

export const emptyIncident = (today: string): IncidentValues => ({
  occurredOn: today,
  kind: "",
  ideological: "",
  description: "",
});

export function checkIncident(values: IncidentValues, context: { today: string }): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "occurredOn", values.occurredOn, context.today);
  if (!(INCIDENT_KINDS as readonly string[]).includes(values.kind))
    problems.push({ field: "kind", key: "chooseOne" });
  if (!(IDEOLOGICAL_MOTIVES as readonly string[]).includes(values.ideological))
    problems.push({ field: "ideological", key: "chooseOne" });
  checkText(problems, "description", values.description, INCIDENT_DESCRIPTION_MAX, true);
  return problems;
}

export function incidentInput(personId: string, values: IncidentValues): IncidentRecordInput {
  return {
    personId,
    occurredOn: values.occurredOn,
    kind: values.kind as IncidentKind,
    ideological: values.ideological as IdeologicalMotive,
    description: values.description.trim(),
  };
}

export const incidentFieldOf: FieldResolver = topLevelFields(INCIDENT_FIELDS);
