import type { CaseAction, DataClass } from "@continuum/domain";

/**
 * The pages of "Release and follow-up", from what the API says of the viewer (`caseAccess`,
 * `caseActions`, the agency): the release calendar for those who read the detention and release
 * data of inmates; the conditions a probation house or task force supervises; a local body's
 * workspace; the threat-analysis body's common-database reviews; the data-protection officer's
 * retention and exports. Client-safe (types only).
 */
interface FollowUpViewer {
  caseAccess: readonly { stage: string; places: readonly string[]; dataClasses: readonly DataClass[] }[];
  caseActions?: readonly CaseAction[] | null;
  user: { roles: readonly string[]; agency: { kind: string } };
}

export type FollowUpPage = "releases" | "conditions" | "local" | "commonDatabase" | "dataProtection";

const allows = (viewer: FollowUpViewer, action: CaseAction) => viewer.caseActions?.includes(action) ?? false;

function readsInPrison(viewer: FollowUpViewer, ...classes: DataClass[]): boolean {
  return viewer.caseAccess.some(
    (stage) =>
      stage.stage === "IN_PRISON" &&
      stage.places.length > 0 &&
      classes.every((dataClass) => stage.dataClasses.includes(dataClass)),
  );
}

const MAY_USE: Record<FollowUpPage, (viewer: FollowUpViewer) => boolean> = {
  releases: (viewer) => readsInPrison(viewer, "DETENTION", "RELEASE"),
  conditions: (viewer) => allows(viewer, "CONDITION_SUPERVISE"),
  local: (viewer) => allows(viewer, "MEETING_RECORD"),
  commonDatabase: (viewer) => allows(viewer, "COMMON_DATABASE_RECORD"),
  dataProtection: (viewer) =>
    viewer.user.agency.kind === "DATA_PROTECTION" && viewer.user.roles.includes("REVIEWER"),
};

export function mayUseFollowUpPage(viewer: FollowUpViewer, page: FollowUpPage): boolean {
  return MAY_USE[page](viewer);
}

/** The pages the viewer may use, in the navigation's order. */
export function followUpPagesFor(viewer: FollowUpViewer): FollowUpPage[] {
  return (Object.keys(MAY_USE) as FollowUpPage[]).filter((page) => MAY_USE[page](viewer));
}

export const FOLLOW_UP_PATHS: Record<FollowUpPage, string> = {
  releases: "/releases",
  conditions: "/conditions",
  local: "/local",
  commonDatabase: "/common-database",
  dataProtection: "/data-protection",
};
