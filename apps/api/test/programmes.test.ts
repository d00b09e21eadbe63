import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, audited, expectNothingWritten, UNKNOWN, type UserErrorShape, uuidOf } from "./case-work.js";
import { EMAIL, type Places, places, REGISTER } from "./fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp, TODAY } from "./harness.js";

// Disengagement programmes: CelEx offers in the provider's name (the provider of the person's
// language community), the provider records a voluntary course and its contacts, and its need to
// know ends the day after a final status. CelEx and others read the participation in summary only.

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};
const agencyIds: Record<string, string> = {};

const ACCOUNTS = [
  "celex.analyst",
  "caprev.counsellor",
  "flemish-disengagement.counsellor",
  "dgepi.director",
  "prison-ittre.director",
  "psd-ittre.psychologist",
  "cuta.analyst",
  "vsse.officer",
] as const;
type Account = (typeof ACCOUNTS)[number];
const client = (account: Account) => as[account] as GraphQLClient;
const celex = () => client("celex.analyst");
const caprev = () => client("caprev.counsellor");
const flemish = () => client("flemish-disengagement.counsellor");

const TABLES = [
  "programme_enrolments",
  "programme_status_changes",
  "programme_contacts",
  "programme_contact_notes",
];
const ADMITTED = addDays(TODAY, -400);
const day = (n: number) => addDays(ADMITTED, n);

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(celex());
  const data = await celex().data<{ agencies: { id: string; code: string }[] }>("{ agencies { id code } }");
  for (const a of data.agencies) agencyIds[a.code] = a.id;
});
afterAll(() => app.close());

async function register(
  familyName: string,
  languageCommunity: "FR" | "NL" | "DE",
  admittedOn: string | null = ADMITTED,
): Promise<{ personId: string; episodeId: string | null }> {
  const data = await celex().data<{
    personRegister: {
      person: { id: string; currentEpisode: { id: string } | null } | null;
      userErrors: unknown[];
    };
  }>(REGISTER, {
    input: {
      familyName,
      givenNames: "Testo",
      dateOfBirth: "1991-03-02",
      sex: "MALE",
      nationalities: ["BE"],
      languageCommunity,
      admission:
        admittedOn === null
          ? null
          : {
              admittedOn,
              legalStatus: "SENTENCED",
              sentenceMonths: 60,
              establishmentId: at.establishment("ITT"),
            },
    },
  });
  const person = data.personRegister.person;
  if (person === null) throw new Error(JSON.stringify(data.personRegister.userErrors));
  return { personId: person.id, episodeId: person.currentEpisode?.id ?? null };
}

const PARTICIPATION = `id status offeredOn endedOn version provider { code }
  statusHistory { status on } contacts { contactedOn components minutes }`;

interface Participation {
  id: string;
  status: string;
  offeredOn: string;
  endedOn: string | null;
  version: number;
  provider: { code: string } | null;
  statusHistory: { status: string; on: string }[];
  contacts: { contactedOn: string; components: string[]; minutes: number | null }[];
}
interface Payload {
  participation: Participation | null;
  person: { id: string } | null;
  userErrors: UserErrorShape[];
}

const OFFER = `mutation($input: ProgrammeOfferInput!) { programmeOffer(input: $input) {
  participation { ${PARTICIPATION} } person { id } userErrors { field message code } } }`;
const CHANGE = `mutation($input: ProgrammeStatusChangeInput!) { programmeStatusChange(input: $input) {
  participation { ${PARTICIPATION} } person { id } userErrors { field message code } } }`;
const CONTACT = `mutation($input: ProgrammeContactRecordInput!) { programmeContactRecord(input: $input) {
  participation { ${PARTICIPATION} } person { id } userErrors { field message code } } }`;

async function offer(
  personId: string,
  offeredOn: string,
  over: Record<string, unknown> = {},
): Promise<Payload> {
  return (await celex().data<{ programmeOffer: Payload }>(OFFER, { input: { personId, offeredOn, ...over } }))
    .programmeOffer;
}

/** Offers and fails the test if the offer is refused. */
async function offered(personId: string, offeredOn: string): Promise<Participation> {
  const res = await offer(personId, offeredOn);
  if (res.participation === null) throw new Error(JSON.stringify(res.userErrors));
  return res.participation;
}

async function change(
  who: GraphQLClient,
  p: { id: string; version: number },
  status: string,
  on: string,
  over: Record<string, unknown> = {},
): Promise<Payload> {
  return (
    await who.data<{ programmeStatusChange: Payload }>(CHANGE, {
      input: { participationId: p.id, status, on, expectedVersion: p.version, ...over },
    })
  ).programmeStatusChange;
}

/**
 * Changes the status as CAPREV and fails the test if it is refused; returns the participation after
 * (null after a final status dated before today: the provider no longer sees the person).
 */
async function moved(p: { id: string; version: number }, status: string, on: string): Promise<Participation> {
  const res = await change(caprev(), p, status, on);
  expect(res.userErrors).toEqual([]);
  return res.participation as Participation;
}

async function contact(
  who: GraphQLClient,
  participationId: string,
  contactedOn: string,
  over: Record<string, unknown> = {},
): Promise<Payload> {
  return (
    await who.data<{ programmeContactRecord: Payload }>(CONTACT, {
      input: {
        participationId,
        contactedOn,
        components: ["PSYCHOLOGICAL_SUPPORT"],
        minutes: 45,
        note: "Fictional note of the contact.",
        ...over,
      },
    })
  ).programmeContactRecord;
}

const errorCodes = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code);

describe("CelEx's offer in the provider's name", () => {
  it("goes to the provider of the person's language community: FR and DE to CAPREV, NL to the Flemish service", async () => {
    const fr = await register("Progoffa", "FR");
    const nl = await register("Progoffb", "NL");
    const de = await register("Progoffc", "DE");
    const rows = await audited(app, async () => {
      for (const [person, provider] of [
        [fr, "caprev"],
        [nl, "flemish-disengagement"],
        [de, "caprev"],
      ] as const) {
        const res = await offer(person.personId, day(10), { note: "Fictional offer." });
        expect(res.userErrors).toEqual([]);
        expect(res.participation).toMatchObject({
          status: "OFFERED",
          offeredOn: day(10),
          endedOn: null,
          version: 1,
          provider: { code: provider },
          statusHistory: [{ status: "OFFERED", on: day(10) }],
          contacts: [],
        });
      }
    });
    const created = rows.filter((r) => r.operation === "CREATE");
    expect(created.map((r) => [r.person_id, r.data_classes, r.recipient_agency_id])).toEqual([
      [uuidOf(fr.personId), ["PROGRAMME"], uuidOf(agencyIds.caprev as string)],
      [uuidOf(nl.personId), ["PROGRAMME"], uuidOf(agencyIds["flemish-disengagement"] as string)],
      [uuidOf(de.personId), ["PROGRAMME"], uuidOf(agencyIds.caprev as string)],
    ]);
    // The offer opens the case to the provider, and to that provider only.
    const caseload = async (who: GraphQLClient) =>
      (
        await who.data<{ programmeCaseload: { person: { familyName: string } | null }[] }>(
          "{ programmeCaseload { person { familyName } } }",
        )
      ).programmeCaseload
        .map((p) => p.person?.familyName)
        .filter((n) => n?.startsWith("Progoff"))
        .sort();
    expect(await caseload(caprev())).toEqual(["Progoffa", "Progoffc"]);
    expect(await caseload(flemish())).toEqual(["Progoffb"]);
    const seen = await flemish().request(`query($id: ID!) { person(id: $id) { familyName } }`, {
      id: fr.personId,
    });
    expect(seen.data?.person ?? null).toBeNull();
    expect(errorCodes(seen)).toEqual(["NOT_FOUND"]);
  });

  it("takes a named provider that serves the community, and nobody else (NOT_FOUND)", async () => {
    const de = await register("Progoffd", "DE");
    const fr = await register("Progoffe", "FR");
    await expectNothingWritten(app, TABLES, async () => {
      expect(
        (await offer(fr.personId, day(10), { providerAgencyId: agencyIds["flemish-disengagement"] }))
          .userErrors,
      ).toEqual([
        {
          field: "providerAgencyId",
          message: "this agency does not run programmes for FR-speaking persons",
          code: "NOT_FOUND",
        },
      ]);
      for (const providerAgencyId of [
        agencyIds.celex,
        agencyIds["prison-ittre"],
        UNKNOWN("Agency"),
        "not-an-id",
      ])
        expect(
          (await offer(fr.personId, day(10), { providerAgencyId })).userErrors.map((e) => e.code),
        ).toEqual(["NOT_FOUND"]);
    });
    const named = await offer(de.personId, day(10), { providerAgencyId: agencyIds.caprev });
    expect(named.userErrors).toEqual([]);
    expect(named.participation?.provider?.code).toBe("caprev");
  });

  it("is refused when no provider takes on the person's community (RULE_VIOLATION)", async () => {
    const de = await register("Progofff", "DE");
    const db = app.database.db;
    await db.execute(sql`update agencies set language_communities = '{FR}' where code = 'caprev'`);
    try {
      await expectNothingWritten(app, TABLES, async () => {
        expect((await offer(de.personId, day(10))).userErrors).toEqual([
          {
            field: "providerAgencyId",
            message:
              "no disengagement service takes on DE-speaking persons: an administrator configures the providers",
            code: "RULE_VIOLATION",
          },
        ]);
      });
    } finally {
      await db.execute(sql`update agencies set language_communities = '{FR,DE}' where code = 'caprev'`);
    }
    expect((await offer(de.personId, day(10))).userErrors).toEqual([]);
  });

  it("refuses a second offer while one runs (CONFLICT), and takes a new one once it ended", async () => {
    const { personId } = await register("Progoffg", "FR");
    const first = await offered(personId, day(10));
    await expectNothingWritten(app, TABLES, async () => {
      expect((await offer(personId, day(11))).userErrors).toEqual([
        {
          field: "personId",
          message: "the person already has a programme under way: record its end first",
          code: "CONFLICT",
        },
      ]);
    });
    await moved(first, "REFUSED", day(12));
    // A new participation never overlaps the previous one: it starts on or after its end.
    await expectNothingWritten(app, TABLES, async () => {
      for (const offeredOn of [day(5), day(10), day(12)])
        expect((await offer(personId, offeredOn)).userErrors, offeredOn).toEqual([
          {
            field: "offeredOn",
            message: `must not be before the end of the previous participation (${day(13)})`,
            code: "CONFLICT",
          },
        ]);
    });
    const second = await offered(personId, day(13));
    expect(second.id).not.toBe(first.id);
    const data = await celex().data<{
      person: { programmes: { id: string; status: string; endedOn: string | null }[] };
    }>(`query($id: ID!) { person(id: $id) { programmes { id status endedOn } } }`, { id: personId });
    expect(data.person.programmes).toEqual([
      { id: second.id, status: "OFFERED", endedOn: null },
      { id: first.id, status: "REFUSED", endedOn: day(13) },
    ]);
  });

  it("covers detained persons only, from their admission and not in the future", async () => {
    const { personId, episodeId } = await register("Progoffh", "FR");
    const { personId: never } = await register("Progoffi", "FR", null);
    await expectNothingWritten(app, TABLES, async () => {
      expect((await offer(personId, addDays(TODAY, 1))).userErrors).toEqual([
        { field: "offeredOn", message: "must not be in the future", code: "INVALID" },
      ]);
      expect((await offer(personId, day(-1))).userErrors).toEqual([
        { field: "offeredOn", message: `must not be before the admission (${ADMITTED})`, code: "INVALID" },
      ]);
      expect((await offer(never, day(10))).userErrors).toEqual([
        { field: "personId", message: "the person is not detained", code: "RULE_VIOLATION" },
      ]);
      await celex().data(
        `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`,
        {
          input: {
            episodeId,
            releasedOn: day(100),
            releaseType: "END_OF_SENTENCE",
            releaseMunicipality: "Liège",
          },
        },
      );
      // Released: CelEx keeps LISTING read-only, so the offer is refused before any rule.
      const released = await celex().request(OFFER, { input: { personId, offeredOn: day(90) } });
      expect(errorCodes(released)).toEqual(["FORBIDDEN"]);
      expect((await offer(UNKNOWN("Person"), day(10))).userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
    });
  });

  it("is CelEx's alone: providers, the prison, the Director General and CUTA may not offer", async () => {
    const { personId } = await register("Progoffj", "FR");
    await expectNothingWritten(app, TABLES, async () => {
      for (const account of [
        "caprev.counsellor",
        "dgepi.director",
        "prison-ittre.director",
        "psd-ittre.psychologist",
        "cuta.analyst",
      ] as const) {
        const res = await client(account).request(OFFER, { input: { personId, offeredOn: day(10) } });
        expect(res.data?.programmeOffer ?? null, account).toBeNull();
        expect(errorCodes(res), account).toEqual(["FORBIDDEN"]);
      }
    });
  });
});

describe("the provider's record of a voluntary course", () => {
  it("accepts every change that makes sense, one participation after another", async () => {
    const { personId } = await register("Progstaa", "FR");
    // Accepted, started, paused, resumed, completed.
    let p = await offered(personId, day(10));
    p = await moved(p, "ACCEPTED", day(12));
    p = await moved(p, "ACTIVE", day(20));
    p = await moved(p, "SUSPENDED", day(30));
    p = await moved(p, "ACTIVE", day(30));
    expect(p.version).toBe(5);
    const completed = await change(caprev(), p, "COMPLETED", day(60), { note: "Fictional closing note." });
    expect(completed.userErrors).toEqual([]);
    // A final status in the past ends the provider's need to know at once: no participation nor person.
    expect(completed.person).toBeNull();
    const after = (
      await celex().data<{ node: Participation }>(
        `query($id: ID!) { node(id: $id) { ... on ProgrammeParticipation { ${PARTICIPATION} } } }`,
        {
          id: p.id,
        },
      )
    ).node;
    expect(after).toMatchObject({ status: "COMPLETED", endedOn: day(61), version: 6 });
    expect(after.statusHistory).toEqual([
      { status: "OFFERED", on: day(10) },
      { status: "ACCEPTED", on: day(12) },
      { status: "ACTIVE", on: day(20) },
      { status: "SUSPENDED", on: day(30) },
      { status: "ACTIVE", on: day(30) },
      { status: "COMPLETED", on: day(60) },
    ]);
    // Refused.
    p = await offered(personId, day(70));
    await moved(p, "REFUSED", day(71));
    // Accepted, then dropped before it started.
    p = await offered(personId, day(80));
    p = await moved(p, "ACCEPTED", day(81));
    await moved(p, "DISCONTINUED", day(82));
    // Stopped while active.
    p = await offered(personId, day(90));
    p = await moved(p, "ACCEPTED", day(90));
    p = await moved(p, "ACTIVE", day(91));
    await moved(p, "DISCONTINUED", day(92));
    // Stopped while paused.
    p = await offered(personId, day(100));
    p = await moved(p, "ACCEPTED", day(100));
    p = await moved(p, "ACTIVE", day(100));
    p = await moved(p, "SUSPENDED", day(101));
    await moved(p, "DISCONTINUED", day(102));
    const all = await celex().data<{ person: { programmes: { status: string; endedOn: string }[] } }>(
      `query($id: ID!) { person(id: $id) { programmes { status endedOn } } }`,
      { id: personId },
    );
    expect(all.person.programmes).toEqual([
      { status: "DISCONTINUED", endedOn: day(103) },
      { status: "DISCONTINUED", endedOn: day(93) },
      { status: "DISCONTINUED", endedOn: day(83) },
      { status: "REFUSED", endedOn: day(72) },
      { status: "COMPLETED", endedOn: day(61) },
    ]);
  });

  it("refuses changes that make no sense, naming the ones allowed", async () => {
    const { personId } = await register("Progstab", "FR");
    let p = await offered(personId, day(10));
    await expectNothingWritten(app, TABLES, async () => {
      for (const status of ["ACTIVE", "COMPLETED", "SUSPENDED", "DISCONTINUED", "OFFERED"])
        expect((await change(caprev(), p, status, day(11))).userErrors, status).toEqual([
          {
            field: "status",
            message: "from OFFERED the participation can become ACCEPTED, REFUSED",
            code: "RULE_VIOLATION",
          },
        ]);
    });
    p = await moved(p, "ACCEPTED", day(11));
    expect((await change(caprev(), p, "SUSPENDED", day(12))).userErrors).toEqual([
      {
        field: "status",
        message: "from ACCEPTED the participation can become ACTIVE, DISCONTINUED",
        code: "RULE_VIOLATION",
      },
    ]);
    p = await moved(p, "ACTIVE", day(12));
    expect((await change(caprev(), p, "ACCEPTED", day(13))).userErrors).toEqual([
      {
        field: "status",
        message: "from ACTIVE the participation can become SUSPENDED, COMPLETED, DISCONTINUED",
        code: "RULE_VIOLATION",
      },
    ]);
    p = await moved(p, "SUSPENDED", day(13));
    expect((await change(caprev(), p, "COMPLETED", day(14))).userErrors).toEqual([
      {
        field: "status",
        message: "from SUSPENDED the participation can become ACTIVE, DISCONTINUED",
        code: "RULE_VIOLATION",
      },
    ]);
    p = await moved(p, "ACTIVE", day(14));
    await moved(p, "COMPLETED", day(15));
    // A new participation gives CAPREV the person again: the ended ones stay ended.
    await moved(await offered(personId, day(20)), "REFUSED", day(21));
    const running = await offered(personId, day(30));
    const ended = (
      await caprev().data<{ person: { programmes: { id: string; status: string; version: number }[] } }>(
        `query($id: ID!) { person(id: $id) { programmes { id status version } } }`,
        { id: personId },
      )
    ).person.programmes;
    expect(ended.map((e) => e.status)).toEqual(["OFFERED", "REFUSED", "COMPLETED"]);
    await expectNothingWritten(app, TABLES, async () => {
      for (const old of ended.filter((e) => e.id !== running.id))
        for (const status of ["ACTIVE", "ACCEPTED", "DISCONTINUED"])
          expect(
            (await change(caprev(), old, status, day(31))).userErrors,
            `${old.status} → ${status}`,
          ).toEqual([
            {
              field: "status",
              message: `the participation ended (${old.status}): a new offer starts a new one`,
              code: "RULE_VIOLATION",
            },
          ]);
    });
  });

  it("dates a change on or after the last one and not in the future", async () => {
    const { personId } = await register("Progstac", "FR");
    let p = await offered(personId, day(10));
    await expectNothingWritten(app, TABLES, async () => {
      expect((await change(caprev(), p, "ACCEPTED", day(9))).userErrors).toEqual([
        { field: "on", message: `must not be before the last change (${day(10)})`, code: "INVALID" },
      ]);
      expect((await change(caprev(), p, "ACCEPTED", addDays(TODAY, 1))).userErrors).toEqual([
        { field: "on", message: "must not be in the future", code: "INVALID" },
      ]);
    });
    p = await moved(p, "ACCEPTED", day(10));
    p = await moved(p, "ACTIVE", day(50));
    expect((await change(caprev(), p, "SUSPENDED", day(49))).userErrors).toEqual([
      { field: "on", message: `must not be before the last change (${day(50)})`, code: "INVALID" },
    ]);
    expect((await moved(p, "SUSPENDED", TODAY)).statusHistory.at(-1)).toEqual({
      status: "SUSPENDED",
      on: TODAY,
    });
  });

  it("ends a participation no earlier than its last contact, which stays within it", async () => {
    const { personId } = await register("Progstag", "FR");
    let p = await offered(personId, day(10));
    p = await moved(p, "ACCEPTED", day(11));
    p = await moved(p, "ACTIVE", day(12));
    expect((await contact(caprev(), p.id, day(30))).userErrors).toEqual([]);
    await expectNothingWritten(app, TABLES, async () => {
      for (const status of ["COMPLETED", "DISCONTINUED"])
        expect((await change(caprev(), p, status, day(20))).userErrors, status).toEqual([
          { field: "on", message: `must not be before the last contact (${day(30)})`, code: "INVALID" },
        ]);
    });
    // A pause may come before a contact logged later (a call during the pause); an end may not.
    p = await moved(p, "SUSPENDED", day(20));
    expect((await change(caprev(), p, "DISCONTINUED", day(29))).userErrors.map((e) => e.field)).toEqual([
      "on",
    ]);
    expect((await change(caprev(), p, "DISCONTINUED", day(30))).userErrors).toEqual([]);
  });

  it("refuses a change on a stale version (CONFLICT)", async () => {
    const { personId } = await register("Progstad", "FR");
    const p = await offered(personId, day(10));
    await moved(p, "ACCEPTED", day(11));
    await expectNothingWritten(app, TABLES, async () => {
      expect((await change(caprev(), p, "REFUSED", day(12))).userErrors).toEqual([
        {
          field: "expectedVersion",
          message: "the participation changed meanwhile; reload and try again",
          code: "CONFLICT",
        },
      ]);
      expect(
        (await change(caprev(), { ...p, version: 7 }, "ACTIVE", day(12))).userErrors.map((e) => e.code),
      ).toEqual(["CONFLICT"]);
    });
  });

  it("is the running provider's alone: another provider does not even see the person, CelEx may not record", async () => {
    const { personId } = await register("Progstae", "FR");
    const p = await offered(personId, day(10));
    await expectNothingWritten(app, TABLES, async () => {
      expect((await change(flemish(), p, "ACCEPTED", day(11))).userErrors).toEqual([
        { field: "participationId", message: "no programme participation with this ID", code: "NOT_FOUND" },
      ]);
      expect((await contact(flemish(), p.id, day(11))).userErrors).toEqual([
        { field: "participationId", message: "no programme participation with this ID", code: "NOT_FOUND" },
      ]);
      expect(
        (await flemish().request(`query($id: ID!) { node(id: $id) { id } }`, { id: p.id })).data?.node,
      ).toBeNull();
      for (const account of [
        "celex.analyst",
        "dgepi.director",
        "cuta.analyst",
        "prison-ittre.director",
      ] as const) {
        const res = await client(account).request(CHANGE, {
          input: { participationId: p.id, status: "ACCEPTED", on: day(11), expectedVersion: 1 },
        });
        expect(errorCodes(res), account).toEqual(["FORBIDDEN"]);
        const noted = await client(account).request(CONTACT, {
          input: { participationId: p.id, contactedOn: day(11), components: ["TRAUMA"], note: "Fictional." },
        });
        expect(errorCodes(noted), account).toEqual(["FORBIDDEN"]);
      }
      for (const id of [UNKNOWN("ProgrammeParticipation"), UNKNOWN("Person"), "garbage"])
        expect((await change(caprev(), { id, version: 1 }, "ACCEPTED", day(11))).userErrors).toEqual([
          { field: "participationId", message: "no programme participation with this ID", code: "NOT_FOUND" },
        ]);
    });
  });

  it("lets a provider that sees the person through its own programme leave another provider's alone (FORBIDDEN)", async () => {
    const { personId } = await register("Progstaf", "FR");
    const theirs = await offered(personId, day(10));
    await moved(theirs, "REFUSED", day(11));
    const db = app.database.db;
    await db.execute(
      sql`update agencies set language_communities = '{NL,FR}' where code = 'flemish-disengagement'`,
    );
    try {
      const res = await offer(personId, day(20), { providerAgencyId: agencyIds["flemish-disengagement"] });
      expect(res.participation?.provider?.code).toBe("flemish-disengagement");
    } finally {
      await db.execute(
        sql`update agencies set language_communities = '{NL}' where code = 'flemish-disengagement'`,
      );
    }
    await expectNothingWritten(app, TABLES, async () => {
      const res = await flemish().request(CHANGE, {
        input: { participationId: theirs.id, status: "ACCEPTED", on: day(21), expectedVersion: 2 },
      });
      expect(errorCodes(res)).toEqual(["FORBIDDEN"]);
      const noted = await flemish().request(CONTACT, {
        input: {
          participationId: theirs.id,
          contactedOn: day(10),
          components: ["TRAUMA"],
          note: "Fictional.",
        },
      });
      expect(errorCodes(noted)).toEqual(["FORBIDDEN"]);
    });
  });
});

describe("the provider's need to know", () => {
  const PERSON = `query($id: ID!) { person(id: $id) { familyName programmes { id status endedOn
    statusHistory { status on note } contacts { contactedOn components note } } } }`;

  it("ends with a final status recorded for an earlier day: gone from the caseload and from look-ups, while CelEx reads the summary", async () => {
    const { personId } = await register("Progneea", "FR");
    let p = await offered(personId, day(10));
    p = await moved(p, "ACCEPTED", day(11));
    p = await moved(p, "ACTIVE", day(12));
    expect(
      (await contact(caprev(), p.id, day(13), { note: "Fictional closing contact." })).userErrors,
    ).toEqual([]);
    const inCaseload = async () =>
      (
        await caprev().data<{ programmeCaseload: { id: string }[] }>("{ programmeCaseload { id } }")
      ).programmeCaseload.some((c) => c.id === p.id);
    expect(await inCaseload()).toBe(true);
    await moved(p, "COMPLETED", day(14));
    expect(await inCaseload()).toBe(false);
    const lookup = await caprev().request(PERSON, { id: personId });
    expect(lookup.data?.person ?? null).toBeNull();
    expect(errorCodes(lookup)).toEqual(["NOT_FOUND"]);
    expect(
      (await caprev().request(`query($id: ID!) { node(id: $id) { id } }`, { id: p.id })).data?.node,
    ).toBeNull();
    expect((await contact(caprev(), p.id, day(14))).userErrors).toEqual([
      { field: "participationId", message: "no programme participation with this ID", code: "NOT_FOUND" },
    ]);
    // CelEx: statuses, dates and components; no notes but that of its own offer.
    const read = await celex().request<{
      person: {
        programmes: {
          status: string;
          endedOn: string;
          statusHistory: { status: string; on: string; note: string | null }[];
          contacts: { contactedOn: string; components: string[]; note: string | null }[];
        }[];
      };
    }>(PERSON, { id: personId });
    const [programme] = read.data?.person.programmes ?? [];
    expect(programme).toMatchObject({ status: "COMPLETED", endedOn: day(15) });
    expect(programme?.statusHistory.map((s) => [s.status, s.on, s.note])).toEqual([
      ["OFFERED", day(10), null],
      ["ACCEPTED", day(11), null],
      ["ACTIVE", day(12), null],
      ["COMPLETED", day(14), null],
    ]);
    expect(programme?.contacts).toEqual([
      { contactedOn: day(13), components: ["PSYCHOLOGICAL_SUPPORT"], note: null },
    ]);
    expect(
      read.errors?.map((e) => [e.path?.filter((x) => typeof x === "string").join("."), e.extensions?.code]),
    ).toEqual([
      ...[1, 2, 3].map(() => ["person.programmes.statusHistory.note", "FORBIDDEN"]),
      ["person.programmes.contacts.note", "FORBIDDEN"],
    ]);
  });
});

describe("contacts", () => {
  let personId: string;
  let p: Participation;

  beforeAll(async () => {
    personId = (await register("Progcona", "FR")).personId;
    p = await offered(personId, day(10));
  });

  it("are recorded by the provider with their components (each once), minutes and note", async () => {
    const rows = await audited(app, async () => {
      const res = await contact(caprev(), p.id, day(10), {
        components: ["RELIGION", "TRAUMA", "RELIGION"],
        minutes: 90,
        note: "Fictional first meeting; the person hesitates.",
      });
      expect(res.userErrors).toEqual([]);
      expect(res.participation?.contacts).toEqual([
        { contactedOn: day(10), components: ["RELIGION", "TRAUMA"], minutes: 90 },
      ]);
    });
    expect(
      rows.filter((r) => r.operation === "CREATE").map((r) => [r.data_classes, r.details.mutation]),
    ).toEqual([[["PROGRAMME"], "programmeContactRecord"]]);
    expect((await contact(caprev(), p.id, day(11), { minutes: null })).userErrors).toEqual([]);
  });

  it("need a component, a note, a day within the participation and not in the future", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      expect((await contact(caprev(), p.id, day(12), { components: [] })).userErrors).toEqual([
        { field: "components", message: "name at least one component worked on", code: "INVALID" },
      ]);
      expect((await contact(caprev(), p.id, day(12), { note: "  " })).userErrors).toEqual([
        { field: "note", message: "write the note of the contact", code: "INVALID" },
      ]);
      expect((await contact(caprev(), p.id, day(9))).userErrors).toEqual([
        { field: "contactedOn", message: `must not be before the offer (${day(10)})`, code: "INVALID" },
      ]);
      expect((await contact(caprev(), p.id, addDays(TODAY, 1))).userErrors).toEqual([
        { field: "contactedOn", message: "must not be in the future", code: "INVALID" },
      ]);
      expect((await contact(caprev(), p.id, day(12), { minutes: 0 })).userErrors).toEqual([
        { field: "minutes", message: "must be at least 1", code: "INVALID" },
      ]);
    });
  });

  it("of an ended participation are refused after its end, while the provider runs a new one", async () => {
    const { personId: again } = await register("Progconb", "FR");
    const first = await offered(again, day(10));
    await moved(first, "REFUSED", day(12));
    await offered(again, day(20));
    await expectNothingWritten(app, TABLES, async () => {
      expect((await contact(caprev(), first.id, day(13))).userErrors).toEqual([
        { field: "contactedOn", message: "the participation ended (REFUSED)", code: "RULE_VIOLATION" },
      ]);
    });
    // The day of the final status is still within it.
    expect((await contact(caprev(), first.id, day(12))).userErrors).toEqual([]);
  });

  it("show their note to the provider only: FORBIDDEN at `note` for CelEx and the other summary readers", async () => {
    const QUERY = `query($id: ID!) { person(id: $id) { programmes { statusHistory { status note }
      contacts { contactedOn components note } } } }`;
    const own = await caprev().request<{
      person: { programmes: { contacts: { note: string }[]; statusHistory: { note: string | null }[] }[] };
    }>(QUERY, { id: personId });
    expect(own.data?.person.programmes[0]?.contacts.map((c) => c.note)).toEqual([
      "Fictional note of the contact.",
      "Fictional first meeting; the person hesitates.",
    ]);
    // Notes stay with the agency that wrote them: the provider does not read CelEx's note on the offer.
    expect(
      own.errors?.map((e) => [e.path?.filter((x) => typeof x !== "string").join("."), e.extensions?.code]),
    ).toEqual([["0.0", "FORBIDDEN"]]);
    for (const account of [
      "celex.analyst",
      "dgepi.director",
      "psd-ittre.psychologist",
      "cuta.analyst",
    ] as const) {
      const res = await client(account).request<{
        person: { programmes: { contacts: { contactedOn: string; note: string | null }[] }[] };
      }>(QUERY, { id: personId });
      expect(
        res.data?.person.programmes[0]?.contacts.map((c) => [c.contactedOn, c.note]),
        account,
      ).toEqual([
        [day(11), null],
        [day(10), null],
      ]);
      const paths = res.errors?.map(
        (e) => `${e.path?.filter((x) => typeof x === "string").join(".")}:${e.extensions?.code}`,
      );
      // CelEx reads back the note of its own offer, the only status recorded here.
      expect(new Set(paths), account).toEqual(
        new Set([
          "person.programmes.contacts.note:FORBIDDEN",
          ...(account === "celex.analyst" ? [] : ["person.programmes.statusHistory.note:FORBIDDEN"]),
        ]),
      );
    }
    // The contact notes table itself answers nothing to CelEx (row-level security).
    const notes = await celex().request(
      `query($id: ID!) { node(id: $id) { ... on ProgrammeParticipation {
      contacts { note } } } }`,
      { id: p.id },
    );
    expect(notes.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
  });

  it("is programme data: the intelligence service and a prison director read none of it", async () => {
    for (const account of ["vsse.officer", "prison-ittre.director"] as const) {
      const res = await client(account).request<{ person: { familyName: string; programmes: unknown } }>(
        `query($id: ID!) { person(id: $id) { familyName programmes { id } } }`,
        { id: personId },
      );
      expect(res.data?.person.familyName, account).toBe("Progcona");
      expect(res.data?.person.programmes, account).toBeNull();
      expect(
        res.errors?.map((e) => [e.path?.join("."), e.extensions?.code]),
        account,
      ).toEqual([["person.programmes", "FORBIDDEN"]]);
      expect(
        (await client(account).request(`query($id: ID!) { node(id: $id) { id } }`, { id: p.id })).data?.node,
        account,
      ).toBeNull();
    }
  });

  it("audits every read of programme data with its class", async () => {
    const provider = await audited(app, () =>
      caprev().data(`query($id: ID!) { person(id: $id) { programmes { contacts { note } } } }`, {
        id: personId,
      }),
    );
    expect(
      provider
        .filter((r) => r.operation === "READ" && r.person_id === uuidOf(personId))
        .map((r) => r.data_classes),
    ).toEqual([["PROGRAMME"]]);
    const caseload = await audited(app, () => caprev().data("{ programmeCaseload { id status } }"));
    expect(
      caseload
        .filter((r) => r.operation === "READ" && r.person_id === uuidOf(personId))
        .map((r) => r.data_classes),
    ).toEqual([["PROGRAMME"]]);
    const summary = await audited(app, () =>
      celex().data(
        `query($id: ID!) { node(id: $id) { ... on ProgrammeParticipation { status offeredOn } } }`,
        {
          id: p.id,
        },
      ),
    );
    expect(summary.filter((r) => r.operation === "READ").map((r) => [r.person_id, r.data_classes])).toEqual([
      [uuidOf(personId), ["PROGRAMME"]],
    ]);
  });
});
