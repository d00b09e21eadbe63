import type { CaseAction, ImportRecordType } from "@continuum/domain";
import { z } from "zod";
import type { Tx } from "../../../db/client.js";
import type { RequestContext } from "../../../graphql/context.js";
import { UserInputRejected } from "../../../graphql/user-error.js";
import { parseInput } from "../../../graphql/validate.js";

/** How a field is written: JSON values in NDJSON; in CSV, text converted by kind (lists separated by `;`). */
export type FieldKind = "string" | "integer" | "boolean" | "date" | "list";

/** One field of a record format, as documented in docs/import-formats.md. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** true, false, or when it is required (e.g. "unless personReference is given"). */
  required: boolean | string;
  description: string;
  example: string;
}

/** A problem with one line of a file: `line` as the user sees it (a CSV header is line 1). */
export interface LineError {
  line: number;
  field: string;
  reason: string;
}

/** The field name used for a problem with the line as a whole (unreadable JSON, wrong column count). */
export const WHOLE_LINE = "(line)";

/** Where a job's external IDs live: per agency and source system, one namespace per record type. */
export interface JobScope {
  jobId: string;
  agencyId: string;
  sourceSystem: string;
  recordType: ImportRecordType;
}

/** What an external ID stands for once imported. */
export interface ExternalRef {
  recordId: string;
  personId: string;
}

/** The record an applied line created or updated. */
export interface Applied extends ExternalRef {
  /** False when the record already held these values (a re-import of an unchanged line). */
  changed: boolean;
}

/** A rule violated while applying a line: the batch is rolled back and the job stops, naming it. */
export class ApplyRefused extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = "ApplyRefused";
  }
}

/**
 * A record type's import format: its fields, the check of one record's shape (the domain's schema,
 * with the house messages), the check of a set of records against the database (references, codes),
 * and the application of one record through the same service as the one-by-one mutation.
 */
export interface RecordFormat<R> {
  recordType: ImportRecordType;
  /** What the importing account must be allowed to do (mayPerform). */
  action: CaseAction;
  fields: readonly FieldSpec[];
  parse(
    record: Record<string, unknown>,
  ): { value: R; errors: null } | { value: null; errors: FieldProblem[] };
  check(tx: Tx, ctx: RequestContext, scope: JobScope, records: readonly Parsed<R>[]): Promise<LineError[]>;
  apply(ctx: RequestContext, scope: JobScope, value: R, existing: ExternalRef | null): Promise<Applied>;
  /**
   * Records never imported before, applied together (a few statements for the whole batch instead of
   * a few per record), under the same rules as `apply`. Formats whose records depend on each other
   * within a batch (an episode, then its placement) do not have it.
   */
  applyNew?(ctx: RequestContext, scope: JobScope, values: readonly R[]): Promise<Applied[]>;
}

export interface FieldProblem {
  field: string;
  reason: string;
}

export interface Parsed<R> {
  line: number;
  value: R;
}

export const EXTERNAL_ID_MAX_LENGTH = 100;

export const externalIdSchema = z
  .string({ message: "is required" })
  .trim()
  .min(1, { message: "must not be empty" })
  .max(EXTERNAL_ID_MAX_LENGTH, { message: `must be at most ${EXTERNAL_ID_MAX_LENGTH} characters` });

export const codeSchema = z
  .string()
  .trim()
  .min(1, { message: "must not be empty" })
  .max(50, { message: "must be at most 50 characters" });

/** Parses a record with a zod schema and the house messages (parseInput); problems as field/reason pairs. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  record: Record<string, unknown>,
  fields: readonly FieldSpec[],
): { value: z.output<S>; errors: null } | { value: null; errors: FieldProblem[] } {
  const known = new Set(fields.map((f) => f.name));
  const unknown: FieldProblem[] = Object.keys(record)
    .filter((key) => !known.has(key))
    .map((key) => ({ field: key, reason: "is not a field of this record type" }));
  const missing = fields
    .filter((f) => f.required === true && (record[f.name] === undefined || record[f.name] === null))
    .map((f) => f.name);
  const before: FieldProblem[] = [...unknown, ...missing.map((field) => ({ field, reason: "is required" }))];
  try {
    const value = parseInput(schema, record);
    return before.length > 0 ? { value: null, errors: before } : { value, errors: null };
  } catch (error) {
    if (!(error instanceof UserInputRejected)) throw error;
    return {
      value: null,
      errors: [
        ...before,
        ...error.userErrors
          .filter((e) => e.field === null || !missing.includes(e.field))
          .map((e) => ({ field: e.field ?? WHOLE_LINE, reason: e.message })),
      ],
    };
  }
}

/** Turns a CSV cell into the field's value: integers, booleans and `;`-separated lists; empty = absent. */
export function fromCsvCell(kind: FieldKind | undefined, cell: string): unknown {
  const text = cell.trim();
  switch (kind) {
    case "integer":
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case "boolean": {
      const lower = text.toLowerCase();
      return lower === "true" ? true : lower === "false" ? false : text;
    }
    case "list":
      return text
        .split(";")
        .map((item) => item.trim())
        .filter((item) => item !== "");
    default:
      return text;
  }
}

/** The import fields that stand for a mutation's input fields (IDs there, codes and external IDs here). */
export const IMPORT_FIELD_OF: Readonly<Record<string, string>> = {
  establishmentId: "establishmentCode",
  unitId: "unitCode",
  addressedToAgencyId: "addressedToAgencyCode",
  episodeId: "episodeExternalId",
};

/**
 * A mutation's outcome, or the failure of the line when it was refused (its first user error,
 * named by the import's field: `personId` becomes `personField`, an establishment ID its code).
 */
export function outcomeOrRefuse<T>(
  outcome: { result: T | null; userErrors: { field: string | null; message: string }[] },
  personField = "externalId",
): T {
  const [first] = outcome.userErrors;
  if (first !== undefined || outcome.result === null) {
    const field = first?.field ?? null;
    const named =
      field === null ? WHOLE_LINE : field === "personId" ? personField : (IMPORT_FIELD_OF[field] ?? field);
    throw new ApplyRefused(named, first?.message ?? "was refused");
  }
  return outcome.result;
}

/** The person fields of a record that names its person (by the source's ID or by case reference). */
export const personFields: readonly FieldSpec[] = [
  {
    name: "personExternalId",
    kind: "string",
    required: "unless personReference is given",
    description: "The externalId of a PERSON imported earlier from the same source system.",
    example: "PMS-100231",
  },
  {
    name: "personReference",
    kind: "string",
    required: "unless personExternalId is given",
    description: "The person's Continuum case reference (CX-YYYY-NNNN), for a person registered otherwise.",
    example: "CX-2026-5012",
  },
];

/** Exactly one of personExternalId and personReference. */
export function checkPersonNamed(
  value: { personExternalId?: string | undefined; personReference?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  const given = [value.personExternalId, value.personReference].filter((v) => v !== undefined).length;
  if (given !== 1)
    ctx.addIssue({
      code: "custom",
      path: ["personExternalId"],
      message:
        given === 0
          ? "name the person: personExternalId or personReference"
          : "give personExternalId or personReference, not both",
    });
}
