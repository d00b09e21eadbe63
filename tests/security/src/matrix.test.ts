import {
  ACTION_FEEDS,
  type ActorProfile,
  accessTo,
  type CaseAction,
  type ClassLevel,
  type DataClass,
  disclosureOf,
  isVisible,
  mayFeed,
  mayPerform,
  mayRead,
  type PersonAccess,
  TIER_ORDER,
} from "@continuum/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../apps/api/src/db/client.js";
import { type GraphQLClient, startTestApp, type TestApp } from "../../../apps/api/test/harness.js";
import {
  ACCOUNTS,
  actorProfile,
  buildPopulation,
  EMAIL,
  type FixturePerson,
  type FixtureReport,
  fileFixtureReports,
  personFacts,
  recordFixtureAssessment,
  uuidOf,
  veraRatings,
} from "./fixtures.js";

// For every account of every agency and role, and every case of a population that covers every
// stage and place, the API answers exactly what the access matrix (docs/access.md, encoded in
// packages/domain and checked against the document there) says: no more, no less.

let app: TestApp;
let population: FixturePerson[];
let reports: FixtureReport[];
let veraId: string;
/** The last audit entry written while building the population: the checks look at what follows. */
let auditBefore = 0;
const clients = new Map<string, GraphQLClient>();
const expected = new Map<string, PersonAccess>();
const profiles = new Map<string, ActorProfile>();
/** Assessments and intelligence-list entries on the fixture persons, with the class node(id:) checks. */
const caseRecords: { person: string; id: string; dataClass: DataClass; level: ClassLevel }[] = [];
/** Persons on the CelEx list now (originator-only reports reach CelEx on them). */
const onCelexList = new Set<string>();

const key = (account: string, person: FixturePerson) => `${account}/${person.label}`;

const CASE_FILE = `query($id: ID!) {
  person(id: $id) {
    id
    access { tier }
    card { familyName detentionStatus }
    familyName
    dateOfBirth
    detentionStatus
    placements { validFrom }
    listing { category }
    screeningState
    detentionEpisodes { admittedOn releasedOn }
    screeningResponsible { id }
    nextAssessmentDueOn
    riskAssessments { finalJudgement narrative ratings { rating } }
    watchlist { status }
    watchlistOn(date: "2024-06-20") { status }
    reports(first: 50) { totalCount edges { node { title fromOwnAgency sourceDetails } } }
  }
}`;

/** Which data class (and level) each guarded field of CASE_FILE belongs to. */
const FIELD_CLASSES: Record<string, [DataClass, ClassLevel]> = {
  familyName: ["IDENTITY", "READ"],
  dateOfBirth: ["IDENTITY", "READ"],
  detentionStatus: ["DETENTION", "READ"],
  placements: ["DETENTION", "READ"],
  listing: ["LISTING", "READ"],
  screeningState: ["LISTING", "READ"],
  detentionEpisodes: ["DETENTION", "READ"],
  screeningResponsible: ["LISTING", "READ"],
  nextAssessmentDueOn: ["CLINICAL", "SUMMARY"],
  riskAssessments: ["CLINICAL", "SUMMARY"],
  watchlist: ["INTELLIGENCE", "READ"],
  watchlistOn: ["INTELLIGENCE", "READ"],
};

/** Whether an account may read a fixture report, under the originator's handling code and the matrix. */
function mayReadReport(account: string, report: FixtureReport, access: PersonAccess): boolean {
  const agencyOf = (a: string) => (profiles.get(a) as ActorProfile).agencyId;
  return disclosureOf(
    {
      originatorAgencyId: agencyOf(report.by),
      addressedToAgencyId: report.addressedTo === null ? null : agencyOf(report.addressedTo),
      handlingCode: report.handlingCode,
      dataClass: report.dataClass,
    },
    profiles.get(account) as ActorProfile,
    access,
    onCelexList.has(report.person),
  ).allowed;
}

beforeAll(async () => {
  app = await startTestApp();
  const celex = await app.login(EMAIL("celex.analyst"));
  population = await buildPopulation(app, celex);
  // Case work on top: every kind of report on every case, assessments in both prisons, the
  // intelligence list.
  reports = await fileFixtureReports(app, population);
  const byLabel = (label: string) => population.find((p) => p.label === label) as FixturePerson;
  const ittre = await app.login(EMAIL("psd-ittre.psychologist"));
  veraId = (await veraRatings(ittre)).instrumentId;
  for (const [psychologist, label] of [
    [ittre, "Ittre"],
    [ittre, "Enrolled"],
    [await app.login(EMAIL("psd-hasselt.psychologist")), "Hasselt"],
  ] as const)
    caseRecords.push({
      person: label,
      id: await recordFixtureAssessment(psychologist, byLabel(label).id),
      dataClass: "CLINICAL",
      level: "SUMMARY",
    });
  const listed = await (await app.login(EMAIL("vsse.officer"))).data<{
    watchlistRecord: { person: { watchlist: { id: string }[] } };
  }>(
    `mutation($id: ID!) { watchlistRecord(input: { personId: $id, status: RADICALISED, validFrom: "2024-06-15" }) {
       person { watchlist { id } } } }`,
    { id: byLabel("Ittre").id },
  );
  for (const entry of listed.watchlistRecord.person.watchlist)
    caseRecords.push({ person: "Ittre", id: entry.id, dataClass: "INTELLIGENCE", level: "READ" });
  for (const person of population) {
    const [row] = await queryRows<{ category: string | null }>(
      app.database.db,
      sql`select category from person_case_summaries where person_id = ${person.uuid}::uuid`,
    );
    if (row?.category) onCelexList.add(person.label);
  }
  const [last] = await queryRows<{ id: number }>(
    app.database.db,
    sql`select coalesce(max(id), 0)::int as id from audit_events`,
  );
  auditBefore = last?.id ?? 0;
  for (const account of ACCOUNTS) {
    clients.set(account, await app.login(EMAIL(account)));
    const actor = await actorProfile(app, account);
    profiles.set(account, actor);
    for (const person of population)
      expected.set(key(account, person), accessTo(actor, await personFacts(app, person.uuid)));
  }
});
afterAll(() => app.close());

describe("reading one case", () => {
  it("answers each field as the matrix says, for every account and every case", async () => {
    const unknownId = Buffer.from("Person:01900000-0000-7000-8000-000000000000").toString("base64url");
    for (const account of ACCOUNTS) {
      const client = clients.get(account) as GraphQLClient;
      const unknown = await client.request(CASE_FILE, { id: unknownId });
      for (const person of population) {
        const access = expected.get(key(account, person)) as PersonAccess;
        const res = await client.request<{ person: Record<string, unknown> | null }>(CASE_FILE, {
          id: person.id,
        });
        const where = `${account} reading ${person.label}`;
        if (!isVisible(access)) {
          expect(res.data?.person ?? null, where).toBeNull();
          expect(
            res.errors?.map((e) => [e.message, e.extensions?.code]),
            where,
          ).toEqual(unknown.errors?.map((e) => [e.message, e.extensions?.code]));
          continue;
        }
        const got = res.data?.person as Record<string, unknown>;
        expect((got.access as { tier: string }).tier, where).toBe(access.tier);
        expect((got.card as { familyName: string }).familyName, where).toBe(`Secfix${person.label}`);
        const forbiddenPaths = new Set(
          (res.errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN").map((e) => e.path?.join(".")),
        );
        for (const [field, [dataClass, level]] of Object.entries(FIELD_CLASSES)) {
          const readable = mayRead(access, dataClass, level);
          expect(forbiddenPaths.has(`person.${field}`), `${where}: ${field}`).toBe(!readable);
          if (!readable) expect(got[field], `${where}: ${field}`).toBeNull();
        }
        // An assessment's summary may be readable while its narrative and ratings are not.
        const assessments = got.riskAssessments as unknown[] | null;
        if (assessments !== null && assessments.length > 0)
          for (const detail of ["narrative", "ratings"])
            expect(forbiddenPaths.has(`person.riskAssessments.0.${detail}`), `${where}: ${detail}`).toBe(
              !mayRead(access, "CLINICAL"),
            );
        // Reports follow the matrix and each one's handling code; source details stay with the originator.
        const page = got.reports as {
          totalCount: number;
          edges: { node: { title: string; fromOwnAgency: boolean } }[];
        };
        const readableReports = reports
          .filter((r) => r.person === person.label && mayReadReport(account, r, access))
          .map((r) => r.title)
          .sort();
        expect(page.edges.map((e) => e.node.title).sort(), `${where}: reports`).toEqual(readableReports);
        expect(page.totalCount, `${where}: reports`).toBe(readableReports.length);
        for (const [index, e] of page.edges.entries())
          expect(
            forbiddenPaths.has(`person.reports.edges.${index}.node.sourceDetails`),
            `${where}: source of ${e.node.title}`,
          ).toBe(!e.node.fromOwnAgency);
        // A field nested in a readable class still follows its own class (a release is RELEASE data).
        const episodes = got.detentionEpisodes as { releasedOn: string | null }[] | null;
        if (episodes !== null && episodes.length > 0)
          expect(forbiddenPaths.has("person.detentionEpisodes.0.releasedOn"), `${where}: releasedOn`).toBe(
            !mayRead(access, "RELEASE"),
          );
        expect(res.errors?.filter((e) => e.extensions?.code !== "FORBIDDEN") ?? [], where).toEqual([]);
      }
    }
  });

  it("hides a case's records from node(id:) unless their class may be read", async () => {
    for (const account of ACCOUNTS) {
      const client = clients.get(account) as GraphQLClient;
      for (const person of population) {
        const access = expected.get(key(account, person)) as PersonAccess;
        const res = await client.data<{ node: { id: string } | null }>(
          `query($id: ID!) { node(id: $id) { id } }`,
          {
            id: person.episodeId,
          },
        );
        expect(res.node !== null, `${account} node(episode of ${person.label})`).toBe(
          mayRead(access, "DETENTION"),
        );
      }
      // Reports, assessments and intelligence-list entries of every case, a few cases per request.
      const records = population.flatMap((person) => {
        const access = expected.get(key(account, person)) as PersonAccess;
        return [
          ...reports
            .filter((r) => r.person === person.label)
            .map((r) => ({ id: r.id, what: r.title, readable: mayReadReport(account, r, access) })),
          ...caseRecords
            .filter((r) => r.person === person.label)
            .map((r) => ({
              id: r.id,
              what: `${r.dataClass} record of ${person.label}`,
              readable: mayRead(access, r.dataClass, r.level),
            })),
        ];
      });
      for (let start = 0; start < records.length; start += 25) {
        const chunk = records.slice(start, start + 25);
        const got = await client.data<Record<string, { id: string } | null>>(
          `query(${chunk.map((_, i) => `$r${i}: ID!`).join(", ")}) {
             ${chunk.map((_, i) => `r${i}: node(id: $r${i}) { id }`).join(" ")} }`,
          Object.fromEntries(chunk.map((r, i) => [`r${i}`, r.id])),
        );
        for (const [i, r] of chunk.entries())
          expect(got[`r${i}`] !== null, `${account} node(${r.what})`).toBe(r.readable);
      }
    }
  });
});

describe("lists", () => {
  it("list and count only the cases the matrix shows (card or more)", async () => {
    for (const account of ACCOUNTS) {
      const client = clients.get(account) as GraphQLClient;
      const res = await client.data<{
        persons: { totalCount: number; edges: { node: { card: { familyName: string } } }[] };
      }>(
        `{ persons(first: 100, filter: { search: "secfix" }) { totalCount edges { node { card { familyName } } } } }`,
      );
      const visible = population
        .filter((p) => isVisible(expected.get(key(account, p)) as PersonAccess))
        .map((p) => `Secfix${p.label}`)
        .sort();
      expect(res.persons.edges.map((e) => e.node.card.familyName).sort(), account).toEqual(visible);
      expect(res.persons.totalCount, account).toBe(visible.length);
    }
  });

  it("do not reveal what may not be read through a filter or an order", async () => {
    // A local cell gets the card only: no establishment, no screening dates. Filtering on them
    // finds nothing, and ordering by them is the same as ordering by name.
    const lcis = clients.get("lcis-molenbeek.member") as GraphQLClient;
    const establishments = await lcis.data<{ establishments: { edges: { node: { id: string } }[] } }>(
      "{ establishments(first: 100, includeClosed: true) { edges { node { id } } } }",
    );
    const filtered = await lcis.data<{
      a: { totalCount: number };
      b: { totalCount: number };
      all: { totalCount: number };
    }>(
      `query($ids: [ID!]) {
         a: persons(first: 1, filter: { establishmentIds: $ids }) { totalCount }
         b: persons(first: 1, filter: { screeningOverdue: true }) { totalCount }
         all: persons(first: 1) { totalCount } }`,
      { ids: establishments.establishments.edges.map((e) => e.node.id) },
    );
    expect(filtered.all.totalCount).toBeGreaterThan(0);
    expect(filtered.a.totalCount).toBe(0);
    expect(filtered.b.totalCount).toBe(0);
    const order = async (field: string) =>
      (
        await lcis.data<{ persons: { edges: { node: { id: string } }[] } }>(
          `{ persons(first: 100, orderBy: { field: ${field} }) { edges { node { id } } } }`,
        )
      ).persons.edges.map((e) => e.node.id);
    expect(await order("NEXT_SCREENING_DUE")).toEqual(await order("NAME"));
    expect(await order("ESTABLISHMENT")).toEqual(await order("NAME"));
  });
});

describe("getting around the rules", () => {
  it("gives nothing to guessed IDs", async () => {
    const officer = clients.get("prison-hasselt.officer") as GraphQLClient;
    for (let i = 0; i < 20; i += 1) {
      const guess = Buffer.from(`Person:${crypto.randomUUID()}`).toString("base64url");
      const res = await officer.request(
        `query($id: ID!) { person(id: $id) { id } n: node(id: $id) { id } }`,
        { id: guess },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(res.data).toEqual({ person: null, n: null });
    }
  });

  it("keeps a field forbidden when reached through an alias or a fragment", async () => {
    const lcis = clients.get("lcis-molenbeek.member") as GraphQLClient;
    const person = population.find((p) => p.label === "Molenbeek") as FixturePerson;
    const res = await lcis.request<{ person: { x: string | null; card: { familyName: string } } }>(
      `fragment Secret on Person { y: dateOfBirth placements { validFrom } }
       query($id: ID!) { person(id: $id) { ... on Person { x: familyName } ...Secret card { familyName } } }`,
      { id: person.id },
    );
    expect(res.data?.person.card.familyName).toBe("SecfixMolenbeek");
    expect(res.errors?.map((e) => [e.path?.join("."), e.extensions?.code]).sort()).toEqual([
      ["person.placements", "FORBIDDEN"],
      ["person.x", "FORBIDDEN"],
      ["person.y", "FORBIDDEN"],
    ]);
  });

  it("refuses changes the matrix does not allow, and allows those it does", async () => {
    for (const account of ACCOUNTS) {
      const client = clients.get(account) as GraphQLClient;
      const actor = await actorProfile(app, account);
      for (const person of population) {
        const access = expected.get(key(account, person)) as PersonAccess;
        const res = await client.request<{ screeningRecord: { userErrors: { code: string }[] } | null }>(
          `mutation($input: ScreeningRecordInput!) { screeningRecord(input: $input) { userErrors { field code } } }`,
          {
            input: {
              personId: person.id,
              screenedOn: "2024-01-20",
              outcome: "MAINTAINED",
              sources: ["POLICE"],
              rationale: "Fictional probe.",
            },
          },
        );
        const where = `${account} screening ${person.label}`;
        const allowed = mayPerform(actor, "SCREENING_RECORD") && mayFeed(access, "LISTING");
        const refusal = res.errors?.[0]?.extensions?.code ?? res.data?.screeningRecord?.userErrors?.[0]?.code;
        if (allowed) expect(refusal, where).toBeUndefined();
        // A case the actor may not see is not found; one they see but may not feed is forbidden.
        else
          expect(refusal, where).toBe(
            isVisible(access) || !mayPerform(actor, "SCREENING_RECORD") ? "FORBIDDEN" : "NOT_FOUND",
          );
      }
    }
  });
  it("refuses reports, assessments and intelligence-list changes the matrix does not allow", async () => {
    // Each probe is allowed through the access checks and then stopped by a rule of its own (shown
    // by its code), so that nothing is written.
    const probes: {
      action: CaseAction;
      mutation: string;
      input: (personId: string) => object;
      code: string;
    }[] = [
      {
        action: "REPORT_FILE",
        mutation: "reportFile",
        input: (personId) => ({
          personId,
          observedOn: "2024-06-10",
          title: "Probe",
          body: "Probe.",
          sourceReliability: "F",
          informationCredibility: 7,
          classification: "UNCLASSIFIED",
          handlingCode: "SHARE_LAW_ENFORCEMENT",
        }),
        code: "INVALID",
      },
      {
        action: "ASSESSMENT_RECORD",
        mutation: "riskAssessmentRecord",
        input: (personId) => ({
          personId,
          instrumentId: veraId,
          assessedOn: "2024-06-02",
          finalJudgement: "LOW",
          narrative: "Probe.",
          nextReviewOn: "2024-12-01",
          ratings: [],
        }),
        code: "RULE_VIOLATION",
      },
      {
        action: "WATCHLIST_RECORD",
        mutation: "watchlistRecord",
        input: (personId) => ({ personId, status: "VULNERABLE", validFrom: "2999-01-01" }),
        code: "INVALID",
      },
    ];
    const inputTypes: Record<string, string> = {
      reportFile: "ReportFileInput",
      riskAssessmentRecord: "RiskAssessmentRecordInput",
      watchlistRecord: "WatchlistRecordInput",
    };
    for (const account of ACCOUNTS) {
      const client = clients.get(account) as GraphQLClient;
      const actor = profiles.get(account) as ActorProfile;
      for (const person of population) {
        const access = expected.get(key(account, person)) as PersonAccess;
        for (const probe of probes) {
          const res = await client.request<Record<string, { userErrors: { code: string }[] } | null>>(
            `mutation($input: ${inputTypes[probe.mutation]}!) { ${probe.mutation}(input: $input) { userErrors { field code } } }`,
            { input: probe.input(person.id) },
          );
          const feeds = ACTION_FEEDS[probe.action];
          const reaches = feeds === null ? TIER_ORDER[access.tier] >= TIER_ORDER.HIT : mayFeed(access, feeds);
          const allowed = mayPerform(actor, probe.action) && reaches;
          const where = `${account} ${probe.mutation} on ${person.label}`;
          const outcome =
            res.errors?.[0]?.extensions?.code ?? res.data?.[probe.mutation]?.userErrors?.[0]?.code;
          const refusal =
            !mayPerform(actor, probe.action) || (feeds !== null && isVisible(access))
              ? "FORBIDDEN"
              : "NOT_FOUND";
          expect(outcome, where).toBe(allowed ? probe.code : refusal);
        }
      }
    }
  });
});

describe("the audit trail of all of the above", () => {
  it("recorded every read with the purpose the reader stated, and none where the person was hidden (but for the reader's own reports)", async () => {
    const rows = await queryRows<{ email: string; person_id: string; purpose_code: string | null }>(
      app.database.db,
      sql`select u.email, a.person_id, a.purpose_code from audit_events a join users u on u.id = a.actor_user_id
          where a.operation = 'READ' and a.id > ${auditBefore}`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.purpose_code === null)).toEqual([]);
    for (const account of ACCOUNTS)
      for (const person of population) {
        const read = rows.some((r) => r.email === EMAIL(account) && r.person_id === person.uuid);
        // An agency reads its own reports on a person it only knows of (a hit), and that read is recorded.
        const ownReports = reports.some(
          (r) =>
            r.person === person.label &&
            (profiles.get(r.by) as ActorProfile).agencyId ===
              (profiles.get(account) as ActorProfile).agencyId,
        );
        const visible = isVisible(expected.get(key(account, person)) as PersonAccess);
        if (visible || !ownReports) expect(read, `${account} read ${person.label}`).toBe(visible);
      }
  });

  it("recorded each report read by another agency as a disclosure to that agency, and no other", async () => {
    const rows = await queryRows<{
      recipient: string | null;
      agency: string;
      report: string;
      originator: string;
    }>(
      app.database.db,
      sql`select recipient_agency_id as recipient, agency_id as agency, details->>'reportId' as report,
                 details->>'originatorAgencyId' as originator
          from audit_events where operation = 'DISCLOSURE' and id > ${auditBefore}`,
    );
    const got = new Set(rows.map((r) => `${r.recipient} ${r.report}`));
    for (const r of rows) {
      expect(r.recipient).toBe(r.agency);
      expect(r.recipient).not.toBe(r.originator);
    }
    // Every account asked node(id:) for every report above: each read by another agency is a disclosure.
    const wanted = new Set<string>();
    for (const account of ACCOUNTS)
      for (const person of population)
        for (const report of reports.filter((r) => r.person === person.label)) {
          const reader = (profiles.get(account) as ActorProfile).agencyId;
          const originator = (profiles.get(report.by) as ActorProfile).agencyId;
          if (
            reader !== originator &&
            mayReadReport(account, report, expected.get(key(account, person)) as PersonAccess)
          )
            wanted.add(`${reader} ${uuidOf(report.id)}`);
        }
    expect(wanted.size).toBeGreaterThan(0);
    expect(got).toEqual(wanted);
  });
});
