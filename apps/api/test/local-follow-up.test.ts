import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDays,
  audited,
  expectNothingWritten,
  UNKNOWN,
  type UserErrorShape,
  uuidOf,
  whoAmI,
} from "./case-work.js";
import { EMAIL, type Places, places } from "./fixtures.js";
import { released } from "./follow-up-fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp, TODAY } from "./harness.js";

// Local follow-up after release: the meetings of a Local Task Force (LTF) and a Local Cell (LCIS),
// the decisions that start and stop follow-up measures, and the action items they hand out.

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};
const ACCOUNTS = [
  "celex.analyst",
  "cuta.analyst",
  "police.officer",
  "ltf-brussels.member",
  "ltf-brussels.chair",
  "ltf-antwerp.member",
  "lcis-molenbeek.member",
  "prison-ittre.director",
] as const;
type Account = (typeof ACCOUNTS)[number];
const client = (account: Account) => as[account] as GraphQLClient;
const ltf = () => client("ltf-brussels.member");
const lcis = () => client("lcis-molenbeek.member");
const TABLES = ["local_meetings", "meeting_discussions", "follow_up_measures", "action_items"];
const errorCodes = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code);

let person: string;
let other: string;
let antwerpPerson: string;
let ltfMember: string;
let ltfChair: string;
let lcisMember: string;

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(client("celex.analyst"));
  const release = { admittedOn: addDays(TODAY, -400), releasedOn: addDays(TODAY, -60) };
  const molenbeek = { ...release, municipality: "Molenbeek-Saint-Jean" };
  person = (await released(app, client("celex.analyst"), at, { familyName: "Folupa", ...molenbeek }))
    .personId;
  other = (await released(app, client("celex.analyst"), at, { familyName: "Folupb", ...molenbeek })).personId;
  antwerpPerson = (
    await released(app, client("celex.analyst"), at, {
      familyName: "Folupc",
      ...release,
      municipality: "Antwerpen",
    })
  ).personId;
  ltfMember = (await whoAmI(ltf())).userId;
  ltfChair = (await whoAmI(client("ltf-brussels.chair"))).userId;
  lcisMember = (await whoAmI(lcis())).userId;
});
afterAll(() => app.close());

const MEETING_FIELDS = `id kind heldOn held membersPresent summary agency { code }
  discussions { id decision person { familyName } measuresStarted { id } measuresStopped { id } actions { description } }
  actionItems { id description dueOn status overdue version person { familyName } owner { id } }`;
const RECORD = `mutation($input: LocalMeetingRecordInput!) { localMeetingRecord(input: $input) {
  meeting { ${MEETING_FIELDS} } userErrors { field message code } } }`;
const AGENDA_ADD = `mutation($input: LocalMeetingAgendaAddInput!) { localMeetingAgendaAdd(input: $input) {
  meeting { discussions { person { familyName } decision } } userErrors { field message code } } }`;
const DECIDE = `mutation($input: MeetingDecisionRecordInput!) { meetingDecisionRecord(input: $input) {
  discussion { id decision measuresStarted { id startedOn measureType { code } } measuresStopped { id endedOn }
    actions { description dueOn } }
  meeting { id } userErrors { field message code } } }`;
const CLOSE = `mutation($input: ActionItemCloseInput!) { actionItemClose(input: $input) {
  actionItem { id status closedOn closingNote version overdue } userErrors { field message code } } }`;

interface Meeting {
  id: string;
  kind: string;
  heldOn: string;
  held: boolean;
  membersPresent: string[];
  discussions: { id: string; decision: string | null; person: { familyName: string } | null }[];
  actionItems: { id: string; description: string; status: string; overdue: boolean; version: number }[];
}
interface MeetingPayload {
  meeting: Meeting | null;
  userErrors: UserErrorShape[];
}
interface DecisionPayload {
  discussion: {
    id: string;
    decision: string;
    measuresStarted: { id: string; startedOn: string; measureType: { code: string } }[];
    measuresStopped: { id: string; endedOn: string }[];
    actions: { description: string; dueOn: string }[];
  } | null;
  userErrors: UserErrorShape[];
}

async function recordMeeting(
  over: Record<string, unknown> = {},
  who: GraphQLClient = ltf(),
): Promise<MeetingPayload> {
  return (
    await who.data<{ localMeetingRecord: MeetingPayload }>(RECORD, {
      input: {
        kind: "OPERATIONAL",
        heldOn: addDays(TODAY, -7),
        membersPresent: ["CUTA", "Local police", "State Security"],
        summary: "Fictional: monthly operational meeting.",
        agenda: [person],
        ...over,
      },
    })
  ).localMeetingRecord;
}

async function decide(input: Record<string, unknown>, who: GraphQLClient = ltf()): Promise<DecisionPayload> {
  return (
    await who.data<{ meetingDecisionRecord: DecisionPayload }>(DECIDE, {
      input: { personId: person, decision: "Fictional: keep following closely.", ...input },
    })
  ).meetingDecisionRecord;
}

const MEASURES = `query($id: ID!, $on: Date) { person(id: $id) { followUpMeasures(on: $on) {
  id startedOn endedOn measureType { code nameFr } agency { code } startedBy { decision } } } }`;

describe("meetings and decisions", () => {
  it("an LTF records a held meeting with its agenda, decides, starts a measure that FOLLOW_UP readers see, then stops it", async () => {
    const recorded = await recordMeeting({
      actions: [{ description: "Update the district picture", ownerId: ltfChair, dueOn: TODAY }],
    });
    expect(recorded.userErrors).toEqual([]);
    const meeting = recorded.meeting as Meeting;
    expect(meeting).toMatchObject({
      kind: "OPERATIONAL",
      held: true,
      membersPresent: ["CUTA", "Local police", "State Security"],
      discussions: [{ decision: null, person: { familyName: "Folupa" } }],
      actionItems: [{ description: "Update the district picture", status: "OPEN", overdue: false }],
    });

    const rows = await audited(app, async () => {
      const res = await decide({
        meetingId: meeting.id,
        startMeasures: [{ measureType: "POLICE_VISITS", startsOn: addDays(TODAY, -6) }],
        actions: [{ description: "Visit the family", ownerId: ltfMember, dueOn: addDays(TODAY, -1) }],
      });
      expect(res.userErrors).toEqual([]);
      expect(res.discussion).toMatchObject({
        decision: "Fictional: keep following closely.",
        measuresStarted: [{ startedOn: addDays(TODAY, -6), measureType: { code: "POLICE_VISITS" } }],
        actions: [{ description: "Visit the family", dueOn: addDays(TODAY, -1) }],
      });
    });
    expect(
      rows
        .filter((r) => r.operation !== "READ")
        .map((r) => [r.operation, r.person_id, r.data_classes, r.details.mutation]),
    ).toEqual([["UPDATE", uuidOf(person), ["FOLLOW_UP"], "meetingDecisionRecord"]]);

    for (const account of ["cuta.analyst", "police.officer", "ltf-brussels.chair"] as const) {
      const data = await client(account).data<{ person: { followUpMeasures: unknown[] } }>(MEASURES, {
        id: person,
      });
      expect(data.person.followUpMeasures, account).toMatchObject([
        {
          measureType: { code: "POLICE_VISITS", nameFr: "Visites régulières de la police locale" },
          agency: { code: "ltf-brussels" },
          startedBy: { decision: "Fictional: keep following closely." },
          endedOn: null,
        },
      ]);
    }
    // The card shows it to local actors; discreet surveillance never is.
    const measureId = (
      await ltf().data<{ person: { followUpMeasures: { id: string }[] } }>(MEASURES, { id: person })
    ).person.followUpMeasures[0]?.id as string;
    const card = await lcis().data<{ person: { card: { measuresToKnow: Record<string, string>[] } } }>(
      `query($id: ID!) { person(id: $id) { card { measuresToKnow { code nameFr since } } } }`,
      { id: person },
    );
    expect(card.person.card.measuresToKnow).toEqual([
      { code: "POLICE_VISITS", nameFr: "Visites régulières de la police locale", since: addDays(TODAY, -6) },
    ]);

    const second = (await recordMeeting({ heldOn: addDays(TODAY, -2), agenda: [] })).meeting as Meeting;
    const stop = await decide({
      meetingId: second.id,
      decision: "Fictional: visits no longer needed; discreet surveillance instead.",
      stopMeasureIds: [measureId],
      startMeasures: [{ measureType: "DISCREET_SURVEILLANCE", startsOn: addDays(TODAY, -2) }],
    });
    expect(stop.userErrors).toEqual([]);
    expect(stop.discussion?.measuresStopped).toEqual([{ id: measureId, endedOn: addDays(TODAY, -2) }]);
    const now = await client("cuta.analyst").data<{
      person: { followUpMeasures: { measureType: { code: string } }[] };
    }>(MEASURES, { id: person });
    expect(now.person.followUpMeasures.map((m) => m.measureType.code)).toEqual(["DISCREET_SURVEILLANCE"]);
    const before = await client("cuta.analyst").data<{
      person: { followUpMeasures: { measureType: { code: string } }[] };
    }>(MEASURES, { id: person, on: addDays(TODAY, -3) });
    expect(before.person.followUpMeasures.map((m) => m.measureType.code)).toEqual(["POLICE_VISITS"]);
    const cardAfter = await lcis().data<{ person: { card: { measuresToKnow: { code: string }[] } } }>(
      `query($id: ID!) { person(id: $id) { card { measuresToKnow { code } } } }`,
      { id: person },
    );
    expect(cardAfter.person.card.measuresToKnow).toEqual([]);
  });

  it("plans a meeting with an empty attendance, adds to its agenda, and decides only once it is held", async () => {
    const planned = await recordMeeting({ heldOn: addDays(TODAY, 20), membersPresent: [], agenda: [] });
    expect(planned.userErrors).toEqual([]);
    expect(planned.meeting?.held).toBe(false);
    const meetingId = planned.meeting?.id as string;
    const added = await ltf().data<{ localMeetingAgendaAdd: MeetingPayload }>(AGENDA_ADD, {
      input: { meetingId, personId: other },
    });
    expect(added.localMeetingAgendaAdd.userErrors).toEqual([]);
    await expectNothingWritten(app, TABLES, async () => {
      expect((await decide({ meetingId, personId: other })).userErrors).toEqual([
        { field: "meetingId", message: "the meeting has not been held yet", code: "RULE_VIOLATION" },
      ]);
      const again = await ltf().data<{ localMeetingAgendaAdd: MeetingPayload }>(AGENDA_ADD, {
        input: { meetingId, personId: other },
      });
      expect(again.localMeetingAgendaAdd.userErrors).toEqual([
        { field: "personId", message: "the person is already on the agenda", code: "CONFLICT" },
      ]);
    });
    const body = await ltf().data<{
      localBody: { upcomingMeetings: { id: string; discussions: { person: { familyName: string } }[] }[] };
    }>(`{ localBody { upcomingMeetings { id discussions { person { familyName } } } } }`);
    expect(body.localBody.upcomingMeetings).toEqual([
      { id: meetingId, discussions: [{ person: { familyName: "Folupb" } }] },
    ]);
  });

  it("refuses persons on a strategic meeting, held meetings without members, and bad input, writing nothing", async () => {
    const strategic = (await recordMeeting({ kind: "STRATEGIC", agenda: [] })).meeting as Meeting;
    const held = (await recordMeeting({ agenda: [] })).meeting as Meeting;
    await expectNothingWritten(app, TABLES, async () => {
      expect((await recordMeeting({ kind: "STRATEGIC" })).userErrors).toEqual([
        { field: "agenda", message: "a strategic meeting discusses no named person", code: "RULE_VIOLATION" },
      ]);
      expect((await recordMeeting({ membersPresent: [] })).userErrors).toEqual([
        { field: "membersPresent", message: "name at least one member present", code: "INVALID" },
      ]);
      expect((await recordMeeting({ agenda: [UNKNOWN("Person")] })).userErrors).toEqual([
        { field: "agenda.0", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
      expect((await recordMeeting({ agenda: [person, person] })).userErrors).toEqual([
        { field: "agenda.1", message: "given twice", code: "INVALID" },
      ]);
      expect((await decide({ meetingId: strategic.id })).userErrors).toEqual([
        {
          field: "meetingId",
          message: "a strategic meeting decides nothing about a named person",
          code: "RULE_VIOLATION",
        },
      ]);
      expect((await decide({ meetingId: held.id, decision: " " })).userErrors).toEqual([
        { field: "decision", message: "write what was decided", code: "INVALID" },
      ]);
      expect(
        (
          await decide({
            meetingId: held.id,
            startMeasures: [{ measureType: "SOCIAL_SUPPORT", startsOn: TODAY }],
          })
        ).userErrors,
      ).toEqual([
        {
          field: "startMeasures.0.measureType",
          message: "no follow-up measure type of your kind of body with this code",
          code: "NOT_FOUND",
        },
      ]);
      expect(
        (
          await decide({
            meetingId: held.id,
            startMeasures: [
              { measureType: "POLICE_VISITS", startsOn: TODAY },
              { measureType: "POLICE_VISITS", startsOn: TODAY },
            ],
          })
        ).userErrors,
      ).toEqual([{ field: "startMeasures.1.measureType", message: "given twice", code: "INVALID" }]);
      expect(
        (
          await decide({
            meetingId: held.id,
            actions: Array.from({ length: 31 }, () => ({
              description: "x",
              ownerId: UNKNOWN("User"),
              dueOn: TODAY,
            })),
          })
        ).userErrors,
      ).toEqual([{ field: "actions", message: "must hold at most 30 items", code: "INVALID" }]);
      expect(
        (await decide({ meetingId: held.id, stopMeasureIds: [UNKNOWN("FollowUpMeasure")] })).userErrors,
      ).toEqual([
        {
          field: "stopMeasureIds.0",
          message: "no open follow-up measure of your body for this person",
          code: "NOT_FOUND",
        },
      ]);
      // An action's owner is an active user of the same agency.
      expect(
        (
          await decide({
            meetingId: held.id,
            actions: [{ description: "Call", ownerId: lcisMember, dueOn: TODAY }],
          })
        ).userErrors,
      ).toEqual([
        {
          field: "actions.0.ownerId",
          message: "no active user of your agency with this ID",
          code: "NOT_FOUND",
        },
      ]);
      expect(
        (
          await decide({
            meetingId: held.id,
            actions: [{ description: "Call", ownerId: ltfMember, dueOn: addDays(TODAY, -30) }],
          })
        ).userErrors,
      ).toEqual([
        {
          field: "actions.0.dueOn",
          message: `must not be before the meeting (${addDays(TODAY, -7)})`,
          code: "INVALID",
        },
      ]);
    });
    expect((await decide({ meetingId: held.id })).userErrors).toEqual([]);
    await expectNothingWritten(app, TABLES, async () => {
      expect((await decide({ meetingId: held.id })).userErrors).toEqual([
        { field: "personId", message: "the meeting already decided about this person", code: "CONFLICT" },
      ]);
    });
  });

  it("is refused to agencies that hold no meetings", async () => {
    for (const account of ["cuta.analyst", "police.officer", "celex.analyst"] as const) {
      const res = await client(account).request(RECORD, {
        input: { kind: "STRATEGIC", heldOn: TODAY, membersPresent: ["x"], summary: null },
      });
      expect(errorCodes(res), account).toEqual(["FORBIDDEN"]);
      const body = await client(account).request(`{ localBody { kind } }`);
      expect(errorCodes(body), account).toEqual(["FORBIDDEN"]);
    }
  });
});

describe("action items", () => {
  it("are listed open, overdue and mine, and closed with optimistic locking", async () => {
    const meeting = (
      await recordMeeting({
        agenda: [],
        actions: [
          { description: "Fictional: overdue", ownerId: ltfMember, dueOn: addDays(TODAY, -3) },
          { description: "Fictional: due later", ownerId: ltfChair, dueOn: addDays(TODAY, 10) },
        ],
      })
    ).meeting as Meeting;
    const [overdue, later] = meeting.actionItems as Meeting["actionItems"];
    expect([overdue?.overdue, later?.overdue]).toEqual([true, false]);
    const LIST = `query($status: ActionItemStatus, $overdueOnly: Boolean, $mine: Boolean) { localBody {
      overdueActionCount actionItems(status: $status, overdueOnly: $overdueOnly, mine: $mine) { id } } }`;
    const list = async (vars: Record<string, unknown>) =>
      (
        await ltf().data<{ localBody: { overdueActionCount: number; actionItems: { id: string }[] } }>(
          LIST,
          vars,
        )
      ).localBody;
    const before = await list({ overdueOnly: true, mine: true });
    expect(before.actionItems.map((a) => a.id)).toContain(overdue?.id);
    expect(before.actionItems.map((a) => a.id)).not.toContain(later?.id);
    const count = before.overdueActionCount;

    await expectNothingWritten(app, TABLES, async () => {
      const stale = await ltf().data<{ actionItemClose: { userErrors: UserErrorShape[] } }>(CLOSE, {
        input: { actionItemId: overdue?.id, status: "DONE", note: null, version: 7 },
      });
      expect(stale.actionItemClose.userErrors).toEqual([
        {
          field: "version",
          message: "the action item changed meanwhile; reload and try again",
          code: "CONFLICT",
        },
      ]);
      const foreign = await client("ltf-antwerp.member").data<{
        actionItemClose: { userErrors: UserErrorShape[] };
      }>(CLOSE, { input: { actionItemId: overdue?.id, status: "DONE", note: null, version: 1 } });
      expect(foreign.actionItemClose.userErrors).toEqual([
        { field: "actionItemId", message: "no action item of your body with this ID", code: "NOT_FOUND" },
      ]);
    });
    const closed = await client("ltf-brussels.chair").data<{
      actionItemClose: { actionItem: Record<string, unknown>; userErrors: UserErrorShape[] };
    }>(CLOSE, { input: { actionItemId: overdue?.id, status: "DONE", note: "Fictional: done.", version: 1 } });
    expect(closed.actionItemClose).toMatchObject({
      actionItem: {
        status: "DONE",
        closedOn: TODAY,
        closingNote: "Fictional: done.",
        version: 2,
        overdue: false,
      },
      userErrors: [],
    });
    const after = await list({ status: "DONE" });
    expect(after.overdueActionCount).toBe(count - 1);
    expect(after.actionItems.map((a) => a.id)).toContain(overdue?.id);
    const again = await ltf().data<{ actionItemClose: { userErrors: UserErrorShape[] } }>(CLOSE, {
      input: { actionItemId: overdue?.id, status: "CANCELLED", note: null, version: 2 },
    });
    expect(again.actionItemClose.userErrors).toEqual([
      { field: "actionItemId", message: "the action item is already closed", code: "RULE_VIOLATION" },
    ]);
  });
});

describe("who sees what", () => {
  it("lists the body's own active members, who may own its actions", async () => {
    const members = async (who: GraphQLClient) =>
      (
        await who.data<{ localBody: { members: { displayName: string; agency: { code: string } }[] } }>(
          `{ localBody { members { displayName agency { code } } } }`,
        )
      ).localBody.members;
    const brussels = await members(ltf());
    expect(brussels.length).toBeGreaterThanOrEqual(2);
    expect(new Set(brussels.map((m) => m.agency.code))).toEqual(new Set(["ltf-brussels"]));
    expect((await members(lcis())).map((m) => m.agency.code)).not.toContain("ltf-brussels");
  });

  it("an LTF sees its own persons and meetings; another district's LTF sees neither", async () => {
    const meeting = (await recordMeeting()).meeting as Meeting;
    const PERSONS = `{ localBody { agency { code } persons { kind since person { familyName } } meetings { id } } }`;
    const brussels = await ltf().data<{
      localBody: {
        agency: { code: string };
        persons: { kind: string; person: { familyName: string } }[];
        meetings: { id: string }[];
      };
    }>(PERSONS);
    expect(brussels.localBody.agency.code).toBe("ltf-brussels");
    expect(brussels.localBody.persons.map((p) => [p.kind, p.person.familyName])).toEqual([
      ["SECURITY", "Folupa"],
      ["SECURITY", "Folupb"],
    ]);
    expect(brussels.localBody.meetings.map((m) => m.id)).toContain(meeting.id);

    const antwerp = await client("ltf-antwerp.member").data<{
      localBody: { persons: { person: { familyName: string } }[]; meetings: unknown[] };
    }>(PERSONS);
    expect(antwerp.localBody.persons.map((p) => p.person.familyName)).toEqual(["Folupc"]);
    expect(antwerp.localBody.meetings).toEqual([]);
    const res = await client("ltf-antwerp.member").request(
      `query($id: ID!) { localMeeting(id: $id) { id } }`,
      {
        id: meeting.id,
      },
    );
    expect(errorCodes(res)).toEqual(["NOT_FOUND"]);
    const node = await client("ltf-antwerp.member").request(`query($id: ID!) { node(id: $id) { id } }`, {
      id: meeting.id,
    });
    expect(node.data?.node).toBeNull();
    await expectNothingWritten(app, TABLES, async () => {
      const recorded = await recordMeeting({ agenda: [person] }, client("ltf-antwerp.member"));
      expect(recorded.userErrors).toEqual([
        { field: "agenda.0", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
      expect((await decide({ meetingId: meeting.id }, client("ltf-antwerp.member"))).userErrors).toEqual([
        { field: "meetingId", message: "no meeting of your body with this ID", code: "NOT_FOUND" },
      ]);
      expect((await recordMeeting({ agenda: [antwerpPerson] })).userErrors).toEqual([
        { field: "agenda.0", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
    });
  });

  it("an LCIS sees its persons through the card only, its own meetings and measures, never the LTF's discussions", async () => {
    const held = await lcis().data<{
      localMeetingRecord: { meeting: { id: string }; userErrors: UserErrorShape[] };
    }>(
      `mutation($input: LocalMeetingRecordInput!) { localMeetingRecord(input: $input) {
        meeting { id discussions { person { card { familyName } } } } userErrors { field message code } } }`,
      {
        input: {
          kind: "OPERATIONAL",
          heldOn: addDays(TODAY, -1),
          membersPresent: ["Prevention officer", "Social worker"],
          summary: "Fictional: cell meeting.",
          agenda: [person],
        },
      },
    );
    expect(held.localMeetingRecord.userErrors).toEqual([]);
    const meetingId = held.localMeetingRecord.meeting.id;
    const decided = await decide(
      {
        meetingId,
        decision: "Fictional: offer support.",
        startMeasures: [{ measureType: "SOCIAL_SUPPORT", startsOn: TODAY }],
      },
      lcis(),
    );
    expect(decided.userErrors).toEqual([]);
    const body = await lcis().request<{
      localBody: {
        persons: {
          person: {
            card: { familyName: string };
            followUpMeasures: { measureType: { code: string } }[] | null;
            familyName: string | null;
          };
        }[];
      };
    }>(
      `{ localBody { persons { person { card { familyName } familyName followUpMeasures { measureType { code } } } } } }`,
    );
    const persons = body.data?.localBody.persons ?? [];
    expect(persons.map((p) => p.person.card.familyName)).toEqual(["Folupa", "Folupb"]);
    expect(persons.map((p) => p.person.familyName)).toEqual([null, null]);
    // Only the measures the cell started; the Local Task Force's stay out of its sight.
    expect(persons[0]?.person.followUpMeasures?.map((m) => m.measureType.code)).toEqual(["SOCIAL_SUPPORT"]);
    // The cell's decision is not FOLLOW_UP data of the person: the LTF sees the measure, not the decision.
    const seenByLtf = await ltf().data<{
      person: { followUpMeasures: { measureType: { code: string }; startedBy: unknown }[] };
    }>(MEASURES, { id: person });
    expect(
      seenByLtf.person.followUpMeasures.find((m) => m.measureType.code === "SOCIAL_SUPPORT")?.startedBy,
    ).toBeNull();
    // The LTF's meetings do not exist for the cell.
    const ltfMeeting = (await recordMeeting()).meeting as Meeting;
    const res = await lcis().request(`query($id: ID!) { localMeeting(id: $id) { id } }`, {
      id: ltfMeeting.id,
    });
    expect(errorCodes(res)).toEqual(["NOT_FOUND"]);
    const measures = await lcis().request<{
      person: { followUpMeasures: { startedBy: { decision: string } | null }[] };
    }>(MEASURES, { id: person });
    expect(measures.data?.person.followUpMeasures.map((m) => m.startedBy?.decision)).toEqual([
      "Fictional: offer support.",
    ]);
  });

  it("audits every person shown in the workspace", async () => {
    const rows = await audited(app, () =>
      ltf().data(`{ localBody { persons { since } actionItems { id } } }`),
    );
    expect(
      rows
        .filter((r) => r.operation === "READ")
        .map((r) => [r.person_id, r.data_classes])
        .sort(),
    ).toEqual(
      [
        [uuidOf(person), ["FOLLOW_UP"]],
        [uuidOf(other), ["FOLLOW_UP"]],
      ].sort(),
    );
  });
});

describe("follow-up measure types", () => {
  it("are listed to everyone and defined by administrators only", async () => {
    const DEFINE = `mutation($input: FollowUpMeasureTypeDefineInput!) { followUpMeasureTypeDefine(input: $input) {
      measureType { code body nameNl shownOnInformationCard } userErrors { field message code } } }`;
    const input = {
      code: "CURFEW_CHECKS",
      body: "LOCAL_TASK_FORCE",
      nameEn: "Curfew checks",
      nameFr: "Contrôles du couvre-feu",
      nameNl: "Controles van de avondklok",
      shownOnInformationCard: true,
    };
    expect(errorCodes(await ltf().request(DEFINE, { input }))).toEqual(["FORBIDDEN"]);
    const admin = await app.login(EMAIL("admin"), { purpose: false });
    await expectNothingWritten(app, ["follow_up_measure_types"], async () => {
      const bad = await admin.data<{ followUpMeasureTypeDefine: { userErrors: UserErrorShape[] } }>(DEFINE, {
        input: { ...input, code: "curfew" },
      });
      expect(bad.followUpMeasureTypeDefine.userErrors.map((e) => e.field)).toEqual(["code"]);
    });
    const defined = await admin.data<{ followUpMeasureTypeDefine: { measureType: unknown } }>(DEFINE, {
      input,
    });
    expect(defined.followUpMeasureTypeDefine.measureType).toEqual({
      code: "CURFEW_CHECKS",
      body: "LOCAL_TASK_FORCE",
      nameNl: "Controles van de avondklok",
      shownOnInformationCard: true,
    });
    const types = await ltf().data<{ followUpMeasureTypes: { code: string }[] }>(
      `{ followUpMeasureTypes { code } }`,
    );
    expect(types.followUpMeasureTypes.map((t) => t.code)).toContain("CURFEW_CHECKS");
  });
});
