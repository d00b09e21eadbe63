import { describe, expect, it } from "vitest";
import {
  answerFieldOf,
  answerInput,
  appealInput,
  checkAnswerForm,
  checkAppealForm,
  checkEvaluationForm,
  checkNotifyForm,
  emptyAnswer,
  emptyAppeal,
  emptyEvaluation,
  evaluationInput,
  initialNotice,
  notifyFieldOf,
  notifyInput,
} from "./notice-forms";

const TODAY = "2026-11-27";
const keys = (problems: { field: string; key: string }[]) => problems.map((p) => `${p.field}:${p.key}`);

describe("how the inmate was told", () => {
  it("proposes the decision's reasons, or nothing when they are classified", () => {
    expect(initialNotice({ reasons: "Found a phone.", reasonsClassified: false }, TODAY)).toEqual({
      notifiedOn: TODAY,
      method: null,
      reasonsGiven: "Found a phone.",
      interpreter: false,
    });
    expect(initialNotice({ reasons: "Secret.", reasonsClassified: true }, TODAY).reasonsGiven).toBe("");
  });

  it("needs a day from the decision to today, a method and the reasons given", () => {
    const values = initialNotice({ reasons: "R", reasonsClassified: true }, TODAY);
    expect(keys(checkNotifyForm(values, "2026-11-20", TODAY))).toEqual([
      "method:chooseOne",
      "reasonsGiven:required",
    ]);
    expect(keys(checkNotifyForm({ ...values, notifiedOn: "2026-11-19" }, "2026-11-20", TODAY))[0]).toBe(
      "notifiedOn:notBefore",
    );
    expect(keys(checkNotifyForm({ ...values, notifiedOn: "2026-11-28" }, "2026-11-20", TODAY))[0]).toBe(
      "notifiedOn:notInFuture",
    );
    const ok = { ...values, method: "ORAL" as const, reasonsGiven: " Summary. ", interpreter: true };
    expect(checkNotifyForm(ok, "2026-11-20", TODAY)).toEqual([]);
    expect(notifyInput("D1", ok)).toEqual({
      decisionId: "D1",
      notifiedOn: TODAY,
      method: "ORAL",
      reasonsGiven: "Summary.",
      interpreter: true,
    });
    expect(notifyFieldOf("reasonsGiven")).toBe("reasonsGiven");
    expect(notifyFieldOf("decisionId")).toBeNull();
  });
});

describe("appeals and their answers", () => {
  it("record where and when an appeal was lodged; the grounds may wait", () => {
    expect(keys(checkAppealForm(emptyAppeal(TODAY), "2026-11-20", TODAY))).toEqual(["body:chooseOne"]);
    const values = { ...emptyAppeal(TODAY), body: "COMPLAINTS_COMMISSION" as const, grounds: "  " };
    expect(appealInput("D1", values)).toEqual({
      decisionId: "D1",
      body: "COMPLAINTS_COMMISSION",
      lodgedOn: TODAY,
      grounds: null,
    });
  });

  it("answer once, not before the appeal was lodged, with what was decided", () => {
    expect(keys(checkAnswerForm(emptyAnswer(TODAY), "2026-11-25", TODAY))).toEqual([
      "outcome:chooseOne",
      "summary:required",
    ]);
    const values = { outcome: "DISMISSED" as const, decidedOn: "2026-11-24", summary: "No grounds." };
    expect(keys(checkAnswerForm(values, "2026-11-25", TODAY))).toEqual(["decidedOn:notBefore"]);
    expect(answerInput("A1", { ...values, decidedOn: TODAY })).toEqual({
      appealId: "A1",
      outcome: "DISMISSED",
      decidedOn: TODAY,
      summary: "No grounds.",
    });
    expect(answerFieldOf("outcome")).toBe("outcome");
  });
});

describe("periodic evaluations", () => {
  it("fall on a day the measure was in force, with an advice and a summary", () => {
    expect(keys(checkEvaluationForm(emptyEvaluation(TODAY), "2026-11-01", TODAY))).toEqual([
      "advice:chooseOne",
      "summary:required",
    ]);
    expect(
      keys(
        checkEvaluationForm({ evaluatedOn: "2026-10-31", advice: "EASE", summary: "x" }, "2026-11-01", TODAY),
      ),
    ).toEqual(["evaluatedOn:notBefore"]);
    expect(evaluationInput("M1", { evaluatedOn: TODAY, advice: "LIFT", summary: " Calm. " })).toEqual({
      measureId: "M1",
      evaluatedOn: TODAY,
      advice: "LIFT",
      summary: "Calm.",
    });
  });
});
