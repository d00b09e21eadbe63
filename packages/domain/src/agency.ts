import { defineEnum, type EnumValue } from "./enum.js";

/** The kinds of organisation that use Continuum. Each agency row has exactly one kind. */
export const AgencyKind = defineEnum([
  "CELEX",
  "DG_EPI",
  "PRISON",
  "PSYCHOSOCIAL_SERVICE",
  "INTELLIGENCE",
  "POLICE",
  "PROSECUTOR",
  "THREAT_ANALYSIS",
  "DISENGAGEMENT_SERVICE",
  "PROBATION",
  "LOCAL_TASK_FORCE",
  "LOCAL_CELL",
  "OVERSIGHT",
  "DATA_PROTECTION",
  "PLATFORM",
] as const);
export type AgencyKind = EnumValue<typeof AgencyKind>;

export const AGENCY_KIND_DESCRIPTIONS: Record<AgencyKind, string> = {
  CELEX: "Extremism Cell (CelEx) of the prison administration: screens inmates and keeps the CelEx list.",
  DG_EPI: "Directorate General of Prison Establishments: takes regime and measure decisions.",
  PRISON: "A prison establishment's management and staff.",
  PSYCHOSOCIAL_SERVICE: "A prison's psychosocial service: risk assessments and clinical follow-up.",
  INTELLIGENCE: "State Security (VSSE) and its prison unit: classified intelligence.",
  POLICE: "Federal or local police.",
  PROSECUTOR: "Federal prosecutor's office.",
  THREAT_ANALYSIS: "Coordination Unit for Threat Analysis (CUTA/OCAM): common database, evaluations.",
  DISENGAGEMENT_SERVICE: "Disengagement service (CAPREV, the Flemish experts) running voluntary programmes.",
  PROBATION: "Probation (house of justice) following release conditions.",
  LOCAL_TASK_FORCE: "Local Task Force of a judicial district: post-release security follow-up.",
  LOCAL_CELL: "Local Cell for Integral Security of a municipality: socio-preventive support.",
  OVERSIGHT: "Oversight committee: reviews access and proportionality.",
  DATA_PROTECTION: "Data-protection officer.",
  PLATFORM: "Continuum's own administrators: accounts and tokens, no case content.",
};

/** What a user does inside their agency. A user may hold several roles. */
export const Role = defineEnum([
  "ANALYST",
  "DIRECTOR",
  "OFFICER",
  "PSYCHOLOGIST",
  "COUNSELLOR",
  "MEMBER",
  "CHAIR",
  "REVIEWER",
  "STATISTICIAN",
  "ADMIN",
] as const);
export type Role = EnumValue<typeof Role>;

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ANALYST: "Case analyst (for example a CelEx analyst or a CUTA analyst).",
  DIRECTOR: "Director: a prison director or the Director General; takes decisions.",
  OFFICER: "Officer: prison staff, police or intelligence officer, probation officer.",
  PSYCHOLOGIST: "Psychologist or social worker of a psychosocial service.",
  COUNSELLOR: "Counsellor of a disengagement service.",
  MEMBER: "Member of a Local Task Force or a Local Cell for Integral Security.",
  CHAIR: "Chair of a local body (the mayor for an LCIS).",
  REVIEWER: "Oversight reviewer or data-protection officer: reads the audit trail.",
  STATISTICIAN: "May run aggregate figures and trends.",
  ADMIN: "Platform administrator: manages users and API tokens.",
};

/** The roles an agency kind may grant; anything else is refused when a user is created. */
export const ROLES_BY_AGENCY_KIND: Record<AgencyKind, readonly Role[]> = {
  CELEX: ["ANALYST", "STATISTICIAN"],
  DG_EPI: ["DIRECTOR", "ANALYST", "STATISTICIAN"],
  PRISON: ["DIRECTOR", "OFFICER"],
  PSYCHOSOCIAL_SERVICE: ["PSYCHOLOGIST"],
  INTELLIGENCE: ["OFFICER", "ANALYST"],
  POLICE: ["OFFICER"],
  PROSECUTOR: ["OFFICER"],
  THREAT_ANALYSIS: ["ANALYST", "STATISTICIAN"],
  DISENGAGEMENT_SERVICE: ["COUNSELLOR"],
  PROBATION: ["OFFICER"],
  LOCAL_TASK_FORCE: ["MEMBER", "CHAIR"],
  LOCAL_CELL: ["MEMBER", "CHAIR"],
  OVERSIGHT: ["REVIEWER"],
  DATA_PROTECTION: ["REVIEWER"],
  PLATFORM: ["ADMIN"],
};

export function roleAllowedForAgency(kind: AgencyKind, role: Role): boolean {
  return ROLES_BY_AGENCY_KIND[kind].includes(role);
}

/** Portal languages. */
export const Language = defineEnum(["EN", "FR", "NL"] as const);
export type Language = EnumValue<typeof Language>;

/** The twelve judicial districts (arrondissements judiciaires / gerechtelijke arrondissementen) since 2014. */
export const JudicialDistrict = defineEnum([
  "ANTWERP",
  "LIMBURG",
  "EAST_FLANDERS",
  "WEST_FLANDERS",
  "LEUVEN",
  "BRUSSELS",
  "WALLOON_BRABANT",
  "HAINAUT",
  "LIEGE",
  "NAMUR",
  "LUXEMBOURG",
  "EUPEN",
] as const);
export type JudicialDistrict = EnumValue<typeof JudicialDistrict>;
