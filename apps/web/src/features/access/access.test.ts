import {
  AgencyKind,
  analyticsScopeOf,
  CaseAction,
  ImportRecordType,
  mayExploreSchema,
  mayPerform,
  ROLES_BY_AGENCY_KIND,
  visibilityOf,
} from "@continuum/domain";
import { describe, expect, it } from "vitest";
import {
  afterLoginPath,
  asksFigures,
  busyPath,
  caseFileView,
  caseloadColumns,
  classSwitches,
  hasCaseAccess,
  homePath,
  importRecordTypesFor,
  isCardOnly,
  mayImport,
  navigationFor,
  needsPurpose,
  safeNextPath,
  sectionVisible,
  type ViewerLike,
  visibleSections,
} from "./access";

const none = { places: [], dataClasses: [] };
/** lcis-molenbeek.member: released persons of the municipality, card only. */
const localCell = [{ ...none }, { places: ["OWN_MUNICIPALITY"], dataClasses: [] }, { ...none }] as const;
/** prison-hasselt.officer: inmates of the own prison. */
const prisonOfficer = [
  { places: ["OWN_ESTABLISHMENT"], dataClasses: ["DETENTION", "IDENTITY", "LISTING"] },
  { ...none },
  { ...none },
] as const;
/** police.officer: released persons, without detention data. */
const police = [
  { ...none },
  { places: ["ANY"], dataClasses: ["IDENTITY", "LISTING", "RELEASE"] },
  { ...none },
] as const;
const nobody = [{ ...none }, { ...none }, { ...none }] as const;

function viewer(overrides: Partial<ViewerLike>): ViewerLike {
  return {
    purpose: { code: "CASE_MANAGEMENT" },
    secondFactorEnabled: false,
    secondFactorRequired: false,
    caseAccess: prisonOfficer,
    auditReviewer: false,
    administrator: false,
    ...overrides,
  };
}

describe("card-only viewers", () => {
  it("are those who see persons but no data class at any stage", () => {
    expect(isCardOnly(localCell)).toBe(true);
    expect(isCardOnly(prisonOfficer)).toBe(false);
    expect(isCardOnly(police)).toBe(false);
  });
  it("do not include those who see nobody (oversight, administrators)", () => {
    expect(hasCaseAccess(nobody)).toBe(false);
    expect(isCardOnly(nobody)).toBe(false);
  });
  it("get the card view of a case file; oversight gets the sections its grant allows", () => {
    expect(caseFileView({ caseAccess: localCell, auditReviewer: false })).toBe("card");
    expect(caseFileView({ caseAccess: prisonOfficer, auditReviewer: false })).toBe("full");
    expect(caseFileView({ caseAccess: nobody, auditReviewer: true })).toBe("full");
  });
});

describe("classSwitches and caseloadColumns", () => {
  it("ask only for classes the viewer can read somewhere, always identity", () => {
    expect(classSwitches(prisonOfficer)).toEqual({
      identity: true,
      detention: true,
      listing: true,
      release: false,
      clinical: false,
      intelligence: false,
    });
    expect(classSwitches(police)).toEqual({
      identity: true,
      detention: false,
      listing: true,
      release: true,
      clinical: false,
      intelligence: false,
    });
    expect(classSwitches(nobody)).toEqual({
      identity: true,
      detention: false,
      listing: false,
      release: false,
      clinical: false,
      intelligence: false,
    });
  });
  it("hide caseload columns of classes out of scope", () => {
    expect(caseloadColumns(prisonOfficer)).toEqual({ listing: true, detention: true });
    expect(caseloadColumns(police)).toEqual({ listing: true, detention: false });
  });
});

describe("case-file sections", () => {
  const classes = (...names: string[]) => names.map((dataClass) => ({ dataClass }) as { dataClass: never });
  it("follow the classes of Person.access", () => {
    expect(visibleSections(classes("IDENTITY", "DETENTION", "LISTING"))).toEqual({
      identity: true,
      detention: true,
      release: false,
      listing: true,
      screening: true,
      timeline: true,
      reports: false,
      assessments: false,
      watchlist: false,
      decisions: false,
      programmes: false,
      evaluations: false,
      incidents: false,
      followUp: false,
    });
    expect(visibleSections(classes("OBSERVATIONS", "CLINICAL", "MEASURES"))).toMatchObject({
      reports: true,
      assessments: true,
      watchlist: false,
      decisions: true,
      incidents: true,
      evaluations: false,
    });
    expect(visibleSections(classes("PROGRAMME", "INTELLIGENCE"))).toMatchObject({
      programmes: true,
      evaluations: true,
      watchlist: true,
      incidents: false,
    });
  });
  it("need every class of an `all` rule, one class of an `any` rule", () => {
    expect(sectionVisible("release", classes("RELEASE"))).toBe(false);
    expect(sectionVisible("release", classes("RELEASE", "DETENTION"))).toBe(true);
    expect(sectionVisible("timeline", classes("LISTING"))).toBe(true);
    expect(sectionVisible("timeline", classes("IDENTITY"))).toBe(false);
    expect(sectionVisible("followUp", classes("FOLLOW_UP"))).toBe(true);
  });
  it("show nothing but identity under an oversight grant", () => {
    const shown = Object.entries(visibleSections(classes("IDENTITY")))
      .filter(([, visible]) => visible)
      .map(([section]) => section);
    expect(shown).toEqual(["identity"]);
  });
});

describe("navigation and landing", () => {
  it("lists only the pages the viewer may use", () => {
    expect(navigationFor(viewer({}))).toEqual(["caseload", "lookup", "analytics", "explorer"]);
    expect(navigationFor(viewer({ caseAccess: nobody, auditReviewer: true }))).toEqual(["oversight"]);
    expect(navigationFor(viewer({ caseAccess: nobody, administrator: true }))).toEqual(["admin"]);
  });
  it("adds the work queues of the viewer's capabilities", () => {
    const celex = [
      { places: ["ANY"], dataClasses: ["IDENTITY", "LISTING", "OBSERVATIONS", "CLINICAL"] },
      { ...none },
      { ...none },
    ] as const;
    expect(
      navigationFor(
        viewer({
          caseAccess: celex,
          caseActions: ["SCREENING_RECORD", "REPORT_FILE"],
          user: { roles: ["ANALYST"], agency: { kind: "CELEX" } },
        }),
      ),
    ).toEqual(["caseload", "screening", "reports", "lookup", "analytics", "explorer", "imports"]);
    const psychologist = [
      { places: ["OWN_ESTABLISHMENT"], dataClasses: ["IDENTITY", "LISTING", "CLINICAL"] },
      { ...none },
      { ...none },
    ] as const;
    expect(
      navigationFor(
        viewer({
          caseAccess: psychologist,
          caseActions: ["REPORT_FILE", "ASSESSMENT_RECORD"],
          user: { roles: ["PSYCHOLOGIST"], agency: { kind: "PSYCHOSOCIAL_SERVICE" } },
        }),
      ),
    ).toEqual(["caseload", "assessments", "lookup", "analytics", "explorer", "imports"]);
    expect(navigationFor(viewer({ user: { roles: ["OFFICER"], agency: { kind: "PRISON" } } }))).toEqual([
      "caseload",
      "lookup",
      "analytics",
      "explorer",
    ]);
  });
  it("offers the query explorer to statisticians, who see no case", () => {
    const statistician = { roles: ["STATISTICIAN"], agency: { kind: "CELEX" } };
    expect(navigationFor(viewer({ caseAccess: nobody, user: statistician }))).toEqual([
      "analytics",
      "explorer",
    ]);
  });
  it("starts each viewer on their own home page", () => {
    expect(homePath(viewer({}))).toBe("/caseload");
    expect(homePath(viewer({ caseAccess: nobody, auditReviewer: true }))).toBe("/oversight");
    expect(homePath(viewer({ caseAccess: nobody, administrator: true }))).toBe("/admin");
    const statistician = { roles: ["STATISTICIAN"], agency: { kind: "CELEX" } };
    expect(homePath(viewer({ caseAccess: nobody, user: statistician }))).toBe("/analytics");
  });
  it("asks for a purpose from those who open personal data", () => {
    expect(needsPurpose(viewer({ purpose: null }))).toBe(true);
    expect(needsPurpose(viewer({ purpose: null, caseAccess: nobody, auditReviewer: true }))).toBe(true);
    expect(needsPurpose(viewer({ purpose: null, caseAccess: nobody, administrator: true }))).toBe(false);
    expect(needsPurpose(viewer({}))).toBe(false);
  });
});

describe("afterLoginPath", () => {
  it("goes to the second-factor enrolment first, then the purpose, then on", () => {
    const enrol = viewer({ purpose: null, secondFactorRequired: true });
    expect(afterLoginPath(enrol, null)).toBe("/second-factor?next=%2Fcaseload");
    expect(afterLoginPath(viewer({ purpose: null }), "/persons/abc")).toBe("/purpose?next=%2Fpersons%2Fabc");
    expect(afterLoginPath(viewer({}), "/lookup")).toBe("/lookup");
    expect(afterLoginPath(viewer({ secondFactorRequired: true, secondFactorEnabled: true }), null)).toBe(
      "/caseload",
    );
  });
});

describe("busyPath", () => {
  it("carries the reason, the wait and where the user was going, which the page may send back to", () => {
    const path = busyPath({ reason: "RATE_LIMITED", retryAfterSeconds: 30 }, "/caseload?after=x");
    expect(path).toBe("/busy?reason=RATE_LIMITED&retryAfter=30&next=%2Fcaseload%3Fafter%3Dx");
    const next = new URL(path, "http://portal.invalid").searchParams.get("next");
    expect(safeNextPath(next)).toBe("/caseload?after=x");
    expect(busyPath({ reason: "UNAVAILABLE", retryAfterSeconds: null }, null)).toBe(
      "/busy?reason=UNAVAILABLE",
    );
    // The busy page is never where one is sent back to.
    expect(safeNextPath("/fr/busy?reason=TIMEOUT")).toBeNull();
  });
});

describe("safeNextPath", () => {
  it("keeps a path inside the portal, without its locale", () => {
    expect(safeNextPath("/nl/persons/UGVy?until=x")).toBe("/persons/UGVy?until=x");
    expect(safeNextPath("/caseload?q=a&after=b")).toBe("/caseload?q=a&after=b");
  });
  it("refuses other origins, odd input and the login steps themselves", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "caseload",
      "",
      "/",
      "/fr",
      "/fr/login",
      "/purpose?next=/x",
      "/second-factor",
      42,
      undefined,
    ])
      expect(safeNextPath(bad), String(bad)).toBeNull();
  });
});

describe("asksFigures", () => {
  it("agrees with the domain's analyticsScopeOf for every agency kind and role", () => {
    for (const kind of Object.values(AgencyKind))
      for (const role of ROLES_BY_AGENCY_KIND[kind]) {
        const actor = { agencyKind: kind, roles: [role] };
        // viewer.caseAccess as the API answers it: the domain's visibility, stage by stage.
        const caseAccess = Object.values(visibilityOf(actor)).map((stage) => ({
          places: stage.places,
          dataClasses: stage.classes,
        }));
        const user = { roles: [role], agency: { kind } };
        expect(asksFigures({ caseAccess, user }), `${kind} ${role}`).toBe(analyticsScopeOf(actor) !== null);
        // The API lets the same users read the schema (the explorer's documentation).
        expect(mayExploreSchema(actor), `${kind} ${role}`).toBe(analyticsScopeOf(actor) !== null);
      }
  });
  it("decides from the cases the viewer sees when the account is not known", () => {
    expect(asksFigures({ caseAccess: [{ places: ["ANY"], dataClasses: [] }] })).toBe(true);
    expect(asksFigures({ caseAccess: nobody })).toBe(false);
  });
  it("refuses administrators and oversight, who see no case and count nothing", () => {
    expect(
      asksFigures({ caseAccess: nobody, user: { roles: ["ADMIN"], agency: { kind: "PLATFORM" } } }),
    ).toBe(false);
    expect(
      asksFigures({ caseAccess: nobody, user: { roles: ["REVIEWER"], agency: { kind: "OVERSIGHT" } } }),
    ).toBe(false);
  });
});

describe("imports", () => {
  /** viewer.caseActions as the API answers it: every action the domain's mayPerform allows. */
  const caseActionsOf = (actor: Parameters<typeof mayPerform>[0]) =>
    Object.values(CaseAction).filter((action) => mayPerform(actor, action));

  it("offer each kind of record to whom the domain lets perform its action", () => {
    for (const kind of Object.values(AgencyKind))
      for (const role of ROLES_BY_AGENCY_KIND[kind]) {
        const actor = { agencyKind: kind, roles: [role] };
        const caseActions = caseActionsOf(actor);
        const expected = Object.values(ImportRecordType).filter((type) =>
          mayPerform(
            actor,
            type === "PERSON"
              ? "PERSON_REGISTER"
              : type === "INFORMATION_REPORT"
                ? "REPORT_FILE"
                : "DETENTION_RECORD",
          ),
        );
        expect(importRecordTypesFor({ caseActions }), `${kind} ${role}`).toEqual(expected);
        expect(mayImport({ caseActions }), `${kind} ${role}`).toBe(expected.length > 0);
      }
  });

  it("let the CelEx analyst import everything, a police officer reports only, administrators nothing", () => {
    expect(
      importRecordTypesFor({ caseActions: caseActionsOf({ agencyKind: "CELEX", roles: ["ANALYST"] }) }),
    ).toEqual(["PERSON", "DETENTION_EPISODE", "PLACEMENT", "INFORMATION_REPORT"]);
    expect(
      importRecordTypesFor({ caseActions: caseActionsOf({ agencyKind: "POLICE", roles: ["OFFICER"] }) }),
    ).toEqual(["INFORMATION_REPORT"]);
    expect(mayImport({ caseActions: caseActionsOf({ agencyKind: "PLATFORM", roles: ["ADMIN"] }) })).toBe(
      false,
    );
    expect(mayImport({ caseActions: caseActionsOf({ agencyKind: "CELEX", roles: ["STATISTICIAN"] }) })).toBe(
      false,
    );
    expect(mayImport({})).toBe(false);
  });

  it("add the import page to the navigation of those who may import, and only theirs", () => {
    const statistician = { roles: ["STATISTICIAN"], agency: { kind: "CELEX" } };
    expect(navigationFor(viewer({ caseAccess: nobody, user: statistician, caseActions: [] }))).not.toContain(
      "imports",
    );
    expect(navigationFor(viewer({ caseActions: ["REPORT_FILE"] }))).toEqual([
      "caseload",
      "lookup",
      "analytics",
      "explorer",
      "imports",
    ]);
  });
});
