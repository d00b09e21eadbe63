import { addMonthsToDate } from "@continuum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, audited, expectNothingWritten, UNKNOWN, type UserErrorShape, uuidOf } from "./case-work.js";
import { EMAIL, type Places, places } from "./fixtures.js";
import { released } from "./follow-up-fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp, TODAY } from "./harness.js";

// The threat-analysis body's common database: entries with a category and a threat level, superseded
// rather than overwritten, confirmed by new information, removed, and reviewed on time.

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};
const ACCOUNTS = [
  "celex.analyst",
  "cuta.analyst",
  "police.officer",
  "ltf-brussels.member",
  "lcis-molenbeek.member",
] as const;
type Account = (typeof ACCOUNTS)[number];
const client = (account: Account) => as[account] as GraphQLClient;
const cuta = () => client("cuta.analyst");
const TABLES = ["common_database_entries"];
const errorCodes = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code);

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(client("celex.analyst"));
});
afterAll(() => app.close());

const ENTRY =
  "id category threatLevel basis validFrom validTo lastInformationOn reviewDueOn endReason version";
const RECORD = `mutation($input: CommonDatabaseEntryRecordInput!) { commonDatabaseEntryRecord(input: $input) {
  entry { ${ENTRY} } person { id } userErrors { field message code } } }`;
const CONFIRM = `mutation($input: CommonDatabaseEntryConfirmInput!) { commonDatabaseEntryConfirm(input: $input) {
  entry { ${ENTRY} } userErrors { field message code } } }`;
const END = `mutation($input: CommonDatabaseEntryEndInput!) { commonDatabaseEntryEnd(input: $input) {
  entry { ${ENTRY} } userErrors { field message code } } }`;
const READ = `query($id: ID!) { person(id: $id) { commonDatabase { current { ${ENTRY} } history { ${ENTRY} } } card { threatLevel } } }`;

interface Entry {
  id: string;
  category: string;
  threatLevel: number;
  basis: string;
  validFrom: string;
  validTo: string | null;
  lastInformationOn: string;
  reviewDueOn: string;
  endReason: string | null;
  version: number;
}
interface Payload {
  entry: Entry | null;
  userErrors: UserErrorShape[];
}

async function newPerson(familyName: string): Promise<string> {
  return (
    await released(app, client("celex.analyst"), at, {
      familyName,
      admittedOn: addDays(TODAY, -1500),
      releasedOn: addDays(TODAY, -1000),
      municipality: "Molenbeek-Saint-Jean",
    })
  ).personId;
}

async function record(personId: string, over: Record<string, unknown> = {}, who = cuta()): Promise<Payload> {
  return (
    await who.data<{ commonDatabaseEntryRecord: Payload }>(RECORD, {
      input: {
        personId,
        category: "TERRORIST_CONVICT",
        threatLevel: 3,
        basis: "ESTABLISHED",
        from: addDays(TODAY, -900),
        ...over,
      },
    })
  ).commonDatabaseEntryRecord;
}

describe("entries", () => {
  it("open, are superseded from a day, confirmed and removed; the card shows the current threat level", async () => {
    const personId = await newPerson("Comdba");
    const rows = await audited(app, async () => {
      const first = await record(personId);
      expect(first.userErrors).toEqual([]);
      expect(first.entry).toMatchObject({
        validFrom: addDays(TODAY, -900),
        validTo: null,
        lastInformationOn: addDays(TODAY, -900),
        version: 1,
      });
    });
    expect(rows.filter((r) => r.operation === "CREATE").map((r) => [r.person_id, r.data_classes])).toEqual([
      [uuidOf(personId), ["FOLLOW_UP"]],
    ]);
    const second = await record(personId, {
      threatLevel: 2,
      basis: "SERIOUS_INDICATIONS",
      from: addDays(TODAY, -100),
    });
    expect(second.userErrors).toEqual([]);
    const read = await client("police.officer").data<{
      person: { commonDatabase: { current: Entry; history: Entry[] }; card: { threatLevel: number } };
    }>(READ, { id: personId });
    expect(read.person.card.threatLevel).toBe(2);
    expect(read.person.commonDatabase.current).toMatchObject({
      threatLevel: 2,
      reviewDueOn: addMonthsToDate(addDays(TODAY, -100), 6),
    });
    expect(read.person.commonDatabase.history.map((e) => [e.threatLevel, e.validTo, e.endReason])).toEqual([
      [2, null, null],
      [3, addDays(TODAY, -100), "Superseded."],
    ]);

    const current = second.entry as Entry;
    await expectNothingWritten(app, TABLES, async () => {
      const stale = await cuta().data<{ commonDatabaseEntryConfirm: Payload }>(CONFIRM, {
        input: { entryId: current.id, informationOn: TODAY, version: 9 },
      });
      expect(stale.commonDatabaseEntryConfirm.userErrors).toEqual([
        { field: "version", message: "the entry changed meanwhile; reload and try again", code: "CONFLICT" },
      ]);
      const future = await cuta().data<{ commonDatabaseEntryConfirm: Payload }>(CONFIRM, {
        input: { entryId: current.id, informationOn: addDays(TODAY, 1), version: 1 },
      });
      expect(future.commonDatabaseEntryConfirm.userErrors).toEqual([
        { field: "informationOn", message: "must not be in the future", code: "INVALID" },
      ]);
    });
    const confirmed = await cuta().data<{ commonDatabaseEntryConfirm: Payload }>(CONFIRM, {
      input: { entryId: current.id, informationOn: addDays(TODAY, -10), version: 1 },
    });
    expect(confirmed.commonDatabaseEntryConfirm).toMatchObject({
      entry: { lastInformationOn: addDays(TODAY, -10), version: 2 },
      userErrors: [],
    });
    const ended = await cuta().data<{ commonDatabaseEntryEnd: Payload }>(END, {
      input: { entryId: current.id, on: TODAY, reason: "Fictional: no new indications.", version: 2 },
    });
    expect(ended.commonDatabaseEntryEnd).toMatchObject({
      entry: { validTo: TODAY, endReason: "Fictional: no new indications." },
      userErrors: [],
    });
    const after = await cuta().data<{
      person: { commonDatabase: { current: Entry | null }; card: { threatLevel: number | null } };
    }>(READ, { id: personId });
    expect(after.person.commonDatabase.current).toBeNull();
    expect(after.person.card.threatLevel).toBeNull();
  });

  it("refuses bad input, overlapping periods and other agencies, writing nothing", async () => {
    const personId = await newPerson("Comdbb");
    expect((await record(personId)).userErrors).toEqual([]);
    await expectNothingWritten(app, TABLES, async () => {
      expect((await record(personId, { threatLevel: 5 })).userErrors).toEqual([
        { field: "threatLevel", message: "must be 1 to 4", code: "INVALID" },
      ]);
      expect((await record(personId, { from: addDays(TODAY, 1) })).userErrors).toEqual([
        { field: "from", message: "must not be in the future", code: "INVALID" },
      ]);
      expect((await record(personId, { from: addDays(TODAY, -950) })).userErrors).toEqual([
        {
          field: "from",
          message: `must be after the start of the open entry (${addDays(TODAY, -900)})`,
          code: "RULE_VIOLATION",
        },
      ]);
      expect((await record(UNKNOWN("Person"))).userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
      for (const account of ["ltf-brussels.member", "police.officer", "lcis-molenbeek.member"] as const) {
        const res = await client(account).request(RECORD, {
          input: {
            personId,
            category: "TERRORIST_CONVICT",
            threatLevel: 3,
            basis: "ESTABLISHED",
            from: TODAY,
          },
        });
        expect(errorCodes(res), account).toEqual(["FORBIDDEN"]);
      }
    });
    // The card tier reads the threat level only; the entries are FOLLOW_UP data.
    const lcis = await client("lcis-molenbeek.member").request<{
      person: { commonDatabase: unknown; card: { threatLevel: number } };
    }>(READ, { id: personId });
    expect(lcis.data?.person.card.threatLevel).toBe(3);
    expect(lcis.data?.person.commonDatabase).toBeNull();
    expect(errorCodes(lcis)).toEqual(["FORBIDDEN"]);
  });
});

describe("the review queue", () => {
  it("lists open entries due before a day, most overdue first, for the threat-analysis body only; audited", async () => {
    const indications = await newPerson("Comdbc");
    const established = await newPerson("Comdbd");
    expect(
      (await record(indications, { basis: "SERIOUS_INDICATIONS", from: addDays(TODAY, -300) })).userErrors,
    ).toEqual([]);
    expect((await record(established, { from: addDays(TODAY, -800) })).userErrors).toEqual([]);
    const QUEUE = `query($d: Date!) { commonDatabaseReviewQueue(dueBefore: $d) { reviewDueOn basis person { familyName } } }`;
    const rows = await audited(app, async () => {
      const due = await cuta().data<{
        commonDatabaseReviewQueue: { person: { familyName: string }; basis: string }[];
      }>(QUEUE, { d: TODAY });
      const names = due.commonDatabaseReviewQueue.map((e) => e.person.familyName);
      expect(names).toContain("Comdbc");
      expect(names).not.toContain("Comdbd");
    });
    expect(
      rows
        .filter((r) => r.operation === "READ" && r.person_id === uuidOf(indications))
        .map((r) => r.data_classes),
    ).toEqual([["FOLLOW_UP", "IDENTITY"]]);
    const later = await cuta().data<{ commonDatabaseReviewQueue: { person: { familyName: string } }[] }>(
      QUEUE,
      {
        d: addDays(TODAY, 400),
      },
    );
    expect(
      later.commonDatabaseReviewQueue
        .map((e) => e.person.familyName)
        .filter((n) => ["Comdbc", "Comdbd"].includes(n)),
    ).toEqual(["Comdbc", "Comdbd"]);
    for (const account of ["ltf-brussels.member", "police.officer"] as const)
      expect(errorCodes(await client(account).request(QUEUE, { d: TODAY })), account).toEqual(["FORBIDDEN"]);
  });
});
