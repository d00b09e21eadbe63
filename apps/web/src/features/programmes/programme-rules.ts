import {
  type CaseAction,
  type DataClass,
  isFinalProgrammeStatus,
  nextProgrammeStatuses,
  type ProgrammeStatus,
} from "@continuum/domain";
import { levelOf, type PersonAccessLike } from "../access/capabilities";

/**
 * What a viewer may record on a case's programmes, evaluations and incidents, from what the API
 * says (`viewer.caseActions`, `Person.access`). The API decides; the portal only offers what it
 * would accept. Server-side only (it uses the domain package, which stays out of the browser): the
 * forms get the results as props.
 */

interface ProgrammeViewer {
  caseActions?: readonly CaseAction[];
  user: { agency: { id: string } };
}

/** The forms of one case file's three sections. */
export interface ProgrammeForms {
  /** CelEx offers a programme (consult-and-feed on LISTING, a detained person, none running). */
  offer: boolean;
  /** The provider records the course of the participations it runs (consult-and-feed on PROGRAMME). */
  record: boolean;
  /** The threat-analysis body records an evaluation (consult-and-feed on INTELLIGENCE). */
  evaluate: boolean;
  /** Prison staff record an incident (consult-and-feed on OBSERVATIONS). */
  incident: boolean;
}

export const NO_PROGRAMME_FORMS: ProgrammeForms = {
  offer: false,
  record: false,
  evaluate: false,
  incident: false,
};

/**
 * Recording needs the action and consult-and-feed on the class it writes; nothing is recorded
 * through break-the-glass (read-only) nor on a past day of the case file (`asOf`).
 */
export function programmeFormsFor(
  viewer: ProgrammeViewer,
  access: PersonAccessLike,
  context: { detained: boolean; running: boolean; asOf: string | null },
): ProgrammeForms {
  if (access.breakGlass || context.asOf !== null) return NO_PROGRAMME_FORMS;
  const allows = (action: CaseAction) => viewer.caseActions?.includes(action) ?? false;
  const feeds = (dataClass: DataClass) => levelOf(access, dataClass) === "FULL";
  return {
    offer: allows("PROGRAMME_OFFER") && feeds("LISTING") && context.detained && !context.running,
    record: allows("PROGRAMME_RECORD") && feeds("PROGRAMME"),
    evaluate: allows("DISENGAGEMENT_EVALUATE") && feeds("INTELLIGENCE"),
    incident: allows("INCIDENT_RECORD") && feeds("OBSERVATIONS"),
  };
}

/** A status the provider may record next, and whether it ends the participation (and its access). */
export interface StatusChoice {
  status: ProgrammeStatus;
  final: boolean;
}

/** The changes that make sense from a participation's current status (none once it ended). */
export function statusChoices(current: ProgrammeStatus): StatusChoice[] {
  return nextProgrammeStatuses(current).map((status) => ({ status, final: isFinalProgrammeStatus(status) }));
}

/**
 * Whether the provider records the course of this participation: its own (the provider running it),
 * still running (no final status yet).
 */
export function recordsParticipation(
  viewer: ProgrammeViewer,
  forms: ProgrammeForms,
  participation: { provider: { id: string } | null; endedOn: string | null },
): boolean {
  return (
    forms.record && participation.endedOn === null && participation.provider?.id === viewer.user.agency.id
  );
}
