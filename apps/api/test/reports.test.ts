import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  audited,
  CORRECT_REPORT,
  expectNothingWritten,
  FILE_REPORT,
  fileReport,
  type ReportPayloadShape,
  type ReportShape,
  reportInput,
  screen,
  UNKNOWN,
  uuidOf,
  whoAmI,
} from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp } from "./harness.js";

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};
const agency: Record<string, string> = {};
const REPORT_TABLES = ["information_reports", "information_report_links"];

const ACCOUNTS = [
  "celex.analyst",
  "prison-ittre.officer",
  "prison-ittre.director",
  "prison-hasselt.officer",
  "psd-ittre.psychologist",
  "vsse.officer",
  "vsse.analyst",
  "police.officer",
  "cuta.analyst",
  "dgepi.director",
  "caprev.counsellor",
  "lcis-molenbeek.member",
  "oversight.reviewer",
  "celex.statistician",
] as const;

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  for (const account of ["celex.analyst", "prison-ittre.officer", "vsse.officer", "cuta.analyst"])
    agency[account] = (await whoAmI(as[account] as GraphQLClient)).agencyId;
  at = await places(celex());
});
afterAll(() => app.close());

const celex = () => as["celex.analyst"] as GraphQLClient;
const client = (account: (typeof ACCOUNTS)[number]) => as[account] as GraphQLClient;

async function inmate(familyName: string, establishment = "ITT", listed = true): Promise<string> {
  const { personId } = await admit(celex(), at, { familyName, establishment, admittedOn: "2024-01-10" });
  await screen(celex(), personId, listed ? {} : { outcome: "NOT_LISTED", category: null, labels: [] });
  return personId;
}

const PERSON_REPORTS = `query($id: ID!, $includeSuperseded: Boolean! = false, $first: Int! = 50, $after: String) {
  person(id: $id) { reports(first: $first, after: $after, includeSuperseded: $includeSuperseded) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id title version superseded handlingCode handlingConditions originatorAgency { code } } } } } }`;

interface ReportsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  titles: string[];
  nodes: {
    id: string;
    title: string;
    version: number;
    superseded: boolean;
    handlingConditions: string | null;
  }[];
}

async function reportsOf(
  who: GraphQLClient,
  personId: string,
  vars: Record<string, unknown> = {},
): Promise<ReportsPage> {
  const data = await who.data<{
    person: {
      reports: Omit<ReportsPage, "titles" | "nodes"> & { edges: { node: ReportsPage["nodes"][0] }[] };
    };
  }>(PERSON_REPORTS, { id: personId, ...vars });
  const nodes = data.person.reports.edges.map((e) => e.node);
  return { ...data.person.reports, nodes, titles: nodes.map((n) => n.title).sort() };
}

describe("filing a report", () => {
  it("records the grades, indicators and links, and puts a prison officer's report in their own establishment", async () => {
    const personId = await inmate("Filinga");
    const contact = await inmate("Filingb");
    const res = await client("prison-ittre.officer").data<{ reportFile: ReportPayloadShape }>(FILE_REPORT, {
      input: reportInput(personId, {
        title: "Yard discussion",
        sourceReliability: "C",
        informationCredibility: 3,
        indicatorCodes: ["OBS-03", "OBS-01", "OBS-03"],
        links: [{ personId: contact, kind: "CONTACT" }],
        sourceDetails: "Officer on duty, wing B",
        sensitive: true,
      }),
    });
    expect(res.reportFile.userErrors).toEqual([]);
    expect(res.reportFile.report).toMatchObject({
      version: 1,
      superseded: false,
      correctionReason: null,
      title: "Yard discussion",
      sourceReliability: "C",
      informationCredibility: 3,
      classification: "UNCLASSIFIED",
      dataClass: "OBSERVATIONS",
      sensitive: true,
      fromOwnAgency: true,
      establishment: { code: "ITT" },
      originatorAgency: { code: "prison-ittre" },
      indicators: [{ code: "OBS-01" }, { code: "OBS-03" }],
      links: [{ kind: "CONTACT", person: { familyName: "Filingb" } }],
      person: { familyName: "Filinga" },
    });
    const own = await client("prison-ittre.officer").data<{ node: { sourceDetails: string } }>(
      `query($id: ID!) { node(id: $id) { ... on InformationReport { sourceDetails } } }`,
      { id: res.reportFile.report?.id },
    );
    expect(own.node.sourceDetails).toBe("Officer on duty, wing B");
  });

  it("refuses a prison officer's report placed in another establishment, and writes nothing", async () => {
    const personId = await inmate("Filingc");
    await expectNothingWritten(app, REPORT_TABLES, async () => {
      const res = await client("prison-ittre.officer").data<{ reportFile: ReportPayloadShape }>(FILE_REPORT, {
        input: reportInput(personId, { establishmentId: at.establishment("HAS") }),
      });
      expect(res.reportFile).toEqual({
        report: null,
        userErrors: [
          {
            field: "establishmentId",
            message: "you report for your own establishment only",
            code: "RULE_VIOLATION",
          },
        ],
      });
    });
  });

  it("lets CelEx name the establishment, and takes the psychosocial service's own", async () => {
    const personId = await inmate("Filingd");
    const byCelex = await fileReport(celex(), personId, { establishmentId: at.establishment("ITT") });
    expect(byCelex.establishment).toEqual({ code: "ITT" });
    const noPlace = await fileReport(celex(), personId);
    expect(noPlace.establishment).toBeNull();
    const byPsd = await fileReport(client("psd-ittre.psychologist"), personId);
    expect(byPsd).toMatchObject({ establishment: { code: "ITT" }, dataClass: "OBSERVATIONS" });
  });

  it("makes classified reports, and everything from intelligence, INTELLIGENCE data", async () => {
    const personId = await inmate("Filinge");
    expect((await fileReport(celex(), personId)).dataClass).toBe("OBSERVATIONS");
    expect((await fileReport(celex(), personId, { classification: "RESTRICTED" })).dataClass).toBe(
      "INTELLIGENCE",
    );
    expect((await fileReport(client("vsse.officer"), personId)).dataClass).toBe("INTELLIGENCE");
    expect(
      (await fileReport(client("police.officer"), personId, { classification: "CONFIDENTIAL" })).dataClass,
    ).toBe("INTELLIGENCE");
  });

  it("lets a police officer who has only a hit on an inmate file a report, without opening the case", async () => {
    const personId = await inmate("Filingf");
    const police = client("police.officer");
    const hidden = await police.request(`query($id: ID!) { person(id: $id) { familyName } }`, {
      id: personId,
    });
    expect(hidden.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const report = await fileReport(police, personId, { title: "Family moved" });
    expect(report).toMatchObject({
      title: "Family moved",
      originatorAgency: { code: "police" },
      fromOwnAgency: true,
      person: null,
    });
    // CelEx, who sees the inmate and reads observations, gets it.
    expect((await reportsOf(celex(), personId)).titles).toContain("Family moved");
  });

  it("audits as a look-up what a filing tells an actor with only a hit: that the person exists", async () => {
    const known = await inmate("Hitonly");
    const rows = await audited(app, () =>
      client("police.officer").data(FILE_REPORT, { input: reportInput(known, { observedOn: "2999-01-01" }) }),
    );
    expect(rows.filter((r) => r.operation === "LOOKUP").map((r) => [r.person_id, r.details])).toEqual([
      [uuidOf(known), { via: "reportFile", known: true }],
    ]);
    const own = await audited(app, () =>
      client("prison-ittre.officer").data(FILE_REPORT, {
        input: reportInput(known, { observedOn: "2999-01-01" }),
      }),
    );
    expect(own.filter((r) => r.operation === "LOOKUP")).toEqual([]);
  });

  it("refuses a person the actor does not even know of, exactly like an unknown ID", async () => {
    const personId = await inmate("Filingg");
    await expectNothingWritten(app, REPORT_TABLES, async () => {
      for (const id of [personId, UNKNOWN("Person")]) {
        const res = await client("caprev.counsellor").data<{ reportFile: ReportPayloadShape }>(FILE_REPORT, {
          input: reportInput(id),
        });
        expect(res.reportFile.userErrors).toEqual([
          { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
        ]);
      }
    });
  });

  it("is refused to agencies that do not report (a local cell, oversight)", async () => {
    const personId = await inmate("Filingh");
    for (const account of ["lcis-molenbeek.member", "oversight.reviewer"] as const) {
      const res = await client(account).request(FILE_REPORT, { input: reportInput(personId) });
      expect(res.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
    }
  });

  it("names every problem of a bad report at its field, and writes nothing", async () => {
    const personId = await inmate("Filingi");
    await expectNothingWritten(app, REPORT_TABLES, async () => {
      const grade = await celex().data<{ reportFile: ReportPayloadShape }>(FILE_REPORT, {
        input: reportInput(personId, { informationCredibility: 7 }),
      });
      expect(grade.reportFile.userErrors).toEqual([
        {
          field: "informationCredibility",
          message: "must be a credibility grade from 1 to 6",
          code: "INVALID",
        },
      ]);
      const reliability = await celex().request(FILE_REPORT, {
        input: reportInput(personId, { sourceReliability: "G" }),
      });
      expect(reliability.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

      const rules = await celex().data<{ reportFile: ReportPayloadShape }>(FILE_REPORT, {
        input: reportInput(personId, {
          observedOn: "2999-01-01",
          handlingCode: "NO_FURTHER_DISSEMINATION",
          indicatorCodes: ["OBS-01", "OBS-99"],
          links: [
            { personId, kind: "OTHER" },
            { personId: UNKNOWN("Person"), kind: "VISITOR" },
          ],
        }),
      });
      expect(rules.reportFile.userErrors).toEqual(
        expect.arrayContaining([
          { field: "observedOn", message: "must not be in the future", code: "INVALID" },
          {
            field: "addressedToAgencyId",
            message: "is required when the handling code is NO_FURTHER_DISSEMINATION",
            code: "INVALID",
          },
          { field: "indicatorCodes.1", message: "OBS-99 is not an active indicator", code: "NOT_FOUND" },
          {
            field: "links.0.personId",
            message: "a report cannot be linked to its own person",
            code: "INVALID",
          },
          { field: "links.1.personId", message: "no person with this ID", code: "NOT_FOUND" },
        ]),
      );
      expect(rules.reportFile.userErrors).toHaveLength(5);

      for (const conditions of [null, "   "]) {
        const res = await celex().data<{ reportFile: ReportPayloadShape }>(FILE_REPORT, {
          input: reportInput(personId, {
            handlingCode: "SHARE_WITH_CONDITIONS",
            handlingConditions: conditions,
          }),
        });
        expect(res.reportFile.userErrors, String(conditions)).toEqual([
          { field: "handlingConditions", message: "state the conditions of sharing", code: "INVALID" },
        ]);
      }
      const empty = await celex().data<{ reportFile: ReportPayloadShape }>(FILE_REPORT, {
        input: reportInput(personId, { title: " ", body: "x".repeat(10_001) }),
      });
      expect(empty.reportFile.userErrors).toEqual([
        { field: "title", message: "must not be empty", code: "INVALID" },
        { field: "body", message: "must be at most 10000 characters", code: "INVALID" },
      ]);
    });
  });

  it("keeps both reports when two agencies file on the same person at once", async () => {
    const personId = await inmate("Filingj");
    const [a, b] = await Promise.all([
      client("prison-ittre.officer").data<{ reportFile: ReportPayloadShape }>(FILE_REPORT, {
        input: reportInput(personId, { title: "From the wing" }),
      }),
      celex().data<{ reportFile: ReportPayloadShape }>(FILE_REPORT, {
        input: reportInput(personId, { title: "From CelEx" }),
      }),
    ]);
    expect(a.reportFile.userErrors).toEqual([]);
    expect(b.reportFile.userErrors).toEqual([]);
    expect((await reportsOf(celex(), personId)).titles).toEqual(["From CelEx", "From the wing"]);
  });
});

describe("correcting a report", () => {
  let personId: string;
  let first: ReportShape;

  beforeAll(async () => {
    personId = await inmate("Correcta");
    first = await fileReport(client("prison-ittre.officer"), personId, { title: "First wording" });
  });

  const correct = (who: GraphQLClient, reportId: string, expectedVersion: number, over = {}) =>
    who.data<{ reportCorrect: ReportPayloadShape }>(CORRECT_REPORT, {
      input: {
        ...reportInput(personId, over),
        personId: undefined,
        reportId,
        expectedVersion,
        correctionReason: "Wrong wing noted.",
      },
    });

  it("writes a new version and keeps the old one, superseded, in the history", async () => {
    const res = await correct(client("prison-ittre.officer"), first.id, 1, { title: "Second wording" });
    expect(res.reportCorrect.userErrors).toEqual([]);
    const second = res.reportCorrect.report as ReportShape;
    expect(second).toMatchObject({
      version: 2,
      superseded: false,
      title: "Second wording",
      correctionReason: "Wrong wing noted.",
    });
    expect(second.id).not.toBe(first.id);

    const current = await reportsOf(celex(), personId);
    expect(current.nodes.map((n) => [n.title, n.version, n.superseded])).toEqual([
      ["Second wording", 2, false],
    ]);
    expect(current.totalCount).toBe(1);
    const all = await reportsOf(celex(), personId, { includeSuperseded: true });
    expect(all.nodes.map((n) => [n.title, n.version, n.superseded]).sort()).toEqual([
      ["First wording", 1, true],
      ["Second wording", 2, false],
    ]);
    expect(all.totalCount).toBe(2);

    const history = await celex().data<{
      node: {
        versions: { version: number; title: string; superseded: boolean; correctionReason: string | null }[];
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on InformationReport { versions { version title superseded correctionReason } } } }`,
      { id: first.id },
    );
    expect(history.node.versions).toEqual([
      { version: 1, title: "First wording", superseded: true, correctionReason: null },
      { version: 2, title: "Second wording", superseded: false, correctionReason: "Wrong wing noted." },
    ]);
  });

  it("refuses a stale version with CONFLICT and writes nothing", async () => {
    await expectNothingWritten(app, REPORT_TABLES, async () => {
      const res = await correct(client("prison-ittre.officer"), first.id, 1);
      expect(res.reportCorrect).toEqual({
        report: null,
        userErrors: [
          {
            field: "expectedVersion",
            message: "this report is now at version 2: reload it and correct the latest version",
            code: "CONFLICT",
          },
        ],
      });
    });
  });

  it("is for the originating agency only: others are refused, colleagues of the agency may", async () => {
    const latest = (await reportsOf(celex(), personId)).nodes[0]?.id as string;
    const vsse = await fileReport(client("vsse.officer"), personId, { classification: "SECRET" });
    await expectNothingWritten(app, REPORT_TABLES, async () => {
      const res = await correct(celex(), latest, 2);
      expect(res.reportCorrect.userErrors).toEqual([
        {
          field: "reportId",
          message: "only the originating agency corrects a report; file a report of your own instead",
          code: "RULE_VIOLATION",
        },
      ]);
      // An agency that may not even read the report is told it does not exist.
      const hidden = await correct(client("prison-ittre.officer"), vsse.id, 1);
      expect(hidden.reportCorrect.userErrors).toEqual([
        { field: "reportId", message: "no report with this ID", code: "NOT_FOUND" },
      ]);
    });
    const byDirector = await correct(client("prison-ittre.director"), latest, 2, { title: "Third wording" });
    expect(byDirector.reportCorrect.userErrors).toEqual([]);
    expect(byDirector.reportCorrect.report?.version).toBe(3);
  });

  it("lets exactly one of two simultaneous corrections of the same version win; the other gets CONFLICT", async () => {
    const base = await fileReport(client("prison-ittre.officer"), personId, { title: "Race base" });
    const [a, b] = await Promise.all([
      correct(client("prison-ittre.officer"), base.id, 1, { title: "Race A" }),
      correct(client("prison-ittre.director"), base.id, 1, { title: "Race B" }),
    ]);
    const outcomes = [a.reportCorrect, b.reportCorrect];
    expect(outcomes.filter((o) => o.userErrors.length === 0)).toHaveLength(1);
    const loser = outcomes.find((o) => o.userErrors.length > 0) as ReportPayloadShape;
    expect(loser.report).toBeNull();
    expect(loser.userErrors.map((e) => [e.field, e.code])).toEqual([["expectedVersion", "CONFLICT"]]);
    const history = await celex().data<{ node: { versions: { version: number; title: string }[] } }>(
      `query($id: ID!) { node(id: $id) { ... on InformationReport { versions { version title } } } }`,
      { id: base.id },
    );
    expect(history.node.versions.map((v) => v.version)).toEqual([1, 2]);
    const winner = outcomes.find((o) => o.userErrors.length === 0)?.report?.title;
    expect(history.node.versions[1]?.title).toBe(winner);
  });

  it("takes the history along when a correction narrows who may read the report", async () => {
    const vsse = client("vsse.officer");
    const shared = await fileReport(vsse, personId, { title: "Source at risk", classification: "SECRET" });
    const query = `query($id: ID!) { node(id: $id) { ... on InformationReport { title } } }`;
    expect((await client("cuta.analyst").data<{ node: unknown }>(query, { id: shared.id })).node).toEqual({
      title: "Source at risk",
    });
    const narrowed = await correct(vsse, shared.id, 1, {
      title: "Source at risk",
      classification: "SECRET",
      handlingCode: "ORIGINATOR_ONLY",
    });
    expect(narrowed.reportCorrect.userErrors).toEqual([]);
    const cuta = client("cuta.analyst");
    expect((await cuta.data<{ node: unknown }>(query, { id: shared.id })).node).toBeNull();
    expect(
      (await reportsOf(cuta, personId, { includeSuperseded: true })).titles.filter(
        (t) => t === "Source at risk",
      ),
    ).toEqual([]);
    expect(
      (await reportsOf(vsse, personId, { includeSuperseded: true })).titles.filter(
        (t) => t === "Source at risk",
      ),
    ).toHaveLength(2);
  });

  it("refuses an unknown report and a missing reason", async () => {
    await expectNothingWritten(app, REPORT_TABLES, async () => {
      const unknown = await correct(client("prison-ittre.officer"), UNKNOWN("InformationReport"), 1);
      expect(unknown.reportCorrect.userErrors).toEqual([
        { field: "reportId", message: "no report with this ID", code: "NOT_FOUND" },
      ]);
      const noReason = await client("prison-ittre.officer").data<{ reportCorrect: ReportPayloadShape }>(
        CORRECT_REPORT,
        {
          input: {
            ...reportInput(personId),
            personId: undefined,
            reportId: first.id,
            expectedVersion: 1,
            correctionReason: "  ",
          },
        },
      );
      expect(noReason.reportCorrect.userErrors).toEqual([
        { field: "correctionReason", message: "say why the report is corrected", code: "INVALID" },
      ]);
    });
  });
});

describe("who reads which report", () => {
  let listed: string;
  const ids: Record<string, string> = {};

  // One listed inmate of Ittre with a report of each kind: a prison observation, intelligence shared
  // with law enforcement, shared on conditions, for the originator only, and addressed to CelEx only,
  // and a police observation.
  beforeAll(async () => {
    listed = await inmate("Readera");
    const vsse = client("vsse.officer");
    ids.prison = (
      await fileReport(client("prison-ittre.officer"), listed, { title: "Prison observation" })
    ).id;
    ids.shared = (
      await fileReport(vsse, listed, {
        title: "Intelligence shared",
        classification: "SECRET",
        sourceDetails: "Human source 17",
      })
    ).id;
    ids.conditions = (
      await fileReport(vsse, listed, {
        title: "Intelligence on conditions",
        classification: "CONFIDENTIAL",
        handlingCode: "SHARE_WITH_CONDITIONS",
        handlingConditions: "Not for use in court.",
      })
    ).id;
    ids.originatorOnly = (
      await fileReport(vsse, listed, {
        title: "Intelligence originator only",
        classification: "SECRET",
        handlingCode: "ORIGINATOR_ONLY",
      })
    ).id;
    ids.addressed = (
      await fileReport(vsse, listed, {
        title: "Intelligence for CelEx",
        classification: "SECRET",
        handlingCode: "NO_FURTHER_DISSEMINATION",
        addressedToAgencyId: agency["celex.analyst"],
      })
    ).id;
    ids.police = (await fileReport(client("police.officer"), listed, { title: "Police observation" })).id;
  });

  const ALL = [
    "Intelligence for CelEx",
    "Intelligence on conditions",
    "Intelligence originator only",
    "Intelligence shared",
    "Police observation",
    "Prison observation",
  ];

  it("follows the matrix and each handling code, and counts only what may be read", async () => {
    const expected: [string, string[]][] = [
      ["celex.analyst", ALL],
      ["vsse.officer", ALL],
      ["vsse.analyst", ALL],
      [
        "cuta.analyst",
        ["Intelligence on conditions", "Intelligence shared", "Police observation", "Prison observation"],
      ],
      [
        "dgepi.director",
        ["Intelligence on conditions", "Intelligence shared", "Police observation", "Prison observation"],
      ],
      ["prison-ittre.officer", ["Police observation", "Prison observation"]],
      ["psd-ittre.psychologist", ["Police observation", "Prison observation"]],
    ];
    for (const [account, titles] of expected) {
      const page = await reportsOf(client(account as (typeof ACCOUNTS)[number]), listed);
      expect(page.titles, account).toEqual(titles);
      expect(page.totalCount, account).toBe(titles.length);
    }
    const conditions = (await reportsOf(client("cuta.analyst"), listed)).nodes.find(
      (n) => n.title === "Intelligence on conditions",
    );
    expect(conditions?.handlingConditions).toBe("Not for use in court.");
  });

  it("pages through a person's reports", async () => {
    const first = await reportsOf(celex(), listed, { first: 4 });
    expect(first.nodes).toHaveLength(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(6);
    const rest = await reportsOf(celex(), listed, { first: 4, after: first.pageInfo.endCursor });
    expect(rest.nodes).toHaveLength(2);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect([...first.titles, ...rest.titles].sort()).toEqual(ALL);
  });

  it("lets CelEx read an originator-only report only once the person is listed", async () => {
    const unlisted = await inmate("Readerb", "ITT", false);
    await fileReport(client("vsse.officer"), unlisted, {
      title: "Before listing",
      classification: "SECRET",
      handlingCode: "ORIGINATOR_ONLY",
    });
    expect((await reportsOf(celex(), unlisted)).titles).toEqual([]);
    await screen(celex(), unlisted, { screenedOn: "2024-02-01" });
    expect((await reportsOf(celex(), unlisted)).titles).toEqual(["Before listing"]);
    expect((await reportsOf(client("cuta.analyst"), unlisted)).titles).toEqual([]);
  });

  it("shows the source details to the originating agency only", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on InformationReport { title sourceDetails } } }`;
    const own = await client("vsse.analyst").data<{ node: { sourceDetails: string } }>(query, {
      id: ids.shared,
    });
    expect(own.node.sourceDetails).toBe("Human source 17");
    for (const account of ["celex.analyst", "cuta.analyst"] as const) {
      const res = await client(account).request<{ node: { title: string; sourceDetails: null } }>(query, {
        id: ids.shared,
      });
      expect(res.data?.node, account).toEqual({ title: "Intelligence shared", sourceDetails: null });
      expect(
        res.errors?.map((e) => [e.path?.join("."), e.extensions?.code]),
        account,
      ).toEqual([["node.sourceDetails", "FORBIDDEN"]]);
    }
  });

  it("names the author of an intelligence report to the originating agency only", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on InformationReport { author { displayName } } } }`;
    const own = await client("vsse.analyst").data<{ node: { author: { displayName: string } } }>(query, {
      id: ids.shared,
    });
    expect(own.node.author.displayName).toMatch(/State Security/);
    const other = await client("celex.analyst").request<{ node: { author: null } }>(query, {
      id: ids.shared,
    });
    expect(other.data?.node).toEqual({ author: null });
    expect(other.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([
      ["node.author", "FORBIDDEN"],
    ]);
    const prison = await client("celex.analyst").data<{ node: { author: { displayName: string } } }>(query, {
      id: ids.prison,
    });
    expect(prison.node.author.displayName).toMatch(/Ittre/);
  });

  it("gives a statistician of the originating agency nothing: no case, no report", async () => {
    const own = await fileReport(celex(), listed, { title: "CelEx note" });
    const res = await client("celex.statistician").data<{ node: unknown }>(
      `query($id: ID!) { node(id: $id) { ... on InformationReport { title sourceDetails } } }`,
      { id: own.id },
    );
    expect(res.node).toBeNull();
  });

  it("answers node(id:) with null where the report may not be read", async () => {
    const query = `query($id: ID!) { node(id: $id) { id ... on InformationReport { title } } }`;
    const cases: [string, string, boolean][] = [
      ["celex.analyst", ids.originatorOnly as string, true],
      ["cuta.analyst", ids.originatorOnly as string, false],
      ["cuta.analyst", ids.addressed as string, false],
      ["prison-ittre.officer", ids.shared as string, false],
      ["prison-ittre.officer", ids.prison as string, true],
      ["prison-hasselt.officer", ids.prison as string, false],
      ["police.officer", ids.police as string, true],
      ["police.officer", ids.prison as string, false],
      ["lcis-molenbeek.member", ids.prison as string, false],
      ["celex.analyst", UNKNOWN("InformationReport"), false],
    ];
    for (const [account, id, readable] of cases) {
      const res = await client(account as (typeof ACCOUNTS)[number]).data<{ node: { id: string } | null }>(
        query,
        {
          id,
        },
      );
      expect(res.node !== null, `${account} reading ${id}`).toBe(readable);
    }
  });

  it("logs a read by another agency as a disclosure to it, and the originator's own reads as plain reads", async () => {
    const rows = await audited(app, () => reportsOf(celex(), listed));
    const disclosures = rows.filter((r) => r.operation === "DISCLOSURE");
    expect(disclosures.map((r) => r.details.reportId).sort()).toEqual(Object.values(ids).map(uuidOf).sort());
    for (const d of disclosures) {
      expect(d.recipient_agency_id).toBe(uuidOf(agency["celex.analyst"] as string));
      expect(d.person_id).toBe(uuidOf(listed));
    }
    const fromVsse = disclosures.find((d) => d.details.reportId === uuidOf(ids.conditions as string));
    expect(fromVsse).toMatchObject({
      data_classes: ["INTELLIGENCE"],
      details: {
        originatorAgencyId: uuidOf(agency["vsse.officer"] as string),
        handlingCode: "SHARE_WITH_CONDITIONS",
      },
    });
    expect(rows.find((r) => r.operation === "READ")?.data_classes).toEqual(["INTELLIGENCE", "OBSERVATIONS"]);

    const own = await audited(app, () =>
      client("vsse.officer").data(`query($id: ID!) { node(id: $id) { id } }`, { id: ids.shared }),
    );
    expect(own.map((r) => r.operation)).toEqual(["READ"]);
  });

  it("lets oversight find the disclosures in the audit trail, each to an agency other than the originator", async () => {
    const data = await client("oversight.reviewer").data<{
      auditEvents: {
        edges: {
          node: {
            agency: { id: string; code: string };
            recipientAgency: { id: string };
            details: { originatorAgencyId: string };
          };
        }[];
      };
    }>(
      `query($personId: ID!) { auditEvents(first: 100, filter: { personId: $personId, operation: "DISCLOSURE" }) {
         edges { node { agency { id code } recipientAgency { id } details } } } }`,
      { personId: listed },
    );
    const events = data.auditEvents.edges.map((e) => e.node);
    expect(new Set(events.map((e) => e.agency.code))).toEqual(
      new Set(["celex", "cuta", "dgepi", "prison-ittre", "psd-ittre", "vsse"]),
    );
    for (const e of events) {
      expect(uuidOf(e.agency.id)).not.toBe(e.details.originatorAgencyId);
      expect(e.recipientAgency.id).toBe(e.agency.id);
    }
  });
});

describe("the report feed", () => {
  const FEED = `query($first: Int!, $after: String, $since: DateTime, $establishmentId: ID) {
    reportFeed(first: $first, after: $after, since: $since, establishmentId: $establishmentId) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { title version recordedAt } } } }`;
  let since: string;
  let hasselt: string;

  interface Feed {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    titles: string[];
  }

  async function feed(who: GraphQLClient, vars: Record<string, unknown>): Promise<Feed> {
    const data = await who.data<{
      reportFeed: Omit<Feed, "titles"> & { edges: { node: { title: string } }[] };
    }>(FEED, { first: 20, since, ...vars });
    return { ...data.reportFeed, titles: data.reportFeed.edges.map((e) => e.node.title) };
  }

  beforeAll(async () => {
    const ittre = await inmate("Feeda", "ITT");
    hasselt = await inmate("Feedb", "HAS");
    const first = await fileReport(client("prison-ittre.officer"), ittre, { title: "Feed 1" });
    since = first.recordedAt;
    await fileReport(client("vsse.officer"), ittre, { title: "Feed 2", classification: "SECRET" });
    const third = await fileReport(celex(), hasselt, {
      title: "Feed 3",
      establishmentId: at.establishment("HAS"),
    });
    await fileReport(client("prison-hasselt.officer"), hasselt, { title: "Feed 4" });
    await fileReport(client("vsse.officer"), ittre, {
      title: "Feed 5",
      classification: "SECRET",
      handlingCode: "ORIGINATOR_ONLY",
    });
    await celex().data(CORRECT_REPORT, {
      input: {
        ...reportInput(hasselt, { title: "Feed 3 corrected", establishmentId: at.establishment("HAS") }),
        personId: undefined,
        reportId: third.id,
        expectedVersion: 1,
        correctionReason: "Typo.",
      },
    });
  });

  it("lists the latest version of every report the reader may read, newest recorded first", async () => {
    const all = await feed(celex(), {});
    expect(all.titles).toEqual(["Feed 3 corrected", "Feed 5", "Feed 4", "Feed 2", "Feed 1"]);
    expect(all.totalCount).toBe(5);
  });

  it("gives each reader only their own scope, and counts only that", async () => {
    const ittre = await feed(client("prison-ittre.officer"), {});
    expect(ittre.titles).toEqual(["Feed 1"]);
    expect(ittre.totalCount).toBe(1);
    const hasseltOfficer = await feed(client("prison-hasselt.officer"), {});
    expect(hasseltOfficer.titles).toEqual(["Feed 3 corrected", "Feed 4"]);
    expect(hasseltOfficer.totalCount).toBe(2);
    const cuta = await feed(client("cuta.analyst"), {});
    expect(cuta.titles).toEqual(["Feed 3 corrected", "Feed 4", "Feed 2", "Feed 1"]);
    expect(cuta.totalCount).toBe(4);
    const lcis = await feed(client("lcis-molenbeek.member"), {});
    expect(lcis).toMatchObject({ titles: [], totalCount: 0 });
  });

  it("filters by establishment and by the recording instant", async () => {
    const inHasselt = await feed(celex(), { establishmentId: at.establishment("HAS") });
    expect(inHasselt.titles).toEqual(["Feed 3 corrected", "Feed 4"]);
    expect(inHasselt.totalCount).toBe(2);
    const later = await feed(celex(), { since: new Date(Date.now() + 60_000).toISOString() });
    expect(later).toMatchObject({ titles: [], totalCount: 0 });
    const bad = await celex().request(FEED, { first: 5, establishmentId: UNKNOWN("Person") });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("pages with stable cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const p: Feed = await feed(celex(), { first: 2, after });
      seen.push(...p.titles);
      expect(p.totalCount).toBe(5);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(["Feed 3 corrected", "Feed 5", "Feed 4", "Feed 2", "Feed 1"]);
  });

  it("refuses a forged cursor as bad input", async () => {
    const page = await feed(celex(), { first: 1 });
    const [recordedAt, id] = JSON.parse(
      Buffer.from(page.pageInfo.endCursor as string, "base64url").toString(),
    );
    for (const values of [
      ["garbage", "garbage"],
      [recordedAt, "not-a-uuid"],
      ["2024-02-30T10:00:00.000000Z", id],
      ["2024-01-01 00:00:00+00", id],
      [recordedAt],
    ]) {
      const after = Buffer.from(JSON.stringify(values)).toString("base64url");
      const res = await celex().request(FEED, { first: 5, after });
      expect(res.errors?.[0]?.extensions, JSON.stringify(values)).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "after",
      });
    }
  });

  it("audits the feed as a search, and what it returned as reads", async () => {
    const rows = await audited(app, () => feed(client("prison-hasselt.officer"), {}));
    expect(rows.filter((r) => r.operation === "SEARCH").map((r) => r.details)).toEqual([
      expect.objectContaining({ query: "reportFeed", returned: 2 }),
    ]);
    expect(rows.filter((r) => r.operation === "READ").map((r) => r.person_id)).toEqual([uuidOf(hasselt)]);
  });
});
