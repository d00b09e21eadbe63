import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.js";
import { addDays, audited, expectNothingWritten, UNKNOWN, type UserErrorShape, uuidOf } from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { openResponsibilitiesOf, released } from "./follow-up-fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp, TODAY } from "./harness.js";

// Outcomes after release and the closure of a case: a closed case leaves the local bodies' sight,
// stays readable to the threat-analysis body, and a later admission reopens it.

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
const ltf = () => client("ltf-brussels.member");
const TABLES = ["case_outcomes", "case_closures", "case_responsibilities"];
const errorCodes = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code);
const RELEASED_ON = addDays(TODAY, -200);

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(client("celex.analyst"));
});
afterAll(() => app.close());

const OUTCOME = `mutation($input: OutcomeRecordInput!) { outcomeRecord(input: $input) {
  outcome { kind occurredOn note agency { code } } userErrors { field message code } } }`;
const CLOSE = `mutation($input: CaseCloseInput!) { caseClose(input: $input) {
  closure { closedOn reason note inForce } person { id } userErrors { field message code } } }`;

async function newPerson(familyName: string): Promise<string> {
  return (
    await released(app, client("celex.analyst"), at, {
      familyName,
      admittedOn: addDays(TODAY, -700),
      releasedOn: RELEASED_ON,
      municipality: "Molenbeek-Saint-Jean",
    })
  ).personId;
}

async function outcome(personId: string, over: Record<string, unknown> = {}, who = ltf()) {
  return (
    await who.data<{
      outcomeRecord: { outcome: Record<string, unknown> | null; userErrors: UserErrorShape[] };
    }>(OUTCOME, {
      input: { personId, kind: "REOFFENDED_OTHER", occurredOn: addDays(TODAY, -10), note: null, ...over },
    })
  ).outcomeRecord;
}

async function close(personId: string, over: Record<string, unknown> = {}, who: GraphQLClient = ltf()) {
  return (
    await who.data<{
      caseClose: {
        closure: Record<string, unknown> | null;
        person: { id: string } | null;
        userErrors: UserErrorShape[];
      };
    }>(CLOSE, {
      input: { personId, closedOn: addDays(TODAY, -5), reason: "FOLLOW_UP_ENDED", note: null, ...over },
    })
  ).caseClose;
}

describe("outcomes", () => {
  it("are recorded after a release by the LTF or CUTA, read as FOLLOW_UP, audited", async () => {
    const personId = await newPerson("Outcoa");
    const rows = await audited(app, async () => {
      expect(await outcome(personId)).toEqual({
        outcome: {
          kind: "REOFFENDED_OTHER",
          occurredOn: addDays(TODAY, -10),
          note: null,
          agency: { code: "ltf-brussels" },
        },
        userErrors: [],
      });
    });
    expect(
      rows.filter((r) => r.operation === "CREATE").map((r) => [r.person_id, r.data_classes, r.details.kind]),
    ).toEqual([[uuidOf(personId), ["FOLLOW_UP"], "REOFFENDED_OTHER"]]);
    expect(
      (await outcome(personId, { kind: "REOFFENDED_TERRORIST" }, client("cuta.analyst"))).userErrors,
    ).toEqual([]);
    const read = await client("police.officer").data<{ person: { outcomes: { kind: string }[] } }>(
      `query($id: ID!) { person(id: $id) { outcomes { kind } } }`,
      { id: personId },
    );
    expect(read.person.outcomes.map((o) => o.kind).sort()).toEqual([
      "REOFFENDED_OTHER",
      "REOFFENDED_TERRORIST",
    ]);
  });

  it("only after a release and not in the future; refused to others, writing nothing", async () => {
    const personId = await newPerson("Outcob");
    const inPrison = (
      await admit(client("celex.analyst"), at, { familyName: "Outcoc", admittedOn: addDays(TODAY, -30) })
    ).personId;
    await expectNothingWritten(app, TABLES, async () => {
      expect((await outcome(personId, { occurredOn: addDays(TODAY, -300) })).userErrors).toEqual([
        {
          field: "occurredOn",
          message: `must be after a release (first: ${RELEASED_ON})`,
          code: "RULE_VIOLATION",
        },
      ]);
      expect((await outcome(personId, { occurredOn: addDays(TODAY, 1) })).userErrors).toEqual([
        { field: "occurredOn", message: "must not be in the future", code: "INVALID" },
      ]);
      expect((await outcome(inPrison, {}, client("cuta.analyst"))).userErrors).toEqual([
        { field: "personId", message: "the person was never released", code: "RULE_VIOLATION" },
      ]);
      expect((await outcome(UNKNOWN("Person"))).userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
      for (const account of ["police.officer", "lcis-molenbeek.member", "celex.analyst"] as const) {
        const res = await client(account).request(OUTCOME, {
          input: { personId, kind: "DIED", occurredOn: TODAY, note: null },
        });
        expect(errorCodes(res), account).toEqual(["FORBIDDEN"]);
      }
    });
  });
});

describe("closure", () => {
  it("closes the case: responsibilities end, the LTF and LCIS lose sight, CUTA keeps reading; a re-admission reopens it", async () => {
    const personId = await newPerson("Outcod");
    const rows = await audited(app, async () => {
      const closed = await close(personId);
      expect(closed.userErrors).toEqual([]);
      // The Local Task Force no longer sees the closed case.
      expect(closed.person).toBeNull();
      expect(closed.closure).toBeNull();
    });
    expect(
      rows.filter((r) => r.operation === "UPDATE").map((r) => [r.person_id, r.details.mutation]),
    ).toEqual([[uuidOf(personId), "caseClose"]]);
    expect((await openResponsibilitiesOf(app, personId)).map((r) => [r.code, r.valid_to])).toEqual([
      ["lcis-molenbeek", addDays(TODAY, -5)],
      ["ltf-brussels", addDays(TODAY, -5)],
    ]);
    const QUERY = `query($id: ID!) { person(id: $id) { familyName closure { closedOn reason inForce } access { stage } } }`;
    for (const account of ["ltf-brussels.member", "lcis-molenbeek.member", "police.officer"] as const)
      expect(errorCodes(await client(account).request(QUERY, { id: personId })), account).toEqual([
        "NOT_FOUND",
      ]);
    const cuta = await client("cuta.analyst").data<{
      person: {
        familyName: string;
        closure: { closedOn: string; inForce: boolean };
        access: { stage: string };
      };
    }>(QUERY, { id: personId });
    expect(cuta.person).toEqual({
      familyName: "Outcod",
      closure: { closedOn: addDays(TODAY, -5), reason: "FOLLOW_UP_ENDED", inForce: true },
      access: { stage: "CLOSED" },
    });
    const body = await ltf().data<{ localBody: { persons: { person: { familyName: string } | null }[] } }>(
      `{ localBody { persons { person { familyName } } } }`,
    );
    expect(body.localBody.persons.map((p) => p.person?.familyName)).not.toContain("Outcod");

    // A new detention reopens the case.
    const reopened = await client("celex.analyst").data<{
      detentionEpisodeOpen: { userErrors: UserErrorShape[] };
    }>(
      `mutation($input: DetentionEpisodeOpenInput!) { detentionEpisodeOpen(input: $input) { userErrors { field message code } } }`,
      {
        input: {
          personId,
          admittedOn: addDays(TODAY, -1),
          legalStatus: "SENTENCED",
          sentenceMonths: 24,
          establishmentId: at.establishment("ITT"),
        },
      },
    );
    expect(reopened.detentionEpisodeOpen.userErrors).toEqual([]);
    const after = await client("cuta.analyst").data<{
      person: { closure: { inForce: boolean }; access: { stage: string } };
    }>(QUERY, { id: personId });
    expect(after.person.access.stage).toBe("IN_PRISON");
    expect(after.person.closure.inForce).toBe(false);
  });

  it("only of a released person's open case, not before the release nor in the future, with open measures stopped first", async () => {
    const personId = await newPerson("Outcoe");
    const inPrison = (
      await admit(client("celex.analyst"), at, { familyName: "Outcof", admittedOn: addDays(TODAY, -30) })
    ).personId;
    await expectNothingWritten(app, TABLES, async () => {
      expect((await close(personId, { closedOn: addDays(RELEASED_ON, -1) })).userErrors).toEqual([
        {
          field: "closedOn",
          message: `must not be before the release (${RELEASED_ON})`,
          code: "RULE_VIOLATION",
        },
      ]);
      expect((await close(personId, { closedOn: addDays(TODAY, 1) })).userErrors).toEqual([
        { field: "closedOn", message: "must not be in the future", code: "INVALID" },
      ]);
      expect((await close(personId, { reason: "OTHER" })).userErrors).toEqual([
        { field: "note", message: "explain the reason", code: "INVALID" },
      ]);
      expect((await close(inPrison, {}, client("cuta.analyst"))).userErrors).toEqual([
        {
          field: "personId",
          message: "only the open case of a released person is closed",
          code: "RULE_VIOLATION",
        },
      ]);
      expect(
        errorCodes(
          await client("police.officer").request(CLOSE, {
            input: { personId, closedOn: TODAY, reason: "DIED", note: null },
          }),
        ),
      ).toEqual(["FORBIDDEN"]);
    });
    // A follow-up measure still in force ends with the closure, for that reason.
    const meeting = await ltf().data<{ localMeetingRecord: { meeting: { id: string } } }>(
      `mutation($input: LocalMeetingRecordInput!) { localMeetingRecord(input: $input) { meeting { id } } }`,
      {
        input: {
          kind: "OPERATIONAL",
          heldOn: addDays(TODAY, -20),
          membersPresent: ["CUTA"],
          summary: null,
          agenda: [personId],
        },
      },
    );
    const decided = await ltf().data<{ meetingDecisionRecord: { userErrors: UserErrorShape[] } }>(
      `mutation($input: MeetingDecisionRecordInput!) { meetingDecisionRecord(input: $input) { userErrors { message } } }`,
      {
        input: {
          meetingId: meeting.localMeetingRecord.meeting.id,
          personId,
          decision: "Fictional: police visits.",
          startMeasures: [{ measureType: "POLICE_VISITS", startsOn: addDays(TODAY, -20) }],
        },
      },
    );
    expect(decided.meetingDecisionRecord.userErrors).toEqual([]);
    await expectNothingWritten(app, TABLES, async () => {
      expect((await close(personId, { closedOn: addDays(TODAY, -21) })).userErrors).toEqual([
        {
          field: "closedOn",
          message: `must not be before the start of a follow-up measure in force (${addDays(TODAY, -20)})`,
          code: "RULE_VIOLATION",
        },
      ]);
    });
    // The note is optional: left out of the input altogether, it is simply not recorded.
    const closed = await close(personId, { reason: "DIED", note: undefined }, client("cuta.analyst"));
    expect(closed.userErrors).toEqual([]);
    const [measure] = await queryRows<{
      ended_on: string;
      end_reason: string | null;
      ended_by: string | null;
    }>(
      app.database.db,
      sql`select ended_on::text, end_reason, ended_by from follow_up_measures where person_id = ${uuidOf(personId)}::uuid`,
    );
    expect(measure).toEqual({ ended_on: addDays(TODAY, -5), end_reason: "Case closed", ended_by: null });
  });
});
