import type { ImportFormat, ImportRecordType } from "@continuum/domain";
import type { FieldResolver, Problem } from "../forms/problems";

/**
 * The import form's model: its values, the portal's own checks (the API's limits) and where the
 * API's userErrors go. Pure, tested.
 */

/** The API's limits (ImportJobCreateInput). */
export const SOURCE_SYSTEM_MAX = 100;
export const FILE_NAME_MAX = 200;

/** The form's fields, in its order (the error summary lists them so). */
export const IMPORT_FIELDS = ["recordType", "format", "sourceSystem", "file"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportFormValues {
  recordType: ImportRecordType | "";
  format: ImportFormat | "";
  sourceSystem: string;
  /** The chosen file's name, or null when none is chosen. */
  fileName: string | null;
}

export function checkImportForm(values: ImportFormValues): Problem[] {
  const problems: Problem[] = [];
  if (values.recordType === "") problems.push({ field: "recordType", key: "chooseOne" });
  if (values.format === "") problems.push({ field: "format", key: "chooseOne" });
  const source = values.sourceSystem.trim();
  if (source === "") problems.push({ field: "sourceSystem", key: "required" });
  else if (source.length > SOURCE_SYSTEM_MAX)
    problems.push({ field: "sourceSystem", key: "tooLong", values: { max: SOURCE_SYSTEM_MAX } });
  if (values.fileName === null || values.fileName === "") problems.push({ field: "file", key: "required" });
  else if (values.fileName.length > FILE_NAME_MAX)
    problems.push({ field: "file", key: "tooLong", values: { max: FILE_NAME_MAX } });
  return problems;
}

/**
 * Where an error of `importJobCreate`, `importJobAppend` or `importJobStart` goes: the input's
 * own fields, the file's name and content to the file; the job's ID (never typed) to the form.
 */
export const importFieldOf: FieldResolver = (path) => {
  const head = path.replace(/^input\./, "").split(".")[0] ?? "";
  if (head === "recordType" || head === "format" || head === "sourceSystem") return head;
  if (head === "fileName" || head === "content") return "file";
  return null;
};
