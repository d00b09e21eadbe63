import type { AgencyKind, JudicialDistrict, Language, LanguageCommunity, Role } from "@continuum/domain";

/** Demo agencies. Prisons and agencies are public institutions; every person in them is fictional. */
export interface DemoAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  /** Key of an establishment in the population plan, for prisons and psychosocial services. */
  establishmentKey?: string;
  judicialDistrict?: JudicialDistrict;
  municipality?: string;
  language: Language;
  roles: Role[];
  /** A disengagement service: the language communities it takes on. */
  languageCommunities?: LanguageCommunity[];
}

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    code: "celex",
    name: "Extremism Cell (CelEx), DG EPI",
    kind: "CELEX",
    language: "FR",
    roles: ["ANALYST", "STATISTICIAN"],
  },
  {
    code: "dgepi",
    name: "Directorate General of Prison Establishments",
    kind: "DG_EPI",
    language: "FR",
    roles: ["DIRECTOR"],
  },
  {
    code: "prison-ittre",
    name: "Prison of Ittre",
    kind: "PRISON",
    establishmentKey: "ittre",
    language: "FR",
    roles: ["DIRECTOR", "OFFICER"],
  },
  {
    code: "prison-hasselt",
    name: "Gevangenis Hasselt",
    kind: "PRISON",
    establishmentKey: "hasselt",
    language: "NL",
    roles: ["DIRECTOR", "OFFICER"],
  },
  {
    code: "psd-ittre",
    name: "Psychosocial service, Prison of Ittre",
    kind: "PSYCHOSOCIAL_SERVICE",
    establishmentKey: "ittre",
    language: "FR",
    roles: ["PSYCHOLOGIST"],
  },
  {
    code: "psd-hasselt",
    name: "Psychosociale dienst, Gevangenis Hasselt",
    kind: "PSYCHOSOCIAL_SERVICE",
    establishmentKey: "hasselt",
    language: "NL",
    roles: ["PSYCHOLOGIST"],
  },
  {
    code: "vsse",
    name: "State Security (VSSE)",
    kind: "INTELLIGENCE",
    language: "EN",
    roles: ["OFFICER", "ANALYST"],
  },
  { code: "police", name: "Federal Police", kind: "POLICE", language: "EN", roles: ["OFFICER"] },
  {
    code: "prosecutor",
    name: "Federal Prosecutor's Office",
    kind: "PROSECUTOR",
    language: "EN",
    roles: ["OFFICER"],
  },
  {
    code: "cuta",
    name: "Coordination Unit for Threat Analysis (CUTA)",
    kind: "THREAT_ANALYSIS",
    language: "EN",
    roles: ["ANALYST", "STATISTICIAN"],
  },
  {
    code: "caprev",
    name: "CAPREV (French-speaking disengagement service)",
    kind: "DISENGAGEMENT_SERVICE",
    language: "FR",
    roles: ["COUNSELLOR"],
    languageCommunities: ["FR", "DE"],
  },
  {
    code: "flemish-disengagement",
    name: "Flemish disengagement experts",
    kind: "DISENGAGEMENT_SERVICE",
    language: "NL",
    roles: ["COUNSELLOR"],
    languageCommunities: ["NL"],
  },
  {
    code: "probation-brussels",
    name: "House of Justice, Brussels",
    kind: "PROBATION",
    judicialDistrict: "BRUSSELS",
    language: "FR",
    roles: ["OFFICER"],
  },
  {
    code: "ltf-brussels",
    name: "Local Task Force Brussels",
    kind: "LOCAL_TASK_FORCE",
    judicialDistrict: "BRUSSELS",
    language: "FR",
    roles: ["MEMBER", "CHAIR"],
  },
  {
    code: "ltf-antwerp",
    name: "Local Task Force Antwerpen",
    kind: "LOCAL_TASK_FORCE",
    judicialDistrict: "ANTWERP",
    language: "NL",
    roles: ["MEMBER"],
  },
  {
    code: "lcis-molenbeek",
    name: "LCIS Molenbeek-Saint-Jean",
    kind: "LOCAL_CELL",
    municipality: "Molenbeek-Saint-Jean",
    language: "FR",
    roles: ["MEMBER", "CHAIR"],
  },
  {
    code: "lcis-antwerpen",
    name: "LIVC Antwerpen",
    kind: "LOCAL_CELL",
    municipality: "Antwerpen",
    language: "NL",
    roles: ["MEMBER"],
  },
  {
    code: "oversight",
    name: "Standing Intelligence Agencies Review Committee",
    kind: "OVERSIGHT",
    language: "EN",
    roles: ["REVIEWER"],
  },
  {
    code: "dpo",
    name: "Data Protection Officer, FPS Justice",
    kind: "DATA_PROTECTION",
    language: "EN",
    roles: ["REVIEWER"],
  },
  {
    code: "platform",
    name: "Continuum platform administration",
    kind: "PLATFORM",
    language: "EN",
    roles: ["ADMIN"],
  },
];

export const DEMO_EMAIL_DOMAIN = "continuum.example";

export interface DemoUser {
  email: string;
  agencyCode: string;
  roles: Role[];
  displayName: string;
  language: Language;
  isServiceAccount: boolean;
}

/** One account per agency and role, `<agency>.<role>@continuum.example`; the administrator is `admin@…`. */
export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = DEMO_AGENCIES.flatMap((agency) =>
    agency.roles.map((role) => ({
      email:
        agency.kind === "PLATFORM"
          ? `admin@${DEMO_EMAIL_DOMAIN}`
          : `${agency.code}.${role.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
      agencyCode: agency.code,
      roles: [role],
      displayName: `Demo ${role.toLowerCase()} — ${agency.name}`,
      language: agency.language,
      isServiceAccount: false,
    })),
  );
  users.push({
    email: `celex.integration@${DEMO_EMAIL_DOMAIN}`,
    agencyCode: "celex",
    roles: ["ANALYST"],
    displayName: "Demo service account — prison management system integration",
    language: "EN",
    isServiceAccount: true,
  });
  return users;
}
