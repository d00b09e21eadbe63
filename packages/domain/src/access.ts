import {
  ACCESS_MATRIX,
  type CaseStage,
  type MatrixRow,
  type Place,
  TIER_ORDER,
  type Tier,
} from "./access-matrix.js";
import type { AgencyKind, JudicialDistrict, Role } from "./agency.js";
import type { DetentionStatus } from "./detention.js";
import { defineEnum, type EnumValue } from "./enum.js";

/** Classes of personal data; access and audit are decided per class. */
export const DataClass = defineEnum([
  "IDENTITY",
  "DETENTION",
  "LISTING",
  "OBSERVATIONS",
  "INTELLIGENCE",
  "CLINICAL",
  "PROGRAMME",
  "MEASURES",
  "RELEASE",
  "FOLLOW_UP",
] as const);
export type DataClass = EnumValue<typeof DataClass>;

/** What the access policy needs to know about whoever is asking. */
export interface ActorProfile {
  agencyId: string;
  agencyKind: AgencyKind;
  roles: readonly Role[];
  /** The establishment of a prison or psychosocial-service agency. */
  establishmentId: string | null;
  /** The judicial district of a Local Task Force or a probation house. */
  judicialDistrict: JudicialDistrict | null;
  /** The municipality of a Local Cell for Integral Security. */
  municipality: string | null;
  /**
   * The data classes an API token is limited to (absent: a logged-in user, every class the roles
   * give). A narrowing only: it never adds a class the matrix does not give.
   */
  dataClasses?: readonly DataClass[];
}

/** What the policy needs to know about a person's case. */
export interface PersonFacts {
  stage: CaseStage;
  /** Where the person is placed now, if detained. */
  establishmentId: string | null;
  releaseJudicialDistrict: JudicialDistrict | null;
  releaseMunicipality: string | null;
  /** Agencies whose disengagement programme the person is enrolled in. */
  enrolledWith: readonly string[];
}

/** READ and FULL follow the row's tier; SUMMARY is the reduced view of a class (e.g. the final judgement only). */
export type ClassLevel = "FULL" | "READ" | "SUMMARY";
const LEVEL_ORDER: Record<ClassLevel, number> = { SUMMARY: 1, READ: 2, FULL: 3 };

export interface PersonAccess {
  tier: Tier;
  classes: Partial<Record<DataClass, ClassLevel>>;
  /** Granted through break-the-glass: flagged in every audit entry. */
  breakGlass: boolean;
}

export const NO_ACCESS: PersonAccess = { tier: "NONE", classes: {}, breakGlass: false };

export function caseStageOf(c: { detentionStatus: DetentionStatus; closedOn?: string | null }): CaseStage {
  if (c.closedOn) return "CLOSED";
  return c.detentionStatus === "RELEASED" ? "RELEASED" : "IN_PRISON";
}

/** Whether a row's place condition holds for this actor and person. Missing place data never holds. */
export function placeHolds(place: Place, actor: ActorProfile, person: PersonFacts): boolean {
  switch (place) {
    case "ANY":
      return true;
    case "OWN_ESTABLISHMENT":
      return actor.establishmentId !== null && person.establishmentId === actor.establishmentId;
    case "OWN_DISTRICT":
      return actor.judicialDistrict !== null && person.releaseJudicialDistrict === actor.judicialDistrict;
    case "OWN_MUNICIPALITY":
      return actor.municipality !== null && person.releaseMunicipality === actor.municipality;
    case "ENROLLED":
      return person.enrolledWith.includes(actor.agencyId);
  }
}

function rowsFor(actor: Pick<ActorProfile, "agencyKind" | "roles">, stage: CaseStage): MatrixRow[] {
  return ACCESS_MATRIX.filter(
    (r) => r.agencyKind === actor.agencyKind && r.stage === stage && actor.roles.includes(r.role),
  );
}

function classesOf(row: MatrixRow): Partial<Record<DataClass, ClassLevel>> {
  const level: ClassLevel = row.tier === "FULL" ? "FULL" : "READ";
  const classes: Partial<Record<DataClass, ClassLevel>> = {};
  for (const entry of row.classes) {
    const [name, qualifier] = entry.split(":") as [DataClass, string | undefined];
    classes[name] = qualifier === "SUMMARY" ? "SUMMARY" : level;
  }
  return classes;
}

/** The classes that remain once an API token's data-class limit is applied. */
function withinTokenClasses(
  classes: Partial<Record<DataClass, ClassLevel>>,
  actor: Pick<ActorProfile, "dataClasses">,
): Partial<Record<DataClass, ClassLevel>> {
  const limit = actor.dataClasses;
  if (limit === undefined) return classes;
  return Object.fromEntries(
    Object.entries(classes).filter(([name]) => limit.includes(name as DataClass)),
  ) as Partial<Record<DataClass, ClassLevel>>;
}

function merge(
  into: Partial<Record<DataClass, ClassLevel>>,
  from: Partial<Record<DataClass, ClassLevel>>,
): void {
  for (const [name, level] of Object.entries(from) as [DataClass, ClassLevel][]) {
    const current = into[name];
    if (current === undefined || LEVEL_ORDER[level] > LEVEL_ORDER[current]) into[name] = level;
  }
}

/**
 * What an actor may see of a person: the most generous of the rows of the actor's roles for the
 * person's stage, where the row's place holds (else the row's `otherwise` tier, with no classes).
 * A role or stage without a row gives NONE: the policy fails closed.
 */
export function accessTo(actor: ActorProfile, person: PersonFacts): PersonAccess {
  let tier: Tier = "NONE";
  const classes: Partial<Record<DataClass, ClassLevel>> = {};
  for (const row of rowsFor(actor, person.stage)) {
    const holds = placeHolds(row.place, actor, person);
    const rowTier = holds ? row.tier : row.otherwise;
    if (TIER_ORDER[rowTier] > TIER_ORDER[tier]) tier = rowTier;
    if (holds) merge(classes, classesOf(row));
  }
  return { tier, classes: withinTokenClasses(classes, actor), breakGlass: false };
}

/**
 * Break-the-glass: read-only access to what the actor's best row for the stage would give where its
 * place held, and at least the identity.
 */
export function breakGlassAccess(
  actor: Pick<ActorProfile, "agencyKind" | "roles" | "dataClasses">,
  stage: CaseStage,
): PersonAccess {
  const classes: Partial<Record<DataClass, ClassLevel>> = { IDENTITY: "READ" };
  for (const row of rowsFor(actor, stage)) {
    for (const [name, level] of Object.entries(classesOf(row)) as [DataClass, ClassLevel][])
      classes[name] = level === "SUMMARY" ? "SUMMARY" : "READ";
  }
  return { tier: "READ", classes: withinTokenClasses(classes, actor), breakGlass: true };
}

export function mayRead(access: PersonAccess, dataClass: DataClass, level: ClassLevel = "READ"): boolean {
  const granted = access.classes[dataClass];
  return granted !== undefined && LEVEL_ORDER[granted] >= LEVEL_ORDER[level];
}

export function mayFeed(access: PersonAccess, dataClass: DataClass): boolean {
  return access.classes[dataClass] === "FULL";
}

/** Whether the person exists for the actor in lists and look-ups by ID (card or more). */
export function isVisible(access: PersonAccess): boolean {
  return TIER_ORDER[access.tier] >= TIER_ORDER.CARD;
}

export interface StageVisibility {
  /** Places under which the actor sees persons at this stage (card or more); empty: none. */
  places: Place[];
  /** Classes readable (at least in summary) where a place holds. */
  classes: DataClass[];
  /** Classes readable beyond their summary (READ or FULL) where a place holds. */
  detailedClasses: DataClass[];
}

/**
 * The actor's visibility per stage, in the form the database's row-level security and the list
 * queries use. Exact because, for one agency kind and stage, every row that shows anything has
 * the same place (a test checks this property of the matrix).
 */
export function visibilityOf(
  actor: Pick<ActorProfile, "agencyKind" | "roles" | "dataClasses">,
): Record<CaseStage, StageVisibility> {
  const result = {} as Record<CaseStage, StageVisibility>;
  for (const stage of ["IN_PRISON", "RELEASED", "CLOSED"] as const) {
    const places = new Set<Place>();
    const classes = new Set<DataClass>();
    const detailed = new Set<DataClass>();
    for (const row of rowsFor(actor, stage)) {
      if (TIER_ORDER[row.tier] < TIER_ORDER.CARD) continue;
      places.add(row.place);
      const rowClasses = withinTokenClasses(classesOf(row), actor);
      for (const [name, level] of Object.entries(rowClasses) as [DataClass, ClassLevel][]) {
        classes.add(name);
        if (level !== "SUMMARY") detailed.add(name);
      }
    }
    result[stage] = {
      places: [...places].sort(),
      classes: [...classes].sort(),
      detailedClasses: [...detailed].sort(),
    };
  }
  return result;
}

/** Changes to case records, each allowed to a fixed set of agency kinds and roles (docs/access.md). */
export const CaseAction = defineEnum([
  "PERSON_REGISTER",
  "DETENTION_RECORD",
  "SCREENING_RECORD",
  "REPORT_FILE",
  "ASSESSMENT_RECORD",
  "WATCHLIST_RECORD",
  "RECOMMENDATION_WRITE",
  "RECOMMENDATION_DECIDE",
  "MEASURE_DECIDE",
  "MEASURE_EVALUATE",
  "NOTICE_RECORD",
  "PROGRAMME_OFFER",
  "PROGRAMME_RECORD",
  "DISENGAGEMENT_EVALUATE",
  "INCIDENT_RECORD",
  "RELEASE_PREPARE",
  "CONDITION_SUPERVISE",
  "HAND_OVER",
  "MEETING_RECORD",
  "COMMON_DATABASE_RECORD",
  "OUTCOME_RECORD",
] as const);
export type CaseAction = EnumValue<typeof CaseAction>;

const CASE_ACTION_RULES: Record<CaseAction, Partial<Record<AgencyKind, readonly Role[]>>> = {
  PERSON_REGISTER: { CELEX: ["ANALYST"], PRISON: ["DIRECTOR", "OFFICER"] },
  DETENTION_RECORD: { CELEX: ["ANALYST"], DG_EPI: ["DIRECTOR"], PRISON: ["DIRECTOR", "OFFICER"] },
  SCREENING_RECORD: { CELEX: ["ANALYST"] },
  REPORT_FILE: {
    CELEX: ["ANALYST"],
    DG_EPI: ["DIRECTOR"],
    PRISON: ["DIRECTOR", "OFFICER"],
    PSYCHOSOCIAL_SERVICE: ["PSYCHOLOGIST"],
    INTELLIGENCE: ["OFFICER"],
    POLICE: ["OFFICER"],
    PROSECUTOR: ["OFFICER"],
    THREAT_ANALYSIS: ["ANALYST"],
    DISENGAGEMENT_SERVICE: ["COUNSELLOR"],
    PROBATION: ["OFFICER"],
    LOCAL_TASK_FORCE: ["MEMBER", "CHAIR"],
  },
  ASSESSMENT_RECORD: { PSYCHOSOCIAL_SERVICE: ["PSYCHOLOGIST"] },
  WATCHLIST_RECORD: { INTELLIGENCE: ["OFFICER"] },
  RECOMMENDATION_WRITE: { CELEX: ["ANALYST"] },
  RECOMMENDATION_DECIDE: { DG_EPI: ["DIRECTOR"] },
  MEASURE_DECIDE: { DG_EPI: ["DIRECTOR"], PRISON: ["DIRECTOR"] },
  MEASURE_EVALUATE: { PSYCHOSOCIAL_SERVICE: ["PSYCHOLOGIST"] },
  NOTICE_RECORD: { DG_EPI: ["DIRECTOR"], PRISON: ["DIRECTOR", "OFFICER"] },
  PROGRAMME_OFFER: { CELEX: ["ANALYST"] },
  PROGRAMME_RECORD: { DISENGAGEMENT_SERVICE: ["COUNSELLOR"] },
  DISENGAGEMENT_EVALUATE: { THREAT_ANALYSIS: ["ANALYST"] },
  INCIDENT_RECORD: { PRISON: ["DIRECTOR", "OFFICER"] },
  RELEASE_PREPARE: { CELEX: ["ANALYST"], DG_EPI: ["DIRECTOR"], PSYCHOSOCIAL_SERVICE: ["PSYCHOLOGIST"] },
  CONDITION_SUPERVISE: { PROBATION: ["OFFICER"], LOCAL_TASK_FORCE: ["MEMBER", "CHAIR"] },
  HAND_OVER: { THREAT_ANALYSIS: ["ANALYST"], LOCAL_TASK_FORCE: ["CHAIR"] },
  MEETING_RECORD: { LOCAL_TASK_FORCE: ["MEMBER", "CHAIR"], LOCAL_CELL: ["MEMBER", "CHAIR"] },
  COMMON_DATABASE_RECORD: { THREAT_ANALYSIS: ["ANALYST"] },
  OUTCOME_RECORD: { THREAT_ANALYSIS: ["ANALYST"], LOCAL_TASK_FORCE: ["MEMBER", "CHAIR"] },
};

/**
 * The data class an action feeds: on an existing person the actor also needs FULL access to it
 * (`mayFeed`). Null: the actor need only know of the person (a hit or more): any agency may report
 * what it observed or learnt, without reading what others reported.
 */
export const ACTION_FEEDS: Record<CaseAction, DataClass | null> = {
  PERSON_REGISTER: "IDENTITY",
  DETENTION_RECORD: "DETENTION",
  SCREENING_RECORD: "LISTING",
  REPORT_FILE: null,
  ASSESSMENT_RECORD: "CLINICAL",
  WATCHLIST_RECORD: "INTELLIGENCE",
  RECOMMENDATION_WRITE: "MEASURES",
  RECOMMENDATION_DECIDE: "MEASURES",
  MEASURE_DECIDE: "MEASURES",
  MEASURE_EVALUATE: "MEASURES",
  NOTICE_RECORD: "MEASURES",
  PROGRAMME_OFFER: "LISTING",
  PROGRAMME_RECORD: "PROGRAMME",
  DISENGAGEMENT_EVALUATE: "INTELLIGENCE",
  INCIDENT_RECORD: "OBSERVATIONS",
  RELEASE_PREPARE: "RELEASE",
  CONDITION_SUPERVISE: "RELEASE",
  HAND_OVER: "FOLLOW_UP",
  MEETING_RECORD: null,
  COMMON_DATABASE_RECORD: "FOLLOW_UP",
  OUTCOME_RECORD: "FOLLOW_UP",
};

/**
 * Whether the actor's agency kind and roles allow an action at all. On an existing person the
 * actor also needs `mayFeed` on the class the action feeds. Fails closed.
 */
export function mayPerform(actor: Pick<ActorProfile, "agencyKind" | "roles">, action: CaseAction): boolean {
  const roles = CASE_ACTION_RULES[action][actor.agencyKind];
  return roles !== undefined && actor.roles.some((role) => roles.includes(role));
}

export function isAdministrator(actor: Pick<ActorProfile, "agencyKind" | "roles">): boolean {
  return actor.agencyKind === "PLATFORM" && actor.roles.includes("ADMIN");
}

/** Oversight and the data-protection officer read the audit trail and review break-the-glass access. */
export function isAuditReviewer(actor: Pick<ActorProfile, "agencyKind" | "roles">): boolean {
  return (
    (actor.agencyKind === "OVERSIGHT" || actor.agencyKind === "DATA_PROTECTION") &&
    actor.roles.includes("REVIEWER")
  );
}

/**
 * The national counts of the CelEx and intelligence lists (no person) are for those who already
 * read both lists for every inmate: a count taken on two days around one admission or release
 * would otherwise tell whether that person was on a list. Statisticians get aggregates with
 * small-cell suppression instead (the analytics capability).
 */
export function mayReadListFigures(actor: Pick<ActorProfile, "agencyKind" | "roles">): boolean {
  const inPrison = visibilityOf(actor).IN_PRISON;
  return (
    inPrison.places.includes("ANY") &&
    inPrison.classes.includes("LISTING") &&
    inPrison.classes.includes("INTELLIGENCE")
  );
}

/**
 * Whether the actor may count the persons held in a unit of an establishment day by day: only those
 * who read the detention data of every inmate held there (a count over a few days around one
 * person's move would otherwise tell when that person was placed there).
 */
export function mayCountUnitOccupancy(
  actor: Pick<ActorProfile, "agencyKind" | "roles" | "establishmentId">,
  establishmentId: string,
): boolean {
  const inPrison = visibilityOf(actor).IN_PRISON;
  if (!inPrison.classes.includes("DETENTION")) return false;
  return (
    inPrison.places.includes("ANY") ||
    (inPrison.places.includes("OWN_ESTABLISHMENT") && actor.establishmentId === establishmentId)
  );
}

/**
 * The data-protection officer answers the supervisory authority's access requests: the export of
 * everything held on one person, and the approval of retention deletions. Each use is audited.
 */
export function isDataProtectionOfficer(actor: Pick<ActorProfile, "agencyKind" | "roles">): boolean {
  return actor.agencyKind === "DATA_PROTECTION" && actor.roles.includes("REVIEWER");
}

/**
 * Whether a logged-in user may use the query explorer and read the API's schema (introspection):
 * those who may ask for figures, that is readers of cases (over the cases they may read) and
 * statisticians (every case, small counts suppressed), as `analyticsScopeOf` decides. API tokens
 * (integrators) read the schema whatever their account; administrators and oversight, who see no
 * case and count nothing, do not.
 */
export function mayExploreSchema(actor: Pick<ActorProfile, "agencyKind" | "roles">): boolean {
  return (
    Object.values(visibilityOf(actor)).some((stage) => stage.places.length > 0) ||
    actor.roles.includes("STATISTICIAN")
  );
}
