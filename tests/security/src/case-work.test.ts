import { visibilityOf } from "@continuum/domain";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterActorSession } from "../../../apps/api/src/access/database-session.js";
import { queryRows } from "../../../apps/api/src/db/client.js";
import { newId } from "../../../apps/api/src/db/columns.js";
import { refreshSummaries } from "../../../apps/api/src/modules/persons/person-summary.js";
import { admit, places } from "../../../apps/api/test/fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp } from "../../../apps/api/test/harness.js";
import {
  ACCOUNTS,
  actorProfile,
  asActor,
  buildPopulation,
  databaseActor,
  EMAIL,
  type FixturePerson,
  type FixtureReport,
  fileFixtureReports,
  recordFixtureAssessment,
  uuidOf,
} from "./fixtures.js";

// Attempts to get around the rules for case work: information reports under originator control,
// clinical assessments, the intelligence list. First Postgres on its own (row-level security), then
// the GraphQL API through every side door the new types open.

let app: TestApp;
let population: FixturePerson[];
let reports: FixtureReport[];
const as: Record<string, GraphQLClient> = {};
const ids: Record<string, string> = {};

const byLabel = (label: string) => population.find((p) => p.label === label) as FixturePerson;
const client = (account: string) => as[account] as GraphQLClient;
const report = (person: string, kind: string) =>
  reports.find((r) => r.title === `${person}:${kind}`) as FixtureReport;

const FILE = `mutation($input: ReportFileInput!) { reportFile(input: $input) { report { id } userErrors { message } } }`;
const CORRECT = `mutation($input: ReportCorrectInput!) { reportCorrect(input: $input) { report { id } userErrors { message } } }`;

function reportInput(over: Record<string, unknown>) {
  return {
    observedOn: "2024-06-12",
    title: "Fixture",
    body: "Fictional security fixture.",
    sourceReliability: "C",
    informationCredibility: 3,
    classification: "SECRET",
    handlingCode: "SHARE_LAW_ENFORCEMENT",
    ...over,
  };
}

async function file(account: string, over: Record<string, unknown>): Promise<string> {
  const res = await client(account).data<{
    reportFile: { report: { id: string } | null; userErrors: unknown[] };
  }>(FILE, { input: reportInput(over) });
  if (res.reportFile.report === null) throw new Error(JSON.stringify(res.reportFile.userErrors));
  return res.reportFile.report.id;
}

async function correct(account: string, reportId: string, over: Record<string, unknown>): Promise<string> {
  const res = await client(account).data<{
    reportCorrect: { report: { id: string } | null; userErrors: unknown[] };
  }>(CORRECT, {
    input: { ...reportInput(over), reportId, expectedVersion: 1, correctionReason: "Fixture correction." },
  });
  if (res.reportCorrect.report === null) throw new Error(JSON.stringify(res.reportCorrect.userErrors));
  return res.reportCorrect.report.id;
}

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  const celex = client("celex.analyst");
  population = await buildPopulation(app, celex);
  // An inmate CelEx screened without listing them.
  const unlisted = await admit(celex, await places(celex), {
    familyName: "SecfixUnlisted",
    admittedOn: "2024-01-10",
  });
  await celex.data(
    `mutation($id: ID!) { screeningRecord(input: { personId: $id, screenedOn: "2024-01-12", outcome: NOT_LISTED,
       sources: [PRISON_STAFF], rationale: "Fictional." }) { userErrors { message } } }`,
    { id: unlisted.personId },
  );
  population.push({
    label: "Unlisted",
    id: unlisted.personId,
    uuid: uuidOf(unlisted.personId),
    episodeId: unlisted.episodeId,
  });
  reports = await fileFixtureReports(app, population);

  // Ittre is listed and never assessed (due from its listing, 2024-01-12); Enrolled, also in Ittre, is
  // assessed with a review on 2024-12-01: by due date Ittre comes first, by name Enrolled does.
  ids.assessment = await recordFixtureAssessment(client("psd-ittre.psychologist"), byLabel("Enrolled").id);
  await client("vsse.officer").data(
    `mutation($id: ID!) { watchlistRecord(input: { personId: $id, status: RADICALISED, validFrom: "2024-06-15" }) {
       userErrors { message } } }`,
    { id: byLabel("Ittre").id },
  );
  await client("admin").data(
    `mutation($input: InstrumentTextsLoadInput!) { instrumentTextsLoad(input: $input) { loaded } }`,
    {
      input: {
        instrumentId: (
          await client("psd-ittre.psychologist").data<{
            assessmentInstruments: { id: string; code: string }[];
          }>("{ assessmentInstruments { id code } }")
        ).assessmentInstruments.find((i) => i.code === "VERA-2R")?.id,
        texts: [{ indicatorCode: "BAI-1", text: "Licensed fixture text." }],
      },
    },
  );
  // A prison observation on the Ittre inmate that names the Hasselt inmate (whom Ittre staff only know of).
  ids.linked = await file("prison-ittre.officer", {
    personId: byLabel("Ittre").id,
    title: "Ittre:linked",
    classification: "UNCLASSIFIED",
    links: [{ personId: byLabel("Hasselt").id, kind: "VISITOR" }],
  });
  // Two corrected intelligence reports whose handling code changes between versions.
  ids.narrowedV1 = await file("vsse.officer", { personId: byLabel("Ittre").id, title: "Ittre:narrowed" });
  ids.narrowedV2 = await correct("vsse.officer", ids.narrowedV1, {
    title: "Ittre:narrowed v2",
    handlingCode: "ORIGINATOR_ONLY",
  });
  ids.widenedV1 = await file("vsse.officer", {
    personId: byLabel("Ittre").id,
    title: "Ittre:widened",
    handlingCode: "ORIGINATOR_ONLY",
  });
  ids.widenedV2 = await correct("vsse.officer", ids.widenedV1, { title: "Ittre:widened v2" });
  // CelEx screens the Ittre inmate on four reports.
  const screened = await client("celex.analyst").data<{ screeningRecord: { screening: { id: string } } }>(
    `mutation($input: ScreeningRecordInput!) { screeningRecord(input: $input) { screening { id } userErrors { message } } }`,
    {
      input: {
        personId: byLabel("Ittre").id,
        screenedOn: "2024-06-20",
        outcome: "MAINTAINED",
        sources: ["INTELLIGENCE", "POLICE"],
        rationale: "Fictional.",
        sourceReportIds: ["obs-shared", "intel-conditions", "intel-originator", "police-for-celex"].map(
          (kind) => report("Ittre", kind).id,
        ),
      },
    },
  );
  ids.screening = screened.screeningRecord.screening.id;
});
afterAll(() => app.close());

const CASE_WORK_TABLES = [
  "information_reports",
  "information_report_links",
  "risk_assessments",
  "risk_assessment_details",
  "risk_assessment_ratings",
  "risk_assessment_domain_summaries",
  "watchlist_entries",
  "screening_sources",
] as const;

async function count(account: string, query: SQL): Promise<number> {
  const [row] = await asActor<{ n: number }>(app, await databaseActor(app, account), query);
  return row?.n ?? -1;
}

/** As the database owner: the truth the actors' views are compared with. */
async function ownerCount(query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(app.database.db, query);
  return row?.n ?? -1;
}

describe("row-level security on case work", () => {
  it("gives a prison officer of another establishment, a police officer and a local cell nothing on Ittre's inmates", async () => {
    const ittre = `('${byLabel("Ittre").uuid}', '${byLabel("Enrolled").uuid}')`;
    for (const table of CASE_WORK_TABLES)
      expect(
        await ownerCount(sql.raw(`select count(*)::int as n from ${table} where person_id in ${ittre}`)),
        table,
      ).toBeGreaterThan(0);
    for (const account of ["prison-hasselt.officer", "police.officer", "lcis-molenbeek.member"]) {
      const agencyId = (await actorProfile(app, account)).agencyId;
      for (const table of CASE_WORK_TABLES) {
        // The police filed reports of its own on these inmates: it reads those, and nothing else.
        const notOwn = table === "information_reports" ? ` and originator_agency_id <> '${agencyId}'` : "";
        expect(
          await count(
            account,
            sql.raw(`select count(*)::int as n from ${table} where person_id in ${ittre}${notOwn}`),
          ),
          `${account}: ${table}`,
        ).toBe(0);
      }
      expect(
        await count(account, sql`select count(*)::int as n from instrument_indicator_texts`),
        account,
      ).toBe(0);
    }
    expect(
      await count(
        "police.officer",
        sql.raw(`select count(*)::int as n from information_reports where person_id in ${ittre}`),
      ),
    ).toBe(
      reports.filter((r) => ["Ittre", "Enrolled"].includes(r.person) && r.by === "police.officer").length,
    );
  });

  it("gives CelEx the summary row of an assessment and none of its detail; the psychologist all of it", async () => {
    const enrolled = byLabel("Enrolled").uuid;
    const detail = ["risk_assessment_details", "risk_assessment_ratings", "risk_assessment_domain_summaries"];
    const rows = (account: string, table: string) =>
      count(account, sql.raw(`select count(*)::int as n from ${table} where person_id = '${enrolled}'`));
    expect(await rows("celex.analyst", "risk_assessments")).toBe(1);
    for (const table of detail) expect(await rows("celex.analyst", table), table).toBe(0);
    expect(await count("celex.analyst", sql`select count(*)::int as n from instrument_indicator_texts`)).toBe(
      0,
    );
    expect(await rows("psd-ittre.psychologist", "risk_assessments")).toBe(1);
    for (const table of detail) expect(await rows("psd-ittre.psychologist", table), table).toBeGreaterThan(0);
    expect(
      await count("psd-ittre.psychologist", sql`select count(*)::int as n from instrument_indicator_texts`),
    ).toBe(1);
    for (const table of ["risk_assessments", ...detail])
      expect(await rows("psd-hasselt.psychologist", table), table).toBe(0);
    // The administrator loaded the texts and cannot read them back.
    expect(await count("admin", sql`select count(*)::int as n from instrument_indicator_texts`)).toBe(0);
  });

  it("keeps originator-only intelligence to the originator, and CelEx for its listed inmates", async () => {
    const vsse = (await actorProfile(app, "vsse.officer")).agencyId;
    const originatorOnly = sql`select count(*)::int as n from information_reports
      where originator_agency_id = ${vsse}::uuid and handling_code = 'ORIGINATOR_ONLY'`;
    const total = await ownerCount(originatorOnly);
    expect(total).toBeGreaterThan(population.length);
    expect(await count("vsse.analyst", originatorOnly)).toBe(total);
    for (const account of ["cuta.analyst", "dgepi.director", "prison-ittre.officer", "ltf-brussels.member"])
      expect(await count(account, originatorOnly), account).toBe(0);
    const onListedInmates = await ownerCount(sql`select count(*)::int as n from information_reports r
      join person_case_summaries s on s.person_id = r.person_id
      where r.originator_agency_id = ${vsse}::uuid and r.handling_code = 'ORIGINATOR_ONLY'
        and s.category is not null and s.detention_status = 'DETAINED'`);
    expect(onListedInmates).toBeGreaterThan(0);
    expect(await count("celex.analyst", originatorOnly)).toBe(onListedInmates);
    expect(
      await count(
        "celex.analyst",
        sql`select count(*)::int as n from information_reports where person_id = ${byLabel("Unlisted").uuid}::uuid
            and handling_code = 'ORIGINATOR_ONLY' and originator_agency_id = ${vsse}::uuid`,
      ),
    ).toBe(0);
  });

  it("lets a report addressed to one agency reach that agency only", async () => {
    const addressed = sql`select count(*)::int as n from information_reports where title like '%:intel-for-ltf'`;
    // The Local Task Force of Brussels follows the person released into Molenbeek.
    expect(await count("ltf-brussels.member", addressed)).toBe(1);
    for (const account of [
      "ltf-antwerp.member",
      "cuta.analyst",
      "celex.analyst",
      "probation-brussels.officer",
    ])
      expect(await count(account, addressed), account).toBe(0);
  });

  it("lets nobody edit or erase a report or an assessment, even its author", async () => {
    for (const [account, statement] of [
      ["vsse.officer", "update information_reports set body = 'Rewritten'"],
      ["vsse.officer", "delete from information_reports"],
      ["psd-ittre.psychologist", "update risk_assessments set final_judgement = 'LOW'"],
      ["psd-ittre.psychologist", "delete from risk_assessment_details"],
      ["admin", "update instrument_indicator_texts set text = 'x'"],
    ] as const) {
      const who = await databaseActor(app, account);
      const error = await app.database.db
        .transaction(async (tx) => {
          await enterActorSession(tx, who);
          await tx.execute(sql.raw(statement));
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(String((error as { cause?: unknown })?.cause ?? error), statement).toMatch(/permission denied/);
    }
  });
});

describe("side doors in the API", () => {
  const NODE = `query($id: ID!) { node(id: $id) { id } }`;
  const randomId = (type: string) => Buffer.from(`${type}:${crypto.randomUUID()}`).toString("base64url");

  it("answers a guessed or real but unreadable report, assessment or list entry exactly like nothing", async () => {
    const watchlistId = (
      await client("celex.analyst").data<{ person: { watchlist: { id: string }[] } }>(
        `query($id: ID!) { person(id: $id) { watchlist { id } } }`,
        { id: byLabel("Ittre").id },
      )
    ).person.watchlist[0]?.id as string;
    const attempts: [string, string][] = [
      ["cuta.analyst", report("Ittre", "intel-originator").id],
      ["prison-ittre.officer", report("Ittre", "intel-conditions").id],
      ["prison-hasselt.officer", report("Ittre", "obs-shared").id],
      ["celex.analyst", report("Unlisted", "intel-originator").id],
      ["prison-ittre.officer", ids.assessment as string],
      ["psd-hasselt.psychologist", ids.assessment as string],
      ["prison-ittre.officer", watchlistId],
      ["police.officer", watchlistId],
    ];
    for (const [account, id] of attempts) {
      const [type] = Buffer.from(id, "base64url").toString("utf8").split(":");
      const real = await client(account).request(NODE, { id });
      const guessed = await client(account).request(NODE, { id: randomId(type as string) });
      expect(real, `${account} node(${type})`).toMatchObject({ data: { node: null }, errors: undefined });
      expect(guessed, `${account} guessed ${type}`).toMatchObject({
        data: { node: null },
        errors: undefined,
      });
    }
    // A report's ID given where a person's is expected is simply not found.
    const asPerson = await client("celex.analyst").request(`query($id: ID!) { person(id: $id) { id } }`, {
      id: report("Ittre", "obs-shared").id,
    });
    expect(asPerson.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("shows through a screening only the source reports the reader may read", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Screening { sourceReports { title } } } }`;
    const seen = async (account: string) =>
      (
        await client(account).data<{ node: { sourceReports: { title: string }[] } }>(query, {
          id: ids.screening,
        })
      ).node.sourceReports
        .map((r) => r.title)
        .sort();
    expect(await seen("celex.analyst")).toEqual([
      "Ittre:intel-conditions",
      "Ittre:intel-originator",
      "Ittre:obs-shared",
      "Ittre:police-for-celex",
    ]);
    expect(await seen("cuta.analyst")).toEqual(["Ittre:intel-conditions", "Ittre:obs-shared"]);
    expect(await seen("prison-ittre.officer")).toEqual(["Ittre:obs-shared"]);
  });

  it("keeps a linked person hidden behind a report the reader may read", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on InformationReport { title links { kind person { familyName } } } } }`;
    const officer = await client("prison-ittre.officer").request<{
      node: { links: { kind: string; person: { familyName: string } | null }[] };
    }>(query, { id: ids.linked });
    expect(officer.data?.node.links).toEqual([{ kind: "VISITOR", person: null }]);
    expect(officer.errors).toBeUndefined();
    const celex = await client("celex.analyst").data<{
      node: { links: { person: { familyName: string } }[] };
    }>(query, {
      id: ids.linked,
    });
    expect(celex.node.links[0]?.person.familyName).toBe("SecfixHasselt");
  });

  it("never shows a version beyond the reader's reach through the history of one within it", async () => {
    const history = `query($id: ID!) { node(id: $id) { ... on InformationReport { superseded versions { title } } } }`;
    const cuta = client("cuta.analyst");
    // Narrowed to the originator: the history follows the correction, CUTA reads no version any more.
    const narrowed = await cuta.data<{ node: null }>(history, { id: ids.narrowedV1 });
    expect(narrowed.node).toBeNull();
    expect((await cuta.data<{ node: null }>(NODE, { id: ids.narrowedV2 })).node).toBeNull();
    // Widened from originator-only: CUTA reads the second version only.
    const widened = await cuta.data<{ node: { superseded: boolean; versions: { title: string }[] } }>(
      history,
      {
        id: ids.widenedV2,
      },
    );
    expect(widened.node).toEqual({ superseded: false, versions: [{ title: "Ittre:widened v2" }] });
    expect((await cuta.data<{ node: null }>(NODE, { id: ids.widenedV1 })).node).toBeNull();

    const titles = async (includeSuperseded: boolean) =>
      (
        await cuta.data<{ person: { reports: { edges: { node: { title: string } }[] } } }>(
          `query($id: ID!, $all: Boolean!) { person(id: $id) { reports(first: 100, includeSuperseded: $all) {
             edges { node { title } } } } }`,
          { id: byLabel("Ittre").id, all: includeSuperseded },
        )
      ).person.reports.edges
        .map((e) => e.node.title)
        .filter((t) => t.startsWith("Ittre:narrowed") || t.startsWith("Ittre:widened"))
        .sort();
    expect(await titles(false)).toEqual(["Ittre:widened v2"]);
    expect(await titles(true)).toEqual(["Ittre:widened v2"]);
    const feed = await cuta.data<{ reportFeed: { edges: { node: { title: string } }[] } }>(
      "{ reportFeed(first: 100) { edges { node { title } } } }",
    );
    const inFeed = feed.reportFeed.edges.map((e) => e.node.title);
    expect(inFeed).toContain("Ittre:widened v2");
    expect(inFeed.filter((t) => t.startsWith("Ittre:narrowed"))).toEqual([]);
  });

  describe("filters and orders on the assessment queue", () => {
    const LIST = `query($filter: PersonFilterInput, $orderBy: PersonOrderInput) {
      persons(first: 100, filter: $filter, orderBy: $orderBy) {
        totalCount pageInfo { endCursor } edges { cursor node { card { familyName } } } } }`;

    async function list(account: string, filter: Record<string, unknown>, orderBy?: Record<string, unknown>) {
      const data = await client(account).data<{
        persons: {
          totalCount: number;
          edges: { cursor: string; node: { card: { familyName: string } } }[];
        };
      }>(LIST, { filter: { search: "secfix", ...filter }, orderBy });
      return {
        totalCount: data.persons.totalCount,
        names: data.persons.edges.map((e) => e.node.card.familyName),
        sortKeys: data.persons.edges.map((e) => JSON.parse(Buffer.from(e.cursor, "base64url").toString())[0]),
      };
    }

    it("reveal nothing to an actor who may not read clinical data: compared with the unfiltered list", async () => {
      let checked = 0;
      for (const account of ACCOUNTS) {
        const profile = await actorProfile(app, account);
        const stages = Object.values(visibilityOf(profile));
        if (stages.some((s) => s.classes.includes("CLINICAL"))) continue;
        const all = await list(account, {});
        if (all.totalCount < 2) continue;
        checked += 1;
        const due = await list(account, { assessmentDueWithinDays: 366 });
        expect(due, account).toMatchObject({ totalCount: 0, names: [] });
        const byName = await list(account, {}, { field: "NAME", direction: "ASC" });
        const byDue = await list(account, {}, { field: "NEXT_ASSESSMENT_DUE", direction: "ASC" });
        expect(byDue.names, account).toEqual(byName.names);
        expect(new Set(byDue.sortKeys), `${account}: cursors`).toEqual(new Set(["infinity"]));
        const byNameDesc = await list(account, {}, { field: "NAME", direction: "DESC" });
        expect(
          (await list(account, {}, { field: "NEXT_ASSESSMENT_DUE", direction: "DESC" })).names,
          account,
        ).toEqual(byNameDesc.names);
      }
      // The prison officers, intelligence, threat analysis, prosecution, the LTF and others.
      expect(checked).toBeGreaterThanOrEqual(5);
    });

    it("work for the psychosocial service and CelEx, who read it (so the check above can fail)", async () => {
      const psd = await list(
        "psd-ittre.psychologist",
        {},
        { field: "NEXT_ASSESSMENT_DUE", direction: "ASC" },
      );
      expect(psd.names).toEqual(["SecfixIttre", "SecfixEnrolled", "SecfixUnlisted"]);
      expect(psd.sortKeys).toEqual(["2024-01-12", "2024-12-01", "infinity"]);
      const name = await list("psd-ittre.psychologist", {}, { field: "NAME", direction: "ASC" });
      expect(name.names).not.toEqual(psd.names);
      expect((await list("celex.analyst", { assessmentDueWithinDays: 0 })).names).toEqual([
        "SecfixEnrolled",
        "SecfixHasselt",
        "SecfixIttre",
      ]);
    });

    it("and filtering on who is responsible for screenings reveals nothing where the listing may not be read", async () => {
      // Assignments made while detained stay on the case after release (and closure).
      const analyst = (
        await client("celex.analyst").data<{ viewer: { user: { id: string } } }>("{ viewer { user { id } } }")
      ).viewer.user.id;
      const released = [byLabel("Molenbeek").uuid, byLabel("Closed").uuid];
      for (const personId of released)
        await app.database.db.execute(sql`insert into screening_assignments (id, person_id, user_id)
          values (${newId()}, ${personId}::uuid, ${uuidOf(analyst)}::uuid)`);
      await refreshSummaries(app.database.db, released);
      const filter = { screeningResponsibleIds: [analyst] };
      // A local cell sees the Molenbeek case on a card, without its listing.
      expect((await list("lcis-molenbeek.member", {})).names).toEqual(["SecfixMolenbeek"]);
      expect((await list("lcis-molenbeek.member", filter)).totalCount).toBe(0);
      // Threat analysis reads the listing of released persons but not of closed cases.
      expect((await list("cuta.analyst", {})).names).toContain("SecfixClosed");
      expect((await list("cuta.analyst", filter)).names).toEqual(["SecfixMolenbeek"]);
    });
  });
});
