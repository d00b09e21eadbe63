import { RELEASE_CONDITIONS_MAX } from "@continuum/domain";
import type {
  CaseHandOverInput,
  ConditionBreachRecordInput,
  DetentionEpisodeReleaseInput,
  ReleaseConditionImposeInput,
  ReleaseConditionInput,
  ReleaseConditionLiftInput,
  ReleaseConditionProposeInput,
  ReleaseDateKind,
  ReleaseDateOverrideInput,
  ReleasePlanRecordInput,
  ReleaseType,
} from "@/gql/graphql";
import { addDaysIso } from "@/lib/time/calendar";
import { type FieldResolver, type Problem, topLevelFields } from "../forms/problems";
import { checkText, optional } from "../forms/text-checks";

/**
 * The forms of release preparation and follow-up: their values, the portal's own checks (the same
 * rules as the API's: packages/domain release.ts, the detention and condition services; the API
 * checks again) and the mutation inputs. Pure and safe for the browser (no domain package).
 */

export const RELEASE_DATE_KINDS: readonly ReleaseDateKind[] = [
  "CONDITIONAL_RELEASE_ELIGIBILITY",
  "END_OF_SENTENCE",
];
export const RELEASE_TYPES: readonly ReleaseType[] = [
  "CONDITIONAL_RELEASE",
  "ELECTRONIC_MONITORING",
  "END_OF_SENTENCE",
  "END_OF_PREVENTIVE_DETENTION",
  "TRANSFER_ABROAD",
  "DEATH_IN_CUSTODY",
];
/** Release types that come with conditions: the proposed ones are imposed, at least one is needed. */
export const RELEASE_TYPES_WITH_CONDITIONS: readonly ReleaseType[] = [
  "CONDITIONAL_RELEASE",
  "ELECTRONIC_MONITORING",
];
/** Release types without a place of residence. */
export const RELEASE_TYPES_WITHOUT_MUNICIPALITY: readonly ReleaseType[] = [
  "TRANSFER_ABROAD",
  "DEATH_IN_CUSTODY",
];
/** The kinds of agency that may supervise a release condition (domain CONDITION_SUPERVISOR_KINDS). */
export const CONDITION_SUPERVISOR_KINDS: readonly string[] = [
  "PROBATION",
  "LOCAL_TASK_FORCE",
  "POLICE",
  "DISENGAGEMENT_SERVICE",
];

export const OVERRIDE_REASON_MAX = 1000;
export const PLAN_NOTE_MAX = 2000;
export const CONDITION_DETAILS_MAX = 2000;
export const BREACH_DESCRIPTION_MAX = 4000;
export const BREACH_RESPONSE_MAX = 2000;
export const LIFT_REASON_MAX = 1000;
export const HAND_OVER_REASON_MAX = 1000;
/** At most this many conditions are added in the release form (a form, not a register). */

export const takesConditions = (releaseType: string) =>
  (RELEASE_TYPES_WITH_CONDITIONS as readonly string[]).includes(releaseType);
export const needsMunicipality = (releaseType: string) =>
  !(RELEASE_TYPES_WITHOUT_MUNICIPALITY as readonly string[]).includes(releaseType);

function checkDay(
  problems: Problem[],
  field: string,
  value: string,
  context: { today?: string; notBefore?: string | null; after?: string | null; notAfter?: string | null },
  required = true,
) {
  if (value === "") {
    if (required) problems.push({ field, key: "required" });
    return;
  }
  if (context.today !== undefined && value > context.today) problems.push({ field, key: "notInFuture" });
  else if (context.notBefore && value < context.notBefore)
    problems.push({ field, key: "notBefore", values: { date: context.notBefore } });
  else if (context.after && value <= context.after)
    problems.push({ field, key: "afterDate", values: { date: context.after } });
  else if (context.notAfter && value > context.notAfter)
    problems.push({ field, key: "notAfter", values: { date: context.notAfter } });
}

/** The agencies that may supervise a condition, by name. */
export function supervisingAgencies<T extends { kind: string; name: string }>(
  agencies: readonly T[],
  locale: string,
): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return agencies
    .filter((a) => CONDITION_SUPERVISOR_KINDS.includes(a.kind))
    .sort((a, b) => collator.compare(a.name, b.name));
}

// --- Override of a release date --------------------------------------------------------------------

export const OVERRIDE_FIELDS = ["kind", "date", "reason"] as const;

export interface OverrideValues {
  kind: string;
  date: string;
  reason: string;
}

export const emptyOverride = (): OverrideValues => ({ kind: "", date: "", reason: "" });

/** The episode's dates as they hold now: no date before admission, eligibility not after the end. */
export interface EpisodeDates {
  admittedOn: string;
  conditionalReleaseEligibleOn: string | null;
  endOfSentenceOn: string | null;
}

/** The same rule as the domain's releaseDateOverrideProblem; the reason is always required. */
export function checkOverride(values: OverrideValues, episode: EpisodeDates): Problem[] {
  const problems: Problem[] = [];
  if (!(RELEASE_DATE_KINDS as readonly string[]).includes(values.kind))
    problems.push({ field: "kind", key: "chooseOne" });
  checkDay(problems, "date", values.date, {
    notBefore:
      values.kind === "END_OF_SENTENCE"
        ? (maxDay(episode.admittedOn, episode.conditionalReleaseEligibleOn) ?? episode.admittedOn)
        : episode.admittedOn,
    notAfter: values.kind === "CONDITIONAL_RELEASE_ELIGIBILITY" ? episode.endOfSentenceOn : null,
  });
  checkText(problems, "reason", values.reason, OVERRIDE_REASON_MAX, true);
  return problems;
}

function maxDay(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

export function overrideInput(episodeId: string, values: OverrideValues): ReleaseDateOverrideInput {
  return {
    episodeId,
    kind: values.kind as ReleaseDateKind,
    date: values.date,
    reason: values.reason.trim(),
  };
}

/** `episodeId` (the episode ended meanwhile, or the person is not sentenced) goes to the whole form. */
export const overrideFieldOf: FieldResolver = topLevelFields(OVERRIDE_FIELDS);

// --- The release plan --------------------------------------------------------------------------------

export const PLAN_FIELDS = ["intendedMunicipality", "localTaskForceInformedOn", "note"] as const;

export interface PlanValues {
  intendedMunicipality: string;
  localTaskForceInformedOn: string;
  note: string;
}

export function planValues(
  plan: {
    intendedMunicipality: string | null;
    localTaskForceInformedOn: string | null;
    note: string | null;
  } | null,
): PlanValues {
  return {
    intendedMunicipality: plan?.intendedMunicipality ?? "",
    localTaskForceInformedOn: plan?.localTaskForceInformedOn ?? "",
    note: plan?.note ?? "",
  };
}

/** `municipalities`: the ones Continuum knows (the API refuses others). */
export function checkPlan(
  values: PlanValues,
  context: { today: string; municipalities: readonly string[] },
): Problem[] {
  const problems: Problem[] = [];
  if (values.intendedMunicipality !== "" && !context.municipalities.includes(values.intendedMunicipality))
    problems.push({ field: "intendedMunicipality", key: "chooseOne" });
  checkDay(
    problems,
    "localTaskForceInformedOn",
    values.localTaskForceInformedOn,
    { today: context.today },
    false,
  );
  checkText(problems, "note", values.note, PLAN_NOTE_MAX, false);
  return problems;
}

/** `version`: the plan's version as read; null when there is none yet. */
export function planInput(
  episodeId: string,
  version: number | null,
  values: PlanValues,
): ReleasePlanRecordInput {
  return {
    episodeId,
    version,
    intendedMunicipality: optional(values.intendedMunicipality),
    localTaskForceInformedOn: values.localTaskForceInformedOn === "" ? null : values.localTaskForceInformedOn,
    note: optional(values.note),
  };
}

/** A stale `version` (a conflict) goes to the whole form. */
export const planFieldOf: FieldResolver = topLevelFields(PLAN_FIELDS);

// --- A condition's terms (proposed in prison, or added at the release) -----------------------------

export const CONDITION_FIELDS = ["conditionType", "supervisingAgencyId", "details", "endsOn"] as const;

export interface ConditionValues {
  conditionType: string;
  supervisingAgencyId: string;
  details: string;
  endsOn: string;
}

export const emptyCondition = (): ConditionValues => ({
  conditionType: "",
  supervisingAgencyId: "",
  details: "",
  endsOn: "",
});

export interface ConditionContext {
  /** The types by code, with whether they need details. */
  types: readonly { code: string; requiresDetails: boolean }[];
  /** The agencies that may supervise. */
  agencyIds: readonly string[];
  /** The first day in force: the planned end must be after it. */
  startsOn: string;
}

/** `prefix`: the fields' names in the form ("" or `conditions.2.`). */
export function checkConditionTerms(
  values: ConditionValues,
  context: ConditionContext,
  prefix = "",
): Problem[] {
  const problems: Problem[] = [];
  const type = context.types.find((t) => t.code === values.conditionType);
  if (type === undefined) problems.push({ field: `${prefix}conditionType`, key: "chooseOne" });
  if (!context.agencyIds.includes(values.supervisingAgencyId))
    problems.push({ field: `${prefix}supervisingAgencyId`, key: "chooseOne" });
  checkText(
    problems,
    `${prefix}details`,
    values.details,
    CONDITION_DETAILS_MAX,
    type?.requiresDetails ?? false,
  );
  checkDay(problems, `${prefix}endsOn`, values.endsOn, { after: context.startsOn }, false);
  return problems;
}

export function conditionTermsInput(values: ConditionValues): ReleaseConditionInput {
  return {
    conditionType: values.conditionType,
    supervisingAgencyId: values.supervisingAgencyId,
    details: optional(values.details),
    endsOn: values.endsOn === "" ? null : values.endsOn,
  };
}

export function proposeInput(personId: string, values: ConditionValues): ReleaseConditionProposeInput {
  return { personId, ...conditionTermsInput(values) };
}

/** `personId` (the person is not detained any more) goes to the whole form. */
export const proposeFieldOf: FieldResolver = topLevelFields(CONDITION_FIELDS);

// --- The release ---------------------------------------------------------------------------------------

export const RELEASE_FIELDS = ["releasedOn", "releaseType", "releaseMunicipality", "conditions"] as const;

export interface ReleaseValues {
  releasedOn: string;
  releaseType: string;
  releaseMunicipality: string;
  /** Conditions added at the release, besides the proposed ones. */
  conditions: ConditionValues[];
}

export function emptyRelease(today: string, intendedMunicipality: string | null): ReleaseValues {
  return {
    releasedOn: today,
    releaseType: "",
    releaseMunicipality: intendedMunicipality ?? "",
    conditions: [],
  };
}

/** The form's fields in their order, with those of each added condition (`conditions.0.details`). */
export function releaseFields(conditionCount: number): string[] {
  const out: string[] = [...RELEASE_FIELDS];
  for (let i = 0; i < conditionCount; i += 1)
    for (const field of CONDITION_FIELDS) out.push(`conditions.${i}.${field}`);
  return out;
}

export interface ReleaseContext {
  today: string;
  /** The release is after the admission and the start of the current placement. */
  admittedOn: string;
  placedOn: string | null;
  municipalities: readonly string[];
  /** The conditions proposed now (imposed with a release that takes conditions). */
  proposedCount: number;
  types: ConditionContext["types"];
  agencyIds: readonly string[];
}

/**
 * The API's rules: not in the future, not before the admission, after the current placement began;
 * a known municipality unless transferred abroad or deceased; a conditional release or electronic
 * monitoring needs at least one condition (the proposed ones count), other releases take none.
 */
export function checkRelease(values: ReleaseValues, context: ReleaseContext): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "releasedOn", values.releasedOn, {
    today: context.today,
    notBefore: context.admittedOn,
    after: context.placedOn,
  });
  if (!(RELEASE_TYPES as readonly string[]).includes(values.releaseType))
    problems.push({ field: "releaseType", key: "chooseOne" });
  if (values.releaseType === "" || needsMunicipality(values.releaseType)) {
    if (values.releaseMunicipality === "") problems.push({ field: "releaseMunicipality", key: "required" });
    else if (!context.municipalities.includes(values.releaseMunicipality))
      problems.push({ field: "releaseMunicipality", key: "chooseOne" });
  }
  if (takesConditions(values.releaseType)) {
    if (context.proposedCount + values.conditions.length === 0)
      problems.push({ field: "conditions", key: "chooseAtLeastOne" });
    if (values.conditions.length > RELEASE_CONDITIONS_MAX)
      problems.push({ field: "conditions", key: "tooMany", values: { max: RELEASE_CONDITIONS_MAX } });
    const startsOn = values.releasedOn === "" ? context.today : values.releasedOn;
    values.conditions.forEach((condition, index) => {
      problems.push(
        ...checkConditionTerms(
          condition,
          { types: context.types, agencyIds: context.agencyIds, startsOn },
          `conditions.${index}.`,
        ),
      );
    });
  }
  return problems;
}

/** Conditions and the municipality only where the type of release takes them. */
export function releaseInput(episodeId: string, values: ReleaseValues): DetentionEpisodeReleaseInput {
  return {
    episodeId,
    releasedOn: values.releasedOn,
    releaseType: values.releaseType as ReleaseType,
    releaseMunicipality: needsMunicipality(values.releaseType) ? optional(values.releaseMunicipality) : null,
    conditions: takesConditions(values.releaseType) ? values.conditions.map(conditionTermsInput) : [],
  };
}

/** `conditions.2.details` → that field; `conditions` → the conditions as a whole; `episodeId` → the form. */
export function releaseFieldOf(conditionCount: number): FieldResolver {
  const fields = releaseFields(conditionCount);
  const head = topLevelFields(RELEASE_FIELDS);
  return (path) => (fields.includes(path) ? path : head(path));
}

// --- A breach of a condition -----------------------------------------------------------------------------

export const BREACH_FIELDS = ["occurredOn", "description", "response"] as const;

export interface BreachValues {
  occurredOn: string;
  description: string;
  response: string;
}

export const emptyBreach = (today: string): BreachValues => ({
  occurredOn: today,
  description: "",
  response: "",
});

/** `imposedOn`: the condition was in force that day (not before it began). */
export function checkBreach(
  values: BreachValues,
  context: { today: string; imposedOn: string | null },
): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "occurredOn", values.occurredOn, { today: context.today, notBefore: context.imposedOn });
  checkText(problems, "description", values.description, BREACH_DESCRIPTION_MAX, true);
  checkText(problems, "response", values.response, BREACH_RESPONSE_MAX, false);
  return problems;
}

export function breachInput(conditionId: string, values: BreachValues): ConditionBreachRecordInput {
  return {
    conditionId,
    occurredOn: values.occurredOn,
    description: values.description.trim(),
    response: optional(values.response),
  };
}

export const breachFieldOf: FieldResolver = topLevelFields(BREACH_FIELDS);

// --- A condition imposed after the release ------------------------------------------------------------

export const IMPOSE_FIELDS = [
  "imposedOn",
  "conditionType",
  "supervisingAgencyId",
  "details",
  "endsOn",
] as const;

export interface ImposeValues extends ConditionValues {
  imposedOn: string;
}

export const emptyImpose = (today: string): ImposeValues => ({ ...emptyCondition(), imposedOn: today });

/**
 * Whether conditions are imposed after this person's release, and from when: the API takes them
 * only on the latest episode released with conditions (a conditional release or electronic
 * monitoring). `episodes` (oldest first) is null where the viewer does not read them: allowed, with
 * no release date to check against (the API checks it). Null: not allowed.
 */
export function imposeRelease(
  episodes: readonly { releasedOn: string | null; releaseType: string | null }[] | null,
): { releasedOn: string | null } | null {
  if (episodes === null) return { releasedOn: null };
  const latest = episodes[episodes.length - 1];
  if (latest?.releasedOn == null || !takesConditions(latest.releaseType ?? "")) return null;
  return { releasedOn: latest.releasedOn };
}

export interface ImposeContext {
  today: string;
  /** The release the condition follows: it is in force from that day on, not before. */
  releasedOn: string | null;
  types: ConditionContext["types"];
  agencyIds: readonly string[];
}

/**
 * The API's rules: in force from a day not before the release and not in the future; the condition's
 * terms as for any condition, its planned end after that first day.
 */
export function checkImpose(values: ImposeValues, context: ImposeContext): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "imposedOn", values.imposedOn, { today: context.today, notBefore: context.releasedOn });
  problems.push(
    ...checkConditionTerms(values, {
      types: context.types,
      agencyIds: context.agencyIds,
      startsOn: values.imposedOn === "" ? context.today : values.imposedOn,
    }),
  );
  return problems;
}

export function imposeInput(personId: string, values: ImposeValues): ReleaseConditionImposeInput {
  return { personId, imposedOn: values.imposedOn, ...conditionTermsInput(values) };
}

/** `personId` (not on a release with conditions, the case closed) goes to the whole form. */
export const imposeFieldOf: FieldResolver = topLevelFields(IMPOSE_FIELDS);

// --- Lifting a condition early -------------------------------------------------------------------------

export const LIFT_FIELDS = ["liftedOn", "reason"] as const;

export interface LiftValues {
  liftedOn: string;
  reason: string;
}

export const emptyLift = (today: string): LiftValues => ({ liftedOn: today, reason: "" });

/** A day the condition is in force, after its first day, not in the future; the reason always. */
export function checkLift(
  values: LiftValues,
  context: { today: string; imposedOn: string | null; endsOn: string | null },
): Problem[] {
  const problems: Problem[] = [];
  // In force until the day before its planned end (exclusive).
  checkDay(problems, "liftedOn", values.liftedOn, {
    today: context.today,
    after: context.imposedOn,
    notAfter: context.endsOn === null ? null : addDaysIso(context.endsOn, -1),
  });
  checkText(problems, "reason", values.reason, LIFT_REASON_MAX, true);
  return problems;
}

export function liftInput(
  condition: { id: string; version: number },
  values: LiftValues,
): ReleaseConditionLiftInput {
  return {
    conditionId: condition.id,
    version: condition.version,
    liftedOn: values.liftedOn,
    reason: values.reason.trim(),
  };
}

export const liftFieldOf: FieldResolver = topLevelFields(LIFT_FIELDS);

// --- Hand-over to a new place of residence ---------------------------------------------------------------

export const HAND_OVER_FIELDS = ["municipality", "on", "reason"] as const;

export interface HandOverValues {
  municipality: string;
  on: string;
  reason: string;
}

export const emptyHandOver = (today: string): HandOverValues => ({ municipality: "", on: today, reason: "" });

/**
 * A municipality Continuum knows, other than the current one; from a day not before the current
 * residence began (`since`), not in the future; the reason always.
 */
export function checkHandOver(
  values: HandOverValues,
  context: { today: string; since: string | null; current: string | null; municipalities: readonly string[] },
): Problem[] {
  const problems: Problem[] = [];
  if (
    !context.municipalities.includes(values.municipality) ||
    (context.current !== null && values.municipality === context.current)
  )
    problems.push({ field: "municipality", key: "chooseOne" });
  checkDay(problems, "on", values.on, { today: context.today, notBefore: context.since });
  checkText(problems, "reason", values.reason, HAND_OVER_REASON_MAX, true);
  return problems;
}

export function handOverInput(personId: string, values: HandOverValues): CaseHandOverInput {
  return { personId, municipality: values.municipality, on: values.on, reason: values.reason.trim() };
}

export const handOverFieldOf: FieldResolver = topLevelFields(HAND_OVER_FIELDS);
