import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.js";
import { addDays, audited, expectNothingWritten, UNKNOWN, type UserErrorShape, uuidOf } from "./case-work.js";
import { type Places, places } from "./fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp, TODAY } from "./harness.js";
import { admitSentenced, agencyIds, loginAll, RELEASE_TABLES, release } from "./release-helpers.js";

// The hand-over after release: a release opens the responsibilities of the local bodies of the
// place of residence, a hand-over moves them (and with them, access) to a new place.

const ACCOUNTS = [
  "celex.analyst",
  "cuta.analyst",
  "ltf-brussels.member",
  "ltf-brussels.chair",
  "ltf-antwerp.member",
  "lcis-molenbeek.member",
  "lcis-antwerpen.member",
] as const;
let app: TestApp;
let at: Places;
let as: Record<(typeof ACCOUNTS)[number], GraphQLClient>;
let agency: (code: string) => string;
const celex = () => as["celex.analyst"];

beforeAll(async () => {
  app = await startTestApp();
  as = await loginAll(app, ACCOUNTS);
  at = await places(celex());
  agency = await agencyIds(celex());
});
afterAll(() => app.close());

const ADMITTED = addDays(TODAY, -400);
const RELEASED = addDays(TODAY, -100);
const MOVED = addDays(TODAY, -20);

const FILE = `query($id: ID!) { person(id: $id) {
  card { familyName responsibleAgency { code } }
  responsibilities { kind validFrom validTo reason agency { code } } } }`;
interface File {
  card: { familyName: string; responsibleAgency: { code: string } | null };
  responsibilities: {
    kind: string;
    validFrom: string;
    validTo: string | null;
    reason: string;
    agency: { code: string };
  }[];
}
/** The person as the actor sees them; null when NOT_FOUND (outside their sight). */
async function fileOf(who: GraphQLClient, id: string): Promise<File | null> {
  const res = await who.request<{ person: File | null }>(FILE, { id });
  if (res.errors !== undefined) {
    expect(res.errors.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    return null;
  }
  return res.data?.person ?? null;
}

async function releasedTo(familyName: string, municipality: string) {
  const { personId, episodeId } = await admitSentenced(celex(), at, { familyName, admittedOn: ADMITTED });
  expect(
    await release(celex(), {
      episodeId,
      releasedOn: RELEASED,
      releaseType: "CONDITIONAL_RELEASE",
      releaseMunicipality: municipality,
      conditions: [{ conditionType: "TRAVEL_BAN", supervisingAgencyId: agency("probation-brussels") }],
    }),
  ).toEqual([]);
  return personId;
}

const HAND_OVER = `mutation($input: CaseHandOverInput!) { caseHandOver(input: $input) {
  person { id } userErrors { field message code } } }`;
async function handOver(who: GraphQLClient, input: Record<string, unknown>) {
  return who.request<{
    caseHandOver: { person: { id: string } | null; userErrors: UserErrorShape[] } | null;
  }>(HAND_OVER, { input });
}
const errorCodes = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code);

describe("a release with a municipality", () => {
  it("records the residence and opens the LTF and LCIS responsibilities", async () => {
    const personId = await releasedTo("Handone", "Molenbeek-Saint-Jean");
    const file = (await fileOf(celex(), personId)) as File;
    expect(file.responsibilities).toEqual([
      {
        kind: "SECURITY",
        validFrom: RELEASED,
        validTo: null,
        reason: "Release",
        agency: { code: "ltf-brussels" },
      },
      {
        kind: "SOCIO_PREVENTIVE",
        validFrom: RELEASED,
        validTo: null,
        reason: "Release",
        agency: { code: "lcis-molenbeek" },
      },
    ]);
    expect(file.card.responsibleAgency?.code).toBe("ltf-brussels");
    const { person } = await celex().data<{ person: { residences: unknown[] } }>(
      `query($id: ID!) { person(id: $id) { residences { municipality judicialDistrict validFrom reason } } }`,
      { id: personId },
    );
    expect(person.residences).toEqual([
      {
        municipality: "Molenbeek-Saint-Jean",
        judicialDistrict: "BRUSSELS",
        validFrom: RELEASED,
        reason: "Release",
      },
    ]);
  });

  it("gives LTF Brussels the whole case, LTF Antwerp nothing and the LCIS of Molenbeek the card only", async () => {
    const personId = await releasedTo("Handtwo", "Molenbeek-Saint-Jean");
    const CASE = `query($id: ID!) { person(id: $id) { id residences { municipality } releaseConditions { status } } }`;
    const ltf = await as["ltf-brussels.member"].request<{ person: { residences: unknown[] } | null }>(CASE, {
      id: personId,
    });
    expect(ltf.errors).toBeUndefined();
    expect(ltf.data?.person?.residences).toHaveLength(1);
    expect(await fileOf(as["ltf-antwerp.member"], personId)).toBeNull();
    const lcis = await as["lcis-molenbeek.member"].request<{ person: { residences: unknown } | null }>(CASE, {
      id: personId,
    });
    expect(lcis.data?.person?.residences).toBeNull();
    expect(errorCodes(lcis)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    const card = (await fileOf(as["lcis-molenbeek.member"], personId)) as File;
    expect(card.card).toEqual({ familyName: "Handtwo", responsibleAgency: { code: "ltf-brussels" } });
    expect(card.responsibilities.map((r) => r.agency.code)).toEqual(["ltf-brussels", "lcis-molenbeek"]);
  });
});

describe("handing a case over", () => {
  it("moves the responsibilities and access to the new place, keeping the history", async () => {
    const personId = await releasedTo("Handthree", "Molenbeek-Saint-Jean");
    // LTF Brussels decided on police visits; they end when the case leaves for Antwerp.
    const meeting = await as["ltf-brussels.chair"].data<{ localMeetingRecord: { meeting: { id: string } } }>(
      `mutation($input: LocalMeetingRecordInput!) { localMeetingRecord(input: $input) { meeting { id } } }`,
      {
        input: {
          kind: "OPERATIONAL",
          heldOn: addDays(MOVED, -10),
          membersPresent: ["Fictional member"],
          summary: null,
          agenda: [personId],
        },
      },
    );
    const decided = await as["ltf-brussels.chair"].data<{
      meetingDecisionRecord: { userErrors: UserErrorShape[] };
    }>(
      `mutation($input: MeetingDecisionRecordInput!) { meetingDecisionRecord(input: $input) { userErrors { message } } }`,
      {
        input: {
          meetingId: meeting.localMeetingRecord.meeting.id,
          personId,
          decision: "Fictional: regular police visits.",
          startMeasures: [{ measureType: "POLICE_VISITS", startsOn: addDays(MOVED, -10) }],
        },
      },
    );
    expect(decided.meetingDecisionRecord.userErrors).toEqual([]);
    const rows = await audited(app, async () => {
      const res = await handOver(as["ltf-brussels.chair"], {
        personId,
        municipality: "Antwerpen",
        on: MOVED,
        reason: "Fictional: moved in with family.",
      });
      expect(res.data?.caseHandOver).toEqual({ person: null, userErrors: [] });
    });
    expect(rows.filter((r) => r.operation === "UPDATE").map((r) => [r.person_id, r.data_classes])).toEqual([
      [uuidOf(personId), ["RELEASE", "FOLLOW_UP"]],
    ]);
    expect(await fileOf(as["ltf-brussels.member"], personId)).toBeNull();
    expect(await fileOf(as["lcis-molenbeek.member"], personId)).toBeNull();
    const antwerp = (await fileOf(as["ltf-antwerp.member"], personId)) as File;
    expect(antwerp.card.responsibleAgency?.code).toBe("ltf-antwerp");
    expect(antwerp.responsibilities.map((r) => [r.agency.code, r.validFrom, r.validTo, r.reason])).toEqual([
      ["ltf-brussels", RELEASED, MOVED, "Release"],
      ["lcis-molenbeek", RELEASED, MOVED, "Release"],
      ["ltf-antwerp", MOVED, null, "Fictional: moved in with family."],
      ["lcis-antwerpen", MOVED, null, "Fictional: moved in with family."],
    ]);
    // The new local cell sees the card, and of the responsibilities only those open now.
    const cell = (await fileOf(as["lcis-antwerpen.member"], personId)) as File;
    expect(cell.card.familyName).toBe("Handthree");
    expect(cell.responsibilities.map((r) => r.agency.code)).toEqual(["ltf-antwerp", "lcis-antwerpen"]);
    const measures = await as["ltf-antwerp.member"].data<{
      person: { followUpMeasures: { endedOn: string | null; endReason: string | null }[] };
    }>(`query($id: ID!, $on: Date) { person(id: $id) { followUpMeasures(on: $on) { endedOn endReason } } }`, {
      id: personId,
      on: addDays(MOVED, -1),
    });
    expect(measures.person.followUpMeasures).toEqual([
      { endedOn: MOVED, endReason: "Handed over: Fictional: moved in with family." },
    ]);
  });

  it("ends the local follow-up when the person is admitted again: responsibilities, measures, conditions", async () => {
    const personId = await releasedTo("Handfour", "Molenbeek-Saint-Jean");
    const meeting = await as["ltf-brussels.chair"].data<{ localMeetingRecord: { meeting: { id: string } } }>(
      `mutation($input: LocalMeetingRecordInput!) { localMeetingRecord(input: $input) { meeting { id } } }`,
      {
        input: {
          kind: "OPERATIONAL",
          heldOn: addDays(MOVED, -10),
          membersPresent: ["Fictional member"],
          agenda: [personId],
        },
      },
    );
    await as["ltf-brussels.chair"].data(
      `mutation($input: MeetingDecisionRecordInput!) { meetingDecisionRecord(input: $input) { userErrors { message } } }`,
      {
        input: {
          meetingId: meeting.localMeetingRecord.meeting.id,
          personId,
          decision: "Fictional: regular police visits.",
          startMeasures: [{ measureType: "POLICE_VISITS", startsOn: addDays(MOVED, -10) }],
        },
      },
    );
    const readmitted = await celex().data<{ detentionEpisodeOpen: { userErrors: UserErrorShape[] } }>(
      `mutation($input: DetentionEpisodeOpenInput!) { detentionEpisodeOpen(input: $input) { userErrors { field message code } } }`,
      {
        input: {
          personId,
          admittedOn: MOVED,
          legalStatus: "PREVENTIVE_DETENTION",
          establishmentId: at.establishment("ITT"),
        },
      },
    );
    expect(readmitted.detentionEpisodeOpen.userErrors).toEqual([]);
    const person = uuidOf(personId);
    const ended = await queryRows<{ what: string; on: string | null; reason: string | null }>(
      app.database.db,
      sql`select 'responsibility' as what, valid_to::text as on, null as reason from case_responsibilities
            where person_id = ${person}::uuid
          union all
          select 'measure', ended_on::text, end_reason from follow_up_measures where person_id = ${person}::uuid
          union all
          select 'condition', lifted_on::text, lift_reason from release_conditions where person_id = ${person}::uuid
          order by 1`,
    );
    expect(ended).toEqual([
      { what: "condition", on: MOVED, reason: "Returned to prison" },
      { what: "measure", on: MOVED, reason: "Returned to prison" },
      { what: "responsibility", on: MOVED, reason: null },
      { what: "responsibility", on: MOVED, reason: null },
    ]);
    const card = (await fileOf(celex(), personId)) as File;
    expect(card.card.responsibleAgency?.code).toBe("celex");
  });

  it("refuses bad input and persons not on release; nothing is written", async () => {
    const personId = await releasedTo("Handfour", "Molenbeek-Saint-Jean");
    const { personId: detained } = await admitSentenced(celex(), at, {
      familyName: "Handfive",
      admittedOn: ADMITTED,
    });
    const inAntwerp = await releasedTo("Handsix", "Antwerpen");
    const cuta = as["cuta.analyst"];
    const base = { personId, municipality: "Antwerpen", on: MOVED, reason: "Fictional." };
    const cases: [Record<string, unknown>, UserErrorShape][] = [
      [
        { municipality: "Atlantis" },
        { field: "municipality", message: "is not a municipality Continuum knows", code: "NOT_FOUND" },
      ],
      [
        { municipality: "Molenbeek-Saint-Jean" },
        { field: "municipality", message: "the person already lives there", code: "RULE_VIOLATION" },
      ],
      [{ on: addDays(TODAY, 1) }, { field: "on", message: "must not be in the future", code: "INVALID" }],
      [
        { on: addDays(RELEASED, -1) },
        {
          field: "on",
          message: `must not be before the current residence began (${RELEASED})`,
          code: "RULE_VIOLATION",
        },
      ],
      [{ reason: " " }, { field: "reason", message: "give the reason", code: "INVALID" }],
      [
        { personId: detained },
        {
          field: "personId",
          message: "only a released person whose case is open can be handed over",
          code: "RULE_VIOLATION",
        },
      ],
      [
        { personId: UNKNOWN("Person") },
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ],
    ];
    await expectNothingWritten(app, RELEASE_TABLES, async () => {
      for (const [over, error] of cases)
        expect((await handOver(cuta, { ...base, ...over })).data?.caseHandOver?.userErrors).toEqual([error]);
      expect(
        (await handOver(as["ltf-brussels.chair"], { ...base, personId: inAntwerp })).data?.caseHandOver
          ?.userErrors,
      ).toEqual([{ field: "personId", message: "no person with this ID", code: "NOT_FOUND" }]);
      for (const who of [as["ltf-brussels.member"], as["ltf-antwerp.member"], celex()])
        expect(errorCodes(await handOver(who, base))).toEqual(["FORBIDDEN"]);
    });
  });
});
