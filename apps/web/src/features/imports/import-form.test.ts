import { describe, expect, it } from "vitest";
import { problemsFromUserErrors } from "../forms/problems";
import { checkImportForm, type ImportFormValues, importFieldOf } from "./import-form";

const filled: ImportFormValues = {
  recordType: "PERSON",
  format: "CSV",
  sourceSystem: "SIDIS-SUITE",
  fileName: "persons.csv",
};

describe("checkImportForm", () => {
  it("accepts a filled form", () => {
    expect(checkImportForm(filled)).toEqual([]);
  });
  it("asks for every field, within the API's limits", () => {
    expect(checkImportForm({ recordType: "", format: "", sourceSystem: "  ", fileName: null })).toEqual([
      { field: "recordType", key: "chooseOne" },
      { field: "format", key: "chooseOne" },
      { field: "sourceSystem", key: "required" },
      { field: "file", key: "required" },
    ]);
    expect(
      checkImportForm({ ...filled, sourceSystem: "x".repeat(101), fileName: `${"f".repeat(197)}.csv` }),
    ).toEqual([
      { field: "sourceSystem", key: "tooLong", values: { max: 100 } },
      { field: "file", key: "tooLong", values: { max: 200 } },
    ]);
  });
});

describe("importFieldOf", () => {
  it("puts the API's errors next to the fields, the file's name and content on the file", () => {
    const problems = problemsFromUserErrors(
      [
        { field: "sourceSystem", message: "too long", code: "INVALID" },
        { field: "content", message: "the header lacks familyName", code: "INVALID" },
        { field: "fileName", message: "empty", code: "INVALID" },
        { field: "importJobId", message: "not receiving", code: "CONFLICT" },
        { field: null, message: "not allowed", code: "RULE_VIOLATION" },
      ],
      importFieldOf,
    );
    expect(problems.map((p) => [p.field, p.key])).toEqual([
      ["sourceSystem", "INVALID"],
      ["file", "INVALID"],
      ["file", "INVALID"],
      ["", "CONFLICT"],
      ["", "RULE_VIOLATION"],
    ]);
  });
});
