import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, expectNothingWritten, screen, UNKNOWN, type UserErrorShape } from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "./harness.js";

let app: TestApp;
let at: Places;
let celex: GraphQLClient;
let psd: GraphQLClient;
const instruments: Record<string, Instrument> = {};
const ASSESSMENT_TABLES = [
  "risk_assessments",
  "risk_assessment_details",
  "risk_assessment_ratings",
  "risk_assessment_domain_summaries",
];

interface Instrument {
  id: string;
  code: string;
  active: boolean;
  ratingScale: string[];
  domains: { code: string; indicators: { code: string; required: boolean; licensedText: string | null }[] }[];
}

const INSTRUMENTS = `query($inactive: Boolean! = false) { assessmentInstruments(includeInactive: $inactive) {
  id code active ratingScale domains { code indicators { code required licensedText } } } }`;

async function instrumentsAs(client: GraphQLClient, inactive = false): Promise<Instrument[]> {
  return (await client.data<{ assessmentInstruments: Instrument[] }>(INSTRUMENTS, { inactive }))
    .assessmentInstruments;
}

const RECORD = `mutation($input: RiskAssessmentRecordInput!) { riskAssessmentRecord(input: $input) {
  riskAssessment { id assessedOn finalJudgement nextReviewOn narrative instrument { code } agency { code }
    ratings { indicatorCode domainCode rating notRatedReason } domainSummaries { domainCode summary } }
  person { nextAssessmentDueOn }
  userErrors { field message code } } }`;

interface RecordPayload {
  riskAssessment: {
    id: string;
    assessedOn: string;
    finalJudgement: string;
    nextReviewOn: string;
    narrative: string;
    instrument: { code: string };
    agency: { code: string };
    ratings: { indicatorCode: string; domainCode: string; rating: string; notRatedReason: string | null }[];
    domainSummaries: { domainCode: string; summary: string }[];
  } | null;
  person: { nextAssessmentDueOn: string | null } | null;
  userErrors: UserErrorShape[];
}

/** Every required indicator of the instrument rated ABSENT. */
function requiredRatings(code = "VERA-2R") {
  return (instruments[code] as Instrument).domains.flatMap((d) =>
    d.indicators.filter((i) => i.required).map((i) => ({ indicatorCode: i.code, rating: "ABSENT" })),
  );
}

function assessment(personId: string, over: Record<string, unknown> = {}) {
  return {
    input: {
      personId,
      instrumentId: instruments["VERA-2R"]?.id,
      assessedOn: addDays(TODAY, -10),
      finalJudgement: "MODERATE",
      narrative: "Fictional narrative of the structured professional judgement.",
      nextReviewOn: addDays(TODAY, 150),
      ratings: requiredRatings(),
      ...over,
    },
  };
}

async function record(client: GraphQLClient, personId: string, over: Record<string, unknown> = {}) {
  return (await client.data<{ riskAssessmentRecord: RecordPayload }>(RECORD, assessment(personId, over)))
    .riskAssessmentRecord;
}

async function inmate(familyName: string, establishment = "ITT", listed = true): Promise<string> {
  const { personId } = await admit(celex, at, { familyName, establishment, admittedOn: "2024-01-10" });
  await screen(celex, personId, listed ? {} : { outcome: "NOT_LISTED", category: null, labels: [] });
  return personId;
}

beforeAll(async () => {
  app = await startTestApp();
  celex = await app.login(EMAIL("celex.analyst"));
  psd = await app.login(EMAIL("psd-ittre.psychologist"));
  at = await places(celex);
  for (const i of await instrumentsAs(psd)) instruments[i.code] = i;
});
afterAll(() => app.close());

describe("recording a risk assessment", () => {
  let personId: string;
  let assessmentId: string;

  beforeAll(async () => {
    personId = await inmate("Assessa");
  });

  it("records a valid assessment with its ratings and domain summaries, and sets the next one due", async () => {
    const ratings = requiredRatings().map((r) =>
      r.indicatorCode === "BAI-1"
        ? { indicatorCode: "BAI-1", rating: "NOT_RATED", notRatedReason: "Refused to discuss." }
        : r.indicatorCode === "SCI-2"
          ? { ...r, rating: "PRESENT" }
          : r,
    );
    const res = await record(psd, personId, {
      ratings: [...ratings, { indicatorCode: "MD-1", rating: "PRESENT" }],
      domainSummaries: [
        { domainCode: "SCI", summary: "Fictional summary of the social context." },
        { domainCode: "BAI", summary: "Fictional summary of beliefs." },
      ],
    });
    expect(res.userErrors).toEqual([]);
    assessmentId = res.riskAssessment?.id as string;
    expect(res.riskAssessment).toMatchObject({
      assessedOn: addDays(TODAY, -10),
      finalJudgement: "MODERATE",
      nextReviewOn: addDays(TODAY, 150),
      narrative: "Fictional narrative of the structured professional judgement.",
      instrument: { code: "VERA-2R" },
      agency: { code: "psd-ittre" },
      domainSummaries: [
        { domainCode: "BAI", summary: "Fictional summary of beliefs." },
        { domainCode: "SCI", summary: "Fictional summary of the social context." },
      ],
    });
    const rated = res.riskAssessment?.ratings ?? [];
    expect(rated).toHaveLength(35);
    expect(rated[0]).toEqual({
      indicatorCode: "BAI-1",
      domainCode: "BAI",
      rating: "NOT_RATED",
      notRatedReason: "Refused to discuss.",
    });
    expect(rated.find((r) => r.indicatorCode === "SCI-2")?.rating).toBe("PRESENT");
    expect(rated.at(-1)).toMatchObject({ indicatorCode: "MD-1", domainCode: "MD", rating: "PRESENT" });
    expect(res.person).toEqual({ nextAssessmentDueOn: addDays(TODAY, 150) });
  });

  it("takes the rating scale from the instrument (ERG22+ rates partly present)", async () => {
    const erg = (instruments["ERG22+"] as Instrument).domains.flatMap((d) =>
      d.indicators.map((i) => ({ indicatorCode: i.code, rating: "PARTLY_PRESENT" })),
    );
    const res = await record(psd, personId, {
      instrumentId: instruments["ERG22+"]?.id,
      ratings: erg,
      assessedOn: addDays(TODAY, -5),
      nextReviewOn: addDays(TODAY, 30),
    });
    expect(res.userErrors).toEqual([]);
    expect(res.person?.nextAssessmentDueOn).toBe(addDays(TODAY, 30));
  });

  it("refuses a missing required indicator, naming it, and writes nothing", async () => {
    await expectNothingWritten(app, ASSESSMENT_TABLES, async () => {
      const res = await record(psd, personId, {
        ratings: requiredRatings().filter((r) => !["BAI-3", "PRM-6"].includes(r.indicatorCode)),
      });
      expect(res.riskAssessment).toBeNull();
      expect(res.userErrors).toEqual([
        {
          field: "ratings",
          message: "BAI-3 must be rated (or NOT_RATED with a reason)",
          code: "RULE_VIOLATION",
        },
        {
          field: "ratings",
          message: "PRM-6 must be rated (or NOT_RATED with a reason)",
          code: "RULE_VIOLATION",
        },
      ]);
    });
  });

  it("refuses ratings off the instrument's scale, unknown or doubled indicators, and NOT_RATED without a reason", async () => {
    const ratings = requiredRatings();
    ratings[0] = { indicatorCode: "BAI-1", rating: "PARTLY_PRESENT" };
    ratings[1] = { indicatorCode: "BAI-2", rating: "NOT_RATED" };
    await expectNothingWritten(app, ASSESSMENT_TABLES, async () => {
      const res = await record(psd, personId, {
        ratings: [
          ...ratings,
          { indicatorCode: "XYZ-1", rating: "ABSENT" },
          { indicatorCode: "BAI-4", rating: "PRESENT" },
        ],
        domainSummaries: [{ domainCode: "ENG", summary: "Not a VERA-2R domain." }],
      });
      const n = ratings.length;
      expect(res.userErrors).toEqual([
        {
          field: "ratings.0.rating",
          message: "PARTLY_PRESENT is not on this instrument's scale",
          code: "INVALID",
        },
        { field: "ratings.1.notRatedReason", message: "say why the indicator is not rated", code: "INVALID" },
        {
          field: `ratings.${n}.indicatorCode`,
          message: "XYZ-1 is not an indicator of this instrument",
          code: "INVALID",
        },
        { field: `ratings.${n + 1}.indicatorCode`, message: "BAI-4 is rated twice", code: "INVALID" },
        {
          field: "domainSummaries.0.domainCode",
          message: "ENG is not a domain of this instrument",
          code: "INVALID",
        },
      ]);
      const twice = await record(psd, personId, {
        domainSummaries: [
          { domainCode: "CM", summary: "Once." },
          { domainCode: "CM", summary: "Twice." },
        ],
      });
      expect(twice.userErrors).toEqual([
        { field: "domainSummaries.1.domainCode", message: "CM is summarised twice", code: "INVALID" },
      ]);
    });
  });

  it("refuses dates in the future, a review before the assessment or more than 12 months later", async () => {
    await expectNothingWritten(app, ASSESSMENT_TABLES, async () => {
      const future = await record(psd, personId, {
        assessedOn: addDays(TODAY, 1),
        nextReviewOn: addDays(TODAY, 30),
      });
      expect(future.userErrors).toEqual([
        { field: "assessedOn", message: "must not be in the future", code: "INVALID" },
      ]);
      const tooLate = await record(psd, personId, {
        assessedOn: "2025-03-31",
        nextReviewOn: "2026-04-01",
      });
      expect(tooLate.userErrors).toEqual([
        { field: "nextReviewOn", message: "must be at most 12 months after the assessment", code: "INVALID" },
      ]);
      const before = await record(psd, personId, { nextReviewOn: addDays(TODAY, -10) });
      expect(before.userErrors).toEqual([
        { field: "nextReviewOn", message: "must be after the assessment date", code: "INVALID" },
      ]);
    });
    // Exactly twelve months is allowed.
    const limit = await record(psd, personId, { assessedOn: "2025-12-31", nextReviewOn: "2026-12-31" });
    expect(limit.userErrors).toEqual([]);
  });

  it("refuses an unknown or withdrawn instrument as not found", async () => {
    await app.database.db.execute(
      sql`update assessment_instruments set active = false where code = 'TRAP-18'`,
    );
    const withdrawn = (await instrumentsAs(psd, true)).find((i) => i.code === "TRAP-18") as Instrument;
    expect(withdrawn.active).toBe(false);
    expect((await instrumentsAs(psd)).map((i) => i.code)).not.toContain("TRAP-18");
    await expectNothingWritten(app, ASSESSMENT_TABLES, async () => {
      for (const instrumentId of [UNKNOWN("AssessmentInstrument"), withdrawn.id, personId]) {
        const res = await record(psd, personId, { instrumentId });
        expect(res.userErrors).toEqual([
          { field: "instrumentId", message: "no active instrument version with this ID", code: "NOT_FOUND" },
        ]);
      }
    });
  });

  it("is for the psychosocial service of the person's establishment only", async () => {
    const hasselt = await app.login(EMAIL("psd-hasselt.psychologist"));
    const officer = await app.login(EMAIL("prison-ittre.officer"));
    await expectNothingWritten(app, ASSESSMENT_TABLES, async () => {
      const other = await record(hasselt, personId);
      expect(other.userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
      for (const client of [officer, celex]) {
        const res = await client.request(RECORD, assessment(personId));
        expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
    });
  });

  it("shows CelEx the summary only: the judgement and dates, never the narrative or ratings", async () => {
    const res = await celex.request<{
      person: {
        nextAssessmentDueOn: string;
        riskAssessments: {
          assessedOn: string;
          finalJudgement: string;
          nextReviewOn: string;
          narrative: null;
          ratings: null;
          domainSummaries: null;
        }[];
      };
    }>(
      `query($id: ID!) { person(id: $id) { nextAssessmentDueOn riskAssessments {
         assessedOn finalJudgement nextReviewOn narrative ratings { rating } domainSummaries { summary } } } }`,
      { id: personId },
    );
    const first = res.data?.person.riskAssessments.find((a) => a.assessedOn === addDays(TODAY, -10));
    expect(first).toMatchObject({
      finalJudgement: "MODERATE",
      nextReviewOn: addDays(TODAY, 150),
      narrative: null,
      ratings: null,
      domainSummaries: null,
    });
    const forbidden = new Set(
      res.errors?.filter((e) => e.extensions?.code === "FORBIDDEN").map((e) => String(e.path?.at(-1))),
    );
    expect(forbidden).toEqual(new Set(["narrative", "ratings", "domainSummaries"]));
    expect(res.errors?.filter((e) => e.extensions?.code !== "FORBIDDEN") ?? []).toEqual([]);

    const node = await celex.request<{ node: { finalJudgement: string; narrative: null } }>(
      `query($id: ID!) { node(id: $id) { ... on RiskAssessment { finalJudgement narrative } } }`,
      { id: assessmentId },
    );
    expect(node.data?.node).toEqual({ finalJudgement: "MODERATE", narrative: null });
    expect(node.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([
      ["node.narrative", "FORBIDDEN"],
    ]);
  });

  it("shows a prison officer no assessment at all", async () => {
    const officer = await app.login(EMAIL("prison-ittre.officer"));
    const res = await officer.request<{
      person: { familyName: string; riskAssessments: null; nextAssessmentDueOn: null };
    }>(
      `query($id: ID!) { person(id: $id) { familyName riskAssessments { finalJudgement } nextAssessmentDueOn } }`,
      {
        id: personId,
      },
    );
    expect(res.data?.person).toEqual({
      familyName: "Assessa",
      riskAssessments: null,
      nextAssessmentDueOn: null,
    });
    expect(res.errors?.map((e) => [e.path?.join("."), e.extensions?.code]).sort()).toEqual([
      ["person.nextAssessmentDueOn", "FORBIDDEN"],
      ["person.riskAssessments", "FORBIDDEN"],
    ]);
    for (const client of [officer, await app.login(EMAIL("psd-hasselt.psychologist"))]) {
      const node = await client.data<{ node: null }>(`query($id: ID!) { node(id: $id) { id } }`, {
        id: assessmentId,
      });
      expect(node.node).toBeNull();
    }
  });
});

describe("an assessment opened through break-the-glass", () => {
  it("shows the psychologist of another prison the full assessment, read-only", async () => {
    const personId = await inmate("Assessbg");
    expect((await record(psd, personId)).userErrors).toEqual([]);
    const hasselt = await app.login(EMAIL("psd-hasselt.psychologist"));
    const opened = await hasselt.data<{ breakGlassOpen: { userErrors: UserErrorShape[] } }>(
      `mutation($id: ID!) { breakGlassOpen(input: { personId: $id,
         justification: "Transfer to Hasselt announced for tomorrow: fictional test justification." }) {
         userErrors { field message code } } }`,
      { id: personId },
    );
    expect(opened.breakGlassOpen.userErrors).toEqual([]);
    const read = await hasselt.data<{
      person: { riskAssessments: { narrative: string; ratings: { rating: string }[] }[] };
    }>(`query($id: ID!) { person(id: $id) { riskAssessments { narrative ratings { rating } } } }`, {
      id: personId,
    });
    const [first] = read.person.riskAssessments;
    expect(first?.narrative).toBe("Fictional narrative of the structured professional judgement.");
    expect(first?.ratings.length).toBe(requiredRatings().length);
    const write = await hasselt.request(RECORD, assessment(personId));
    expect(write.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  });
});

describe("licensed instrument texts", () => {
  const LOAD = `mutation($input: InstrumentTextsLoadInput!) { instrumentTextsLoad(input: $input) {
    loaded userErrors { field message code } } }`;
  let admin: GraphQLClient;

  const textOf = async (client: GraphQLClient, code: string) =>
    (await instrumentsAs(client))
      .find((i) => i.code === "VERA-2R")
      ?.domains.flatMap((d) => d.indicators)
      .find((i) => i.code === code)?.licensedText;

  beforeAll(async () => {
    admin = await app.login(EMAIL("admin"));
  });

  it("are loaded by the administrator and shown to the psychologist only", async () => {
    const res = await admin.data<{ instrumentTextsLoad: { loaded: number; userErrors: unknown[] } }>(LOAD, {
      input: {
        instrumentId: instruments["VERA-2R"]?.id,
        texts: [
          { indicatorCode: "BAI-1", text: "Licensed wording of item one (fictional)." },
          { indicatorCode: "BAI-2", text: "Licensed wording of item two (fictional)." },
        ],
      },
    });
    expect(res.instrumentTextsLoad).toEqual({ loaded: 2, userErrors: [] });
    expect(await textOf(psd, "BAI-1")).toBe("Licensed wording of item one (fictional).");
    expect(await textOf(psd, "BAI-3")).toBeNull();
    expect(await textOf(celex, "BAI-1")).toBeNull();
    expect(await textOf(admin, "BAI-1")).toBeNull();

    const replaced = await admin.data<{ instrumentTextsLoad: { loaded: number } }>(LOAD, {
      input: {
        instrumentId: instruments["VERA-2R"]?.id,
        texts: [{ indicatorCode: "BAI-1", text: "New wording." }],
      },
    });
    expect(replaced.instrumentTextsLoad.loaded).toBe(1);
    expect(await textOf(psd, "BAI-1")).toBe("New wording.");
  });

  it("refuses an unknown instrument or code, empty or doubled texts, and writes nothing", async () => {
    await expectNothingWritten(app, ["instrument_indicator_texts"], async () => {
      const unknown = await admin.data<{
        instrumentTextsLoad: { loaded: number; userErrors: UserErrorShape[] };
      }>(LOAD, {
        input: {
          instrumentId: UNKNOWN("AssessmentInstrument"),
          texts: [{ indicatorCode: "BAI-1", text: "x" }],
        },
      });
      expect(unknown.instrumentTextsLoad).toEqual({
        loaded: 0,
        userErrors: [
          { field: "instrumentId", message: "no instrument version with this ID", code: "NOT_FOUND" },
        ],
      });
      const bad = await admin.data<{ instrumentTextsLoad: { userErrors: UserErrorShape[] } }>(LOAD, {
        input: {
          instrumentId: instruments["VERA-2R"]?.id,
          texts: [
            { indicatorCode: "BAI-5", text: "Fine." },
            { indicatorCode: "ENG-1", text: "Not VERA." },
            { indicatorCode: "BAI-6", text: "  " },
            { indicatorCode: "BAI-5", text: "Again." },
          ],
        },
      });
      expect(bad.instrumentTextsLoad.userErrors).toEqual([
        {
          field: "texts.1.indicatorCode",
          message: "ENG-1 is not an indicator of this instrument",
          code: "NOT_FOUND",
        },
        { field: "texts.2.text", message: "must not be empty", code: "INVALID" },
        { field: "texts.3.indicatorCode", message: "BAI-5 is given twice", code: "INVALID" },
      ]);
      const none = await admin.data<{ instrumentTextsLoad: { userErrors: UserErrorShape[] } }>(LOAD, {
        input: { instrumentId: instruments["VERA-2R"]?.id, texts: [] },
      });
      expect(none.instrumentTextsLoad.userErrors).toEqual([
        { field: "texts", message: "give at least one text", code: "INVALID" },
      ]);
    });
  });

  it("is refused to anyone but an administrator", async () => {
    await expectNothingWritten(app, ["instrument_indicator_texts"], async () => {
      for (const client of [psd, celex]) {
        const res = await client.request(LOAD, {
          input: { instrumentId: instruments["VERA-2R"]?.id, texts: [{ indicatorCode: "BAI-3", text: "x" }] },
        });
        expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
    });
  });
});

describe("the psychosocial service's queue", () => {
  const QUEUE = `query($filter: PersonFilterInput, $orderBy: PersonOrderInput) {
    persons(first: 50, filter: $filter, orderBy: $orderBy) { totalCount edges { node { familyName nextAssessmentDueOn } } } }`;

  async function queue(client: GraphQLClient, vars: Record<string, unknown>) {
    const data = await client.data<{
      persons: {
        totalCount: number;
        edges: { node: { familyName: string; nextAssessmentDueOn: string | null } }[];
      };
    }>(QUEUE, vars);
    const rows = data.persons.edges
      .map((e) => e.node)
      .filter((n) => n.familyName.startsWith("Queue"))
      .map((n) => [n.familyName, n.nextAssessmentDueOn]);
    return { rows, names: rows.map((r) => r[0]) };
  }

  beforeAll(async () => {
    await inmate("Queuea");
    const changed = await inmate("Queueb");
    await screen(celex, changed, {
      screenedOn: "2024-03-01",
      outcome: "CHANGED",
      category: "A",
      labels: ["TERRORIST_CONVICT"],
    });
    for (const [name, assessedOn, nextReviewOn] of [
      ["Queuec", addDays(TODAY, -30), addDays(TODAY, 10)],
      ["Queued", addDays(TODAY, -30), addDays(TODAY, 100)],
      ["Queuef", addDays(TODAY, -300), addDays(TODAY, -5)],
    ] as const) {
      const id = await inmate(name);
      expect((await record(psd, id, { assessedOn, nextReviewOn })).userErrors).toEqual([]);
    }
    await inmate("Queuee", "ITT", false);
    await inmate("Queueg", "HAS");
  });

  it("orders by the next assessment due, overdue first and none due last", async () => {
    const all = await queue(psd, { orderBy: { field: "NEXT_ASSESSMENT_DUE", direction: "ASC" } });
    expect(all.rows).toEqual([
      ["Queuea", "2024-01-12"],
      ["Queueb", "2024-01-12"],
      ["Queuef", addDays(TODAY, -5)],
      ["Queuec", addDays(TODAY, 10)],
      ["Queued", addDays(TODAY, 100)],
      ["Queuee", null],
    ]);
    const desc = await queue(psd, { orderBy: { field: "NEXT_ASSESSMENT_DUE", direction: "DESC" } });
    expect(desc.names).toEqual([...all.names].reverse());
  });

  it("filters on what is due within so many days, overdue included", async () => {
    expect((await queue(psd, { filter: { assessmentDueWithinDays: 30 } })).names).toEqual([
      "Queuea",
      "Queueb",
      "Queuec",
      "Queuef",
    ]);
    expect((await queue(psd, { filter: { assessmentDueWithinDays: 0 } })).names).toEqual([
      "Queuea",
      "Queueb",
      "Queuef",
    ]);
    // CelEx reads the summary of every inmate: the Hasselt inmate, listed and never assessed, is due too.
    expect((await queue(celex, { filter: { assessmentDueWithinDays: 0 } })).names).toEqual([
      "Queuea",
      "Queueb",
      "Queuef",
      "Queueg",
    ]);
    const bad = await psd.request(QUEUE, { filter: { assessmentDueWithinDays: 367 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.assessmentDueWithinDays",
    });
  });
});
