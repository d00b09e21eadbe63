import type { CaseAction, ClassLevel, DataClass } from "@continuum/domain";

/**
 * What a viewer may record, and which work queues serve them. The API decides (`mayPerform` and
 * `mayFeed` in packages/domain) and tells the viewer which changes their role allows
 * (`viewer.caseActions`); the portal only offers what would be accepted.
 */

/** The account as the viewer query describes it. */
export interface ViewerUserLike {
  roles: readonly string[];
  agency: { kind: string };
}

interface CapabilityViewer {
  caseAccess: readonly { places: readonly string[]; dataClasses: readonly DataClass[] }[];
  caseActions?: readonly CaseAction[];
  user?: ViewerUserLike;
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
  const allows = (action: CaseAction) => viewer.caseActions?.includes(action) ?? false;
  if (allows("SCREENING_RECORD") && readsSomewhere(viewer, "LISTING")) out.add("screen");
  if (
    user.agency.kind === "CELEX" &&
    allows("REPORT_FILE") &&
    readsSomewhere(viewer, "OBSERVATIONS", "INTELLIGENCE")
  )
    out.add("readReportFeed");
  if (allows("ASSESSMENT_RECORD") && readsSomewhere(viewer, "CLINICAL")) out.add("assess");
  if (allows("REPORT_FILE")) out.add("fileReports");
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
