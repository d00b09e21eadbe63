import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "./harness.js";

let app: TestApp;
let at: Places;
let celex: GraphQLClient;
let dg: GraphQLClient;
let ittre: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp();
  celex = await app.login(EMAIL("celex.analyst"));
  dg = await app.login(EMAIL("dgepi.director"));
  ittre = await app.login(EMAIL("prison-ittre.director"));
  at = await places(celex);
});
afterAll(() => app.close());

describe("smoke", () => {
  it("recommendation to decision to notification to review", async () => {
    const { personId } = await admit(celex, at, {
      familyName: "Smokey",
      admittedOn: addDays(TODAY, -60),
      establishment: "ITT",
    });
    const types = await celex.data<{ measureTypes: { id: string; code: string }[] }>(
      "{ measureTypes { id code } }",
    );
    const issr = types.measureTypes.find((t) => t.code === "INDIVIDUAL_SPECIAL_SECURITY_REGIME")!.id;
    const rec = await celex.data<any>(
      `mutation($input: RecommendationWriteInput!) { recommendationWrite(input: $input) { recommendation { id kind } userErrors { field message code } } }`,
      {
        input: {
          personId,
          kind: "SECURITY_MEASURE",
          measureTypeId: issr,
          months: 1,
          terms: "Apart",
          rationale: "Fictional.",
          recommendedOn: addDays(TODAY, -10),
        },
      },
    );
    expect(rec.recommendationWrite.userErrors).toEqual([]);
    const inbox = await dg.data<any>("{ recommendationInbox { id kind person { familyName } } }");
    expect(inbox.recommendationInbox.map((r: any) => r.id)).toContain(
      rec.recommendationWrite.recommendation.id,
    );
    const dec = await dg.data<any>(
      `mutation($input: RecommendationDecideInput!) { recommendationDecide(input: $input) { decision { id kind recommendationOutcome notificationDueOn measure { id status endsOn version } } userErrors { field message code } } }`,
      {
        input: {
          recommendationId: rec.recommendationWrite.recommendation.id,
          outcome: "ACCEPTED",
          reasons: "Fictional reasons.",
          decidedOn: addDays(TODAY, -9),
          effectiveOn: addDays(TODAY, -9),
          measure: { endsOn: addDays(TODAY, 20), nextReviewOn: addDays(TODAY, 10) },
        },
      },
    );
    expect(dec.recommendationDecide.userErrors).toEqual([]);
    const queue = await ittre.data<any>(
      '{ notificationQueue { id } measuresRegister(on: "' + TODAY + '") { id legalBasis status } }',
    );
    expect(queue.notificationQueue.map((d: any) => d.id)).toContain(dec.recommendationDecide.decision.id);
    const notify = await ittre.data<any>(
      `mutation($input: DecisionNotifyInput!) { decisionNotify(input: $input) { decision { notified notifications { method } } userErrors { field message code } } }`,
      {
        input: {
          decisionId: dec.recommendationDecide.decision.id,
          notifiedOn: addDays(TODAY, -8),
          method: "ORAL_AND_WRITTEN",
          reasonsGiven: "Told.",
        },
      },
    );
    expect(notify.decisionNotify.userErrors).toEqual([]);
    const measure = dec.recommendationDecide.decision.measure;
    const review = await dg.data<any>(
      `mutation($input: SecurityMeasureReviewInput!) { securityMeasureReview(input: $input) { decision { id reviewOutcome measure { endsOn version } } userErrors { field message code } } }`,
      {
        input: {
          measureId: measure.id,
          outcome: "PROLONGED",
          reasons: "Fictional.",
          decidedOn: TODAY,
          endsOn: addDays(TODAY, 50),
          nextReviewOn: addDays(TODAY, 25),
          expectedVersion: measure.version,
        },
      },
    );
    expect(review.securityMeasureReview.userErrors).toEqual([]);
    expect(review.securityMeasureReview.decision.measure.endsOn).toBe(addDays(TODAY, 50));
    const dradex = await celex.data<any>(
      `mutation($input: RecommendationWriteInput!) { recommendationWrite(input: $input) { recommendation { id } userErrors { field message code } } }`,
      {
        input: {
          personId,
          kind: "DRADEX_PLACEMENT",
          establishmentId: at.establishment("ITT"),
          unitId: at.unit("ITT-DRX"),
          rationale: "Fictional.",
          recommendedOn: TODAY,
        },
      },
    );
    expect(dradex.recommendationWrite.userErrors).toEqual([]);
    const occ = await dg.data<any>(
      `{ establishments(first: 100) { edges { node { code units { code occupancy(from: "${addDays(TODAY, -60)}", to: "${TODAY}") { on occupied capacity } } } } } listedShareByEstablishment(on: "2020-02-01") { establishment { code } listed population sharePercent } }`,
    );
    expect(occ.listedShareByEstablishment.length).toBeGreaterThanOrEqual(0);
  });
});
