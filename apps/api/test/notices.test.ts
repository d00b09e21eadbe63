import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, audited, expectNothingWritten, UNKNOWN, type UserErrorShape, uuidOf } from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "./harness.js";

// Transparency: every decision but a rejection is notified to the inmate within two days of taking
// effect, appeals are recorded and answered once; the queues show what is due to those who see it.

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};
let issr: string;

const ACCOUNTS = [
  "celex.analyst",
  "dgepi.director",
  "prison-ittre.director",
  "prison-ittre.officer",
  "prison-hasselt.director",
  "psd-ittre.psychologist",
  "police.officer",
] as const;
type Account = (typeof ACCOUNTS)[number];
const client = (account: Account) => as[account] as GraphQLClient;
const celex = () => client("celex.analyst");
const dg = () => client("dgepi.director");
const officer = () => client("prison-ittre.officer");
const TABLES = ["decision_notifications", "appeals", "decisions"];

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(celex());
  const data = await celex().data<{ measureTypes: { id: string; code: string }[] }>(
    "{ measureTypes { id code } }",
  );
  issr = data.measureTypes.find((t) => t.code === "INDIVIDUAL_SPECIAL_SECURITY_REGIME")?.id as string;
});
afterAll(() => app.close());

const DECISION = `id kind reviewOutcome recommendationOutcome decidedOn effectiveOn needsNotification notificationDueOn
  notified notificationOverdue person { familyName }`;

interface Decision {
  id: string;
  kind: string;
  reviewOutcome: string | null;
  recommendationOutcome: string | null;
  decidedOn: string;
  effectiveOn: string;
  needsNotification: boolean;
  notificationDueOn: string | null;
  notified: boolean;
  notificationOverdue: boolean;
  person: { familyName: string } | null;
}

async function inmate(familyName: string): Promise<string> {
  return (await admit(celex(), at, { familyName, establishment: "ITT", admittedOn: addDays(TODAY, -90) }))
    .personId;
}

/** The Director General imposes the special regime; answers the decision and the measure. */
async function imposeRegime(
  personId: string,
  decidedOn: string,
  endsOn: string,
  nextReviewOn: string,
): Promise<{ decision: Decision; measureId: string; version: number }> {
  const res = await dg().data<{
    securityMeasureImpose: {
      decision: (Decision & { measure: { id: string; version: number } }) | null;
      userErrors: UserErrorShape[];
    };
  }>(
    `mutation($input: SecurityMeasureImposeInput!) { securityMeasureImpose(input: $input) {
       decision { ${DECISION} measure { id version } } userErrors { field message code } } }`,
    {
      input: {
        personId,
        measureTypeId: issr,
        reasons: "Fictional reasons.",
        decidedOn,
        effectiveOn: decidedOn,
        measure: { endsOn, nextReviewOn },
      },
    },
  );
  const decision = res.securityMeasureImpose.decision;
  if (decision === null) throw new Error(`refused: ${JSON.stringify(res.securityMeasureImpose.userErrors)}`);
  return { decision, measureId: decision.measure.id, version: decision.measure.version };
}

async function reviewed(input: Record<string, unknown>): Promise<Decision> {
  const res = await dg().data<{
    securityMeasureReview: { decision: Decision | null; userErrors: UserErrorShape[] };
  }>(
    `mutation($input: SecurityMeasureReviewInput!) { securityMeasureReview(input: $input) {
       decision { ${DECISION} } userErrors { field message code } } }`,
    { input: { reasons: "Fictional reasons for the review.", ...input } },
  );
  const decision = res.securityMeasureReview.decision;
  if (decision === null) throw new Error(`refused: ${JSON.stringify(res.securityMeasureReview.userErrors)}`);
  return decision;
}

/** CelEx recommends, the Director General decides; answers the decision. */
async function decided(
  personId: string,
  outcome: string,
  decidedOn: string,
  effectiveOn: string,
): Promise<Decision> {
  const rec = await celex().data<{ recommendationWrite: { recommendation: { id: string } | null } }>(
    `mutation($input: RecommendationWriteInput!) { recommendationWrite(input: $input) { recommendation { id } } }`,
    {
      input: {
        personId,
        kind: "DRADEX_PLACEMENT",
        establishmentId: at.establishment("ITT"),
        unitId: at.unit("ITT-DRX"),
        rationale: "Fictional.",
        recommendedOn: addDays(decidedOn, -1),
      },
    },
  );
  const res = await dg().data<{
    recommendationDecide: { decision: Decision | null; userErrors: UserErrorShape[] };
  }>(
    `mutation($input: RecommendationDecideInput!) { recommendationDecide(input: $input) {
       decision { ${DECISION} } userErrors { field message code } } }`,
    {
      input: {
        recommendationId: rec.recommendationWrite.recommendation?.id,
        outcome,
        reasons: "Fictional reasons.",
        decidedOn,
        effectiveOn,
      },
    },
  );
  const decision = res.recommendationDecide.decision;
  if (decision === null) throw new Error(`refused: ${JSON.stringify(res.recommendationDecide.userErrors)}`);
  return decision;
}

const NOTIFY = `mutation($input: DecisionNotifyInput!) { decisionNotify(input: $input) {
  decision { id notified notificationOverdue notifications { notifiedOn method reasonsGiven interpreter recordedBy { displayName } } }
  userErrors { field message code } } }`;

interface NotifyPayload {
  decision: {
    id: string;
    notified: boolean;
    notificationOverdue: boolean;
    notifications: {
      notifiedOn: string;
      method: string;
      reasonsGiven: string;
      interpreter: boolean;
      recordedBy: { displayName: string } | null;
    }[];
  } | null;
  userErrors: UserErrorShape[];
}

async function notify(
  decisionId: string,
  over: Record<string, unknown> = {},
  who = officer(),
): Promise<NotifyPayload> {
  return (
    await who.data<{ decisionNotify: NotifyPayload }>(NOTIFY, {
      input: {
        decisionId,
        notifiedOn: TODAY,
        method: "ORAL_AND_WRITTEN",
        reasonsGiven: "Told the reasons.",
        ...over,
      },
    })
  ).decisionNotify;
}

async function notificationQueue(who: GraphQLClient): Promise<Decision[]> {
  return (await who.data<{ notificationQueue: Decision[] }>(`{ notificationQueue { ${DECISION} } }`))
    .notificationQueue;
}

describe("telling the inmate of a decision", () => {
  let personId: string;
  let imposition: Decision;
  let prolongation: Decision;
  let placement: Decision;
  let lifting: Decision;
  let rejection: Decision;

  beforeAll(async () => {
    personId = await inmate("Notia");
    const m = await imposeRegime(personId, addDays(TODAY, -10), addDays(TODAY, 20), addDays(TODAY, 5));
    imposition = m.decision;
    prolongation = await reviewed({
      measureId: m.measureId,
      outcome: "PROLONGED",
      expectedVersion: m.version,
      decidedOn: addDays(TODAY, -1),
      endsOn: addDays(TODAY, 50),
      nextReviewOn: addDays(TODAY, 25),
    });
    lifting = await reviewed({
      measureId: m.measureId,
      outcome: "LIFTED",
      expectedVersion: m.version + 1,
      decidedOn: TODAY,
      effectiveOn: addDays(TODAY, 3),
    });
    placement = await decided(personId, "ACCEPTED", addDays(TODAY, -6), addDays(TODAY, -1));
    rejection = await decided(await inmate("Notib"), "REJECTED", addDays(TODAY, -6), addDays(TODAY, -6));
  });

  it("is due two days after the decision is taken or takes effect, whichever is later, and overdue after", () => {
    expect(imposition).toMatchObject({
      needsNotification: true,
      notificationDueOn: addDays(TODAY, -8),
      notified: false,
      notificationOverdue: true,
    });
    expect(prolongation).toMatchObject({
      reviewOutcome: "PROLONGED",
      notificationDueOn: addDays(TODAY, 1),
      notificationOverdue: false,
    });
    expect(lifting).toMatchObject({ reviewOutcome: "LIFTED", notificationDueOn: addDays(TODAY, 5) });
    expect(placement).toMatchObject({
      kind: "REGIME",
      decidedOn: addDays(TODAY, -6),
      effectiveOn: addDays(TODAY, -1),
      notificationDueOn: addDays(TODAY, 1),
    });
    expect(rejection).toMatchObject({
      needsNotification: false,
      notificationDueOn: null,
      notified: true,
      notificationOverdue: false,
    });
  });

  it("queues every decision but a rejection, each review a decision of its own, the most overdue first", async () => {
    const mine = (await notificationQueue(client("prison-ittre.director"))).filter(
      (d) => d.person?.familyName === "Notia" || d.person?.familyName === "Notib",
    );
    // Due on the same day, the prolongation and the placement come in either order.
    expect(mine.map((d) => d.id)).toHaveLength(4);
    expect(mine[0]?.id).toBe(imposition.id);
    expect(
      mine
        .slice(1, 3)
        .map((d) => d.id)
        .sort(),
    ).toEqual([prolongation.id, placement.id].sort());
    expect(mine[3]?.id).toBe(lifting.id);
    expect(mine.map((d) => d.id)).not.toContain(rejection.id);
  });

  it("records the notice, by prison staff or the Director General, and takes the decision off the queue", async () => {
    let res: NotifyPayload | undefined;
    const rows = await audited(app, async () => {
      res = await notify(imposition.id, {
        notifiedOn: addDays(TODAY, -9),
        method: "ORAL",
        interpreter: true,
      });
    });
    expect(res?.userErrors).toEqual([]);
    expect(res?.decision).toEqual({
      id: imposition.id,
      notified: true,
      notificationOverdue: false,
      notifications: [
        {
          notifiedOn: addDays(TODAY, -9),
          method: "ORAL",
          reasonsGiven: "Told the reasons.",
          interpreter: true,
          recordedBy: { displayName: "Demo officer — Prison of Ittre" },
        },
      ],
    });
    expect(rows.filter((r) => r.operation === "CREATE").map((r) => [r.person_id, r.data_classes])).toEqual([
      [uuidOf(personId), ["MEASURES"]],
    ]);
    // Handed the written decision the next day: a second notice.
    const written = await notify(imposition.id, { notifiedOn: addDays(TODAY, -8), method: "WRITTEN" }, dg());
    expect(written.decision?.notifications.map((n) => n.method)).toEqual(["ORAL", "WRITTEN"]);
    const queue = (await notificationQueue(dg())).map((d) => d.id);
    expect(queue).not.toContain(imposition.id);
    expect(queue).toContain(prolongation.id);
    expect((await notify(prolongation.id, {}, client("prison-ittre.director"))).userErrors).toEqual([]);
    expect((await notificationQueue(dg())).map((d) => d.id)).not.toContain(prolongation.id);
  });

  it("refuses a notice before the decision, in the future, without reasons, or of a rejection", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      expect((await notify(placement.id, { notifiedOn: addDays(TODAY, -7) })).userErrors).toEqual([
        {
          field: "notifiedOn",
          message: `must not be before the decision (${addDays(TODAY, -6)})`,
          code: "INVALID",
        },
      ]);
      expect((await notify(placement.id, { notifiedOn: addDays(TODAY, 1) })).userErrors).toEqual([
        { field: "notifiedOn", message: "must not be in the future", code: "INVALID" },
      ]);
      expect((await notify(placement.id, { reasonsGiven: " " })).userErrors).toEqual([
        {
          field: "reasonsGiven",
          message: "say what reasons the inmate was given (a summary where they are classified)",
          code: "INVALID",
        },
      ]);
      expect((await notify(rejection.id, {}, dg())).userErrors).toEqual([
        {
          field: "decisionId",
          message: "a rejected recommendation changes nothing for the inmate: there is nothing to notify",
          code: "RULE_VIOLATION",
        },
      ]);
      expect((await notify(UNKNOWN("Decision"))).userErrors).toEqual([
        { field: "decisionId", message: "no decision with this ID", code: "NOT_FOUND" },
      ]);
    });
  });

  it("is recorded by the inmate's prison and the Director General only", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      expect((await notify(placement.id, {}, client("prison-hasselt.director"))).userErrors).toEqual([
        { field: "decisionId", message: "no decision with this ID", code: "NOT_FOUND" },
      ]);
      for (const account of ["celex.analyst", "psd-ittre.psychologist", "police.officer"] as const) {
        const res = await client(account).request(NOTIFY, {
          input: { decisionId: placement.id, notifiedOn: TODAY, method: "ORAL", reasonsGiven: "Told." },
        });
        expect(res.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
      }
    });
  });
});

describe("appeals", () => {
  let decision: Decision;
  const APPEAL = `mutation($input: AppealRecordInput!) { appealRecord(input: $input) {
    decision { id appeals { id body lodgedOn grounds outcome outcomeOn outcomeSummary answerDueOn version } }
    userErrors { field message code } } }`;
  const ANSWER = `mutation($input: AppealAnswerInput!) { appealAnswer(input: $input) {
    decision { id appeals { id outcome outcomeOn outcomeSummary version } }
    userErrors { field message code } } }`;
  interface Appeal {
    id: string;
    body: string;
    lodgedOn: string;
    grounds: string | null;
    outcome: string | null;
    outcomeOn: string | null;
    outcomeSummary: string | null;
    answerDueOn: string | null;
    version: number;
  }
  interface AppealPayload {
    decision: { id: string; appeals: Appeal[] } | null;
    userErrors: UserErrorShape[];
  }
  const appeal = async (input: Record<string, unknown>, who = officer()) =>
    (
      await who.data<{ appealRecord: AppealPayload }>(APPEAL, {
        input: { decisionId: decision.id, ...input },
      })
    ).appealRecord;
  const answer = async (input: Record<string, unknown>, who = client("prison-ittre.director")) =>
    (
      await who.data<{ appealAnswer: AppealPayload }>(ANSWER, {
        input: { outcome: "DISMISSED", summary: "Fictional: dismissed on its merits.", ...input },
      })
    ).appealAnswer;
  const appealQueue = async (who: GraphQLClient) =>
    (
      await who.data<{
        appealQueue: { id: string; body: string; answerDueOn: string | null; decision: { id: string } }[];
      }>("{ appealQueue { id body answerDueOn decision { id } } }")
    ).appealQueue;

  let commission: Appeal;
  let court: Appeal;

  beforeAll(async () => {
    decision = (
      await imposeRegime(await inmate("Appela"), addDays(TODAY, -20), addDays(TODAY, 10), addDays(TODAY, 5))
    ).decision;
  });

  it("refuses an appeal lodged before the decision or in the future", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      expect((await appeal({ body: "COURT", lodgedOn: addDays(TODAY, -21) })).userErrors).toEqual([
        {
          field: "lodgedOn",
          message: `must not be before the decision (${addDays(TODAY, -20)})`,
          code: "INVALID",
        },
      ]);
      expect((await appeal({ body: "COURT", lodgedOn: addDays(TODAY, 1) })).userErrors).toEqual([
        { field: "lodgedOn", message: "must not be in the future", code: "INVALID" },
      ]);
      const res = await client("celex.analyst").request(APPEAL, {
        input: { decisionId: decision.id, body: "COURT", lodgedOn: TODAY },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });
  });

  it("records appeals with the day an answer is due: 14 days for the commissions, none for a court", async () => {
    const first = await appeal({
      body: "COMPLAINTS_COMMISSION",
      lodgedOn: addDays(TODAY, -18),
      grounds: "Fictional grounds.",
    });
    expect(first.userErrors).toEqual([]);
    commission = first.decision?.appeals[0] as Appeal;
    expect(commission).toMatchObject({
      body: "COMPLAINTS_COMMISSION",
      lodgedOn: addDays(TODAY, -18),
      grounds: "Fictional grounds.",
      outcome: null,
      answerDueOn: addDays(TODAY, -4),
      version: 1,
    });
    const second = await appeal({ body: "COURT", lodgedOn: addDays(TODAY, -3) }, dg());
    court = second.decision?.appeals[1] as Appeal;
    expect(court).toMatchObject({ body: "COURT", answerDueOn: null, grounds: null });
    const queue = (await appealQueue(client("prison-ittre.director"))).filter(
      (a) => a.decision.id === decision.id,
    );
    expect(queue).toEqual([
      {
        id: commission.id,
        body: "COMPLAINTS_COMMISSION",
        answerDueOn: addDays(TODAY, -4),
        decision: { id: decision.id },
      },
      { id: court.id, body: "COURT", answerDueOn: null, decision: { id: decision.id } },
    ]);
  });

  it("answers an appeal once, not before it was lodged", async () => {
    await expectNothingWritten(app, TABLES, async () => {
      expect((await answer({ appealId: commission.id, decidedOn: addDays(TODAY, -19) })).userErrors).toEqual([
        {
          field: "decidedOn",
          message: `must not be before the appeal was lodged (${addDays(TODAY, -18)})`,
          code: "INVALID",
        },
      ]);
      expect((await answer({ appealId: commission.id, decidedOn: TODAY, summary: "" })).userErrors).toEqual([
        { field: "summary", message: "summarise the answer", code: "INVALID" },
      ]);
      expect((await answer({ appealId: UNKNOWN("Appeal"), decidedOn: TODAY })).userErrors).toEqual([
        { field: "appealId", message: "no appeal with this ID", code: "NOT_FOUND" },
      ]);
      expect(
        (await answer({ appealId: commission.id, decidedOn: TODAY }, client("prison-hasselt.director")))
          .userErrors,
      ).toEqual([{ field: "appealId", message: "no appeal with this ID", code: "NOT_FOUND" }]);
    });
    const res = await answer({
      appealId: commission.id,
      decidedOn: addDays(TODAY, -5),
      outcome: "PARTLY_UPHELD",
    });
    expect(res.userErrors).toEqual([]);
    expect(res.decision?.appeals[0]).toEqual({
      id: commission.id,
      outcome: "PARTLY_UPHELD",
      outcomeOn: addDays(TODAY, -5),
      outcomeSummary: "Fictional: dismissed on its merits.",
      version: 2,
    });
    await expectNothingWritten(app, TABLES, async () => {
      expect((await answer({ appealId: commission.id, decidedOn: TODAY }, dg())).userErrors).toEqual([
        { field: "appealId", message: "this appeal has already been answered", code: "CONFLICT" },
      ]);
    });
    const queue = (await appealQueue(dg())).map((a) => a.id);
    expect(queue).not.toContain(commission.id);
    expect(queue).toContain(court.id);
  });
});

describe("who sees the queues", () => {
  let personId: string;
  let decisionId: string;
  let recommendationId: string;

  beforeAll(async () => {
    personId = await inmate("Queuesight");
    decisionId = (await imposeRegime(personId, addDays(TODAY, -5), addDays(TODAY, 20), addDays(TODAY, 10)))
      .decision.id;
    await officer().data(
      `mutation($input: AppealRecordInput!) { appealRecord(input: $input) { userErrors { message } } }`,
      { input: { decisionId, body: "APPEAL_COMMISSION", lodgedOn: addDays(TODAY, -2) } },
    );
    const rec = await celex().data<{ recommendationWrite: { recommendation: { id: string } } }>(
      `mutation($input: RecommendationWriteInput!) { recommendationWrite(input: $input) { recommendation { id } } }`,
      {
        input: {
          personId,
          kind: "TRANSFER",
          establishmentId: at.establishment("HAS"),
          rationale: "Fictional.",
          recommendedOn: TODAY,
        },
      },
    );
    recommendationId = rec.recommendationWrite.recommendation.id;
  });

  const QUEUES = `{ notificationQueue { id person { id } } appealQueue { id decision { person { id } } }
    recommendationInbox { id person { id } } }`;
  interface Queues {
    notificationQueue: { id: string; person: { id: string } }[];
    appealQueue: { id: string; decision: { person: { id: string } } }[];
    recommendationInbox: { id: string; person: { id: string } }[];
  }

  it("shows an Ittre inmate's items to Ittre and the Director General, not to Hasselt or the police", async () => {
    for (const account of ["prison-ittre.director", "prison-ittre.officer", "dgepi.director"] as const) {
      const q = await client(account).data<Queues>(QUEUES);
      expect(
        q.notificationQueue.map((d) => d.id),
        account,
      ).toContain(decisionId);
      expect(
        q.appealQueue.map((a) => a.decision.person.id),
        account,
      ).toContain(personId);
      expect(
        q.recommendationInbox.map((r) => r.id),
        account,
      ).toContain(recommendationId);
    }
    const appealId = (await dg().data<Queues>(QUEUES)).appealQueue.find(
      (a) => a.decision.person.id === personId,
    )?.id as string;
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    expect(
      (await client("prison-ittre.officer").data<{ node: unknown }>(NODE, { id: appealId })).node,
    ).toEqual({
      id: appealId,
    });
    for (const account of ["prison-hasselt.director", "police.officer"] as const) {
      for (const id of [appealId, decisionId])
        expect((await client(account).data<{ node: unknown }>(NODE, { id })).node, account).toBeNull();
      const q = await client(account).data<Queues>(QUEUES);
      expect(
        q.notificationQueue.map((d) => d.person.id),
        account,
      ).not.toContain(personId);
      expect(
        q.appealQueue.map((a) => a.decision.person.id),
        account,
      ).not.toContain(personId);
      expect(
        q.recommendationInbox.map((r) => r.person.id),
        account,
      ).not.toContain(personId);
      const node = await client(account).data<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, {
        id: recommendationId,
      });
      expect(node.node, account).toBeNull();
    }
  });

  it("audits each queue read as a MEASURES read of every person returned", async () => {
    for (const [query, field] of [
      ["{ notificationQueue { id person { id } } }", "notificationQueue"],
      ["{ appealQueue { id decision { person { id } } } }", "appealQueue"],
      ["{ recommendationInbox { id person { id } } }", "recommendationInbox"],
    ] as const) {
      let returned: string[] = [];
      const rows = await audited(app, async () => {
        const data =
          await dg().data<
            Record<string, { person?: { id: string }; decision?: { person: { id: string } } }[]>
          >(query);
        returned = (data[field] ?? []).map((x) => uuidOf((x.person ?? x.decision?.person)?.id as string));
      });
      expect(returned, field).toContain(uuidOf(personId));
      const reads = rows.filter((r) => r.operation === "READ");
      expect(new Set(reads.map((r) => r.person_id)), field).toEqual(new Set(returned));
      expect(
        reads.every((r) => r.data_classes.includes("MEASURES")),
        field,
      ).toBe(true);
    }
  });
});
