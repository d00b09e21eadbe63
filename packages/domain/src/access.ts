import type { AgencyKind, JudicialDistrict, Role } from "./agency.js";
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
  agencyKind: AgencyKind;
  roles: readonly Role[];
  /** The establishment of a prison or psychosocial-service agency. */
  establishmentId: string | null;
  /** The judicial district of a Local Task Force or a probation house. */
  judicialDistrict: JudicialDistrict | null;
  /** The municipality of a Local Cell for Integral Security. */
  municipality: string | null;
}

/**
 * Which persons an actor may see at all. Anything outside the scope does not exist for the actor.
 * - ALL: every person in Continuum (national bodies that screen, decide or analyse);
 * - ESTABLISHMENT: persons currently placed in the actor's establishment;
 * - RELEASED_IN_DISTRICT / RELEASED_IN_MUNICIPALITY: persons released into the actor's area;
 * - NONE: no case content (oversight, platform administration, or a rule that is missing).
 */
export type PersonScope =
  | { kind: "ALL" }
  | { kind: "ESTABLISHMENT"; establishmentId: string }
  | { kind: "RELEASED_IN_DISTRICT"; judicialDistrict: JudicialDistrict }
  | { kind: "RELEASED_IN_MUNICIPALITY"; municipality: string }
  | { kind: "NONE" };

const NONE: PersonScope = { kind: "NONE" };

/** The person scope of an actor. Fails closed: an agency kind without a rule, or missing place data, sees nothing. */
export function personScope(actor: ActorProfile): PersonScope {
  switch (actor.agencyKind) {
    case "CELEX":
    case "DG_EPI":
    case "INTELLIGENCE":
    case "THREAT_ANALYSIS":
    case "PROSECUTOR":
    case "POLICE":
      return { kind: "ALL" };
    case "PRISON":
    case "PSYCHOSOCIAL_SERVICE":
      return actor.establishmentId === null
        ? NONE
        : { kind: "ESTABLISHMENT", establishmentId: actor.establishmentId };
    case "LOCAL_TASK_FORCE":
    case "PROBATION":
      return actor.judicialDistrict === null
        ? NONE
        : { kind: "RELEASED_IN_DISTRICT", judicialDistrict: actor.judicialDistrict };
    case "LOCAL_CELL":
      return actor.municipality === null
        ? NONE
        : { kind: "RELEASED_IN_MUNICIPALITY", municipality: actor.municipality };
    default:
      return NONE;
  }
}

/** Changes to case records, each allowed to a fixed set of agency kinds and roles. */
export const CaseAction = defineEnum(["PERSON_REGISTER", "DETENTION_RECORD", "SCREENING_RECORD"] as const);
export type CaseAction = EnumValue<typeof CaseAction>;

const CASE_ACTION_RULES: Record<CaseAction, Partial<Record<AgencyKind, readonly Role[]>>> = {
  PERSON_REGISTER: { CELEX: ["ANALYST"], PRISON: ["DIRECTOR", "OFFICER"] },
  DETENTION_RECORD: { CELEX: ["ANALYST"], DG_EPI: ["DIRECTOR"], PRISON: ["DIRECTOR", "OFFICER"] },
  SCREENING_RECORD: { CELEX: ["ANALYST"] },
};

/**
 * Whether the actor's agency kind and roles allow an action at all. The person must also be in the
 * actor's scope (personScope), which the caller checks on the record itself. Fails closed.
 */
export function mayPerform(actor: Pick<ActorProfile, "agencyKind" | "roles">, action: CaseAction): boolean {
  const roles = CASE_ACTION_RULES[action][actor.agencyKind];
  return roles !== undefined && actor.roles.some((role) => roles.includes(role));
}

export function isAdministrator(actor: Pick<ActorProfile, "agencyKind" | "roles">): boolean {
  return actor.agencyKind === "PLATFORM" && actor.roles.includes("ADMIN");
}
