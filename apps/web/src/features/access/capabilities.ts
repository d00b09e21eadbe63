import type { AgencyKind, CaseAction, ClassLevel, DataClass, Role } from "@continuum/domain";

/**
 * What a viewer may record, and which work queues serve them. The API decides (`mayPerform` and
 * `mayFeed` in packages/domain); the portal only offers what would be accepted. The rules are
 * repeated here as data, without importing the domain package at run time (client components
 * import this module through access.ts); a unit test checks that they match the domain's.
 */

/** The account as the viewer query describes it. */
export interface ViewerUserLike {
  roles: readonly string[];
  agency: { kind: string };
}

interface CapabilityViewer {
  caseAccess: readonly { places: readonly string[]; dataClasses: readonly DataClass[] }[];
  user?: ViewerUserLike;
}

/** The actions of the case work the portal offers (a subset of the domain's CaseAction). */
export const PORTAL_ACTION_RULES = {
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
} as const satisfies Partial<Record<CaseAction, Partial<Record<AgencyKind, readonly Role[]>>>>;

export type PortalAction = keyof typeof PORTAL_ACTION_RULES;

/** Whether the agency kind and roles allow an action at all (the domain's `mayPerform`). */
export function allows(user: ViewerUserLike | undefined, action: PortalAction): boolean {
  if (user === undefined) return false;
  const rules: Partial<Record<string, readonly string[]>> = PORTAL_ACTION_RULES[action];
  const roles = rules[user.agency.kind];
  return roles !== undefined && user.roles.some((role) => roles.includes(role));
}

/**
 * - `screen`: record CelEx screenings and keep the screening queue (CelEx analysts, who feed LISTING);
 * - `readReportFeed`: CelEx's feed of new information reports on its inmates;
 * - `assess`: record risk assessments and keep the reassessment queue (the psychosocial service);
 * - `fileReports`: file information reports on persons the viewer knows of.
 */
export type Capability = "screen" | "readReportFeed" | "assess" | "fileReports";

function readsSomewhere(viewer: CapabilityViewer, ...classes: DataClass[]): boolean {
  return viewer.caseAccess.some(
    (stage) => stage.places.length > 0 && stage.dataClasses.some((c) => classes.includes(c)),
  );
}

export function capabilitiesOf(viewer: CapabilityViewer): Set<Capability> {
  const out = new Set<Capability>();
  const user = viewer.user;
  if (user === undefined || !viewer.caseAccess.some((stage) => stage.places.length > 0)) return out;
  if (allows(user, "SCREENING_RECORD") && readsSomewhere(viewer, "LISTING")) out.add("screen");
  if (
    user.agency.kind === "CELEX" &&
    allows(user, "REPORT_FILE") &&
    readsSomewhere(viewer, "OBSERVATIONS", "INTELLIGENCE")
  )
    out.add("readReportFeed");
  if (allows(user, "ASSESSMENT_RECORD") && readsSomewhere(viewer, "CLINICAL")) out.add("assess");
  if (allows(user, "REPORT_FILE")) out.add("fileReports");
  return out;
}

/** A person's `access`, as the case file reads it. */
export interface PersonAccessLike {
  breakGlass: boolean;
  classes: readonly { dataClass: DataClass; level: ClassLevel }[];
}

export function levelOf(access: PersonAccessLike, dataClass: DataClass): ClassLevel | null {
  return access.classes.find((c) => c.dataClass === dataClass)?.level ?? null;
}

/** The forms of one case file: what the viewer may record on this person. */
export interface CaseForms {
  screening: boolean;
  report: boolean;
  assessment: boolean;
}

/**
 * Recording needs the capability and, on this case, FULL access to the class it feeds (a report
 * only needs to know of the person); nothing is recorded through break-the-glass (read-only).
 */
export function caseFormsFor(capabilities: ReadonlySet<Capability>, access: PersonAccessLike): CaseForms {
  if (access.breakGlass) return { screening: false, report: false, assessment: false };
  return {
    screening: capabilities.has("screen") && levelOf(access, "LISTING") === "FULL",
    report: capabilities.has("fileReports"),
    assessment: capabilities.has("assess") && levelOf(access, "CLINICAL") === "FULL",
  };
}
