import { addMonthsToDate } from "@continuum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, audited, expectNothingWritten, UNKNOWN, type UserErrorShape, uuidOf } from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "./harness.js";

// Individual security measures: imposition within the type's rules, reviews as decisions (maintain,
// ease, lift, prolong), the lapse at the end date, the register and the person's measures as of a
// date, periodic evaluations, measure types as data, and who sees all this.

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};
const types: Record<string, string> = {};

const ACCOUNTS = [
  "celex.analyst",
  "dgepi.director",
  "prison-ittre.director",
  "prison-ittre.officer",
  "prison-hasselt.director",
  "psd-ittre.psychologist",
  "psd-hasselt.psychologist",
  "vsse.officer",
  "police.officer",
  "cuta.analyst",
  "admin",
] as const;
type Account = (typeof ACCOUNTS)[number];
const client = (account: Account) => as[account] as GraphQLClient;
const celex = () => client("celex.analyst");
const dg = () => client("dgepi.director");
const ittre = () => client("prison-ittre.director");
const psd = () => client("psd-ittre.psychologist");

const TABLES = ["security_measures", "decisions", "measure_evaluations", "measure_types"];
const ISSR = "INDIVIDUAL_SPECIAL_SECURITY_REGIME";

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(celex());
  await loadTypes();
});
afterAll(() => app.close());

async function loadTypes(): Promise<void> {
  const data = await celex().data<{ measureTypes: { id: string; code: string }[] }>(
    "{ measureTypes(includeInactive: true) { id code } }",
  );
  for (const t of data.measureTypes) types[t.code] = t.id;
}

const MEASURE = `id status asOf startsOn endsOn liftedOn nextReviewOn reviewOverdue terms legalBasis version
  measureType { code } establishment { code }`;

const IMPOSE = `mutation($input: SecurityMeasureImposeInput!) { securityMeasureImpose(input: $input) {
  decision { id kind recommendationOutcome reviewOutcome decidedOn effectiveOn endsOn nextReviewOn terms
    agency { code } measure { ${MEASURE} } }
  userErrors { field message code } } }`;

const REVIEW = `mutation($input: SecurityMeasureReviewInput!) { securityMeasureReview(input: $input) {
  decision { id kind reviewOutcome decidedOn effectiveOn endsOn nextReviewOn terms measure { ${MEASURE} } }
  userErrors { field message code } } }`;

interface Measure {
  id: string;
  status: string;
  asOf: string;
  startsOn: string;
  endsOn: string;
  liftedOn: string | null;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  terms: string | null;
  legalBasis: string;
  version: number;
  measureType: { code: string };
  establishment: { code: string };
}
interface Decision {
  id: string;
  kind: string;
  recommendationOutcome?: string | null;
  reviewOutcome: string | null;
  decidedOn: string;
  effectiveOn: string;
  endsOn: string | null;
  nextReviewOn: string | null;
  terms: string | null;
  agency?: { code: string };
  measure: Measure | null;
}
interface Payload {
  decision: Decision | null;
  userErrors: UserErrorShape[];
}

interface Term {
  decidedOn: string;
  effectiveOn?: string;
  endsOn: string;
  nextReviewOn?: string | null;
  terms?: string | null;
  legalBasis?: string | null;
  type?: string;
}

async function impose(who: GraphQLClient, personId: string, term: Term): Promise<Payload> {
  const measure: Record<string, unknown> = { endsOn: term.endsOn, nextReviewOn: term.nextReviewOn };
  if (term.terms !== undefined) measure.terms = term.terms;
  if (term.legalBasis !== undefined) measure.legalBasis = term.legalBasis;
  const res = await who.data<{ securityMeasureImpose: Payload }>(IMPOSE, {
    input: {
      personId,
      measureTypeId: types[term.type ?? ISSR],
      reasons: "Fictional reasons for the measure.",
      decidedOn: term.decidedOn,
      effectiveOn: term.effectiveOn ?? term.decidedOn,
      measure,
    },
  });
  return res.securityMeasureImpose;
}

/** Imposes a measure and fails the test if it is refused; answers the measure as it stands today. */
async function imposed(who: GraphQLClient, personId: string, term: Term): Promise<Measure> {
  const res = await impose(who, personId, term);
  if (res.decision?.measure == null) throw new Error(`imposition refused: ${JSON.stringify(res.userErrors)}`);
  return res.decision.measure;
}

async function review(who: GraphQLClient, input: Record<string, unknown>): Promise<Payload> {
  const res = await who.data<{ securityMeasureReview: Payload }>(REVIEW, {
    input: { reasons: "Fictional reasons for the review.", decidedOn: TODAY, ...input },
  });
  return res.securityMeasureReview;
}

async function inmate(familyName: string, establishment = "ITT"): Promise<string> {
  return (await admit(celex(), at, { familyName, establishment, admittedOn: addDays(TODAY, -90) })).personId;
}

async function register(who: GraphQLClient, on: string): Promise<(Measure & { person: { id: string } })[]> {
  return (
    await who.data<{ measuresRegister: (Measure & { person: { id: string } })[] }>(
      `query($on: Date!) { measuresRegister(on: $on) { ${MEASURE} person { id } } }`,
      { on },
    )
  ).measuresRegister;
}

async function measuresOf(who: GraphQLClient, personId: string, on?: string): Promise<Measure[]> {
  return (
    await who.data<{ person: { securityMeasures: Measure[] } }>(
      `query($id: ID!, $on: Date) { person(id: $id) { securityMeasures(on: $on) { ${MEASURE} } } }`,
      { id: personId, on: on ?? null },
    )
  ).person.securityMeasures;
}

describe("imposing a measure directly", () => {
  it("lets the prison director impose the regime on an inmate of the prison for one month at most", async () => {
    const personId = await inmate("Imposa");
    const from = addDays(TODAY, -2);
    const limit = addMonthsToDate(from, 1);
    await expectNothingWritten(app, TABLES, async () => {
      expect(
        (
          await impose(ittre(), personId, {
            decidedOn: from,
            endsOn: addDays(limit, 1),
            nextReviewOn: addDays(from, 20),
          })
        ).userErrors,
      ).toEqual([
        {
          field: "measure.endsOn",
          message: `you may impose this measure for at most 1 month (until ${limit})`,
          code: "INVALID",
        },
      ]);
    });
    const res = await impose(ittre(), personId, {
      decidedOn: from,
      endsOn: limit,
      nextReviewOn: addDays(from, 20),
      terms: "Alone in the yard",
    });
    expect(res.userErrors).toEqual([]);
    expect(res.decision).toMatchObject({
      kind: "MEASURE_IMPOSED",
      recommendationOutcome: null,
      reviewOutcome: null,
      decidedOn: from,
      effectiveOn: from,
      endsOn: limit,
      nextReviewOn: addDays(from, 20),
      terms: "Alone in the yard",
      agency: { code: "prison-ittre" },
      measure: {
        status: "ACTIVE",
        asOf: TODAY,
        startsOn: from,
        endsOn: limit,
        liftedOn: null,
        nextReviewOn: addDays(from, 20),
        reviewOverdue: false,
        terms: "Alone in the yard",
        version: 1,
        measureType: { code: ISSR },
        establishment: { code: "ITT" },
      },
    });
    // The type's own legal basis unless the decision cites another.
    expect(res.decision?.measure?.legalBasis).toContain("art. 116 to 118");
    const own = await imposed(ittre(), personId, {
      type: "CELL_SEARCHES",
      decidedOn: from,
      endsOn: addDays(from, 14),
      nextReviewOn: addDays(from, 7),
      legalBasis: "Fictional legal basis, art. 1",
    });
    expect(own.legalBasis).toBe("Fictional legal basis, art. 1");
    // The Director General may impose it for two months.
    const twoMonths = await imposed(dg(), personId, {
      decidedOn: from,
      endsOn: addMonthsToDate(from, 2),
      nextReviewOn: addDays(from, 25),
      type: "VISIT_RESTRICTION",
    });
    expect(twoMonths).toMatchObject({ status: "ACTIVE", endsOn: addMonthsToDate(from, 2) });
  });

  it("needs a review date before the end and within the type's review interval", async () => {
    const personId = await inmate("Imposb");
    const end = addDays(TODAY, 40);
    await expectNothingWritten(app, TABLES, async () => {
      const missing = await dg().request(IMPOSE, {
        input: {
          personId,
          measureTypeId: types[ISSR],
          reasons: "Fictional.",
          decidedOn: TODAY,
          effectiveOn: TODAY,
          measure: { endsOn: end },
        },
      });
      expect(missing.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      for (const [nextReviewOn, message] of [
        [addDays(end, 1), `must fall on or after ${TODAY} and before ${end}`],
        [end, `must fall on or after ${TODAY} and before ${end}`],
        [addDays(TODAY, -1), `must fall on or after ${TODAY} and before ${end}`],
        [
          addDays(addMonthsToDate(TODAY, 1), 1),
          `this type must be reviewed within 1 month (by ${addMonthsToDate(TODAY, 1)})`,
        ],
      ] as const)
        expect(
          (await impose(dg(), personId, { decidedOn: TODAY, endsOn: end, nextReviewOn })).userErrors,
        ).toEqual([{ field: "measure.nextReviewOn", message, code: "INVALID" }]);
      expect(
        (await impose(dg(), personId, { decidedOn: TODAY, endsOn: TODAY, nextReviewOn: TODAY })).userErrors,
      ).toEqual([
        { field: "measure.endsOn", message: `must be after ${TODAY}`, code: "INVALID" },
        {
          field: "measure.nextReviewOn",
          message: `must fall on or after ${TODAY} and before ${TODAY}`,
          code: "INVALID",
        },
      ]);
    });
  });

  it("needs reasons and a decision day not in the future", async () => {
    const personId = await inmate("Imposc");
    await expectNothingWritten(app, TABLES, async () => {
      const res = await dg().data<{ securityMeasureImpose: Payload }>(IMPOSE, {
        input: {
          personId,
          measureTypeId: types[ISSR],
          reasons: " ",
          decidedOn: addDays(TODAY, 1),
          effectiveOn: addDays(TODAY, 1),
          measure: { endsOn: addDays(TODAY, 20), nextReviewOn: addDays(TODAY, 10) },
        },
      });
      expect(res.securityMeasureImpose.userErrors).toEqual([
        { field: "reasons", message: "give the reasons for the decision", code: "INVALID" },
      ]);
      expect(
        (
          await impose(dg(), personId, {
            decidedOn: addDays(TODAY, 1),
            endsOn: addDays(TODAY, 20),
            nextReviewOn: addDays(TODAY, 10),
          })
        ).userErrors,
      ).toEqual([{ field: "decidedOn", message: "must not be in the future", code: "INVALID" }]);
    });
  });

  it("is for the prison's own director and the Director General only", async () => {
    const personId = await inmate("Imposd");
    const term = { decidedOn: TODAY, endsOn: addDays(TODAY, 20), nextReviewOn: addDays(TODAY, 10) };
    await expectNothingWritten(app, TABLES, async () => {
      expect((await impose(client("prison-hasselt.director"), personId, term)).userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
      for (const account of [
        "celex.analyst",
        "prison-ittre.officer",
        "psd-ittre.psychologist",
        "vsse.officer",
      ] as const) {
        const res = await client(account).request(IMPOSE, {
          input: {
            personId,
            measureTypeId: types[ISSR],
            reasons: "Fictional.",
            decidedOn: TODAY,
            effectiveOn: TODAY,
            measure: { endsOn: term.endsOn, nextReviewOn: term.nextReviewOn },
          },
        });
        expect(res.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
      }
      const res = await ittre().data<{ securityMeasureImpose: Payload }>(IMPOSE, {
        input: {
          personId,
          measureTypeId: UNKNOWN("MeasureType"),
          reasons: "Fictional.",
          decidedOn: TODAY,
          effectiveOn: TODAY,
          measure: { endsOn: term.endsOn, nextReviewOn: term.nextReviewOn },
        },
      });
      expect(res.securityMeasureImpose.userErrors).toEqual([
        { field: "measureTypeId", message: "no measure type in use with this ID", code: "NOT_FOUND" },
      ]);
    });
    // The Hasselt director decides for Hasselt's inmates.
    const hasselt = await inmate("Impose", "HAS");
    expect((await impose(client("prison-hasselt.director"), hasselt, term)).userErrors).toEqual([]);
  });
});

describe("reviewing a measure", () => {
  let personId: string;
  let measureId: string;
  let version: number;
  const end = addDays(TODAY, 5);

  beforeAll(async () => {
    personId = await inmate("Revia");
    const m = await imposed(ittre(), personId, {
      decidedOn: addDays(TODAY, -20),
      endsOn: end,
      nextReviewOn: TODAY,
      terms: "No group activities",
    });
    measureId = m.id;
    version = m.version;
  });

  it("shows the review as due, and lets only the Director General prolong the regime, by two months at most", async () => {
    const queue = await ittre().data<{ measureReviewQueue: { id: string; nextReviewOn: string }[] }>(
      "{ measureReviewQueue(withinDays: 0) { id nextReviewOn } }",
    );
    expect(queue.measureReviewQueue).toContainEqual({ id: measureId, nextReviewOn: TODAY });
    await expectNothingWritten(app, TABLES, async () => {
      const base = {
        measureId,
        outcome: "PROLONGED",
        expectedVersion: version,
        nextReviewOn: addDays(TODAY, 20),
      };
      expect((await review(ittre(), { ...base, endsOn: addDays(end, 20) })).userErrors).toEqual([
        {
          field: "outcome",
          message: "your agency and role may not prolong this type of measure",
          code: "RULE_VIOLATION",
        },
      ]);
      const limit = addMonthsToDate(end, 2);
      expect((await review(dg(), { ...base, endsOn: addDays(limit, 1) })).userErrors).toEqual([
        {
          field: "endsOn",
          message: `you may prolong this measure for at most 2 months (until ${limit})`,
          code: "INVALID",
        },
      ]);
      expect((await review(dg(), { ...base, endsOn: undefined })).userErrors).toEqual([
        { field: "endsOn", message: "give the new end", code: "INVALID" },
      ]);
      expect(
        (await review(dg(), { ...base, endsOn: addDays(end, 20), nextReviewOn: undefined })).userErrors,
      ).toEqual([{ field: "nextReviewOn", message: "set the next review date", code: "INVALID" }]);
    });
    const res = await review(dg(), {
      measureId,
      outcome: "PROLONGED",
      expectedVersion: version,
      endsOn: addDays(TODAY, 50),
      nextReviewOn: addDays(TODAY, 20),
    });
    expect(res.userErrors).toEqual([]);
    expect(res.decision).toMatchObject({
      kind: "MEASURE_REVIEWED",
      reviewOutcome: "PROLONGED",
      decidedOn: TODAY,
      effectiveOn: TODAY,
      endsOn: addDays(TODAY, 50),
      nextReviewOn: addDays(TODAY, 20),
      measure: {
        status: "ACTIVE",
        startsOn: addDays(TODAY, -20),
        endsOn: addDays(TODAY, 50),
        nextReviewOn: addDays(TODAY, 20),
        terms: "No group activities",
        version: version + 1,
      },
    });
    version += 1;
  });

  it("makes a review on a stale version a conflict", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      expect(
        (
          await review(dg(), {
            measureId,
            outcome: "MAINTAINED",
            expectedVersion: version - 1,
            nextReviewOn: addDays(TODAY, 10),
          })
        ).userErrors,
      ).toEqual([
        {
          field: "expectedVersion",
          message: "the measure was reviewed meanwhile; reload and try again",
          code: "CONFLICT",
        },
      ]);
    });
  });

  it("refuses a review dated before the measure's last decision", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      expect(
        (
          await review(dg(), {
            measureId,
            outcome: "MAINTAINED",
            expectedVersion: version,
            decidedOn: addDays(TODAY, -1),
            nextReviewOn: addDays(TODAY, 10),
          })
        ).userErrors,
      ).toEqual([
        {
          field: "decidedOn",
          message: `must not be before the measure's last decision (${TODAY})`,
          code: "INVALID",
        },
      ]);
    });
  });

  it("maintains it with a next review within the interval and before the end", async () => {
    const base = { measureId, outcome: "MAINTAINED", expectedVersion: version };
    const latest = addMonthsToDate(TODAY, 1);
    await expectNothingWritten(app, TABLES, async () => {
      expect((await review(ittre(), base)).userErrors).toEqual([
        { field: "nextReviewOn", message: "set the next review date", code: "INVALID" },
      ]);
      expect((await review(ittre(), { ...base, nextReviewOn: addDays(latest, 1) })).userErrors).toEqual([
        {
          field: "nextReviewOn",
          message: `this type must be reviewed within 1 month(s) (by ${latest})`,
          code: "INVALID",
        },
      ]);
      expect((await review(ittre(), { ...base, nextReviewOn: TODAY })).userErrors).toEqual([
        {
          field: "nextReviewOn",
          message: `must fall after ${TODAY} and before the measure's end (${addDays(TODAY, 50)})`,
          code: "INVALID",
        },
      ]);
      expect(
        (await review(ittre(), { ...base, nextReviewOn: addDays(TODAY, 7), effectiveOn: addDays(TODAY, 1) }))
          .userErrors,
      ).toEqual([
        {
          field: "effectiveOn",
          message: "only a lifting takes effect on another day than the review",
          code: "INVALID",
        },
      ]);
    });
    const res = await review(ittre(), { ...base, nextReviewOn: addDays(TODAY, 7) });
    expect(res.userErrors).toEqual([]);
    expect(res.decision?.measure).toMatchObject({
      nextReviewOn: addDays(TODAY, 7),
      endsOn: addDays(TODAY, 50),
      version: version + 1,
    });
    version += 1;
  });

  it("eases it with lighter terms only", async () => {
    const base = { measureId, outcome: "EASED", expectedVersion: version, nextReviewOn: addDays(TODAY, 14) };
    await expectNothingWritten(app, TABLES, async () => {
      expect((await review(ittre(), { ...base, terms: "  " })).userErrors).toEqual([
        { field: "terms", message: "give the lighter terms", code: "INVALID" },
      ]);
    });
    const res = await review(ittre(), { ...base, terms: "Group activities under supervision" });
    expect(res.userErrors).toEqual([]);
    expect(res.decision).toMatchObject({
      reviewOutcome: "EASED",
      terms: "Group activities under supervision",
      measure: {
        terms: "Group activities under supervision",
        nextReviewOn: addDays(TODAY, 14),
        status: "ACTIVE",
      },
    });
    version += 1;
  });

  it("is closed to the prison director of another establishment", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      for (const id of [measureId, UNKNOWN("SecurityMeasure")])
        expect(
          (
            await review(client("prison-hasselt.director"), {
              measureId: id,
              outcome: "MAINTAINED",
              expectedVersion: version,
              nextReviewOn: addDays(TODAY, 7),
            })
          ).userErrors,
        ).toEqual([{ field: "measureId", message: "no measure with this ID", code: "NOT_FOUND" }]);
    });
  });

  it("lifts it from the effective day, after which it is no longer reviewed", async () => {
    const base = { measureId, outcome: "LIFTED", expectedVersion: version };
    await expectNothingWritten(app, TABLES, async () => {
      expect((await review(ittre(), { ...base, nextReviewOn: addDays(TODAY, 7) })).userErrors).toEqual([
        { field: "nextReviewOn", message: "a lifted measure has no next review", code: "INVALID" },
      ]);
      expect((await review(ittre(), { ...base, effectiveOn: addDays(TODAY, 50) })).userErrors).toEqual([
        {
          field: "effectiveOn",
          message: `must be before the measure's end (${addDays(TODAY, 50)})`,
          code: "INVALID",
        },
      ]);
    });
    const res = await review(ittre(), base);
    expect(res.userErrors).toEqual([]);
    expect(res.decision).toMatchObject({
      reviewOutcome: "LIFTED",
      effectiveOn: TODAY,
      measure: { status: "LIFTED", liftedOn: TODAY, nextReviewOn: null, reviewOverdue: false },
    });
    version += 1;
    await expectNothingWritten(app, TABLES, async () => {
      expect(
        (
          await review(dg(), {
            measureId,
            outcome: "PROLONGED",
            expectedVersion: version,
            endsOn: addDays(TODAY, 60),
            nextReviewOn: addDays(TODAY, 55),
          })
        ).userErrors,
      ).toEqual([
        { field: "measureId", message: "the measure is no longer in force", code: "RULE_VIOLATION" },
      ]);
    });
    const history = await dg().data<{
      node: { decisions: { kind: string; reviewOutcome: string | null }[] };
    }>(`query($id: ID!) { node(id: $id) { ... on SecurityMeasure { decisions { kind reviewOutcome } } } }`, {
      id: measureId,
    });
    expect(history.node.decisions).toEqual([
      { kind: "MEASURE_IMPOSED", reviewOutcome: null },
      { kind: "MEASURE_REVIEWED", reviewOutcome: "PROLONGED" },
      { kind: "MEASURE_REVIEWED", reviewOutcome: "MAINTAINED" },
      { kind: "MEASURE_REVIEWED", reviewOutcome: "EASED" },
      { kind: "MEASURE_REVIEWED", reviewOutcome: "LIFTED" },
    ]);
    expect((await register(dg(), TODAY)).map((m) => m.id)).not.toContain(measureId);
    expect((await register(dg(), addDays(TODAY, -1))).map((m) => m.id)).toContain(measureId);
  });
});

describe("a measure not prolonged in time", () => {
  let personId: string;
  let measure: Measure;

  beforeAll(async () => {
    personId = await inmate("Lapsa");
    measure = await imposed(dg(), personId, {
      decidedOn: addDays(TODAY, -40),
      endsOn: addDays(TODAY, -10),
      nextReviewOn: addDays(TODAY, -20),
    });
  });

  it("lapses on its end date", async () => {
    expect(measure).toMatchObject({ status: "LAPSED", endsOn: addDays(TODAY, -10), reviewOverdue: false });
    expect(await measuresOf(dg(), personId)).toMatchObject([
      { id: measure.id, status: "LAPSED", asOf: TODAY },
    ]);
    expect(await measuresOf(dg(), personId, addDays(TODAY, -11))).toMatchObject([
      { status: "ACTIVE", reviewOverdue: true, asOf: addDays(TODAY, -11) },
    ]);
    expect((await register(dg(), TODAY)).map((m) => m.id)).not.toContain(measure.id);
    expect(await register(dg(), addDays(TODAY, -15))).toContainEqual(
      expect.objectContaining({
        id: measure.id,
        status: "ACTIVE",
        reviewOverdue: true,
        nextReviewOn: addDays(TODAY, -20),
      }),
    );
    const queue = await dg().data<{ measureReviewQueue: { id: string }[] }>(
      "{ measureReviewQueue(withinDays: 30) { id } }",
    );
    expect(queue.measureReviewQueue.map((m) => m.id)).not.toContain(measure.id);
  });

  it("cannot be prolonged or maintained once lapsed", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      for (const input of [
        { outcome: "PROLONGED", endsOn: addDays(TODAY, 30), nextReviewOn: addDays(TODAY, 10) },
        { outcome: "MAINTAINED", nextReviewOn: addDays(TODAY, 10) },
      ])
        expect(
          (await review(dg(), { measureId: measure.id, expectedVersion: measure.version, ...input }))
            .userErrors,
        ).toEqual([
          {
            field: "measureId",
            message: `the measure lapsed on ${addDays(TODAY, -10)}: impose a new one`,
            code: "RULE_VIOLATION",
          },
        ]);
    });
  });
});

describe("a release", () => {
  it("ends the measures in force and takes the person off the queues, keeping the history as of before", async () => {
    const { personId, episodeId } = await admit(celex(), at, {
      familyName: "Releasa",
      establishment: "ITT",
      admittedOn: addDays(TODAY, -90),
    });
    const measure = await imposed(dg(), personId, {
      decidedOn: addDays(TODAY, -20),
      endsOn: addDays(TODAY, 30),
      nextReviewOn: addDays(TODAY, -5),
    });
    const rec = await celex().data<{ recommendationWrite: { recommendation: { id: string } } }>(
      `mutation($input: RecommendationWriteInput!) { recommendationWrite(input: $input) { recommendation { id } } }`,
      {
        input: {
          personId,
          kind: "SECURITY_MEASURE",
          measureTypeId: types[ISSR],
          months: 1,
          rationale: "Fictional.",
          recommendedOn: addDays(TODAY, -3),
        },
      },
    );
    const queues = async () =>
      dg().data<{
        measureReviewQueue: { id: string }[];
        notificationQueue: { person: { id: string } | null }[];
        recommendationInbox: { id: string }[];
      }>(
        "{ measureReviewQueue(withinDays: 30) { id } notificationQueue { person { id } } recommendationInbox { id } }",
      );
    const before = await queues();
    expect(before.measureReviewQueue.map((m) => m.id)).toContain(measure.id);
    expect(before.notificationQueue.map((d) => d.person?.id)).toContain(personId);
    expect(before.recommendationInbox.map((r) => r.id)).toContain(rec.recommendationWrite.recommendation.id);

    const released = await celex().data<{ detentionEpisodeRelease: { userErrors: unknown[] } }>(
      `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`,
      {
        input: {
          episodeId,
          releasedOn: addDays(TODAY, -1),
          releaseType: "END_OF_SENTENCE",
          releaseMunicipality: "Gent",
        },
      },
    );
    expect(released.detentionEpisodeRelease.userErrors).toEqual([]);

    expect(await measuresOf(dg(), personId)).toMatchObject([
      { id: measure.id, status: "ENDED", reviewOverdue: false },
    ]);
    expect(await measuresOf(dg(), personId, addDays(TODAY, -2))).toMatchObject([
      { id: measure.id, status: "ACTIVE", reviewOverdue: true },
    ]);
    expect((await register(dg(), TODAY)).map((m) => m.id)).not.toContain(measure.id);
    expect((await register(dg(), addDays(TODAY, -2))).map((m) => m.id)).toContain(measure.id);
    const after = await queues();
    expect(after.measureReviewQueue.map((m) => m.id)).not.toContain(measure.id);
    expect(after.notificationQueue.map((d) => d.person?.id)).not.toContain(personId);
    expect(after.recommendationInbox.map((r) => r.id)).not.toContain(
      rec.recommendationWrite.recommendation.id,
    );
  });
});

describe("the register and a person's measures as of a date", () => {
  it("shows a measure lifted last week as in force two weeks ago, not today", async () => {
    const personId = await inmate("Asofa");
    const m = await imposed(dg(), personId, {
      decidedOn: addDays(TODAY, -30),
      endsOn: addDays(TODAY, 25),
      nextReviewOn: addDays(TODAY, -5),
    });
    const lifted = await review(dg(), {
      measureId: m.id,
      outcome: "LIFTED",
      expectedVersion: m.version,
      decidedOn: addDays(TODAY, -7),
    });
    expect(lifted.userErrors).toEqual([]);
    expect(await register(dg(), addDays(TODAY, -14))).toContainEqual(
      expect.objectContaining({ id: m.id, status: "ACTIVE", liftedOn: null, asOf: addDays(TODAY, -14) }),
    );
    expect((await register(dg(), addDays(TODAY, -7))).map((x) => x.id)).not.toContain(m.id);
    expect((await register(dg(), TODAY)).map((x) => x.id)).not.toContain(m.id);
    expect(await measuresOf(dg(), personId, addDays(TODAY, -14))).toMatchObject([
      { status: "ACTIVE", liftedOn: null },
    ]);
    expect(await measuresOf(dg(), personId)).toMatchObject([
      { status: "LIFTED", liftedOn: addDays(TODAY, -7) },
    ]);
  });

  it("reports the end known on the day: a later prolongation does not move it", async () => {
    const personId = await inmate("Asofb");
    const m = await imposed(dg(), personId, {
      decidedOn: addDays(TODAY, -50),
      endsOn: addDays(TODAY, -5),
      nextReviewOn: addDays(TODAY, -25),
    });
    const prolonged = await review(dg(), {
      measureId: m.id,
      outcome: "PROLONGED",
      expectedVersion: m.version,
      decidedOn: addDays(TODAY, -8),
      endsOn: addDays(TODAY, 40),
      nextReviewOn: addDays(TODAY, 10),
    });
    expect(prolonged.userErrors).toEqual([]);
    expect(await register(dg(), addDays(TODAY, -10))).toContainEqual(
      expect.objectContaining({
        id: m.id,
        status: "ACTIVE",
        endsOn: addDays(TODAY, -5),
        nextReviewOn: addDays(TODAY, -25),
        reviewOverdue: true,
      }),
    );
    expect(await register(dg(), TODAY)).toContainEqual(
      expect.objectContaining({
        id: m.id,
        status: "ACTIVE",
        endsOn: addDays(TODAY, 40),
        nextReviewOn: addDays(TODAY, 10),
        reviewOverdue: false,
      }),
    );
    expect(await measuresOf(dg(), personId, addDays(TODAY, -9))).toMatchObject([
      { endsOn: addDays(TODAY, -5) },
    ]);
    expect(await measuresOf(dg(), personId, addDays(TODAY, -8))).toMatchObject([
      { endsOn: addDays(TODAY, 40) },
    ]);
    // Before it was decided, the person had no measure at all.
    expect(await measuresOf(dg(), personId, addDays(TODAY, -51))).toEqual([]);
  });
});

describe("the review queue", () => {
  it("lists measures in force whose review is due within the days asked, overdue first", async () => {
    const soon = await imposed(ittre(), await inmate("Queuea"), {
      decidedOn: addDays(TODAY, -10),
      endsOn: addDays(TODAY, 15),
      nextReviewOn: addDays(TODAY, 3),
    });
    const late = await imposed(ittre(), await inmate("Queueb"), {
      decidedOn: addDays(TODAY, -24),
      endsOn: addDays(TODAY, 3),
      nextReviewOn: addDays(TODAY, -2),
    });
    const queue = async (withinDays: number) =>
      (
        await ittre().data<{ measureReviewQueue: { id: string; reviewOverdue: boolean }[] }>(
          "query($d: Int!) { measureReviewQueue(withinDays: $d) { id reviewOverdue } }",
          { d: withinDays },
        )
      ).measureReviewQueue.filter((m) => m.id === soon.id || m.id === late.id);
    expect(await queue(7)).toEqual([
      { id: late.id, reviewOverdue: true },
      { id: soon.id, reviewOverdue: false },
    ]);
    expect(await queue(2)).toEqual([{ id: late.id, reviewOverdue: true }]);
    const bad = await ittre().request("{ measureReviewQueue(withinDays: -1) { id } }");
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("periodic evaluations", () => {
  let personId: string;
  let measureId: string;
  const EVALUATE = `mutation($input: MeasureEvaluationRecordInput!) { measureEvaluationRecord(input: $input) {
    measure { id evaluations { evaluatedOn advice summary } evaluationsDue { agencyKind role lastEvaluatedOn dueOn overdue } }
    userErrors { field message code } } }`;
  interface EvaluationPayload {
    measure: {
      id: string;
      evaluations: { evaluatedOn: string; advice: string; summary: string }[];
      evaluationsDue: {
        agencyKind: string;
        role: string;
        lastEvaluatedOn: string | null;
        dueOn: string;
        overdue: boolean;
      }[];
    } | null;
    userErrors: UserErrorShape[];
  }
  const evaluate = async (who: GraphQLClient, input: Record<string, unknown>) =>
    (
      await who.data<{ measureEvaluationRecord: EvaluationPayload }>(EVALUATE, {
        input: {
          measureId,
          evaluatedOn: addDays(TODAY, -1),
          advice: "EASE",
          summary: "Fictional evaluation.",
          ...input,
        },
      })
    ).measureEvaluationRecord;
  const evaluationQueue = async (who: GraphQLClient, withinDays = 7) =>
    (
      await who.data<{ measureEvaluationQueue: { id: string }[] }>(
        "query($d: Int!) { measureEvaluationQueue(withinDays: $d) { id } }",
        { d: withinDays },
      )
    ).measureEvaluationQueue.map((m) => m.id);

  beforeAll(async () => {
    personId = await inmate("Evala");
    measureId = (
      await imposed(dg(), personId, {
        decidedOn: addDays(TODAY, -35),
        endsOn: addDays(TODAY, 20),
        nextReviewOn: addDays(TODAY, -10),
      })
    ).id;
  });

  it("shows the monthly psychosocial evaluation as overdue, in the psychologists' queue of that prison", async () => {
    const data = await psd().data<{ node: EvaluationPayload["measure"] }>(
      `query($id: ID!) { node(id: $id) { ... on SecurityMeasure { id evaluations { evaluatedOn }
         evaluationsDue { agencyKind role lastEvaluatedOn dueOn overdue } } } }`,
      { id: measureId },
    );
    expect(data.node?.evaluationsDue).toEqual([
      {
        agencyKind: "PSYCHOSOCIAL_SERVICE",
        role: "PSYCHOLOGIST",
        lastEvaluatedOn: null,
        dueOn: addDays(TODAY, -5),
        overdue: true,
      },
    ]);
    expect(await evaluationQueue(psd(), 0)).toContain(measureId);
    expect(await evaluationQueue(client("psd-hasselt.psychologist"), 30)).not.toContain(measureId);
    expect(await evaluationQueue(dg(), 30)).not.toContain(measureId);
  });

  it("is recorded by the prison's psychologist, and sets the next one a month later", async () => {
    const rows = await audited(app, async () => {
      const res = await evaluate(psd(), {});
      expect(res.userErrors).toEqual([]);
      expect(res.measure).toEqual({
        id: measureId,
        evaluations: [{ evaluatedOn: addDays(TODAY, -1), advice: "EASE", summary: "Fictional evaluation." }],
        evaluationsDue: [
          {
            agencyKind: "PSYCHOSOCIAL_SERVICE",
            role: "PSYCHOLOGIST",
            lastEvaluatedOn: addDays(TODAY, -1),
            dueOn: addDays(TODAY, 29),
            overdue: false,
          },
        ],
      });
    });
    expect(rows.filter((r) => r.operation === "CREATE").map((r) => [r.person_id, r.data_classes])).toEqual([
      [uuidOf(personId), ["MEASURES"]],
    ]);
    expect(await evaluationQueue(psd(), 7)).not.toContain(measureId);
    expect(await evaluationQueue(psd(), 29)).toContain(measureId);
  });

  it("refuses a type without that evaluation, a day the measure was not in force, and other services", async () => {
    const searches = await imposed(ittre(), personId, {
      type: "CELL_SEARCHES",
      decidedOn: addDays(TODAY, -5),
      endsOn: addDays(TODAY, 20),
      nextReviewOn: addDays(TODAY, 10),
    });
    await expectNothingWritten(app, TABLES, async () => {
      expect((await evaluate(psd(), { measureId: searches.id })).userErrors).toEqual([
        {
          field: "measureId",
          message: "this type of measure requires no evaluation from your service",
          code: "RULE_VIOLATION",
        },
      ]);
      expect((await evaluate(psd(), { evaluatedOn: addDays(TODAY, -36) })).userErrors).toEqual([
        { field: "evaluatedOn", message: "the measure was not in force that day", code: "RULE_VIOLATION" },
      ]);
      expect((await evaluate(psd(), { evaluatedOn: addDays(TODAY, 1) })).userErrors).toEqual([
        { field: "evaluatedOn", message: "must not be in the future", code: "INVALID" },
      ]);
      expect((await evaluate(psd(), { summary: " " })).userErrors).toEqual([
        { field: "summary", message: "summarise the evaluation", code: "INVALID" },
      ]);
      expect((await evaluate(client("psd-hasselt.psychologist"), {})).userErrors).toEqual([
        { field: "measureId", message: "no measure with this ID", code: "NOT_FOUND" },
      ]);
      for (const account of ["prison-ittre.director", "celex.analyst", "dgepi.director"] as const) {
        const res = await client(account).request(EVALUATE, {
          input: { measureId, evaluatedOn: TODAY, advice: "MAINTAIN", summary: "Fictional." },
        });
        expect(res.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
      }
    });
  });
});

describe("measure types", () => {
  const DEFINE = `mutation($input: MeasureTypeDefineInput!) { measureTypeDefine(input: $input) {
    measureType { id code name active reviewWithinMonths impose { agencyKind role maxMonths } prolong { agencyKind role maxMonths }
      evaluations { agencyKind role everyDays } }
    userErrors { field message code } } }`;
  const workRestriction = (over: Record<string, unknown> = {}) => ({
    code: "WORK_RESTRICTION",
    name: "Restriction on prison work",
    description: "Fictional: no work in the workshops.",
    legalBasis: "Fictional legal basis, art. 2",
    impose: [{ agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 3 }],
    prolong: [{ agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 3 }],
    reviewWithinMonths: 2,
    evaluations: [],
    ...over,
  });
  interface DefinePayload {
    measureType: { id: string; code: string; active: boolean; impose: unknown[] } | null;
    userErrors: UserErrorShape[];
  }
  const define = async (input: Record<string, unknown>, who = client("admin")) =>
    (await who.data<{ measureTypeDefine: DefinePayload }>(DEFINE, { input })).measureTypeDefine;

  it("lets an administrator add a type with its rules, which then applies", async () => {
    const res = await define(workRestriction());
    expect(res.userErrors).toEqual([]);
    expect(res.measureType).toMatchObject({
      code: "WORK_RESTRICTION",
      active: true,
      reviewWithinMonths: 2,
      impose: [{ agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 3 }],
      evaluations: [],
    });
    await loadTypes();
    expect(types.WORK_RESTRICTION).toBe(res.measureType?.id);
    const personId = await inmate("Typea");
    // Only the Director General may impose it: a prison director is refused at the type.
    await expectNothingWritten(app, TABLES, async () => {
      expect(
        (
          await impose(ittre(), personId, {
            type: "WORK_RESTRICTION",
            decidedOn: TODAY,
            endsOn: addDays(TODAY, 20),
            nextReviewOn: addDays(TODAY, 10),
          })
        ).userErrors,
      ).toEqual([
        {
          field: "measureTypeId",
          message: "your agency and role may not impose this type of measure",
          code: "RULE_VIOLATION",
        },
      ]);
    });
    const threeMonths = await imposed(dg(), personId, {
      type: "WORK_RESTRICTION",
      decidedOn: TODAY,
      endsOn: addMonthsToDate(TODAY, 3),
      nextReviewOn: addDays(TODAY, 50),
    });
    expect(threeMonths).toMatchObject({
      legalBasis: "Fictional legal basis, art. 2",
      measureType: { code: "WORK_RESTRICTION" },
    });
  });

  it("refuses rules that do not hold, naming the field", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      expect((await define(workRestriction({ code: "SECOND", impose: [] }))).userErrors).toEqual([
        { field: "impose", message: "name at least one agency and role that may impose it", code: "INVALID" },
      ]);
      expect(
        (
          await define(
            workRestriction({
              code: "THIRD",
              prolong: [{ agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 30 }],
              reviewWithinMonths: 0,
            }),
          )
        ).userErrors.map((e) => [e.field, e.code]),
      ).toEqual([
        ["prolong.0.maxMonths", "INVALID"],
        ["reviewWithinMonths", "INVALID"],
      ]);
      expect((await define(workRestriction({ code: "lower case" }))).userErrors).toEqual([
        { field: "code", message: "use 2 to 40 capitals, digits and underscores", code: "INVALID" },
      ]);
    });
  });

  it("is for administrators only", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      for (const account of ["celex.analyst", "dgepi.director", "prison-ittre.director"] as const) {
        const res = await client(account).request(DEFINE, { input: workRestriction({ code: "FOURTH" }) });
        expect(res.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
      }
    });
  });

  it("withdraws a type: listed on request only, and no new measures of it", async () => {
    const res = await define(workRestriction({ active: false }));
    expect(res.measureType).toMatchObject({ id: types.WORK_RESTRICTION, active: false });
    const list = async (includeInactive: boolean) =>
      (
        await celex().data<{ measureTypes: { code: string }[] }>(
          "query($i: Boolean!) { measureTypes(includeInactive: $i) { code } }",
          { i: includeInactive },
        )
      ).measureTypes.map((t) => t.code);
    expect(await list(false)).not.toContain("WORK_RESTRICTION");
    expect(await list(true)).toContain("WORK_RESTRICTION");
    const personId = await inmate("Typeb");
    expect(
      (
        await impose(dg(), personId, {
          type: "WORK_RESTRICTION",
          decidedOn: TODAY,
          endsOn: addDays(TODAY, 20),
          nextReviewOn: addDays(TODAY, 10),
        })
      ).userErrors,
    ).toEqual([
      { field: "measureTypeId", message: "no measure type in use with this ID", code: "NOT_FOUND" },
    ]);
  });
});

describe("who sees measures", () => {
  let personId: string;
  let measure: Measure;
  let decisionId: string;

  beforeAll(async () => {
    personId = await inmate("Sighta");
    const res = await impose(ittre(), personId, {
      decidedOn: addDays(TODAY, -3),
      endsOn: addDays(TODAY, 20),
      nextReviewOn: addDays(TODAY, 5),
    });
    measure = res.decision?.measure as Measure;
    decisionId = res.decision?.id as string;
  });

  const NODE = `query($id: ID!) { node(id: $id) { id } }`;

  it("shows an Ittre inmate's measure to Ittre's staff, CelEx, the DG and intelligence", async () => {
    for (const account of [
      "prison-ittre.officer",
      "prison-ittre.director",
      "celex.analyst",
      "dgepi.director",
      "vsse.officer",
    ] as const) {
      expect(
        (await register(client(account), TODAY)).map((m) => m.id),
        account,
      ).toContain(measure.id);
      expect(
        (await client(account).data<{ node: { id: string } | null }>(NODE, { id: measure.id })).node,
        account,
      ).toEqual({
        id: measure.id,
      });
      expect(
        (await measuresOf(client(account), personId)).map((m) => m.id),
        account,
      ).toEqual([measure.id]);
    }
  });

  it("hides it from the police and from another prison, in the register, the queues and by ID", async () => {
    for (const account of [
      "police.officer",
      "prison-hasselt.director",
      "psd-hasselt.psychologist",
    ] as const) {
      const who = client(account);
      expect(
        (await register(who, TODAY)).map((m) => m.id),
        account,
      ).not.toContain(measure.id);
      const queues = await who.data<{
        measureReviewQueue: { id: string }[];
        notificationQueue: { id: string }[];
      }>("{ measureReviewQueue(withinDays: 30) { id } notificationQueue { id } }");
      expect(
        queues.measureReviewQueue.map((m) => m.id),
        account,
      ).not.toContain(measure.id);
      expect(
        queues.notificationQueue.map((d) => d.id),
        account,
      ).not.toContain(decisionId);
      for (const id of [measure.id, decisionId])
        expect((await who.data<{ node: unknown }>(NODE, { id })).node, account).toBeNull();
      const person = await who.request(`query($id: ID!) { person(id: $id) { securityMeasures { id } } }`, {
        id: personId,
      });
      expect(person.errors?.[0]?.extensions?.code, account).toBe("NOT_FOUND");
    }
  });

  it("refuses the person's measures, decisions and recommendations to a reader without MEASURES", async () => {
    const res = await client("cuta.analyst").request<{ person: Record<string, unknown> }>(
      `query($id: ID!) { person(id: $id) { familyName securityMeasures { id } decisions { id } recommendations { id } } }`,
      { id: personId },
    );
    expect(res.data?.person).toEqual({
      familyName: "Sighta",
      securityMeasures: null,
      decisions: null,
      recommendations: null,
    });
    expect(res.errors?.map((e) => [e.path?.join("."), e.extensions?.code]).sort()).toEqual([
      ["person.decisions", "FORBIDDEN"],
      ["person.recommendations", "FORBIDDEN"],
      ["person.securityMeasures", "FORBIDDEN"],
    ]);
    expect((await client("cuta.analyst").data<{ node: unknown }>(NODE, { id: measure.id })).node).toBeNull();
  });

  it("audits a read of the register and the queues for the persons returned, and only those", async () => {
    const lapsed = await inmate("Auditlapsed");
    await imposed(ittre(), lapsed, {
      decidedOn: addDays(TODAY, -30),
      endsOn: addDays(TODAY, -5),
      nextReviewOn: addDays(TODAY, -10),
    });
    let returned: string[] = [];
    const rows = await audited(app, async () => {
      returned = (await register(client("prison-ittre.officer"), TODAY)).map((m) => uuidOf(m.person.id));
    });
    expect(returned).toContain(uuidOf(personId));
    const reads = rows.filter((r) => r.operation === "READ");
    expect(reads.every((r) => r.data_classes.includes("MEASURES"))).toBe(true);
    expect(new Set(reads.map((r) => r.person_id))).toEqual(new Set(returned));
    expect(reads.map((r) => r.person_id)).not.toContain(uuidOf(lapsed));

    const queued = await audited(app, () => ittre().data("{ measureReviewQueue(withinDays: 0) { id } }"));
    expect(queued.filter((r) => r.operation === "READ").map((r) => r.person_id)).not.toContain(
      uuidOf(personId),
    );
    const due = await audited(app, () => ittre().data("{ measureReviewQueue(withinDays: 5) { id } }"));
    expect(due.filter((r) => r.operation === "READ" && r.person_id === uuidOf(personId))).toMatchObject([
      { data_classes: ["MEASURES"] },
    ]);
  });
});
