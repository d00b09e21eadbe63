import { addMonthsToDate } from "@continuum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDays,
  audited,
  expectNothingWritten,
  fileReport,
  UNKNOWN,
  type UserErrorShape,
  uuidOf,
  whoAmI,
} from "./case-work.js";
import { admit, EMAIL, type Places, places, REGISTER } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "./harness.js";

// CelEx's recommendations and the Director General's decisions on them: who may write and decide,
// what a recommendation may name and cite, and what a decision does (moves, measures, nothing).

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};
const types: Record<string, string> = {};

const ACCOUNTS = [
  "celex.analyst",
  "dgepi.director",
  "prison-ittre.director",
  "prison-hasselt.director",
  "psd-ittre.psychologist",
  "vsse.officer",
  "police.officer",
] as const;
type Account = (typeof ACCOUNTS)[number];
const client = (account: Account) => as[account] as GraphQLClient;
const celex = () => client("celex.analyst");
const dg = () => client("dgepi.director");

const TABLES = ["recommendations", "recommendation_evidence", "decisions", "security_measures", "placements"];

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(celex());
  const data = await celex().data<{ measureTypes: { id: string; code: string }[] }>(
    "{ measureTypes { id code } }",
  );
  for (const t of data.measureTypes) types[t.code] = t.id;
});
afterAll(() => app.close());

const WRITE = `mutation($input: RecommendationWriteInput!) { recommendationWrite(input: $input) {
  recommendation { id kind rationale terms months recommendedOn establishment { code } unit { code }
    measureType { code } agency { code } author { email } reports { id } assessments { id } decision { id }
    person { familyName } }
  userErrors { field message code } } }`;

const DECIDE = `mutation($input: RecommendationDecideInput!) { recommendationDecide(input: $input) {
  decision { id kind recommendationOutcome reviewOutcome reasons reasonsClassified decidedOn effectiveOn endsOn
    nextReviewOn terms needsNotification notificationDueOn notified
    decidedBy { email } agency { code } recommendation { id decision { id } }
    placement { validFrom establishment { code } unit { code } }
    measure { id status startsOn endsOn nextReviewOn terms legalBasis measureType { code } } }
  person { currentPlacement { validFrom establishment { code } unit { code } } }
  userErrors { field message code } } }`;

interface Recommendation {
  id: string;
  kind: string;
  rationale: string;
  terms: string | null;
  months: number | null;
  recommendedOn: string;
  establishment: { code: string } | null;
  unit: { code: string } | null;
  measureType: { code: string } | null;
  agency: { code: string } | null;
  author: { email: string } | null;
  reports: { id: string }[];
  assessments: { id: string }[];
  decision: { id: string } | null;
  person: { familyName: string } | null;
}
interface WritePayload {
  recommendation: Recommendation | null;
  userErrors: UserErrorShape[];
}
interface Place {
  validFrom: string;
  establishment: { code: string };
  unit: { code: string } | null;
}
interface Decision {
  id: string;
  kind: string;
  recommendationOutcome: string | null;
  reviewOutcome: string | null;
  reasons: string;
  reasonsClassified: boolean;
  decidedOn: string;
  effectiveOn: string;
  endsOn: string | null;
  nextReviewOn: string | null;
  terms: string | null;
  needsNotification: boolean;
  notificationDueOn: string | null;
  notified: boolean;
  decidedBy: { email: string } | null;
  agency: { code: string } | null;
  recommendation: { id: string; decision: { id: string } | null } | null;
  placement: Place | null;
  measure: {
    id: string;
    status: string;
    startsOn: string;
    endsOn: string;
    nextReviewOn: string | null;
    terms: string | null;
    legalBasis: string;
    measureType: { code: string };
  } | null;
}
interface DecidePayload {
  decision: Decision | null;
  person: { currentPlacement: Place | null } | null;
  userErrors: UserErrorShape[];
}

async function write(input: Record<string, unknown>, who = celex()): Promise<WritePayload> {
  return (await who.data<{ recommendationWrite: WritePayload }>(WRITE, { input })).recommendationWrite;
}

/** Writes a recommendation as CelEx and fails the test if it is refused. */
async function recommend(input: Record<string, unknown>): Promise<Recommendation> {
  const res = await write(input);
  if (res.recommendation === null)
    throw new Error(`recommendation refused: ${JSON.stringify(res.userErrors)}`);
  return res.recommendation;
}

async function decide(input: Record<string, unknown>, who = dg()): Promise<DecidePayload> {
  return (
    await who.data<{ recommendationDecide: DecidePayload }>(DECIDE, {
      input: { reasons: "Fictional reasons for the decision.", ...input },
    })
  ).recommendationDecide;
}

async function inmate(
  familyName: string,
  establishment = "ITT",
  unit: string | null = null,
): Promise<string> {
  return (await admit(celex(), at, { familyName, establishment, unit, admittedOn: addDays(TODAY, -60) }))
    .personId;
}

const dradex = (personId: string, code = "ITT", recommendedOn = addDays(TODAY, -10)) => ({
  personId,
  kind: "DRADEX_PLACEMENT",
  establishmentId: at.establishment(code),
  unitId: at.unit(`${code}-DRX`),
  rationale: "Fictional: active recruitment on the wing.",
  recommendedOn,
});

const measure = (personId: string, over: Record<string, unknown> = {}) => ({
  personId,
  kind: "SECURITY_MEASURE",
  measureTypeId: types.INDIVIDUAL_SPECIAL_SECURITY_REGIME,
  months: 2,
  terms: "Walks alone, no group activities",
  rationale: "Fictional: threats against staff.",
  recommendedOn: addDays(TODAY, -10),
  ...over,
});

async function placementOf(personId: string): Promise<Place | null> {
  return (
    await dg().data<{ person: { currentPlacement: Place | null } }>(
      `query($id: ID!) { person(id: $id) { currentPlacement { validFrom establishment { code } unit { code } } } }`,
      { id: personId },
    )
  ).person.currentPlacement;
}

describe("writing a recommendation", () => {
  it("records what CelEx recommends, with its author, and puts it in the Director General's inbox", async () => {
    const personId = await inmate("Recoa");
    const rows = await audited(app, async () => {
      const res = await write(dradex(personId));
      expect(res.userErrors).toEqual([]);
      expect(res.recommendation).toMatchObject({
        kind: "DRADEX_PLACEMENT",
        rationale: "Fictional: active recruitment on the wing.",
        recommendedOn: addDays(TODAY, -10),
        establishment: { code: "ITT" },
        unit: { code: "ITT-DRX" },
        measureType: null,
        months: null,
        agency: { code: "celex" },
        author: { email: EMAIL("celex.analyst") },
        decision: null,
        person: { familyName: "Recoa" },
      });
    });
    expect(rows.filter((r) => r.operation === "CREATE").map((r) => [r.person_id, r.data_classes])).toEqual([
      [uuidOf(personId), ["MEASURES"]],
    ]);
    const inbox = await dg().data<{
      recommendationInbox: { kind: string; person: { familyName: string } }[];
    }>("{ recommendationInbox { kind person { familyName } } }");
    expect(inbox.recommendationInbox).toContainEqual({
      kind: "DRADEX_PLACEMENT",
      person: { familyName: "Recoa" },
    });
  });

  it("is CelEx's alone: the Director General, prison staff, psychologists and intelligence are refused", async () => {
    const personId = await inmate("Recob");
    await expectNothingWritten(app, TABLES, async () => {
      for (const account of [
        "dgepi.director",
        "prison-ittre.director",
        "psd-ittre.psychologist",
        "vsse.officer",
        "police.officer",
      ] as const) {
        const res = await client(account).request(WRITE, { input: dradex(personId) });
        expect(res.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
        expect(res.data?.recommendationWrite ?? null, account).toBeNull();
      }
    });
  });

  it("sends a D-Rad:Ex placement to a D-Rad:Ex unit only, and a D-Rad:Ex unit only through that kind", async () => {
    const personId = await inmate("Recoc");
    await expectNothingWritten(app, TABLES, async () => {
      expect((await write({ ...dradex(personId), unitId: null })).userErrors).toEqual([
        { field: "unitId", message: "a D-Rad:Ex placement names a D-Rad:Ex unit", code: "RULE_VIOLATION" },
      ]);
      expect((await write({ ...dradex(personId), unitId: at.unit("ITT-ORD") })).userErrors).toEqual([
        { field: "unitId", message: "a D-Rad:Ex placement names a D-Rad:Ex unit", code: "RULE_VIOLATION" },
      ]);
      expect((await write({ ...dradex(personId), kind: "ORDINARY_REGIME" })).userErrors).toEqual([
        {
          field: "kind",
          message: "a D-Rad:Ex unit is recommended as DRADEX_PLACEMENT",
          code: "RULE_VIOLATION",
        },
      ]);
      expect((await write({ ...dradex(personId), unitId: at.unit("HAS-DRX") })).userErrors).toEqual([
        { field: "unitId", message: "no unit with this ID in that establishment", code: "NOT_FOUND" },
      ]);
      expect(
        (await write({ ...dradex(personId), establishmentId: UNKNOWN("Establishment") })).userErrors,
      ).toEqual([{ field: "establishmentId", message: "no establishment with this ID", code: "NOT_FOUND" }]);
      expect(
        (await write({ ...dradex(personId), kind: "TRANSFER", establishmentId: null, unitId: null }))
          .userErrors,
      ).toEqual([
        {
          field: "establishmentId",
          message: "name the establishment where the inmate should be held",
          code: "INVALID",
        },
      ]);
    });
  });

  it("refuses a transfer to where the inmate already is, and a D-Rad:Ex placement in the unit they are in", async () => {
    const personId = await inmate("Recod");
    const inUnit = await inmate("Recoe", "ITT", "ITT-DRX");
    await expectNothingWritten(app, TABLES, async () => {
      expect(
        (
          await write({
            personId,
            kind: "TRANSFER",
            establishmentId: at.establishment("ITT"),
            rationale: "Fictional.",
            recommendedOn: TODAY,
          })
        ).userErrors,
      ).toEqual([
        {
          field: "establishmentId",
          message: "the inmate is already held there: a transfer names another establishment",
          code: "RULE_VIOLATION",
        },
      ]);
      expect(
        (
          await write({
            personId,
            kind: "ORDINARY_REGIME",
            establishmentId: at.establishment("ITT"),
            rationale: "Fictional.",
            recommendedOn: TODAY,
          })
        ).userErrors,
      ).toEqual([
        { field: "establishmentId", message: "the inmate is already held there", code: "RULE_VIOLATION" },
      ]);
      expect((await write(dradex(inUnit))).userErrors).toEqual([
        { field: "unitId", message: "the inmate is already held there", code: "RULE_VIOLATION" },
      ]);
    });
    const transfer = await recommend({
      personId,
      kind: "TRANSFER",
      establishmentId: at.establishment("HAS"),
      rationale: "Fictional: away from his co-accused.",
      recommendedOn: TODAY,
    });
    expect(transfer).toMatchObject({ kind: "TRANSFER", establishment: { code: "HAS" }, unit: null });
    // Leaving the D-Rad:Ex unit for the ordinary regime of the same prison is a regime change.
    expect(
      (
        await recommend({
          personId: inUnit,
          kind: "ORDINARY_REGIME",
          establishmentId: at.establishment("ITT"),
          rationale: "Fictional: disengaging.",
          recommendedOn: TODAY,
        })
      ).kind,
    ).toBe("ORDINARY_REGIME");
  });

  it("needs a measure type and a duration for a security measure, and no place", async () => {
    const personId = await inmate("Recof");
    await expectNothingWritten(app, TABLES, async () => {
      expect((await write(measure(personId, { measureTypeId: null }))).userErrors).toEqual([
        { field: "measureTypeId", message: "name the type of measure", code: "INVALID" },
      ]);
      expect((await write(measure(personId, { months: null }))).userErrors).toEqual([
        { field: "months", message: "propose a duration", code: "INVALID" },
      ]);
      // Nobody may impose the special regime for more than two months.
      expect((await write(measure(personId, { months: 3 }))).userErrors).toEqual([
        { field: "months", message: "this type of measure is imposed for at most 2 months", code: "INVALID" },
      ]);
      expect((await write(measure(personId, { measureTypeId: UNKNOWN("MeasureType") }))).userErrors).toEqual([
        { field: "measureTypeId", message: "no measure type in use with this ID", code: "NOT_FOUND" },
      ]);
      expect(
        (await write(measure(personId, { establishmentId: at.establishment("ITT") }))).userErrors,
      ).toEqual([
        {
          field: "establishmentId",
          message: "a SECURITY_MEASURE names a measure type, not a place",
          code: "INVALID",
        },
      ]);
      expect(
        (await write({ ...dradex(personId), measureTypeId: types.INDIVIDUAL_SPECIAL_SECURITY_REGIME }))
          .userErrors,
      ).toEqual([
        { field: "measureTypeId", message: "only a SECURITY_MEASURE names a measure type", code: "INVALID" },
      ]);
    });
    expect(await recommend(measure(personId))).toMatchObject({
      kind: "SECURITY_MEASURE",
      measureType: { code: "INDIVIDUAL_SPECIAL_SECURITY_REGIME" },
      months: 2,
      terms: "Walks alone, no group activities",
      establishment: null,
    });
  });

  it("needs a rationale and a day not in the future", async () => {
    const personId = await inmate("Recog");
    await expectNothingWritten(app, TABLES, async () => {
      expect((await write({ ...dradex(personId), rationale: "   " })).userErrors).toEqual([
        { field: "rationale", message: "explain the recommendation", code: "INVALID" },
      ]);
      expect((await write({ ...dradex(personId), recommendedOn: addDays(TODAY, 1) })).userErrors).toEqual([
        { field: "recommendedOn", message: "must not be in the future", code: "INVALID" },
      ]);
    });
  });

  it("is for detained persons only", async () => {
    const registered = await celex().data<{
      personRegister: { person: { id: string; detentionStatus: string } };
    }>(REGISTER, {
      input: {
        familyName: "Recoh",
        givenNames: "Testo",
        dateOfBirth: "1990-05-17",
        sex: "MALE",
        nationalities: ["BE"],
        languageCommunity: "FR",
      },
    });
    expect(registered.personRegister.person.detentionStatus).toBe("NOT_DETAINED");
    await expectNothingWritten(app, TABLES, async () => {
      expect((await write(dradex(registered.personRegister.person.id))).userErrors).toEqual([
        { field: "personId", message: "the person is not detained", code: "RULE_VIOLATION" },
      ]);
      expect((await write(dradex(UNKNOWN("Person")))).userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
    });
  });

  describe("citing evidence", () => {
    let personId: string;
    let other: string;
    let ownReport: string;
    let otherReport: string;
    let hiddenReport: string;
    let ownAssessment: string;
    let otherAssessment: string;

    const ASSESS = `mutation($input: RiskAssessmentRecordInput!) { riskAssessmentRecord(input: $input) {
      riskAssessment { id } userErrors { field message code } } }`;

    async function assess(id: string): Promise<string> {
      const psd = client("psd-ittre.psychologist");
      const { assessmentInstruments } = await psd.data<{
        assessmentInstruments: {
          id: string;
          code: string;
          domains: { indicators: { code: string; required: boolean }[] }[];
        }[];
      }>("{ assessmentInstruments { id code domains { indicators { code required } } } }");
      const vera = assessmentInstruments.find((i) => i.code === "VERA-2R");
      const res = await psd.data<{ riskAssessmentRecord: { riskAssessment: { id: string } | null } }>(
        ASSESS,
        {
          input: {
            personId: id,
            instrumentId: vera?.id,
            assessedOn: addDays(TODAY, -20),
            finalJudgement: "MODERATE",
            narrative: "Fictional narrative.",
            nextReviewOn: addDays(TODAY, 150),
            ratings: vera?.domains.flatMap((d) =>
              d.indicators
                .filter((i) => i.required)
                .map((i) => ({ indicatorCode: i.code, rating: "ABSENT" })),
            ),
          },
        },
      );
      const assessment = res.riskAssessmentRecord.riskAssessment;
      if (assessment === null) throw new Error("assessment refused");
      return assessment.id;
    }

    beforeAll(async () => {
      personId = await inmate("Evida");
      other = await inmate("Evidb");
      ownReport = (await fileReport(celex(), personId, { observedOn: addDays(TODAY, -30) })).id;
      otherReport = (await fileReport(celex(), other, { observedOn: addDays(TODAY, -30) })).id;
      // Intelligence addressed to the police only: CelEx may not read it, so may not cite it.
      const police = await whoAmI(client("police.officer"));
      hiddenReport = (
        await fileReport(client("vsse.officer"), personId, {
          observedOn: addDays(TODAY, -30),
          classification: "SECRET",
          handlingCode: "NO_FURTHER_DISSEMINATION",
          addressedToAgencyId: police.agencyId,
        })
      ).id;
      ownAssessment = await assess(personId);
      otherAssessment = await assess(other);
    });

    it("links the reports and assessments of this person that CelEx reads", async () => {
      const rec = await recommend({
        ...dradex(personId),
        reportIds: [ownReport],
        assessmentIds: [ownAssessment],
      });
      expect(rec.reports).toEqual([{ id: ownReport }]);
      expect(rec.assessments).toEqual([{ id: ownAssessment }]);
    });

    it("tells a reader who may not see some of the evidence how much is withheld", async () => {
      const rec = await recommend({
        ...dradex(personId),
        reportIds: [ownReport],
        assessmentIds: [ownAssessment],
      });
      const EVIDENCE = `query($id: ID!) { node(id: $id) { ... on Recommendation {
        withheldEvidenceCount reports { id } } } }`;
      const counted = async (who: GraphQLClient) =>
        (
          await who.request<{ node: { withheldEvidenceCount: number; reports: { id: string }[] } }>(
            EVIDENCE,
            { id: rec.id },
          )
        ).data?.node;
      expect(await counted(celex())).toEqual({ withheldEvidenceCount: 0, reports: [{ id: ownReport }] });
      // The prison director reads the recommendation (MEASURES) and the report, not the clinical assessment.
      expect(await counted(client("prison-ittre.director"))).toEqual({
        withheldEvidenceCount: 1,
        reports: [{ id: ownReport }],
      });
    });

    it("refuses, by position, a report or assessment of another person or one CelEx may not read", async () => {
      await expectNothingWritten(app, TABLES, async () => {
        expect(
          (await write({ ...dradex(personId), reportIds: [ownReport, otherReport, hiddenReport] }))
            .userErrors,
        ).toEqual([
          { field: "reportIds.1", message: "no report on this person with this ID", code: "NOT_FOUND" },
          { field: "reportIds.2", message: "no report on this person with this ID", code: "NOT_FOUND" },
        ]);
        expect(
          (await write({ ...dradex(personId), assessmentIds: [otherAssessment, UNKNOWN("RiskAssessment")] }))
            .userErrors,
        ).toEqual([
          {
            field: "assessmentIds.0",
            message: "no assessment of this person with this ID",
            code: "NOT_FOUND",
          },
          {
            field: "assessmentIds.1",
            message: "no assessment of this person with this ID",
            code: "NOT_FOUND",
          },
        ]);
        expect((await write({ ...dradex(personId), reportIds: [ownAssessment] })).userErrors).toEqual([
          { field: "reportIds.0", message: "no report on this person with this ID", code: "NOT_FOUND" },
        ]);
      });
    });
  });
});

describe("deciding on a recommendation", () => {
  it("is the Director General's alone", async () => {
    const personId = await inmate("Decia");
    const rec = await recommend(dradex(personId));
    await expectNothingWritten(app, TABLES, async () => {
      for (const account of [
        "celex.analyst",
        "prison-ittre.director",
        "prison-hasselt.director",
        "psd-ittre.psychologist",
      ] as const) {
        const res = await client(account).request(DECIDE, {
          input: {
            recommendationId: rec.id,
            outcome: "ACCEPTED",
            reasons: "Fictional.",
            decidedOn: TODAY,
            effectiveOn: TODAY,
          },
        });
        expect(res.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
      }
    });
    expect(await placementOf(personId)).toMatchObject({ establishment: { code: "ITT" }, unit: null });
  });

  it("accepts a D-Rad:Ex placement: the inmate moves to the unit from the effective day, and must be told", async () => {
    const personId = await inmate("Decib");
    const rec = await recommend(dradex(personId));
    let res: DecidePayload | undefined;
    const rows = await audited(app, async () => {
      res = await decide({
        recommendationId: rec.id,
        outcome: "ACCEPTED",
        decidedOn: addDays(TODAY, -9),
        effectiveOn: addDays(TODAY, -8),
      });
    });
    expect(res?.userErrors).toEqual([]);
    expect(res?.decision).toMatchObject({
      kind: "REGIME",
      recommendationOutcome: "ACCEPTED",
      reviewOutcome: null,
      reasons: "Fictional reasons for the decision.",
      decidedOn: addDays(TODAY, -9),
      effectiveOn: addDays(TODAY, -8),
      needsNotification: true,
      notificationDueOn: addDays(TODAY, -6),
      notified: false,
      decidedBy: { email: EMAIL("dgepi.director") },
      agency: { code: "dgepi" },
      recommendation: { id: rec.id, decision: { id: res?.decision?.id } },
      placement: { validFrom: addDays(TODAY, -8), establishment: { code: "ITT" }, unit: { code: "ITT-DRX" } },
      measure: null,
    });
    expect(res?.person?.currentPlacement).toEqual({
      validFrom: addDays(TODAY, -8),
      establishment: { code: "ITT" },
      unit: { code: "ITT-DRX" },
    });
    expect(rows.filter((r) => r.operation === "CREATE").map((r) => r.data_classes)).toEqual([
      ["MEASURES", "DETENTION"],
    ]);
    const inbox = await dg().data<{ recommendationInbox: { id: string }[] }>(
      "{ recommendationInbox { id } }",
    );
    expect(inbox.recommendationInbox.map((r) => r.id)).not.toContain(rec.id);
  });

  it("keeps the recommendation, the decision and the decider linked", async () => {
    const personId = await inmate("Decic");
    const rec = await recommend(dradex(personId));
    const decision = (
      await decide({ recommendationId: rec.id, outcome: "ACCEPTED", decidedOn: TODAY, effectiveOn: TODAY })
    ).decision;
    const data = await celex().data<{
      person: {
        recommendations: {
          id: string;
          decision: { id: string; decidedBy: { displayName: string } } | null;
        }[];
        decisions: { id: string; recommendation: { id: string; author: { email: string } } | null }[];
      };
    }>(
      `query($id: ID!) { person(id: $id) {
         recommendations { id decision { id decidedBy { displayName } } }
         decisions { id recommendation { id author { email } } } } }`,
      { id: personId },
    );
    expect(data.person.recommendations).toEqual([
      {
        id: rec.id,
        decision: {
          id: decision?.id,
          decidedBy: { displayName: "Demo director — Directorate General of Prison Establishments" },
        },
      },
    ]);
    expect(data.person.decisions).toEqual([
      { id: decision?.id, recommendation: { id: rec.id, author: { email: EMAIL("celex.analyst") } } },
    ]);
  });

  it("needs reasons, also for a rejection, and writes nothing without them", async () => {
    const personId = await inmate("Decid");
    const rec = await recommend(dradex(personId));
    await expectNothingWritten(app, TABLES, async () => {
      for (const outcome of ["ACCEPTED", "REJECTED"]) {
        expect(
          (
            await decide({
              recommendationId: rec.id,
              outcome,
              reasons: "  ",
              decidedOn: TODAY,
              effectiveOn: TODAY,
            })
          ).userErrors,
        ).toEqual([{ field: "reasons", message: "give the reasons for the decision", code: "INVALID" }]);
      }
    });
    expect(await placementOf(personId)).toMatchObject({ unit: null });
  });

  it("refuses a decision before the recommendation, in the future, or taking effect before it is taken", async () => {
    const personId = await inmate("Decie");
    const rec = await recommend(dradex(personId));
    await expectNothingWritten(app, TABLES, async () => {
      const day = addDays(TODAY, -11);
      expect(
        (await decide({ recommendationId: rec.id, outcome: "ACCEPTED", decidedOn: day, effectiveOn: day }))
          .userErrors,
      ).toEqual([
        {
          field: "decidedOn",
          message: `must not be before the recommendation (${addDays(TODAY, -10)})`,
          code: "INVALID",
        },
      ]);
      const tomorrow = addDays(TODAY, 1);
      expect(
        (
          await decide({
            recommendationId: rec.id,
            outcome: "ACCEPTED",
            decidedOn: tomorrow,
            effectiveOn: tomorrow,
          })
        ).userErrors,
      ).toEqual([{ field: "decidedOn", message: "must not be in the future", code: "INVALID" }]);
      expect(
        (
          await decide({
            recommendationId: rec.id,
            outcome: "ACCEPTED",
            decidedOn: TODAY,
            effectiveOn: addDays(TODAY, -1),
          })
        ).userErrors,
      ).toEqual([
        { field: "effectiveOn", message: `must not be before the decision (${TODAY})`, code: "INVALID" },
      ]);
      expect(
        (
          await decide({
            recommendationId: UNKNOWN("Recommendation"),
            outcome: "ACCEPTED",
            decidedOn: TODAY,
            effectiveOn: TODAY,
          })
        ).userErrors,
      ).toEqual([
        { field: "recommendationId", message: "no recommendation with this ID", code: "NOT_FOUND" },
      ]);
    });
  });

  it("decides a recommendation once: a second decision is a conflict", async () => {
    const personId = await inmate("Decif");
    const rec = await recommend(dradex(personId));
    const first = await decide({
      recommendationId: rec.id,
      outcome: "REJECTED",
      decidedOn: TODAY,
      effectiveOn: TODAY,
    });
    expect(first.userErrors).toEqual([]);
    await expectNothingWritten(app, TABLES, async () => {
      for (const outcome of ["ACCEPTED", "REJECTED"])
        expect(
          (await decide({ recommendationId: rec.id, outcome, decidedOn: TODAY, effectiveOn: TODAY }))
            .userErrors,
        ).toEqual([
          {
            field: "recommendationId",
            message: "this recommendation has already been decided",
            code: "CONFLICT",
          },
        ]);
    });
  });

  it("rejects without moving the inmate or imposing anything, and a rejection needs no notice", async () => {
    const personId = await inmate("Decig");
    const placement = await recommend(dradex(personId));
    const imposition = await recommend(measure(personId));
    const before = await placementOf(personId);
    const decisions: Decision[] = [];
    await expectNothingWritten(app, ["security_measures", "placements"], async () => {
      for (const rec of [placement, imposition]) {
        const res = await decide({
          recommendationId: rec.id,
          outcome: "REJECTED",
          decidedOn: TODAY,
          effectiveOn: TODAY,
        });
        expect(res.userErrors).toEqual([]);
        decisions.push(res.decision as Decision);
      }
    });
    expect(
      decisions.map((d) => [
        d.kind,
        d.recommendationOutcome,
        d.needsNotification,
        d.notificationDueOn,
        d.notified,
      ]),
    ).toEqual([
      ["REGIME", "REJECTED", false, null, true],
      ["MEASURE_IMPOSED", "REJECTED", false, null, true],
    ]);
    expect(decisions.map((d) => [d.placement, d.measure])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(await placementOf(personId)).toEqual(before);
    const queue = await dg().data<{ notificationQueue: { id: string }[] }>("{ notificationQueue { id } }");
    expect(queue.notificationQueue.map((d) => d.id)).not.toContain(decisions[0]?.id);
    expect(queue.notificationQueue.map((d) => d.id)).not.toContain(decisions[1]?.id);
  });

  it("names another place only when amending, and an amendment must name one", async () => {
    const personId = await inmate("Decih");
    const rec = await recommend({
      personId,
      kind: "TRANSFER",
      establishmentId: at.establishment("HAS"),
      rationale: "Fictional.",
      recommendedOn: addDays(TODAY, -10),
    });
    const base = { recommendationId: rec.id, decidedOn: addDays(TODAY, -5), effectiveOn: addDays(TODAY, -5) };
    await expectNothingWritten(app, TABLES, async () => {
      expect((await decide({ ...base, outcome: "AMENDED" })).userErrors).toEqual([
        {
          field: "establishmentId",
          message: "an amended decision names the place decided instead",
          code: "INVALID",
        },
      ]);
      expect(
        (await decide({ ...base, outcome: "ACCEPTED", establishmentId: at.establishment("ANT") })).userErrors,
      ).toEqual([
        { field: "outcome", message: "only an AMENDED decision names another place", code: "RULE_VIOLATION" },
      ]);
      expect(
        (await decide({ ...base, outcome: "AMENDED", establishmentId: at.establishment("HAS") })).userErrors,
      ).toEqual([
        {
          field: "establishmentId",
          message: "that is the place recommended: accept the recommendation instead",
          code: "RULE_VIOLATION",
        },
      ]);
      expect(
        (await decide({ ...base, outcome: "AMENDED", establishmentId: at.establishment("ITT") })).userErrors,
      ).toEqual([
        {
          field: "establishmentId",
          message: "the inmate is already held there: a transfer names another establishment",
          code: "RULE_VIOLATION",
        },
      ]);
    });
    const amended = await decide({ ...base, outcome: "AMENDED", establishmentId: at.establishment("ANT") });
    expect(amended.userErrors).toEqual([]);
    expect(amended.decision).toMatchObject({
      kind: "REGIME",
      recommendationOutcome: "AMENDED",
      placement: { validFrom: addDays(TODAY, -5), establishment: { code: "ANT" }, unit: null },
      recommendation: { id: rec.id },
    });
    expect(await placementOf(personId)).toEqual({
      validFrom: addDays(TODAY, -5),
      establishment: { code: "ANT" },
      unit: null,
    });
  });

  it("checks the place again on the day of the decision: a transfer to where the inmate was moved meanwhile is refused", async () => {
    const personId = await inmate("Decij");
    const rec = await recommend({
      personId,
      kind: "TRANSFER",
      establishmentId: at.establishment("HAS"),
      rationale: "Fictional.",
      recommendedOn: addDays(TODAY, -10),
    });
    const moved = await celex().data<{ placementRecord: { userErrors: UserErrorShape[] } }>(
      `mutation($input: PlacementRecordInput!) { placementRecord(input: $input) { userErrors { field message code } } }`,
      { input: { personId, establishmentId: at.establishment("HAS"), validFrom: addDays(TODAY, -8) } },
    );
    expect(moved.placementRecord.userErrors).toEqual([]);
    await expectNothingWritten(app, TABLES, async () => {
      expect(
        (
          await decide({
            recommendationId: rec.id,
            outcome: "ACCEPTED",
            decidedOn: addDays(TODAY, -5),
            effectiveOn: addDays(TODAY, -5),
          })
        ).userErrors,
      ).toEqual([
        {
          field: "establishmentId",
          message: "the inmate is already held there: a transfer names another establishment",
          code: "RULE_VIOLATION",
        },
      ]);
    });
    // Rejecting it remains possible: it changes nothing.
    expect(
      (
        await decide({
          recommendationId: rec.id,
          outcome: "REJECTED",
          decidedOn: addDays(TODAY, -5),
          effectiveOn: addDays(TODAY, -5),
        })
      ).userErrors,
    ).toEqual([]);
  });

  it("imposes an accepted measure under its type's rules, with the recommended terms by default", async () => {
    const personId = await inmate("Decii");
    const rec = await recommend(measure(personId));
    const base = {
      recommendationId: rec.id,
      outcome: "ACCEPTED",
      decidedOn: addDays(TODAY, -3),
      effectiveOn: addDays(TODAY, -3),
    };
    const recommendedEnd = addMonthsToDate(addDays(TODAY, -3), 2);
    await expectNothingWritten(app, TABLES, async () => {
      expect((await decide(base)).userErrors).toEqual([
        { field: "measure", message: "give the measure's term: end and review date", code: "INVALID" },
      ]);
      expect(
        (
          await decide({
            ...base,
            measure: { endsOn: addDays(TODAY, 80), nextReviewOn: addDays(TODAY, 20) },
          })
        ).userErrors.map((e) => [e.field, e.code]),
      ).toEqual([["measure.endsOn", "INVALID"]]);
      expect(
        (await decide({ ...base, measure: { endsOn: addDays(TODAY, 40), nextReviewOn: addDays(TODAY, 40) } }))
          .userErrors,
      ).toEqual([
        {
          field: "measure.nextReviewOn",
          message: `must fall on or after ${addDays(TODAY, -3)} and before ${addDays(TODAY, 40)}`,
          code: "INVALID",
        },
      ]);
      expect(
        (
          await decide({
            ...base,
            outcome: "REJECTED",
            measure: { endsOn: addDays(TODAY, 40), nextReviewOn: addDays(TODAY, 20) },
          })
        ).userErrors,
      ).toEqual([{ field: "measure", message: "a rejection imposes nothing", code: "INVALID" }]);
      // Accepted means as recommended: two months from the start, with its terms.
      expect(
        (
          await decide({ ...base, measure: { endsOn: addDays(TODAY, 40), nextReviewOn: addDays(TODAY, 20) } })
        ).userErrors.map((e) => [e.field, e.code]),
      ).toEqual([["outcome", "RULE_VIOLATION"]]);
      expect(
        (
          await decide({
            ...base,
            outcome: "AMENDED",
            measure: { endsOn: recommendedEnd, nextReviewOn: addDays(TODAY, 20) },
          })
        ).userErrors,
      ).toEqual([
        {
          field: "measure",
          message: "that is the measure recommended: accept the recommendation instead",
          code: "RULE_VIOLATION",
        },
      ]);
    });
    const res = await decide({
      ...base,
      measure: { endsOn: recommendedEnd, nextReviewOn: addDays(TODAY, 20) },
    });
    expect(res.userErrors).toEqual([]);
    expect(res.decision).toMatchObject({
      kind: "MEASURE_IMPOSED",
      recommendationOutcome: "ACCEPTED",
      endsOn: recommendedEnd,
      nextReviewOn: addDays(TODAY, 20),
      terms: "Walks alone, no group activities",
      placement: null,
      measure: {
        status: "ACTIVE",
        startsOn: addDays(TODAY, -3),
        endsOn: recommendedEnd,
        terms: "Walks alone, no group activities",
        legalBasis: expect.stringContaining("art. 116"),
        measureType: { code: "INDIVIDUAL_SPECIAL_SECURITY_REGIME" },
      },
    });
  });
});

describe("D-Rad:Ex capacity", () => {
  const UNIT = `query($id: ID!, $on: Date!) { node(id: $id) { ... on EstablishmentUnit {
    capacity occupancy(from: $on, to: $on, every: DAY) { occupied } } } }`;

  async function occupied(on: string): Promise<{ capacity: number; occupied: number }> {
    const data = await dg().data<{ node: { capacity: number; occupancy: { occupied: number }[] } }>(UNIT, {
      id: at.unit("HAS-DRX"),
      on,
    });
    return { capacity: data.node.capacity, occupied: data.node.occupancy[0]?.occupied as number };
  }

  it("refuses a placement in a full unit, and accepts it once another inmate leaves that day", async () => {
    const candidate = await inmate("Capacitas", "HAS");
    const start = await occupied(addDays(TODAY, -50));
    expect(start.capacity).toBe(20);
    const residents: string[] = [];
    for (let i = start.occupied; i < 20; i += 1)
      residents.push(
        (
          await admit(celex(), at, {
            familyName: `Capacity${String(i).padStart(2, "0")}`,
            establishment: "HAS",
            unit: "HAS-DRX",
            admittedOn: addDays(TODAY, -50),
          })
        ).personId,
      );
    expect((await occupied(addDays(TODAY, -3))).occupied).toBe(20);
    // A 21st admission straight into the unit is refused too.
    const full = await celex().data<{ personRegister: { userErrors: UserErrorShape[] } }>(REGISTER, {
      input: {
        familyName: "Capacityx",
        givenNames: "Testo",
        dateOfBirth: "1990-05-17",
        sex: "MALE",
        nationalities: ["BE"],
        languageCommunity: "NL",
        admission: {
          admittedOn: addDays(TODAY, -3),
          legalStatus: "SENTENCED",
          sentenceMonths: 60,
          establishmentId: at.establishment("HAS"),
          unitId: at.unit("HAS-DRX"),
        },
      },
    });
    expect(full.personRegister.userErrors.map((e) => [e.field, e.code])).toEqual([
      ["admission.unitId", "RULE_VIOLATION"],
    ]);

    const rec = await recommend(dradex(candidate, "HAS"));
    const input = {
      recommendationId: rec.id,
      outcome: "ACCEPTED",
      decidedOn: addDays(TODAY, -4),
      effectiveOn: addDays(TODAY, -3),
    };
    await expectNothingWritten(app, TABLES, async () => {
      expect((await decide(input)).userErrors).toEqual([
        {
          field: "unitId",
          message: `the unit is full from ${addDays(TODAY, -3)} (20 places)`,
          code: "RULE_VIOLATION",
        },
      ]);
    });

    const leaver = residents[0] as string;
    const moved = await celex().data<{ placementRecord: { userErrors: UserErrorShape[] } }>(
      `mutation($input: PlacementRecordInput!) { placementRecord(input: $input) { userErrors { field message code } } }`,
      {
        input: {
          personId: leaver,
          establishmentId: at.establishment("HAS"),
          validFrom: addDays(TODAY, -3),
          reason: "Fictional: back to the ordinary regime.",
        },
      },
    );
    expect(moved.placementRecord.userErrors).toEqual([]);
    expect((await occupied(addDays(TODAY, -3))).occupied).toBe(19);

    const res = await decide(input);
    expect(res.userErrors).toEqual([]);
    expect(res.person?.currentPlacement).toMatchObject({
      establishment: { code: "HAS" },
      unit: { code: "HAS-DRX" },
    });
    expect((await occupied(addDays(TODAY, -3))).occupied).toBe(20);
    expect((await occupied(addDays(TODAY, -4))).occupied).toBe(20);
  });
});
