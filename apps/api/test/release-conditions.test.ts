import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, audited, expectNothingWritten, UNKNOWN, type UserErrorShape, uuidOf } from "./case-work.js";
import { type Places, places } from "./fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp, TODAY } from "./harness.js";
import {
  admitSentenced,
  agencyIds,
  type ConditionShape,
  loginAll,
  propose,
  RELEASE_TABLES,
  release,
} from "./release-helpers.js";

// Release conditions: proposed in prison, imposed at a conditional release (or later by the
// supervising services), breached, lifted or ended; withdrawn when the release comes without them.

const ACCOUNTS = [
  "celex.analyst",
  "prison-ittre.officer",
  "prison-ittre.director",
  "probation-brussels.officer",
  "ltf-brussels.member",
  "ltf-antwerp.member",
  "admin",
] as const;
let app: TestApp;
let at: Places;
let as: Record<(typeof ACCOUNTS)[number], GraphQLClient>;
let agency: (code: string) => string;
const celex = () => as["celex.analyst"];
const probation = () => as["probation-brussels.officer"];

beforeAll(async () => {
  app = await startTestApp();
  as = await loginAll(app, ACCOUNTS);
  at = await places(celex());
  agency = await agencyIds(celex());
});
afterAll(() => app.close());

const ADMITTED = addDays(TODAY, -300);
const RELEASED = addDays(TODAY, -100);
const errorCodes = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code);

const CONDITIONS = `query($id: ID!, $on: Date) { person(id: $id) { releaseConditions(on: $on) {
  id status imposedOn withdrawnOn liftedOn version type { code nameFr } supervisingAgency { code }
  breaches { occurredOn description } } } }`;
type Listed = ConditionShape & {
  withdrawnOn: string | null;
  liftedOn: string | null;
  breaches: { occurredOn: string }[];
};

async function conditionsOf(personId: string, on: string = TODAY, who = celex()): Promise<Listed[]> {
  return (await who.data<{ person: { releaseConditions: Listed[] } }>(CONDITIONS, { id: personId, on }))
    .person.releaseConditions;
}

const condition = (code: string, supervisor: string, over: Record<string, unknown> = {}) => ({
  conditionType: code,
  supervisingAgencyId: agency(supervisor),
  ...over,
});

async function detained(familyName: string) {
  return admitSentenced(celex(), at, { familyName, admittedOn: ADMITTED });
}

async function change(
  who: GraphQLClient,
  mutation: string,
  inputType: string,
  input: Record<string, unknown>,
) {
  return who.request<Record<string, { condition: Listed | null; userErrors: UserErrorShape[] } | null>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) {
      condition { id status version liftedOn breaches { occurredOn } } userErrors { field message code } } }`,
    { input },
  );
}
const payload = (res: GraphQLResponse<Record<string, unknown>>, mutation: string) =>
  res.data?.[mutation] as { condition: Listed | null; userErrors: UserErrorShape[] };

describe("proposing conditions in prison", () => {
  it("records a proposal with its type and supervisor; details where the type needs them", async () => {
    const { personId } = await detained("Condone");
    const res = await propose(celex(), { personId, ...condition("TRAVEL_BAN", "probation-brussels") });
    expect(res.userErrors).toEqual([]);
    expect(res.condition).toMatchObject({
      status: "PROPOSED",
      proposedOn: TODAY,
      imposedOn: null,
      type: { code: "TRAVEL_BAN" },
      supervisingAgency: { code: "probation-brussels" },
    });
    const bad: [Record<string, unknown>, UserErrorShape][] = [
      [
        condition("NO_CONTACT", "probation-brussels"),
        { field: "details", message: "is required for this type of condition", code: "INVALID" },
      ],
      [
        condition("NOT_A_TYPE", "probation-brussels"),
        { field: "conditionType", message: "is not a condition type Continuum knows", code: "NOT_FOUND" },
      ],
      [
        condition("TRAVEL_BAN", "prison-ittre"),
        {
          field: "supervisingAgencyId",
          message: "must be a probation house, a Local Task Force, the police or a disengagement service",
          code: "RULE_VIOLATION",
        },
      ],
      [
        { conditionType: "TRAVEL_BAN", supervisingAgencyId: UNKNOWN("Agency") },
        { field: "supervisingAgencyId", message: "no agency with this ID", code: "NOT_FOUND" },
      ],
      [
        condition("TRAVEL_BAN", "probation-brussels", { endsOn: TODAY }),
        { field: "endsOn", message: `must be after the start (${TODAY})`, code: "INVALID" },
      ],
    ];
    await expectNothingWritten(app, RELEASE_TABLES, async () => {
      for (const [input, error] of bad)
        expect((await propose(celex(), { personId, ...input })).userErrors).toEqual([error]);
      expect(
        (await propose(celex(), { personId: UNKNOWN("Person"), ...condition("TRAVEL_BAN", "police") }))
          .userErrors,
      ).toEqual([{ field: "personId", message: "no person with this ID", code: "NOT_FOUND" }]);
      for (const who of [as["prison-ittre.officer"], probation()]) {
        const res = await who.request(
          `mutation($input: ReleaseConditionProposeInput!) {
          releaseConditionPropose(input: $input) { userErrors { code } } }`,
          {
            input: { personId, ...condition("TRAVEL_BAN", "police") },
          },
        );
        expect(errorCodes(res)).toEqual(["FORBIDDEN"]);
      }
    });
  });

  it("withdraws a proposal at the version read", async () => {
    const { personId } = await detained("Condtwo");
    const proposed = (await propose(celex(), { personId, ...condition("RESIDENCE", "ltf-brussels") }))
      .condition as ConditionShape;
    await expectNothingWritten(app, RELEASE_TABLES, async () => {
      const stale = await change(celex(), "releaseConditionWithdraw", "ReleaseConditionWithdrawInput", {
        conditionId: proposed.id,
        version: 7,
      });
      expect(payload(stale, "releaseConditionWithdraw").userErrors).toEqual([
        {
          field: "version",
          message: "the condition changed meanwhile; reload and try again",
          code: "CONFLICT",
        },
      ]);
    });
    const res = await change(celex(), "releaseConditionWithdraw", "ReleaseConditionWithdrawInput", {
      conditionId: proposed.id,
      version: proposed.version,
    });
    expect(payload(res, "releaseConditionWithdraw").condition?.status).toBe("WITHDRAWN");
  });
});

describe("conditions at release", () => {
  it("imposes the proposed conditions and the new ones on the release date", async () => {
    const { personId, episodeId } = await detained("Condthree");
    await propose(celex(), { personId, ...condition("TRAVEL_BAN", "probation-brussels") });
    const errors = await release(celex(), {
      episodeId,
      releasedOn: RELEASED,
      releaseType: "CONDITIONAL_RELEASE",
      releaseMunicipality: "Molenbeek-Saint-Jean",
      conditions: [condition("POLICE_REPORTING", "police", { details: "Fictional: weekly, Monday." })],
    });
    expect(errors).toEqual([]);
    const listed = await conditionsOf(personId);
    expect(listed.map((c) => [c.type.code, c.status, c.imposedOn])).toEqual([
      ["TRAVEL_BAN", "ACTIVE", RELEASED],
      ["POLICE_REPORTING", "ACTIVE", RELEASED],
    ]);
    // Proposed today, after a release recorded late: the day before the release it was not yet known.
    expect(await conditionsOf(personId, addDays(RELEASED, -1))).toEqual([]);
  });

  it("requires a condition for a conditional release, and none for a release without conditions", async () => {
    const { personId, episodeId } = await detained("Condfour");
    const base = { episodeId, releasedOn: RELEASED, releaseMunicipality: "Molenbeek-Saint-Jean" };
    await expectNothingWritten(app, RELEASE_TABLES, async () => {
      expect(await release(celex(), { ...base, releaseType: "ELECTRONIC_MONITORING" })).toEqual([
        {
          field: "conditions",
          message: "at least one condition is required for this type of release",
          code: "RULE_VIOLATION",
        },
      ]);
      expect(
        await release(celex(), {
          ...base,
          releaseType: "END_OF_SENTENCE",
          conditions: [condition("TRAVEL_BAN", "police")],
        }),
      ).toEqual([
        {
          field: "conditions",
          message: "must be empty: this type of release comes without conditions",
          code: "RULE_VIOLATION",
        },
      ]);
      expect(
        await release(celex(), {
          ...base,
          releaseType: "CONDITIONAL_RELEASE",
          conditions: [condition("NO_CONTACT", "police")],
        }),
      ).toEqual([
        { field: "conditions.0.details", message: "is required for this type of condition", code: "INVALID" },
      ]);
    });
    await propose(celex(), { personId, ...condition("TRAVEL_BAN", "probation-brussels") });
    expect(await release(celex(), { ...base, releaseType: "END_OF_SENTENCE" })).toEqual([]);
    expect((await conditionsOf(personId)).map((c) => [c.status, c.withdrawnOn])).toEqual([
      ["WITHDRAWN", RELEASED],
    ]);
  });
});

describe("supervising conditions after release", () => {
  let personId: string;
  let travelBan: Listed;

  beforeAll(async () => {
    const admitted = await detained("Condfive");
    personId = admitted.personId;
    expect(
      await release(celex(), {
        episodeId: admitted.episodeId,
        releasedOn: RELEASED,
        releaseType: "CONDITIONAL_RELEASE",
        releaseMunicipality: "Molenbeek-Saint-Jean",
        conditions: [condition("TRAVEL_BAN", "probation-brussels")],
      }),
    ).toEqual([]);
    travelBan = (await conditionsOf(personId)).at(0) as Listed;
  });

  it("lets probation impose a condition later, record a breach while active and lift it", async () => {
    const imposed = await change(probation(), "releaseConditionImpose", "ReleaseConditionImposeInput", {
      personId,
      imposedOn: addDays(RELEASED, 30),
      endsOn: addDays(RELEASED, 60),
      ...condition("PSYCHOSOCIAL_MEETINGS", "probation-brussels"),
    });
    expect(payload(imposed, "releaseConditionImpose").userErrors).toEqual([]);
    const breach = await change(probation(), "conditionBreachRecord", "ConditionBreachRecordInput", {
      conditionId: travelBan.id,
      occurredOn: addDays(RELEASED, 10),
      description: "Fictional: booked a flight abroad.",
      response: "Fictional: warning.",
    });
    expect(payload(breach, "conditionBreachRecord").condition?.breaches).toEqual([
      { occurredOn: addDays(RELEASED, 10) },
    ]);
    const lifted = await change(probation(), "releaseConditionLift", "ReleaseConditionLiftInput", {
      conditionId: travelBan.id,
      liftedOn: addDays(RELEASED, 90),
      reason: "Fictional: the court lifted it.",
      version: travelBan.version,
    });
    expect(payload(lifted, "releaseConditionLift").condition).toMatchObject({
      status: "ENDED",
      liftedOn: addDays(RELEASED, 90),
    });
    expect((await conditionsOf(personId, addDays(RELEASED, 45))).map((c) => [c.type.code, c.status])).toEqual(
      [
        ["TRAVEL_BAN", "ACTIVE"],
        ["PSYCHOSOCIAL_MEETINGS", "ACTIVE"],
      ],
    );
    expect((await conditionsOf(personId)).map((c) => c.status)).toEqual(["ENDED", "ENDED"]);
  });

  it("refuses a breach outside the condition's life, a lift twice and dates before the release", async () => {
    const other = (await change(probation(), "releaseConditionImpose", "ReleaseConditionImposeInput", {
      personId,
      imposedOn: addDays(RELEASED, 5),
      ...condition("RESIDENCE", "ltf-brussels"),
    })) as GraphQLResponse<Record<string, unknown>>;
    const residence = payload(other, "releaseConditionImpose").condition as Listed;
    await expectNothingWritten(app, RELEASE_TABLES, async () => {
      const early = await change(probation(), "conditionBreachRecord", "ConditionBreachRecordInput", {
        conditionId: residence.id,
        occurredOn: addDays(RELEASED, 4),
        description: "Fictional.",
      });
      expect(payload(early, "conditionBreachRecord").userErrors).toEqual([
        { field: "occurredOn", message: "the condition was not in force that day", code: "RULE_VIOLATION" },
      ]);
      const future = await change(probation(), "conditionBreachRecord", "ConditionBreachRecordInput", {
        conditionId: residence.id,
        occurredOn: addDays(TODAY, 1),
        description: "Fictional.",
      });
      expect(payload(future, "conditionBreachRecord").userErrors).toEqual([
        { field: "occurredOn", message: "must not be in the future", code: "INVALID" },
      ]);
      const beforeRelease = await change(
        probation(),
        "releaseConditionImpose",
        "ReleaseConditionImposeInput",
        {
          personId,
          imposedOn: addDays(RELEASED, -1),
          ...condition("RESIDENCE", "ltf-brussels"),
        },
      );
      expect(payload(beforeRelease, "releaseConditionImpose").userErrors).toEqual([
        {
          field: "imposedOn",
          message: `must not be before the release (${RELEASED})`,
          code: "RULE_VIOLATION",
        },
      ]);
      const liftFirstDay = await change(probation(), "releaseConditionLift", "ReleaseConditionLiftInput", {
        conditionId: residence.id,
        liftedOn: addDays(RELEASED, 5),
        reason: "Fictional.",
        version: residence.version,
      });
      expect(payload(liftFirstDay, "releaseConditionLift").userErrors).toEqual([
        {
          field: "liftedOn",
          message: "must be a day the condition is in force, after its first day",
          code: "RULE_VIOLATION",
        },
      ]);
    });
  });

  it("is refused to other districts (NOT_FOUND) and to agencies that do not supervise (FORBIDDEN)", async () => {
    await expectNothingWritten(app, RELEASE_TABLES, async () => {
      const breach = {
        conditionId: travelBan.id,
        occurredOn: addDays(RELEASED, 11),
        description: "Fictional.",
      };
      const antwerp = await change(
        as["ltf-antwerp.member"],
        "conditionBreachRecord",
        "ConditionBreachRecordInput",
        breach,
      );
      expect(payload(antwerp, "conditionBreachRecord").userErrors).toEqual([
        { field: "conditionId", message: "no condition with this ID", code: "NOT_FOUND" },
      ]);
      const unknown = await change(probation(), "conditionBreachRecord", "ConditionBreachRecordInput", {
        ...breach,
        conditionId: UNKNOWN("ReleaseCondition"),
      });
      expect(payload(unknown, "conditionBreachRecord").userErrors[0]?.code).toBe("NOT_FOUND");
      for (const who of [celex(), as["prison-ittre.director"]])
        expect(
          errorCodes(await change(who, "conditionBreachRecord", "ConditionBreachRecordInput", breach)),
        ).toEqual(["FORBIDDEN"]);
    });
  });

  it("lists probation's caseload of conditions in force, audited per person", async () => {
    const QUERY = `query($on: Date) { supervisedConditions(activeOn: $on) { status type { code } person { id } } }`;
    const rows = await audited(app, async () => {
      const { supervisedConditions } = await probation().data<{
        supervisedConditions: { status: string; type: { code: string }; person: { id: string } }[];
      }>(QUERY, { on: addDays(RELEASED, 45) });
      expect(supervisedConditions.filter((c) => c.person.id === personId).map((c) => c.type.code)).toEqual([
        "TRAVEL_BAN",
        "PSYCHOSOCIAL_MEETINGS",
      ]);
      expect(supervisedConditions.every((c) => c.status === "ACTIVE")).toBe(true);
    });
    expect(rows.some((r) => r.operation === "READ" && r.person_id === uuidOf(personId))).toBe(true);
    const ltf = await as["ltf-antwerp.member"].data<{ supervisedConditions: unknown[] }>(QUERY, {
      on: addDays(RELEASED, 45),
    });
    expect(ltf.supervisedConditions).toEqual([]);
  });
});

describe("condition types", () => {
  const DEFINE = `mutation($input: ConditionTypeDefineInput!) { conditionTypeDefine(input: $input) {
    conditionType { code nameEn requiresDetails shownOnInformationCard } userErrors { field message code } } }`;
  const input = {
    code: "CURFEW",
    nameEn: "Stay home at night",
    nameFr: "Rester chez soi la nuit",
    nameNl: "'s Nachts thuis blijven",
    requiresDetails: true,
    shownOnInformationCard: false,
  };

  it("are defined by administrators and listed for everyone", async () => {
    const res = await as.admin.data<{ conditionTypeDefine: { userErrors: unknown[] } }>(DEFINE, { input });
    expect(res.conditionTypeDefine.userErrors).toEqual([]);
    const { conditionTypes } = await celex().data<{ conditionTypes: { code: string }[] }>(
      "{ conditionTypes { code } }",
    );
    expect(conditionTypes.map((t) => t.code)).toContain("CURFEW");
    expect(errorCodes(await celex().request(DEFINE, { input }))).toEqual(["FORBIDDEN"]);
    const bad = await as.admin.data<{ conditionTypeDefine: { userErrors: UserErrorShape[] } }>(DEFINE, {
      input: { ...input, code: "x" },
    });
    expect(bad.conditionTypeDefine.userErrors.map((e) => e.field)).toEqual(["code"]);
  });
});
