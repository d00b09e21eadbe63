import type { CaseAction, DataClass } from "@continuum/domain";

/**
 * The disengagement service's own page: its caseload of running participations, for viewers who
 * record programmes (PROGRAMME_RECORD) and read PROGRAMME data somewhere. Client-safe (types only).
 */
interface ProgrammeViewer {
  caseAccess: readonly { places: readonly string[]; dataClasses: readonly DataClass[] }[];
  caseActions?: readonly CaseAction[];
}

export type ProgrammePage = "programmes";

export function mayUseProgrammeCaseload(viewer: ProgrammeViewer): boolean {
  return (
    (viewer.caseActions?.includes("PROGRAMME_RECORD") ?? false) &&
    viewer.caseAccess.some((stage) => stage.places.length > 0 && stage.dataClasses.includes("PROGRAMME"))
  );
}

/** The pages of "Disengagement programmes" the viewer may use, in the navigation's order. */
export function programmePagesFor(viewer: ProgrammeViewer): ProgrammePage[] {
  return mayUseProgrammeCaseload(viewer) ? ["programmes"] : [];
}
