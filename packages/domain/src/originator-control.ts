import { type ActorProfile, mayRead, type PersonAccess, visibilityOf } from "./access.js";
import { defineEnum, type EnumValue } from "./enum.js";

/** How far an originator lets a report or assessment travel (docs/access.md, "Originator control"). */
export const HandlingCode = defineEnum([
  "SHARE_LAW_ENFORCEMENT",
  "SHARE_WITH_CONDITIONS",
  "ORIGINATOR_ONLY",
  "NO_FURTHER_DISSEMINATION",
] as const);
export type HandlingCode = EnumValue<typeof HandlingCode>;

export const HANDLING_CODE_DESCRIPTIONS: Record<HandlingCode, string> = {
  SHARE_LAW_ENFORCEMENT: "Agencies whose access includes the report's data class may read it.",
  SHARE_WITH_CONDITIONS:
    "As above, with the originator's conditions shown; each read is logged as a disclosure.",
  ORIGINATOR_ONLY: "The originating agency only, and CelEx for reports on CelEx inmates.",
  NO_FURTHER_DISSEMINATION: "The originating agency and the agency it was addressed to.",
};

export const Classification = defineEnum(["UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"] as const);
export type Classification = EnumValue<typeof Classification>;

export const CLASSIFICATION_DESCRIPTIONS: Record<Classification, string> = {
  UNCLASSIFIED: "Not classified: an observation or information that may be shared under the matrix.",
  RESTRICTED: "Restricted: intelligence data (the INTELLIGENCE class).",
  CONFIDENTIAL: "Confidential: intelligence data (the INTELLIGENCE class).",
  SECRET: "Secret: intelligence data (the INTELLIGENCE class).",
};

/** What a report says about its origin and handling. */
export interface ReportMarking {
  originatorAgencyId: string;
  /** The agency a NO_FURTHER_DISSEMINATION report was addressed to. */
  addressedToAgencyId: string | null;
  handlingCode: HandlingCode;
  dataClass: "OBSERVATIONS" | "INTELLIGENCE" | "CLINICAL";
}

export type Reader = Pick<ActorProfile, "agencyId" | "agencyKind" | "roles">;

export interface Disclosure {
  /** The reader may read the report. */
  allowed: boolean;
  /** The read is a disclosure to another agency: logged with the recipient. */
  isDisclosure: boolean;
}

const NOT_ALLOWED: Disclosure = { allowed: false, isDisclosure: false };

/** Whether the reader's role works with cases at all (a row of the matrix); statisticians do not. */
function hasCaseRole(reader: Reader): boolean {
  return Object.values(visibilityOf(reader)).some((stage) => stage.places.length > 0);
}

/**
 * Whether a reader may read a report, under the originator's handling code and the reader's access
 * to the person (the matrix). The originating agency's case staff always read its reports; anyone
 * else never reads more than the matrix gives them, and often less. A statistician of the
 * originating agency, who has no case, reads none.
 */
export function disclosureOf(
  report: ReportMarking,
  reader: Reader,
  access: PersonAccess,
  personIsCelexInmate: boolean,
): Disclosure {
  if (reader.agencyId === report.originatorAgencyId && hasCaseRole(reader))
    return { allowed: true, isDisclosure: false };
  if (!mayRead(access, report.dataClass)) return NOT_ALLOWED;
  switch (report.handlingCode) {
    case "SHARE_LAW_ENFORCEMENT":
    case "SHARE_WITH_CONDITIONS":
      return { allowed: true, isDisclosure: true };
    case "ORIGINATOR_ONLY":
      return reader.agencyKind === "CELEX" && personIsCelexInmate
        ? { allowed: true, isDisclosure: true }
        : NOT_ALLOWED;
    case "NO_FURTHER_DISSEMINATION":
      return reader.agencyId === report.addressedToAgencyId
        ? { allowed: true, isDisclosure: true }
        : NOT_ALLOWED;
  }
}
