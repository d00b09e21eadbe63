import { describe, expect, it } from "vitest";
import {
  fieldDomId,
  fieldsInError,
  hasConflict,
  inputPaths,
  problemsFromUserErrors,
  problemsOf,
  problemsOfPayload,
  shownOnly,
  topLevelFields,
} from "./problems";

describe("userErrors mapped onto a form", () => {
  const resolve = topLevelFields(["screenedOn", "outcome", "sources", "rationale"]);

  it("ties each error to the field of its path's first segment", () => {
    const problems = problemsFromUserErrors(
      [
        { field: "sources.2", message: "is not a source", code: "INVALID" },
        { field: "outcome", message: "the person is not listed", code: "RULE_VIOLATION" },
      ],
      resolve,
    );
    expect(problems).toEqual([
      { field: "sources", key: "INVALID", detail: "is not a source" },
      { field: "outcome", key: "RULE_VIOLATION", detail: "the person is not listed" },
    ]);
  });

  it("gives errors on fields the form does not show to the form as a whole", () => {
    const problems = problemsFromUserErrors(
      [
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
        { field: null, message: "refused", code: "RULE_VIOLATION" },
      ],
      resolve,
    );
    expect(problems.map((p) => p.field)).toEqual(["", ""]);
  });

  it("treats an unknown code as invalid input, and spots conflicts", () => {
    const [odd] = problemsFromUserErrors([{ field: "rationale", message: "?", code: "SOMETHING" }], resolve);
    expect(odd?.key).toBe("INVALID");
    const stale = problemsFromUserErrors(
      [{ field: "expectedVersion", message: "now at version 3", code: "CONFLICT" }],
      resolve,
    );
    expect(hasConflict(stale)).toBe(true);
    expect(hasConflict(problemsFromUserErrors([{ message: "x", code: "INVALID" }], resolve))).toBe(false);
  });

  it("lists the fields in error in the form's order", () => {
    const problems = [
      { field: "rationale", key: "required" as const },
      { field: "", key: "INVALID" as const },
      { field: "outcome", key: "chooseOne" as const },
      { field: "rationale", key: "tooLong" as const },
    ];
    expect(fieldsInError(problems, ["screenedOn", "outcome", "rationale"])).toEqual(["outcome", "rationale"]);
    expect(problemsOf(problems, "rationale")).toHaveLength(2);
  });

  it("makes safe DOM ids from field keys", () => {
    expect(fieldDomId("r1", "rating:BAI-1")).toBe("r1-rating_BAI-1");
    expect(fieldDomId("«r2»", "sources")).toBe("_r2_-sources");
  });

  it("map dotted input paths onto forms whose fields are paths", () => {
    const resolve = inputPaths(["measure.endsOn", "reportIds", "measureTypeId"], {
      measure: "measure.endsOn",
    });
    expect(resolve("measure.endsOn")).toBe("measure.endsOn");
    expect(resolve("reportIds.12")).toBe("reportIds");
    expect(resolve("measure.measureTypeId")).toBe("measureTypeId");
    expect(resolve("measure")).toBe("measure.endsOn");
    expect(resolve("personId")).toBeNull();
    const shown = shownOnly(resolve, ["reportIds"]);
    expect(shown("reportIds.0")).toBe("reportIds");
    expect(shown("measure.endsOn")).toBeNull();
  });
});

describe("problemsOfPayload", () => {
  const fields = topLevelFields(["reasons"]);
  it("answers no problem for a payload without userErrors, the API's problems otherwise", () => {
    expect(problemsOfPayload({ userErrors: [] }, fields)).toEqual([]);
    expect(
      problemsOfPayload(
        { userErrors: [{ field: "reasons", message: "give the reasons", code: "INVALID" }] },
        fields,
      ),
    ).toEqual([{ field: "reasons", key: "INVALID", detail: "give the reasons" }]);
  });

  it("treats a missing payload as a failed request", () => {
    expect(() => problemsOfPayload(null, fields)).toThrow("no answer");
  });
});
