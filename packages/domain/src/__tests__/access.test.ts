import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTION_FEEDS,
  type ActorProfile,
  accessTo,
  breakGlassAccess,
  CaseAction,
  isVisible,
  mayCountUnitOccupancy,
  mayFeed,
  mayPerform,
  mayRead,
  mayReadListFigures,
  type PersonFacts,
  visibilityOf,
} from "../access.js";
import { ACCESS_MATRIX, CaseStage, TIER_ORDER } from "../access-matrix.js";
import { AgencyKind, ROLES_BY_AGENCY_KIND, Role } from "../agency.js";

const actor = (over: Partial<ActorProfile>): ActorProfile => ({
  agencyId: "agency-1",
  agencyKind: "CELEX",
  roles: ["ANALYST"],
  establishmentId: null,
  judicialDistrict: null,
  municipality: null,
  ...over,
});

const person = (over: Partial<PersonFacts>): PersonFacts => ({
  stage: "IN_PRISON",
  establishmentId: "ittre",
  releaseJudicialDistrict: null,
  releaseMunicipality: null,
  enrolledWith: [],
  ...over,
});

describe("the matrix in code is the matrix in docs/access.md", () => {
  it("has exactly the rows of the document's table, in order", () => {
    const doc = readFileSync(fileURLToPath(new URL("../../../../docs/access.md", import.meta.url)), "utf8");
    const table = doc.split("<!-- access-matrix:start -->")[1]?.split("<!-- access-matrix:end -->")[0] ?? "";
    const rows = table
      .trim()
      .split("\n")
      .slice(2)
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      )
      .map(([agencyKind, role, stage, place, tier, classes, otherwise]) => ({
        agencyKind,
        role,
        stage,
        place,
        tier,
        classes: classes === "" || classes === undefined ? [] : classes.split(" "),
        otherwise,
      }));
    expect(rows.length).toBeGreaterThan(30);
    expect(ACCESS_MATRIX).toEqual(rows);
  });

  it("only grants roles that the agency kind can hold", () => {
    for (const row of ACCESS_MATRIX) expect(ROLES_BY_AGENCY_KIND[row.agencyKind]).toContain(row.role);
  });

  it("has at most one row per agency kind, role and stage", () => {
    const keys = ACCESS_MATRIX.map((r) => `${r.agencyKind}/${r.role}/${r.stage}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("uses one place per agency kind and stage among the rows that show anything (so the database can enforce it exactly)", () => {
    for (const kind of Object.values(AgencyKind))
      for (const stage of Object.values(CaseStage)) {
        const places = new Set(
          ACCESS_MATRIX.filter(
            (r) => r.agencyKind === kind && r.stage === stage && TIER_ORDER[r.tier] >= TIER_ORDER.CARD,
          ).map((r) => r.place),
        );
        expect(places.size, `${kind} ${stage}`).toBeLessThanOrEqual(1);
      }
  });
});

describe("accessTo", () => {
  it("gives CelEx full case access in prison, with clinical data as a summary only", () => {
    const a = accessTo(actor({}), person({}));
    expect(a.tier).toBe("FULL");
    expect(mayFeed(a, "LISTING")).toBe(true);
    expect(mayRead(a, "CLINICAL", "SUMMARY")).toBe(true);
    expect(mayRead(a, "CLINICAL")).toBe(false);
    expect(mayRead(a, "FOLLOW_UP", "SUMMARY")).toBe(false);
  });

  it("gives prison staff their own establishment's inmates, and only a hit elsewhere", () => {
    const officer = actor({ agencyKind: "PRISON", roles: ["OFFICER"], establishmentId: "ittre" });
    expect(accessTo(officer, person({ establishmentId: "ittre" })).tier).toBe("FULL");
    const elsewhere = accessTo(officer, person({ establishmentId: "hasselt" }));
    expect(elsewhere).toEqual({ tier: "HIT", classes: {}, breakGlass: false });
    expect(mayRead(accessTo(officer, person({})), "INTELLIGENCE")).toBe(false);
  });

  it("gives the psychosocial service full clinical data in its establishment", () => {
    const psy = actor({
      agencyKind: "PSYCHOSOCIAL_SERVICE",
      roles: ["PSYCHOLOGIST"],
      establishmentId: "ittre",
    });
    expect(mayFeed(accessTo(psy, person({})), "CLINICAL")).toBe(true);
  });

  it("gives a local cell only the information card, and only in its municipality", () => {
    const lcis = actor({ agencyKind: "LOCAL_CELL", roles: ["MEMBER"], municipality: "Molenbeek-Saint-Jean" });
    const released = person({
      stage: "RELEASED",
      establishmentId: null,
      releaseMunicipality: "Molenbeek-Saint-Jean",
    });
    expect(accessTo(lcis, released)).toEqual({ tier: "CARD", classes: {}, breakGlass: false });
    expect(accessTo(lcis, { ...released, releaseMunicipality: "Gent" }).tier).toBe("NONE");
    expect(accessTo(lcis, person({})).tier).toBe("NONE");
  });

  it("gives nothing to oversight, administrators and statisticians", () => {
    for (const a of [
      actor({ agencyKind: "OVERSIGHT", roles: ["REVIEWER"] }),
      actor({ agencyKind: "PLATFORM", roles: ["ADMIN"] }),
      actor({ roles: ["STATISTICIAN"] }),
    ])
      for (const stage of Object.values(CaseStage)) expect(accessTo(a, person({ stage })).tier).toBe("NONE");
  });

  it("takes the most generous row when an actor holds several roles", () => {
    const both = accessTo(
      actor({ agencyKind: "PRISON", roles: ["OFFICER", "DIRECTOR"], establishmentId: "ittre" }),
      person({}),
    );
    expect(mayRead(both, "RELEASE")).toBe(true);
  });

  it("never sees more when the actor's place data is missing (property: fails closed)", () => {
    const kinds = fc.constantFrom(...Object.values(AgencyKind));
    const stages = fc.constantFrom(...Object.values(CaseStage));
    fc.assert(
      fc.property(kinds, stages, fc.subarray(Object.values(Role), { minLength: 1 }), (kind, stage, roles) => {
        const placeless = actor({ agencyKind: kind, roles, agencyId: "x" });
        const facts = person({
          stage,
          establishmentId: "e",
          releaseJudicialDistrict: "BRUSSELS",
          releaseMunicipality: "m",
        });
        const placed = actor({
          agencyKind: kind,
          roles,
          agencyId: "x",
          establishmentId: "e",
          judicialDistrict: "BRUSSELS",
          municipality: "m",
        });
        expect(TIER_ORDER[accessTo(placeless, facts).tier]).toBeLessThanOrEqual(
          TIER_ORDER[accessTo(placed, facts).tier],
        );
      }),
    );
  });

  it("lets disengagement services see only persons enrolled with them", () => {
    const caprev = actor({ agencyKind: "DISENGAGEMENT_SERVICE", roles: ["COUNSELLOR"], agencyId: "caprev" });
    expect(accessTo(caprev, person({ enrolledWith: ["caprev"] })).tier).toBe("FULL");
    expect(accessTo(caprev, person({ enrolledWith: ["flemish"] })).tier).toBe("NONE");
  });
});

describe("breakGlassAccess", () => {
  it("reads, never feeds, what the actor's row would give, and is flagged", () => {
    const officer = actor({ agencyKind: "PRISON", roles: ["OFFICER"], establishmentId: "ittre" });
    const a = breakGlassAccess(officer, "IN_PRISON");
    expect(a.breakGlass).toBe(true);
    expect(mayRead(a, "DETENTION")).toBe(true);
    expect(mayFeed(a, "DETENTION")).toBe(false);
    expect(isVisible(a)).toBe(true);
  });

  it("gives at least the identity to someone without a row for the stage", () => {
    const a = breakGlassAccess(actor({ agencyKind: "PRISON", roles: ["OFFICER"] }), "CLOSED");
    expect(a.classes).toEqual({ IDENTITY: "READ" });
  });
});

describe("visibilityOf", () => {
  it("describes what the database filters on", () => {
    expect(visibilityOf(actor({ agencyKind: "PRISON", roles: ["OFFICER"] }))).toEqual({
      IN_PRISON: {
        places: ["OWN_ESTABLISHMENT"],
        classes: ["DETENTION", "IDENTITY", "LISTING", "MEASURES", "OBSERVATIONS"],
        detailedClasses: ["DETENTION", "IDENTITY", "LISTING", "MEASURES", "OBSERVATIONS"],
      },
      RELEASED: { places: [], classes: [], detailedClasses: [] },
      CLOSED: { places: [], classes: [], detailedClasses: [] },
    });
    expect(visibilityOf(actor({ agencyKind: "LOCAL_CELL", roles: ["MEMBER"] })).RELEASED).toEqual({
      places: ["OWN_MUNICIPALITY"],
      classes: [],
      detailedClasses: [],
    });
  });

  it("tells summaries apart: CelEx reads clinical data only as a summary", () => {
    const celex = visibilityOf(actor({})).IN_PRISON;
    expect(celex.classes).toContain("CLINICAL");
    expect(celex.detailedClasses).not.toContain("CLINICAL");
  });
});

describe("mayPerform", () => {
  it("lets only CelEx analysts record screenings", () => {
    expect(mayPerform(actor({}), "SCREENING_RECORD")).toBe(true);
    expect(mayPerform(actor({ agencyKind: "DG_EPI", roles: ["DIRECTOR"] }), "SCREENING_RECORD")).toBe(false);
    expect(mayPerform(actor({ roles: ["STATISTICIAN"] }), "SCREENING_RECORD")).toBe(false);
  });

  it("lets prison staff record detention but not an LCIS member", () => {
    expect(mayPerform(actor({ agencyKind: "PRISON", roles: ["OFFICER"] }), "DETENTION_RECORD")).toBe(true);
    expect(mayPerform(actor({ agencyKind: "LOCAL_CELL", roles: ["MEMBER"] }), "DETENTION_RECORD")).toBe(
      false,
    );
  });
});

describe("case work: who may file, assess and keep the intelligence list", () => {
  const everyone = Object.values(AgencyKind).flatMap((agencyKind) =>
    ROLES_BY_AGENCY_KIND[agencyKind].map((role) => ({ agencyKind, role })),
  );
  const allowed = (action: CaseAction) =>
    everyone
      .filter((a) => mayPerform(actor({ agencyKind: a.agencyKind, roles: [a.role] }), action))
      .map((a) => `${a.agencyKind} ${a.role}`)
      .sort();

  it("lets every agency that works a case report what it observed, but not statisticians, local cells, oversight or administrators", () => {
    expect(allowed("REPORT_FILE")).toEqual(
      [
        "CELEX ANALYST",
        "DG_EPI DIRECTOR",
        "DISENGAGEMENT_SERVICE COUNSELLOR",
        "INTELLIGENCE OFFICER",
        "LOCAL_TASK_FORCE CHAIR",
        "LOCAL_TASK_FORCE MEMBER",
        "POLICE OFFICER",
        "PRISON DIRECTOR",
        "PRISON OFFICER",
        "PROBATION OFFICER",
        "PROSECUTOR OFFICER",
        "PSYCHOSOCIAL_SERVICE PSYCHOLOGIST",
        "THREAT_ANALYSIS ANALYST",
      ].sort(),
    );
  });

  it("lets only psychologists record assessments and only intelligence officers keep the intelligence list", () => {
    expect(allowed("ASSESSMENT_RECORD")).toEqual(["PSYCHOSOCIAL_SERVICE PSYCHOLOGIST"]);
    expect(allowed("WATCHLIST_RECORD")).toEqual(["INTELLIGENCE OFFICER"]);
  });

  it("needs only a hit to report, but consult-and-feed on the class an assessment or a list entry writes", () => {
    expect(ACTION_FEEDS.REPORT_FILE).toBeNull();
    expect(ACTION_FEEDS.ASSESSMENT_RECORD).toBe("CLINICAL");
    expect(ACTION_FEEDS.WATCHLIST_RECORD).toBe("INTELLIGENCE");
  });

  it("gives everyone allowed an action a row where they feed its class (else the action could never succeed)", () => {
    for (const action of Object.values(CaseAction)) {
      const feeds = ACTION_FEEDS[action];
      if (feeds === null) continue;
      for (const a of everyone.filter((e) =>
        mayPerform(actor({ agencyKind: e.agencyKind, roles: [e.role] }), action),
      )) {
        const rows = ACCESS_MATRIX.filter(
          (r) => r.agencyKind === a.agencyKind && r.role === a.role && r.tier === "FULL",
        );
        expect(
          rows.some((r) => r.classes.includes(feeds)),
          `${action}: ${a.agencyKind} ${a.role}`,
        ).toBe(true);
      }
    }
  });

  it("gives the psychosocial service clinical detail only in its own establishment, and CelEx a summary", () => {
    const psy = actor({
      agencyKind: "PSYCHOSOCIAL_SERVICE",
      roles: ["PSYCHOLOGIST"],
      establishmentId: "ittre",
    });
    expect(mayFeed(accessTo(psy, person({ establishmentId: "ittre" })), "CLINICAL")).toBe(true);
    expect(mayRead(accessTo(psy, person({ establishmentId: "hasselt" })), "CLINICAL", "SUMMARY")).toBe(false);
    expect(
      mayRead(accessTo(psy, person({ stage: "RELEASED", establishmentId: null })), "CLINICAL", "SUMMARY"),
    ).toBe(false);
    expect(mayFeed(accessTo(actor({}), person({})), "CLINICAL")).toBe(false);
  });
});

describe("mayReadListFigures", () => {
  it("gives the national counts of both lists only to those who read both lists for every inmate", () => {
    const readers = Object.values(AgencyKind).flatMap((agencyKind) =>
      ROLES_BY_AGENCY_KIND[agencyKind]
        .filter((role) => mayReadListFigures({ agencyKind, roles: [role] }))
        .map((role) => `${agencyKind} ${role}`),
    );
    expect(readers.sort()).toEqual([
      "CELEX ANALYST",
      "DG_EPI DIRECTOR",
      "INTELLIGENCE ANALYST",
      "INTELLIGENCE OFFICER",
      "THREAT_ANALYSIS ANALYST",
    ]);
  });
});

describe("mayCountUnitOccupancy", () => {
  it("counts a unit's occupants for readers of every inmate's detention, and for the prison's own staff", () => {
    const counters = (establishmentId: string | null) =>
      Object.values(AgencyKind).flatMap((agencyKind) =>
        ROLES_BY_AGENCY_KIND[agencyKind]
          .filter((role) => mayCountUnitOccupancy({ agencyKind, roles: [role], establishmentId }, "ittre"))
          .map((role) => `${agencyKind} ${role}`),
      );
    const everywhere = [
      "CELEX ANALYST",
      "DG_EPI ANALYST",
      "DG_EPI DIRECTOR",
      "INTELLIGENCE ANALYST",
      "INTELLIGENCE OFFICER",
      "PROSECUTOR OFFICER",
      "THREAT_ANALYSIS ANALYST",
    ];
    expect(counters("hasselt").sort()).toEqual(everywhere);
    expect(counters("ittre").sort()).toEqual(
      [...everywhere, "PRISON DIRECTOR", "PRISON OFFICER", "PSYCHOSOCIAL_SERVICE PSYCHOLOGIST"].sort(),
    );
  });
});

describe("an API token limited to data classes", () => {
  const arbitraryActor = fc.record({
    agencyKind: fc.constantFrom(...Object.values(AgencyKind)),
    roleIndex: fc.nat(),
    stage: fc.constantFrom(...Object.values(CaseStage)),
    limit: fc.subarray([
      "IDENTITY",
      "DETENTION",
      "LISTING",
      "INTELLIGENCE",
      "CLINICAL",
      "PROGRAMME",
    ] as const),
  });

  it("never reads, feeds or sees a class outside its limit, and keeps what the matrix gives within it", () => {
    fc.assert(
      fc.property(arbitraryActor, ({ agencyKind, roleIndex, stage, limit }) => {
        const roles = ROLES_BY_AGENCY_KIND[agencyKind];
        const role = roles[roleIndex % roles.length] as Role;
        const account = actor({
          agencyKind,
          roles: [role],
          establishmentId: "ittre",
          judicialDistrict: "BRUSSELS",
        });
        const token = { ...account, dataClasses: limit };
        const facts = person({ stage, releaseJudicialDistrict: "BRUSSELS" });
        const full = accessTo(account, facts);
        const narrowed = accessTo(token, facts);
        expect(narrowed.tier).toBe(full.tier);
        expect(Object.keys(narrowed.classes).sort()).toEqual(
          Object.keys(full.classes)
            .filter((c) => (limit as readonly string[]).includes(c))
            .sort(),
        );
        for (const visibility of Object.values(visibilityOf(token)))
          for (const c of visibility.classes) expect(limit).toContain(c);
        for (const c of Object.keys(breakGlassAccess(token, stage).classes)) expect(limit).toContain(c);
      }),
    );
  });

  it("takes the CelEx analyst's intelligence away from a token limited to identity and listing", () => {
    const analyst = actor({});
    const facts = person({});
    expect(mayRead(accessTo(analyst, facts), "LISTING")).toBe(true);
    const token = { ...analyst, dataClasses: ["IDENTITY", "LISTING"] as const };
    expect(mayRead(accessTo(token, facts), "LISTING")).toBe(true);
    expect(mayRead(accessTo(token, facts), "DETENTION")).toBe(false);
    expect(mayFeed(accessTo(token, facts), "DETENTION")).toBe(false);
  });
});
