import {
  type AgencyKind,
  type CaseAction,
  type DataClass,
  type ImportRecordType,
  mayExploreSchema,
  type Role,
} from "@continuum/domain";
import { type Capability, capabilitiesOf, type ViewerUserLike } from "./capabilities";

/**
 * What the portal shows, decided from what the API says the viewer may see. Pure functions over
 * `viewer.caseAccess` (per case stage: where the viewer sees persons, and which data classes) and
 * `Person.access.classes` (for one case). The API enforces all of it; the portal only avoids asking
 * for what it would refuse, and says so where a part of a case is not available.
 */

export interface StageAccessLike {
  places: readonly string[];
  dataClasses: readonly DataClass[];
}

export interface ViewerLike {
  purpose: { code: string } | null;
  secondFactorEnabled: boolean;
  secondFactorRequired: boolean;
  caseAccess: readonly StageAccessLike[];
  auditReviewer: boolean;
  administrator: boolean;
  /** The kinds of change the viewer's role allows (capabilities.ts). */
  caseActions?: readonly CaseAction[];
  /** The account: its agency decides which work queues it keeps (capabilities.ts). */
  user?: ViewerUserLike;
}

/** The viewer sees persons somewhere (card or more): they have a caseload and can look persons up. */
export function hasCaseAccess(caseAccess: readonly StageAccessLike[]): boolean {
  return caseAccess.some((stage) => stage.places.length > 0);
}

/**
 * Sees persons, but no data class at any stage: the information card only (local cells, mayors).
 * Such a viewer's pages are built from `Person.card` and never ask for guarded fields.
 */
export function isCardOnly(caseAccess: readonly StageAccessLike[]): boolean {
  return hasCaseAccess(caseAccess) && caseAccess.every((stage) => stage.dataClasses.length === 0);
}

/** How a case file is shown to this viewer. Oversight reaches cases through break-the-glass only. */
export function caseFileView(viewer: Pick<ViewerLike, "caseAccess" | "auditReviewer">): "card" | "full" {
  return isCardOnly(viewer.caseAccess) && !viewer.auditReviewer ? "card" : "full";
}

/**
 * Every data class the viewer could read in some case: the classes of every stage, and IDENTITY
 * (which break-the-glass always gives). A class outside this set is never asked for.
 */
export function classesInScope(caseAccess: readonly StageAccessLike[]): Set<DataClass> {
  const classes = new Set<DataClass>(["IDENTITY"]);
  for (const stage of caseAccess) for (const c of stage.dataClasses) classes.add(c);
  return classes;
}

/** The GraphQL variables that switch the guarded parts of a person query on and off. */
export interface ClassSwitches {
  identity: boolean;
  detention: boolean;
  listing: boolean;
  release: boolean;
  clinical: boolean;
  intelligence: boolean;
}

export function classSwitches(caseAccess: readonly StageAccessLike[]): ClassSwitches {
  const scope = classesInScope(caseAccess);
  return {
    identity: scope.has("IDENTITY"),
    detention: scope.has("DETENTION"),
    listing: scope.has("LISTING"),
    release: scope.has("RELEASE"),
    clinical: scope.has("CLINICAL"),
    intelligence: scope.has("INTELLIGENCE"),
  };
}

/** The parts of a case file, and the data classes each needs. */
export const CASE_FILE_SECTIONS = {
  identity: { all: ["IDENTITY"] },
  detention: { all: ["DETENTION"] },
  // Release details sit on the detention episodes, so both classes are needed.
  release: { all: ["RELEASE", "DETENTION"] },
  listing: { all: ["LISTING"] },
  screening: { all: ["LISTING"] },
  timeline: { any: ["DETENTION", "LISTING"] },
  // Reports are OBSERVATIONS or INTELLIGENCE data; each report's handling code narrows it further.
  reports: { any: ["OBSERVATIONS", "INTELLIGENCE"] },
  assessments: { all: ["CLINICAL"] },
  watchlist: { all: ["INTELLIGENCE"] },
  // Recommendations, decisions, regimes and individual security measures.
  decisions: { all: ["MEASURES"] },
  // Disengagement programmes (in summary for CelEx and others; notes for their author).
  programmes: { all: ["PROGRAMME"] },
  // The threat-analysis body's evaluations of signs of disengagement.
  evaluations: { all: ["INTELLIGENCE"] },
  // Incidents in prison.
  incidents: { all: ["OBSERVATIONS"] },
  // Follow-up after release: measures of the local bodies, the common database, outcomes, closure.
  followUp: { all: ["FOLLOW_UP"] },
} as const satisfies Record<string, { all: readonly DataClass[] } | { any: readonly DataClass[] }>;

export type CaseFileSection = keyof typeof CASE_FILE_SECTIONS;

/** Whether a section of the case file may be shown, given the classes of `Person.access`. */
export function sectionVisible(
  section: CaseFileSection,
  classes: readonly { dataClass: DataClass }[],
): boolean {
  const granted = new Set(classes.map((c) => c.dataClass));
  const rule: { all?: readonly DataClass[]; any?: readonly DataClass[] } = CASE_FILE_SECTIONS[section];
  if (rule.all) return rule.all.every((c) => granted.has(c));
  return (rule.any ?? []).some((c) => granted.has(c));
}

export function visibleSections(
  classes: readonly { dataClass: DataClass }[],
): Record<CaseFileSection, boolean> {
  const out = {} as Record<CaseFileSection, boolean>;
  for (const section of Object.keys(CASE_FILE_SECTIONS) as CaseFileSection[])
    out[section] = sectionVisible(section, classes);
  return out;
}

/** The columns and filters of the (non-card) caseload that the viewer's classes allow. */
export function caseloadColumns(caseAccess: readonly StageAccessLike[]): {
  listing: boolean;
  detention: boolean;
} {
  const scope = classesInScope(caseAccess);
  return { listing: scope.has("LISTING"), detention: scope.has("DETENTION") };
}

export type NavigationItem =
  | "caseload"
  | "screening"
  | "reports"
  | "assessments"
  | "lookup"
  | "oversight"
  | "admin"
  | "analytics"
  | "explorer"
  | "imports";

/** The work queues, each shown to the viewers whose capability it serves. */
const QUEUES: readonly [NavigationItem, Capability][] = [
  ["screening", "screen"],
  ["reports", "readReportFeed"],
  ["assessments", "assess"],
];

/** The shell's links: only what the viewer may use. */
export function navigationFor(
  viewer: Pick<ViewerLike, "caseAccess" | "caseActions" | "auditReviewer" | "administrator" | "user">,
) {
  const items: NavigationItem[] = [];
  if (hasCaseAccess(viewer.caseAccess)) {
    items.push("caseload");
    const capabilities = capabilitiesOf(viewer);
    for (const [item, capability] of QUEUES) if (capabilities.has(capability)) items.push(item);
    items.push("lookup");
  }
  if (asksFigures(viewer)) items.push("analytics", "explorer");
  if (mayImport(viewer)) items.push("imports");
  if (viewer.auditReviewer) items.push("oversight");
  if (viewer.administrator) items.push("admin");
  return items;
}

/**
 * May ask the API for figures (`analytics`, and the query explorer, which reads the schema):
 * readers of cases (over the cases they may read) and statisticians (every case, small counts
 * suppressed), as the domain's `mayExploreSchema` decides from the same account; the API refuses
 * everyone else (FORBIDDEN). Without the account, the cases the viewer sees decide.
 */
export function asksFigures(viewer: Pick<ViewerLike, "caseAccess" | "user">): boolean {
  const user = viewer.user;
  if (user === undefined) return hasCaseAccess(viewer.caseAccess);
  return mayExploreSchema({
    agencyKind: user.agency.kind as AgencyKind,
    roles: user.roles as readonly Role[],
  });
}

/**
 * The change each kind of record in a bulk import needs (the API checks the same, with the
 * domain's `mayPerform`): persons are registered, detention episodes and placements are detention
 * records, information reports are filed.
 */
export const IMPORT_ACTIONS: Record<ImportRecordType, CaseAction> = {
  PERSON: "PERSON_REGISTER",
  DETENTION_EPISODE: "DETENTION_RECORD",
  PLACEMENT: "DETENTION_RECORD",
  INFORMATION_REPORT: "REPORT_FILE",
};

/** The kinds of record the viewer may import, in the import form's order (`viewer.caseActions`). */
export function importRecordTypesFor(viewer: Pick<ViewerLike, "caseActions">): ImportRecordType[] {
  return (Object.keys(IMPORT_ACTIONS) as ImportRecordType[]).filter(
    (type) => viewer.caseActions?.includes(IMPORT_ACTIONS[type]) ?? false,
  );
}

/** May import records in bulk (`/imports`): their agency and role allow at least one kind. */
export function mayImport(viewer: Pick<ViewerLike, "caseActions">): boolean {
  return importRecordTypesFor(viewer).length > 0;
}

/**
 * Where a viewer starts: the caseload, else oversight, else administration, else the figures
 * (statisticians, who see no case).
 */
export function homePath(
  viewer: Pick<ViewerLike, "caseAccess" | "auditReviewer" | "administrator" | "user">,
): string {
  if (hasCaseAccess(viewer.caseAccess)) return "/caseload";
  if (viewer.auditReviewer) return "/oversight";
  if (viewer.administrator) return "/admin";
  if (asksFigures(viewer)) return "/analytics";
  return "/caseload";
}

/** Must state a purpose before going on: has none yet, and may open personal data. */
export function needsPurpose(viewer: Pick<ViewerLike, "purpose" | "caseAccess" | "auditReviewer">): boolean {
  return viewer.purpose === null && (hasCaseAccess(viewer.caseAccess) || viewer.auditReviewer);
}

/** Must enrol an authenticator app before personal data opens. */
export function needsSecondFactor(viewer: Pick<ViewerLike, "secondFactorEnabled" | "secondFactorRequired">) {
  return viewer.secondFactorRequired && !viewer.secondFactorEnabled;
}

/** `path` with `?next=<target>` (both locale-less portal paths). */
export function withNext(path: string, next: string | null): string {
  return next === null ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/** The page saying that the API could not answer now, and when to try `next` again. */
export function busyPath(
  busy: { reason: string; retryAfterSeconds: number | null },
  next: string | null,
): string {
  const query = new URLSearchParams({ reason: busy.reason });
  if (busy.retryAfterSeconds !== null) query.set("retryAfter", String(busy.retryAfterSeconds));
  if (next !== null) query.set("next", next);
  return `/busy?${query}`;
}

/**
 * Where to go once logged in (or after a step of it): enrol the second factor when required, then
 * state the purpose, then where the user was going (or their home page).
 */
export function afterLoginPath(viewer: ViewerLike, next: string | null): string {
  const destination = next ?? homePath(viewer);
  if (needsSecondFactor(viewer)) return withNext("/second-factor", destination);
  if (needsPurpose(viewer)) return withNext("/purpose", destination);
  return destination;
}

const LOCALE_PREFIX = /^\/(en|fr|nl)(?=\/|$)/;
const STEPS = /^\/(login|purpose|second-factor|busy)(\/|$)/;
const BASE = "http://portal.invalid";

/**
 * A `next` parameter as a locale-less path inside the portal ("/persons/…?…"), or null when it is
 * missing, points elsewhere (another origin, `//host`, backslashes) or at a login step (no loops).
 * A locale prefix is dropped: the user continues in their own language.
 */
export function safeNextPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw === "" || raw.length > 2000) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname.replace(LOCALE_PREFIX, "");
  if (path === "" || path === "/" || STEPS.test(path)) return null;
  return `${path}${url.search}`;
}
