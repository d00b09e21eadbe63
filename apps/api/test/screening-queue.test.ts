import { addMonthsToDate } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.js";
import { newId } from "../src/db/columns.js";
import {
  addDays,
  audited,
  expectNothingWritten,
  fileReport,
  globalId,
  SCREEN,
  screen,
  UNKNOWN,
  type UserErrorShape,
  uuidOf,
} from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "./harness.js";

let app: TestApp;
let at: Places;
let celex: GraphQLClient;
let officer: GraphQLClient;
const users: Record<string, string> = {};
const SCREENING_TABLES = ["screenings", "listing_periods", "screening_sources", "screening_assignments"];

beforeAll(async () => {
  app = await startTestApp();
  celex = await app.login(EMAIL("celex.analyst"));
  officer = await app.login(EMAIL("prison-ittre.officer"));
  at = await places(celex);
  // A second CelEx analyst, and one whose account was disabled.
  for (const [local, disabled] of [
    ["celex.second", false],
    ["celex.disabled", true],
  ] as const)
    await app.database.db.execute(sql`insert into users (id, email, display_name, agency_id, roles, disabled_at)
      select ${newId()}, ${EMAIL(local)}, ${local}, id, '{ANALYST}', ${disabled ? sql`now()` : null}
      from agencies where code = 'celex'`);
  const rows = await queryRows<{ id: string; email: string }>(
    app.database.db,
    sql`select id, email from users`,
  );
  for (const r of rows) users[r.email.split("@")[0] as string] = globalId("User", r.id);
});
afterAll(() => app.close());

const RELEASE = `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`;

interface Payload {
  screeningRecord: { screening: { id: string } | null; userErrors: UserErrorShape[] };
}

describe("the screening queue", () => {
  const QUEUE = `query($filter: PersonFilterInput, $orderBy: PersonOrderInput) {
    persons(first: 50, filter: $filter, orderBy: $orderBy) {
      totalCount edges { node { familyName nextScreeningDueOn screeningResponsible { email } } } } }`;

  async function queue(client: GraphQLClient, filter: Record<string, unknown>, orderBy?: unknown) {
    const data = await client.data<{
      persons: {
        totalCount: number;
        edges: {
          node: {
            familyName: string;
            nextScreeningDueOn: string | null;
            screeningResponsible: { email: string } | null;
          };
        }[];
      };
    }>(QUEUE, { filter: { search: "queue", ...filter }, orderBy });
    return {
      totalCount: data.persons.totalCount,
      names: data.persons.edges.map((e) => e.node.familyName),
      nodes: data.persons.edges.map((e) => e.node),
    };
  }

  const ASSIGN = `mutation($input: ScreeningAssignInput!) { screeningAssign(input: $input) {
    persons { familyName screeningResponsible { email } } userErrors { field message code } } }`;

  interface AssignPayload {
    screeningAssign: {
      persons: { familyName: string; screeningResponsible: { email: string } | null }[];
      userErrors: UserErrorShape[];
    };
  }

  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const make = async (name: string, establishment: string, admittedOn: string) => {
      const made = await admit(celex, at, { familyName: name, establishment, admittedOn });
      ids[name] = made.personId;
      return made;
    };
    await make("Queueneverscreened", "ITT", "2024-01-10");
    await make("Queuenewadmission", "ITT", addDays(TODAY, -3));
    await make("Queuescreenedearlier", "HAS", "2024-01-10");
    await screen(celex, ids.Queuescreenedearlier as string, {
      screenedOn: addDays(TODAY, -50),
      outcome: "NOT_LISTED",
      category: null,
    });
    await make("Queuescheduled", "ITT", "2024-01-10");
    await screen(celex, ids.Queuescheduled as string, {
      screenedOn: addDays(TODAY, -5),
      nextDueOn: addDays(TODAY, 40),
    });
    const released = await make("Queuereleased", "ITT", "2024-01-10");
    await celex.data(RELEASE, {
      input: {
        episodeId: released.episodeId,
        releasedOn: "2024-03-01",
        releaseType: "END_OF_SENTENCE",
        releaseMunicipality: "Gent",
      },
    });
  });

  it("shows what is due within so many days, overdue included, and nothing for released persons", async () => {
    const inTwoWeeks = await queue(celex, { screeningDueWithinDays: 14 }, { field: "NEXT_SCREENING_DUE" });
    expect(inTwoWeeks.nodes.map((n) => [n.familyName, n.nextScreeningDueOn])).toEqual([
      ["Queueneverscreened", "2024-01-10"],
      ["Queuenewadmission", addDays(TODAY, -3)],
      ["Queuescreenedearlier", addMonthsToDate(addDays(TODAY, -50), 2)],
    ]);
    expect(inTwoWeeks.totalCount).toBe(3);
    expect((await queue(celex, { screeningDueWithinDays: 0 })).names).toEqual([
      "Queueneverscreened",
      "Queuenewadmission",
    ]);
    expect((await queue(celex, { screeningDueWithinDays: 366 })).names).not.toContain("Queuereleased");
    expect((await queue(celex, { screeningDueWithinDays: 45 })).names).toContain("Queuescheduled");
    const bad = await celex.request(QUEUE, { filter: { screeningDueWithinDays: -1 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.screeningDueWithinDays",
    });
  });

  it("assigns screenings to a CelEx analyst, shows who is responsible, and filters on it", async () => {
    const res = await celex.data<AssignPayload>(ASSIGN, {
      input: { personIds: [ids.Queueneverscreened, ids.Queuenewadmission], userId: users["celex.analyst"] },
    });
    expect(res.screeningAssign).toEqual({
      persons: [
        { familyName: "Queueneverscreened", screeningResponsible: { email: EMAIL("celex.analyst") } },
        { familyName: "Queuenewadmission", screeningResponsible: { email: EMAIL("celex.analyst") } },
      ],
      userErrors: [],
    });
    await celex.data<AssignPayload>(ASSIGN, {
      input: { personIds: [ids.Queuescreenedearlier], userId: users["celex.second"] },
    });
    expect((await queue(celex, { screeningResponsibleIds: [users["celex.analyst"]] })).names).toEqual([
      "Queueneverscreened",
      "Queuenewadmission",
    ]);
    // A new assignment replaces the previous one.
    const rows = await audited(app, () =>
      celex.data(ASSIGN, {
        input: { personIds: [ids.Queuenewadmission], userId: users["celex.second"] },
      }),
    );
    expect(
      rows.filter((r) => r.operation === "UPDATE").map((r) => [r.person_id, r.details.mutation]),
    ).toEqual([[uuidOf(ids.Queuenewadmission as string), "screeningAssign"]]);
    expect((await queue(celex, { screeningResponsibleIds: [users["celex.analyst"]] })).names).toEqual([
      "Queueneverscreened",
    ]);
    expect(
      (
        await queue(celex, {
          screeningResponsibleIds: [users["celex.second"]],
          screeningDueWithinDays: 0,
        })
      ).names,
    ).toEqual(["Queuenewadmission"]);
    expect((await queue(celex, { screeningUnassigned: true, screeningDueWithinDays: 14 })).names).toEqual([]);
    expect((await queue(celex, { screeningUnassigned: true, screeningDueWithinDays: 45 })).names).toEqual([
      "Queuescheduled",
    ]);
    expect((await queue(celex, { screeningUnassigned: false, screeningDueWithinDays: 14 })).names).toEqual([
      "Queueneverscreened",
      "Queuenewadmission",
      "Queuescreenedearlier",
    ]);
    // Prison staff see who is responsible for their own inmates.
    const seen = await officer.data<{ person: { screeningResponsible: { id: string } } }>(
      `query($id: ID!) { person(id: $id) { screeningResponsible { id } } }`,
      { id: ids.Queueneverscreened },
    );
    expect(seen.person.screeningResponsible.id).toBe(users["celex.analyst"]);
  });

  it("refuses an assignee who is not a CelEx analyst, an unknown person or one given twice, all or nothing", async () => {
    await expectNothingWritten(app, SCREENING_TABLES, async () => {
      for (const assignee of [
        "vsse.officer",
        "celex.statistician",
        "prison-ittre.officer",
        "celex.disabled",
        "celex.integration",
      ]) {
        const res = await celex.data<AssignPayload>(ASSIGN, {
          input: { personIds: [ids.Queuescheduled], userId: users[assignee] },
        });
        expect(res.screeningAssign, assignee).toEqual({
          persons: [],
          userErrors: [
            {
              field: "userId",
              message: "screenings are the responsibility of an active CelEx analyst",
              code: "RULE_VIOLATION",
            },
          ],
        });
      }
      const unknownUser = await celex.data<AssignPayload>(ASSIGN, {
        input: { personIds: [ids.Queuescheduled], userId: UNKNOWN("User") },
      });
      expect(unknownUser.screeningAssign.userErrors).toEqual([
        { field: "userId", message: "no user with this ID", code: "NOT_FOUND" },
      ]);
      const unknownPerson = await celex.data<AssignPayload>(ASSIGN, {
        input: { personIds: [ids.Queuescheduled, UNKNOWN("Person")], userId: users["celex.analyst"] },
      });
      expect(unknownPerson.screeningAssign.userErrors).toEqual([
        { field: "personIds.1", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
      const twice = await celex.data<AssignPayload>(ASSIGN, {
        input: { personIds: [ids.Queuescheduled, ids.Queuescheduled], userId: users["celex.analyst"] },
      });
      expect(twice.screeningAssign.userErrors).toEqual([
        { field: "personIds.1", message: "given twice", code: "INVALID" },
      ]);
      const none = await celex.data<AssignPayload>(ASSIGN, {
        input: { personIds: [], userId: users["celex.analyst"] },
      });
      expect(none.screeningAssign.userErrors).toEqual([
        { field: "personIds", message: "give 1 to 100 persons", code: "INVALID" },
      ]);
      const byOfficer = await officer.request(ASSIGN, {
        input: { personIds: [ids.Queuescheduled], userId: users["celex.analyst"] },
      });
      expect(byOfficer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });
    const still = await celex.data<{ person: { screeningResponsible: null } }>(
      `query($id: ID!) { person(id: $id) { screeningResponsible { email } } }`,
      { id: ids.Queuescheduled },
    );
    expect(still.person.screeningResponsible).toBeNull();
  });
  it("assigns the same persons from two sessions at once, in opposite orders, without failing", async () => {
    const other = await app.login(EMAIL("celex.analyst"));
    const persons: string[] = [];
    for (const name of ["Queueparallela", "Queueparallelb", "Queueparallelc"])
      persons.push((await admit(celex, at, { familyName: name, admittedOn: "2024-01-10" })).personId);
    const [one, two] = await Promise.all([
      celex.request<{ screeningAssign: AssignPayload["screeningAssign"] }>(ASSIGN, {
        input: { personIds: persons, userId: users["celex.analyst"] },
      }),
      other.request<{ screeningAssign: AssignPayload["screeningAssign"] }>(ASSIGN, {
        input: { personIds: [...persons].reverse(), userId: users["celex.second"] },
      }),
    ]);
    for (const res of [one, two]) {
      expect(res.errors).toBeUndefined();
      expect(res.data?.screeningAssign.userErrors.every((e) => e.code === "CONFLICT")).toBe(true);
    }
  });
});

describe("screenings that rest on reports", () => {
  const ids: Record<string, string> = {};
  const reports: Record<string, string> = {};

  beforeAll(async () => {
    ids.subject = (
      await admit(celex, at, { familyName: "Sourcesubject", admittedOn: "2024-01-10" })
    ).personId;
    ids.other = (await admit(celex, at, { familyName: "Sourceother", admittedOn: "2024-01-10" })).personId;
    reports.prison = (await fileReport(officer, ids.subject, { title: "Wing observation" })).id;
    const vsse = await app.login(EMAIL("vsse.officer"));
    reports.intelligence = (
      await fileReport(vsse, ids.subject, { title: "Intelligence note", classification: "SECRET" })
    ).id;
    reports.originatorOnly = (
      await fileReport(vsse, ids.subject, {
        title: "Originator only",
        classification: "SECRET",
        handlingCode: "ORIGINATOR_ONLY",
      })
    ).id;
    reports.otherPerson = (await fileReport(officer, ids.other, { title: "About someone else" })).id;
  });

  function screening(sourceReportIds: string[], over: Record<string, unknown> = {}) {
    return {
      input: {
        personId: ids.subject,
        screenedOn: "2024-01-15",
        outcome: "LISTED",
        category: "B",
        labels: ["ASSIMILATED"],
        sources: ["PRISON_STAFF", "INTELLIGENCE"],
        rationale: "Fictional.",
        sourceReportIds,
        ...over,
      },
    };
  }

  it("refuses a report of another person, an unknown one, one the screener may not read, or one given twice", async () => {
    await expectNothingWritten(app, SCREENING_TABLES, async () => {
      const res = await celex.data<Payload>(
        SCREEN,
        screening([
          reports.prison as string,
          reports.otherPerson as string,
          UNKNOWN("InformationReport"),
          reports.originatorOnly as string,
          ids.subject as string,
          reports.prison as string,
        ]),
      );
      const notFound = { message: "no report on this person with this ID", code: "NOT_FOUND" };
      expect(res.screeningRecord).toEqual({
        screening: null,
        userErrors: [
          { field: "sourceReportIds.1", ...notFound },
          { field: "sourceReportIds.2", ...notFound },
          { field: "sourceReportIds.3", ...notFound },
          { field: "sourceReportIds.4", ...notFound },
          { field: "sourceReportIds.5", message: "given twice", code: "INVALID" },
        ],
      });
    });
  });

  it("records the reports a screening rests on and shows each reader those they may read", async () => {
    const res = await celex.data<Payload>(
      SCREEN,
      screening([reports.intelligence as string, reports.prison as string]),
    );
    expect(res.screeningRecord.userErrors).toEqual([]);
    const screeningId = res.screeningRecord.screening?.id as string;
    const query = `query($id: ID!) { node(id: $id) { ... on Screening { outcome sourceReports { title } } } }`;
    const byCelex = await celex.data<{ node: { sourceReports: { title: string }[] } }>(query, {
      id: screeningId,
    });
    expect(byCelex.node.sourceReports.map((r) => r.title).sort()).toEqual([
      "Intelligence note",
      "Wing observation",
    ]);
    // The prison officer reads the listing but not intelligence: only the prison's own observation.
    const byOfficer = await officer.data<{ node: { sourceReports: { title: string }[] } }>(query, {
      id: screeningId,
    });
    expect(byOfficer.node.sourceReports.map((r) => r.title)).toEqual(["Wing observation"]);
    const [row] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from screening_sources where screening_id = ${uuidOf(screeningId)}::uuid`,
    );
    expect(row?.n).toBe(2);
  });
});

describe("the listing over time", () => {
  let personId: string;

  beforeAll(async () => {
    personId = (await admit(celex, at, { familyName: "Asofperson", admittedOn: "2019-01-10" })).personId;
    await screen(celex, personId, { screenedOn: "2019-01-15", category: "C", labels: ["FOREIGN_FIGHTER"] });
    await screen(celex, personId, {
      screenedOn: "2019-03-01",
      outcome: "CHANGED",
      category: "A",
      labels: ["TERRORIST_CONVICT"],
    });
    await screen(celex, personId, {
      screenedOn: "2019-06-01",
      outcome: "CHANGED",
      category: "B",
      labels: ["ASSIMILATED"],
    });
    await screen(celex, personId, {
      screenedOn: "2020-01-01",
      outcome: "DELISTED",
      category: null,
      labels: [],
    });
  });

  it("answers what the category was on a past date", async () => {
    const data = await celex.data<Record<string, { category: string; validFrom: string } | null>>(
      `query($id: ID!) { p: person(id: $id) {
         before: listingOn(date: "2019-01-14") { category validFrom }
         first: listingOn(date: "2019-02-28") { category validFrom }
         april: listingOn(date: "2019-04-01") { category validFrom }
         changeDay: listingOn(date: "2019-06-01") { category validFrom }
         delisted: listingOn(date: "2020-01-01") { category validFrom }
         now: listing { category } } }`,
      { id: personId },
    );
    expect(data.p).toEqual({
      before: null,
      first: { category: "C", validFrom: "2019-01-15" },
      april: { category: "A", validFrom: "2019-03-01" },
      changeDay: { category: "B", validFrom: "2019-06-01" },
      delisted: null,
      now: null,
    });
  });

  it("refuses contradictory outcomes and writes nothing", async () => {
    const cases: [Record<string, unknown>, UserErrorShape][] = [
      [
        { screenedOn: "2020-02-01", outcome: "DELISTED", category: null, labels: [] },
        {
          field: "outcome",
          message: "the person is not listed, so cannot be delisted",
          code: "RULE_VIOLATION",
        },
      ],
      [
        { screenedOn: "2020-02-01", outcome: "MAINTAINED", category: null, labels: [] },
        {
          field: "outcome",
          message: "the person is not listed: use LISTED or NOT_LISTED",
          code: "RULE_VIOLATION",
        },
      ],
      [
        { screenedOn: "2020-02-01", outcome: "CHANGED", category: "D", labels: ["RADICALISED"] },
        {
          field: "outcome",
          message: "the person is not listed: use LISTED or NOT_LISTED",
          code: "RULE_VIOLATION",
        },
      ],
      [
        { screenedOn: "2019-12-01", outcome: "LISTED", category: "D", labels: ["RADICALISED"] },
        {
          field: "screenedOn",
          message: "a change of listing must come after the last one (2020-01-01)",
          code: "CONFLICT",
        },
      ],
    ];
    await expectNothingWritten(app, SCREENING_TABLES, async () => {
      for (const [over, error] of cases) {
        const res = await celex.data<Payload>(SCREEN, {
          input: { personId, sources: ["POLICE"], rationale: "Fictional.", ...over },
        });
        expect(res.screeningRecord.userErrors, JSON.stringify(over)).toEqual([error]);
      }
    });
    await screen(celex, personId, { screenedOn: "2020-03-01", category: "D", labels: ["RADICALISED"] });
    await expectNothingWritten(app, SCREENING_TABLES, async () => {
      const res = await celex.data<Payload>(SCREEN, {
        input: {
          personId,
          screenedOn: "2020-04-01",
          outcome: "LISTED",
          category: "D",
          labels: ["RADICALISED"],
          sources: ["POLICE"],
          rationale: "Fictional.",
        },
      });
      expect(res.screeningRecord.userErrors).toEqual([
        {
          field: "outcome",
          message: "the person is already listed (category D): use MAINTAINED, CHANGED or DELISTED",
          code: "RULE_VIOLATION",
        },
      ]);
      const unchanged = await celex.data<Payload>(SCREEN, {
        input: {
          personId,
          screenedOn: "2020-04-01",
          outcome: "CHANGED",
          category: "D",
          labels: ["RADICALISED"],
          sources: ["POLICE"],
          rationale: "Fictional.",
        },
      });
      expect(unchanged.screeningRecord.userErrors).toEqual([
        {
          field: "outcome",
          message: "category and labels are unchanged: use MAINTAINED",
          code: "RULE_VIOLATION",
        },
      ]);
    });
  });
});
