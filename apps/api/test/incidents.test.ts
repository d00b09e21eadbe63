import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, audited, expectNothingWritten, UNKNOWN, type UserErrorShape, uuidOf } from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp, TODAY } from "./harness.js";

// Incidents in prison: recorded by the staff of the establishment where the person was held that
// day, with whether it was ideologically motivated; read as OBSERVATIONS under the matrix.

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};

const ACCOUNTS = [
  "celex.analyst",
  "dgepi.director",
  "prison-ittre.director",
  "prison-ittre.officer",
  "prison-hasselt.director",
  "prison-hasselt.officer",
  "psd-ittre.psychologist",
  "vsse.officer",
  "vsse.analyst",
  "police.officer",
  "prosecutor.officer",
  "cuta.analyst",
  "caprev.counsellor",
  "probation-brussels.officer",
  "ltf-brussels.member",
  "lcis-molenbeek.member",
] as const;
type Account = (typeof ACCOUNTS)[number];
const client = (account: Account) => as[account] as GraphQLClient;
const celex = () => client("celex.analyst");
const officer = () => client("prison-ittre.officer");

const ADMITTED = addDays(TODAY, -300);
const day = (n: number) => addDays(ADMITTED, n);
const TABLES = ["prison_incidents"];

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(celex());
});
afterAll(() => app.close());

const RECORD = `mutation($input: IncidentRecordInput!) { incidentRecord(input: $input) {
  incident { id occurredOn kind ideological description establishment { code } }
  person { id } userErrors { field message code } } }`;

interface Incident {
  id: string;
  occurredOn: string;
  kind: string;
  ideological: string;
  description: string;
  establishment: { code: string } | null;
}
interface Payload {
  incident: Incident | null;
  person: { id: string } | null;
  userErrors: UserErrorShape[];
}

async function record(
  personId: string,
  occurredOn: string,
  over: Record<string, unknown> = {},
  who: GraphQLClient = officer(),
): Promise<Payload> {
  return (
    await who.data<{ incidentRecord: Payload }>(RECORD, {
      input: {
        personId,
        occurredOn,
        kind: "PROSELYTISING",
        ideological: "YES",
        description: "Fictional: pressed two inmates to join prayers in the yard.",
        ...over,
      },
    })
  ).incidentRecord;
}

const errorCodes = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code);

async function transfer(personId: string, establishment: string, validFrom: string) {
  const res = await celex().data<{ placementRecord: { userErrors: unknown[] } }>(
    `mutation($input: PlacementRecordInput!) { placementRecord(input: $input) { userErrors { field message } } }`,
    {
      input: {
        personId,
        establishmentId: at.establishment(establishment),
        validFrom,
        reason: "Fictional transfer.",
      },
    },
  );
  expect(res.placementRecord.userErrors).toEqual([]);
}

describe("recording an incident", () => {
  it("by an Ittre officer, for an Ittre inmate, with the ideological flag; audited as observations", async () => {
    const { personId } = await admit(celex(), at, { familyName: "Proginca", admittedOn: ADMITTED });
    const rows = await audited(app, async () => {
      const res = await record(personId, day(40));
      expect(res.userErrors).toEqual([]);
      expect(res.incident).toMatchObject({
        occurredOn: day(40),
        kind: "PROSELYTISING",
        ideological: "YES",
        description: "Fictional: pressed two inmates to join prayers in the yard.",
        establishment: { code: "ITT" },
      });
      expect(res.person?.id).toBe(personId);
    });
    expect(
      rows
        .filter((r) => r.operation === "CREATE")
        .map((r) => [r.person_id, r.data_classes, r.details.mutation, r.details.ideological]),
    ).toEqual([[uuidOf(personId), ["OBSERVATIONS"], "incidentRecord", "YES"]]);
    for (const ideological of ["NO", "UNDETERMINED"]) {
      const res = await record(
        personId,
        TODAY,
        { kind: "ALTERCATION", ideological },
        client("prison-ittre.director"),
      );
      expect(res.userErrors).toEqual([]);
      expect(res.incident?.ideological).toBe(ideological);
    }
    const data = await officer().data<{
      person: { incidents: { occurredOn: string; ideological: string }[] };
    }>(`query($id: ID!) { person(id: $id) { incidents { occurredOn ideological } } }`, { id: personId });
    expect(data.person.incidents.map((i) => i.occurredOn)).toEqual([TODAY, TODAY, day(40)]);
  });

  it("only for a day when the person was held in the actor's establishment (RULE_VIOLATION otherwise)", async () => {
    // Held in Hasselt first, then in Ittre from day 100.
    const { personId } = await admit(celex(), at, {
      familyName: "Progincb",
      admittedOn: ADMITTED,
      establishment: "HAS",
    });
    await transfer(personId, "ITT", day(100));
    await expectNothingWritten(app, TABLES, async () => {
      for (const occurredOn of [day(50), day(99), day(-1)])
        expect((await record(personId, occurredOn)).userErrors, occurredOn).toEqual([
          {
            field: "occurredOn",
            message: "the person was not held in your establishment that day",
            code: "RULE_VIOLATION",
          },
        ]);
    });
    const onTransfer = await record(personId, day(100));
    expect(onTransfer.userErrors).toEqual([]);
    expect(onTransfer.incident?.establishment?.code).toBe("ITT");
    // Hasselt no longer holds the person: for Hasselt staff the person does not exist, even for a day they held them.
    await expectNothingWritten(app, TABLES, async () => {
      for (const account of ["prison-hasselt.officer", "prison-hasselt.director"] as const)
        expect((await record(personId, day(50), {}, client(account))).userErrors, account).toEqual([
          { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
        ]);
    });
  });

  it("is refused to another establishment's staff, and to agencies that do not record incidents", async () => {
    const { personId } = await admit(celex(), at, { familyName: "Progincc", admittedOn: ADMITTED });
    await expectNothingWritten(app, TABLES, async () => {
      for (const account of ["prison-hasselt.officer", "prison-hasselt.director"] as const)
        expect((await record(personId, day(40), {}, client(account))).userErrors, account).toEqual([
          { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
        ]);
      for (const account of [
        "celex.analyst",
        "dgepi.director",
        "psd-ittre.psychologist",
        "vsse.officer",
        "cuta.analyst",
      ] as const) {
        const res = await client(account).request(RECORD, {
          input: {
            personId,
            occurredOn: day(40),
            kind: "OTHER",
            ideological: "NO",
            description: "Fictional.",
          },
        });
        expect(res.data?.incidentRecord ?? null, account).toBeNull();
        expect(errorCodes(res), account).toEqual(["FORBIDDEN"]);
      }
    });
  });

  it("needs a description and a day not in the future", async () => {
    const { personId, episodeId } = await admit(celex(), at, {
      familyName: "Progincd",
      admittedOn: ADMITTED,
    });
    await expectNothingWritten(app, TABLES, async () => {
      for (const description of ["", "  "])
        expect((await record(personId, day(40), { description })).userErrors).toEqual([
          { field: "description", message: "describe the incident", code: "INVALID" },
        ]);
      expect((await record(personId, addDays(TODAY, 1))).userErrors).toEqual([
        { field: "occurredOn", message: "must not be in the future", code: "INVALID" },
      ]);
      expect((await record(UNKNOWN("Person"), day(40))).userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
      // Once released, the prison only knows of the person (a hit): nothing more is recorded.
      await celex().data(
        `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`,
        {
          input: {
            episodeId,
            releasedOn: day(200),
            releaseType: "END_OF_SENTENCE",
            releaseMunicipality: "Namur",
          },
        },
      );
      expect((await record(personId, day(150))).userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
    });
  });
});

describe("who reads incidents (OBSERVATIONS)", () => {
  let inPrison: string;
  let released: string;
  const incidentIds: Record<string, string> = {};
  const QUERY = `query($id: ID!) { person(id: $id) { familyName incidents { id description establishment { code } } } }`;

  beforeAll(async () => {
    inPrison = (await admit(celex(), at, { familyName: "Progince", admittedOn: ADMITTED })).personId;
    const out = await admit(celex(), at, { familyName: "Progincf", admittedOn: ADMITTED });
    released = out.personId;
    incidentIds.inPrison = (await record(inPrison, day(30))).incident?.id as string;
    incidentIds.released = (await record(released, day(30))).incident?.id as string;
    await celex().data(
      `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`,
      {
        input: {
          episodeId: out.episodeId,
          releasedOn: day(200),
          releaseType: "END_OF_SENTENCE",
          releaseMunicipality: "Molenbeek-Saint-Jean",
        },
      },
    );
  });

  async function reads(account: Account, personId: string): Promise<string> {
    const res = await client(account).request<{
      person: { familyName: string; incidents: { description: string }[] | null } | null;
    }>(QUERY, { id: personId });
    if (res.data?.person === null || res.data?.person === undefined) {
      expect(errorCodes(res), account).toEqual(["NOT_FOUND"]);
      return "NOT_FOUND";
    }
    if (res.data.person.incidents === null) {
      // A card (a local cell) shows no identity field beyond the card either: only the incidents matter here.
      expect(
        res.errors?.filter((e) => e.path?.join(".") === "person.incidents").map((e) => e.extensions?.code),
        account,
      ).toEqual(["FORBIDDEN"]);
      return "FORBIDDEN";
    }
    expect(res.errors, account).toBeUndefined();
    expect(res.data.person.incidents.length, account).toBe(1);
    return "READ";
  }

  it("in prison: CelEx, the DG, the establishment's staff and psychosocial service, intelligence, the prosecutor, CUTA", async () => {
    const expected: Record<Account, string> = {
      "celex.analyst": "READ",
      "dgepi.director": "READ",
      "prison-ittre.director": "READ",
      "prison-ittre.officer": "READ",
      "psd-ittre.psychologist": "READ",
      "vsse.officer": "READ",
      "vsse.analyst": "READ",
      "prosecutor.officer": "READ",
      "cuta.analyst": "READ",
      "prison-hasselt.director": "NOT_FOUND",
      "prison-hasselt.officer": "NOT_FOUND",
      "police.officer": "NOT_FOUND",
      "caprev.counsellor": "NOT_FOUND",
      "probation-brussels.officer": "NOT_FOUND",
      "ltf-brussels.member": "NOT_FOUND",
      "lcis-molenbeek.member": "NOT_FOUND",
    };
    const actual: Partial<Record<Account, string>> = {};
    for (const account of ACCOUNTS) actual[account] = await reads(account, inPrison);
    expect(actual).toEqual(expected);
  });

  it("after release: CelEx, intelligence, CUTA, the district's Local Task Force; FORBIDDEN to the DG, police, prosecutor and probation", async () => {
    const expected: Record<Account, string> = {
      "celex.analyst": "READ",
      "vsse.officer": "READ",
      "vsse.analyst": "READ",
      "cuta.analyst": "READ",
      "ltf-brussels.member": "READ",
      "dgepi.director": "FORBIDDEN",
      "police.officer": "FORBIDDEN",
      "prosecutor.officer": "FORBIDDEN",
      "probation-brussels.officer": "FORBIDDEN",
      "lcis-molenbeek.member": "FORBIDDEN",
      "prison-ittre.director": "NOT_FOUND",
      "prison-ittre.officer": "NOT_FOUND",
      "prison-hasselt.director": "NOT_FOUND",
      "prison-hasselt.officer": "NOT_FOUND",
      "psd-ittre.psychologist": "NOT_FOUND",
      "caprev.counsellor": "NOT_FOUND",
    };
    const actual: Partial<Record<Account, string>> = {};
    for (const account of ACCOUNTS) actual[account] = await reads(account, released);
    expect(actual).toEqual(expected);
  });

  it("answers node(id:) only to readers, and audits each read with its class", async () => {
    const NODE = `query($id: ID!) { node(id: $id) { ... on PrisonIncident { kind ideological } } }`;
    for (const account of ["prison-hasselt.officer", "police.officer", "caprev.counsellor"] as const)
      expect(
        (await client(account).request(NODE, { id: incidentIds.inPrison })).data?.node,
        account,
      ).toBeNull();
    for (const account of ["dgepi.director", "police.officer"] as const)
      expect(
        (await client(account).request(NODE, { id: incidentIds.released })).data?.node,
        account,
      ).toBeNull();
    const rows = await audited(app, async () => {
      const res = await officer().data<{ node: { ideological: string } }>(NODE, { id: incidentIds.inPrison });
      expect(res.node.ideological).toBe("YES");
    });
    expect(rows.filter((r) => r.operation === "READ").map((r) => [r.person_id, r.data_classes])).toEqual([
      [uuidOf(inPrison), ["OBSERVATIONS"]],
    ]);
    const listed = await audited(app, () => client("cuta.analyst").data(QUERY, { id: released }));
    expect(listed.filter((r) => r.operation === "READ").map((r) => [r.person_id, r.data_classes])).toEqual([
      [uuidOf(released), ["IDENTITY", "OBSERVATIONS"]],
    ]);
  });
});
