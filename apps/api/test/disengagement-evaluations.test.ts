import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, audited, expectNothingWritten, UNKNOWN, type UserErrorShape, uuidOf } from "./case-work.js";
import { admit, EMAIL, type Places, places, REGISTER } from "./fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp, TODAY } from "./harness.js";

// The threat-analysis body's evaluations of signs of disengagement: recorded by CUTA in prison and
// after release, read as INTELLIGENCE (CelEx in prison, the intelligence service, CUTA, the Local
// Task Force of the district after release), FORBIDDEN elsewhere.

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};

const ACCOUNTS = [
  "celex.analyst",
  "cuta.analyst",
  "cuta.statistician",
  "dgepi.director",
  "prison-ittre.director",
  "prison-ittre.officer",
  "psd-ittre.psychologist",
  "vsse.officer",
  "vsse.analyst",
  "police.officer",
  "prosecutor.officer",
  "probation-brussels.officer",
  "ltf-brussels.member",
  "caprev.counsellor",
] as const;
type Account = (typeof ACCOUNTS)[number];
const client = (account: Account) => as[account] as GraphQLClient;
const celex = () => client("celex.analyst");
const cuta = () => client("cuta.analyst");

const ADMITTED = addDays(TODAY, -300);
const RELEASED_ON = addDays(TODAY, -100);
const day = (n: number) => addDays(ADMITTED, n);
const TABLES = ["disengagement_evaluations"];

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(celex());
});
afterAll(() => app.close());

const RECORD = `mutation($input: DisengagementEvaluationRecordInput!) { disengagementEvaluationRecord(input: $input) {
  evaluation { id evaluatedOn level rationale stage } person { id } userErrors { field message code } } }`;

interface Evaluation {
  id: string;
  evaluatedOn: string;
  level: string;
  rationale: string;
  stage: string;
}
interface Payload {
  evaluation: Evaluation | null;
  person: { id: string } | null;
  userErrors: UserErrorShape[];
}

async function evaluate(
  personId: string,
  evaluatedOn: string,
  over: Record<string, unknown> = {},
  who: GraphQLClient = cuta(),
): Promise<Payload> {
  return (
    await who.data<{ disengagementEvaluationRecord: Payload }>(RECORD, {
      input: { personId, evaluatedOn, level: "SOME_SIGNS", rationale: "Fictional rationale.", ...over },
    })
  ).disengagementEvaluationRecord;
}

async function release(episodeId: string, releasedOn: string) {
  await celex().data(
    `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`,
    {
      input: {
        episodeId,
        releasedOn,
        releaseType: "END_OF_SENTENCE",
        releaseMunicipality: "Molenbeek-Saint-Jean",
      },
    },
  );
}

const errorCodes = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code);

describe("CUTA's evaluations of signs of disengagement", () => {
  it("are recorded in prison (IN_PRISON) and audited as intelligence", async () => {
    const { personId } = await admit(celex(), at, { familyName: "Progevaa", admittedOn: ADMITTED });
    const rows = await audited(app, async () => {
      const res = await evaluate(personId, day(30), {
        level: "NO_SIGNS",
        rationale: "  Fictional: keeps to the group, rejects the counsellor.  ",
      });
      expect(res.userErrors).toEqual([]);
      expect(res.evaluation).toMatchObject({
        evaluatedOn: day(30),
        level: "NO_SIGNS",
        rationale: "Fictional: keeps to the group, rejects the counsellor.",
        stage: "IN_PRISON",
      });
      expect(res.person?.id).toBe(personId);
    });
    expect(
      rows
        .filter((r) => r.operation === "CREATE")
        .map((r) => [r.person_id, r.data_classes, r.details.mutation]),
    ).toEqual([[uuidOf(personId), ["INTELLIGENCE"], "disengagementEvaluationRecord"]]);
    // Today counts as not in the future.
    expect((await evaluate(personId, TODAY)).userErrors).toEqual([]);
  });

  it("are recorded after release (RELEASED), and dated in prison when the day evaluated was", async () => {
    const { personId, episodeId } = await admit(celex(), at, {
      familyName: "Progevab",
      admittedOn: ADMITTED,
    });
    await release(episodeId, RELEASED_ON);
    const after = await evaluate(personId, addDays(RELEASED_ON, 30), { level: "CLEAR_SIGNS" });
    expect(after.userErrors).toEqual([]);
    expect(after.evaluation).toMatchObject({ stage: "RELEASED", level: "CLEAR_SIGNS" });
    const onRelease = await evaluate(personId, RELEASED_ON);
    expect(onRelease.evaluation?.stage).toBe("RELEASED");
    const before = await evaluate(personId, addDays(RELEASED_ON, -1));
    expect(before.evaluation?.stage).toBe("IN_PRISON");
    const data = await cuta().data<{ person: { disengagementEvaluations: Evaluation[] } }>(
      `query($id: ID!) { person(id: $id) { disengagementEvaluations { evaluatedOn stage } } }`,
      { id: personId },
    );
    expect(data.person.disengagementEvaluations).toEqual([
      { evaluatedOn: addDays(RELEASED_ON, 30), stage: "RELEASED" },
      { evaluatedOn: RELEASED_ON, stage: "RELEASED" },
      { evaluatedOn: addDays(RELEASED_ON, -1), stage: "IN_PRISON" },
    ]);
  });

  it("need a rationale, a day not in the future and within the latest detention", async () => {
    const { personId } = await admit(celex(), at, { familyName: "Progevac", admittedOn: ADMITTED });
    const never = await celex().data<{ personRegister: { person: { id: string } } }>(REGISTER, {
      input: {
        familyName: "Progevad",
        givenNames: "Testo",
        dateOfBirth: "1988-02-02",
        sex: "MALE",
        nationalities: ["BE"],
        languageCommunity: "NL",
      },
    });
    await expectNothingWritten(app, TABLES, async () => {
      for (const rationale of ["", "   "])
        expect((await evaluate(personId, day(30), { rationale })).userErrors).toEqual([
          { field: "rationale", message: "give the rationale", code: "INVALID" },
        ]);
      expect((await evaluate(personId, day(30), { rationale: "x".repeat(4001) })).userErrors).toEqual([
        { field: "rationale", message: "must be at most 4000 characters", code: "INVALID" },
      ]);
      expect((await evaluate(personId, addDays(TODAY, 1))).userErrors).toEqual([
        { field: "evaluatedOn", message: "must not be in the future", code: "INVALID" },
      ]);
      expect((await evaluate(personId, day(-1))).userErrors).toEqual([
        {
          field: "evaluatedOn",
          message: `must not be before the latest admission (${ADMITTED})`,
          code: "INVALID",
        },
      ]);
      expect((await evaluate(never.personRegister.person.id, day(30))).userErrors).toEqual([
        { field: "personId", message: "the person has never been detained", code: "RULE_VIOLATION" },
      ]);
      expect((await evaluate(UNKNOWN("Person"), day(30))).userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
    });
  });

  it("are CUTA's analysts' alone to record, and not once the case is closed", async () => {
    const { personId, episodeId } = await admit(celex(), at, {
      familyName: "Progevae",
      admittedOn: ADMITTED,
    });
    await expectNothingWritten(app, TABLES, async () => {
      for (const account of [
        "celex.analyst",
        "cuta.statistician",
        "vsse.officer",
        "dgepi.director",
        "prison-ittre.director",
        "police.officer",
      ] as const) {
        const res = await client(account).request(RECORD, {
          input: { personId, evaluatedOn: day(30), level: "SOME_SIGNS", rationale: "Fictional." },
        });
        expect(res.data?.disengagementEvaluationRecord ?? null, account).toBeNull();
        expect(errorCodes(res), account).toEqual(["FORBIDDEN"]);
      }
    });
    await release(episodeId, RELEASED_ON);
    await app.database.db.execute(
      sql`update person_case_summaries set closed_on = ${addDays(RELEASED_ON, 10)} where person_id = ${uuidOf(personId)}::uuid`,
    );
    await expectNothingWritten(app, TABLES, async () => {
      const closed = await cuta().request(RECORD, {
        input: {
          personId,
          evaluatedOn: addDays(RELEASED_ON, 20),
          level: "SOME_SIGNS",
          rationale: "Fictional.",
        },
      });
      expect(errorCodes(closed)).toEqual(["FORBIDDEN"]);
    });
  });
});

describe("who reads them (INTELLIGENCE)", () => {
  let inPrison: string;
  let released: string;
  const evaluationIds: Record<string, string> = {};
  const QUERY = `query($id: ID!) { person(id: $id) { familyName disengagementEvaluations { id level rationale } } }`;

  beforeAll(async () => {
    inPrison = (await admit(celex(), at, { familyName: "Progevaf", admittedOn: ADMITTED })).personId;
    const out = await admit(celex(), at, { familyName: "Progevag", admittedOn: ADMITTED });
    released = out.personId;
    evaluationIds.inPrison = (await evaluate(inPrison, day(20))).evaluation?.id as string;
    await release(out.episodeId, RELEASED_ON);
    evaluationIds.released = (await evaluate(released, addDays(RELEASED_ON, 5))).evaluation?.id as string;
  });

  async function reads(account: Account, personId: string): Promise<"READ" | "FORBIDDEN" | "NOT_FOUND"> {
    const res = await client(account).request<{
      person: { familyName: string; disengagementEvaluations: { rationale: string }[] | null } | null;
    }>(QUERY, { id: personId });
    if (res.data?.person === null || res.data?.person === undefined) {
      expect(errorCodes(res), account).toEqual(["NOT_FOUND"]);
      return "NOT_FOUND";
    }
    if (res.data.person.disengagementEvaluations === null) {
      expect(
        res.errors?.map((e) => [e.path?.join("."), e.extensions?.code]),
        account,
      ).toEqual([["person.disengagementEvaluations", "FORBIDDEN"]]);
      return "FORBIDDEN";
    }
    expect(res.errors, account).toBeUndefined();
    expect(
      res.data.person.disengagementEvaluations.map((e) => e.rationale),
      account,
    ).toEqual(["Fictional rationale."]);
    return "READ";
  }

  it("in prison: CelEx, the Director General, the intelligence service and CUTA; FORBIDDEN to the prison and its psychosocial service", async () => {
    const expected: Partial<Record<Account, string>> = {
      "celex.analyst": "READ",
      "dgepi.director": "READ",
      "vsse.officer": "READ",
      "vsse.analyst": "READ",
      "cuta.analyst": "READ",
      "prison-ittre.director": "FORBIDDEN",
      "prison-ittre.officer": "FORBIDDEN",
      "psd-ittre.psychologist": "FORBIDDEN",
      "prosecutor.officer": "FORBIDDEN",
      "police.officer": "NOT_FOUND",
      "caprev.counsellor": "NOT_FOUND",
      "probation-brussels.officer": "NOT_FOUND",
      "ltf-brussels.member": "NOT_FOUND",
      "cuta.statistician": "NOT_FOUND",
    };
    const actual: Partial<Record<Account, string>> = {};
    for (const account of Object.keys(expected) as Account[])
      actual[account] = await reads(account, inPrison);
    expect(actual).toEqual(expected);
  });

  it("after release: the intelligence service, CUTA and the district's Local Task Force; FORBIDDEN to CelEx, police and probation", async () => {
    const expected: Partial<Record<Account, string>> = {
      "vsse.officer": "READ",
      "vsse.analyst": "READ",
      "cuta.analyst": "READ",
      "ltf-brussels.member": "READ",
      "celex.analyst": "FORBIDDEN",
      "dgepi.director": "FORBIDDEN",
      "police.officer": "FORBIDDEN",
      "prosecutor.officer": "FORBIDDEN",
      "probation-brussels.officer": "FORBIDDEN",
      "prison-ittre.director": "NOT_FOUND",
    };
    const actual: Partial<Record<Account, string>> = {};
    for (const account of Object.keys(expected) as Account[])
      actual[account] = await reads(account, released);
    expect(actual).toEqual(expected);
  });

  it("answers node(id:) only where the class is readable, and audits the read", async () => {
    const NODE = `query($id: ID!) { node(id: $id) { ... on DisengagementEvaluation { level stage } } }`;
    for (const account of ["prison-ittre.director", "police.officer", "psd-ittre.psychologist"] as const)
      expect(
        (await client(account).request(NODE, { id: evaluationIds.inPrison })).data?.node,
        account,
      ).toBeNull();
    expect((await celex().request(NODE, { id: evaluationIds.released })).data?.node).toBeNull();
    const rows = await audited(app, async () => {
      const res = await celex().data<{ node: { stage: string } }>(NODE, { id: evaluationIds.inPrison });
      expect(res.node.stage).toBe("IN_PRISON");
    });
    expect(rows.filter((r) => r.operation === "READ").map((r) => [r.person_id, r.data_classes])).toEqual([
      [uuidOf(inPrison), ["INTELLIGENCE"]],
    ]);
    const listed = await audited(app, () => client("vsse.officer").data(QUERY, { id: released }));
    expect(listed.filter((r) => r.operation === "READ").map((r) => r.data_classes)).toEqual([
      ["IDENTITY", "INTELLIGENCE"],
    ]);
  });
});
