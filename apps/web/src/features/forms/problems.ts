/**
 * What is wrong with a form's input, field by field: the portal's own checks before sending, and
 * the API's `userErrors` (dotted paths inside `input`) mapped onto the form's fields. Pure: the
 * components translate the keys (messages `forms.problems.*`) and tie each problem to its field.
 */

/** Problems the portal finds itself, translated under `forms.problems`. */
export type LocalProblemKey =
  | "required"
  | "chooseOne"
  | "chooseAtLeastOne"
  | "notInFuture"
  | "notBefore"
  | "afterDate"
  | "atMostMonthsAfter"
  | "tooLong"
  | "tooMany"
  | "notRatedReason"
  | "mustRate"
  | "unchanged"
  | "failed"
  | "selectPersons"
  | "notAfter"
  | "untilAtMost"
  | "reviewWithin"
  | "between"
  | "notAllowedToImpose"
  | "notAllowedToProlong"
  | "notAllowedToReview"
  | "alreadyThere"
  | "sameAsRecommended"
  | "measureAsRecommended";

/** The API's userError codes: the generic text for each, followed by the API's own message. */
export type ApiProblemKey = "INVALID" | "NOT_FOUND" | "CONFLICT" | "RULE_VIOLATION" | "RATE_LIMITED";

export type ProblemKey = LocalProblemKey | ApiProblemKey;

export interface Problem {
  /** The form field it concerns (the form's own key); "" for the form as a whole. */
  field: string;
  key: ProblemKey;
  values?: Record<string, string | number>;
  /** The API's message (in English), when the problem came from the API. */
  detail?: string;
}

export interface UserErrorLike {
  field?: string | null;
  message: string;
  code: string;
}

/** Maps an API input path (e.g. `sources.2`, `ratings.3.rating`) to a form field key, or null. */
export type FieldResolver = (path: string) => string | null;

const API_KEYS: readonly ApiProblemKey[] = [
  "INVALID",
  "NOT_FOUND",
  "CONFLICT",
  "RULE_VIOLATION",
  "RATE_LIMITED",
];

function apiKey(code: string): ApiProblemKey {
  return (API_KEYS as readonly string[]).includes(code) ? (code as ApiProblemKey) : "INVALID";
}

/**
 * The API's userErrors as problems of the form's fields; a path the form does not show (the
 * person's ID, say) becomes a problem of the whole form.
 */
export function problemsFromUserErrors(errors: readonly UserErrorLike[], resolve: FieldResolver): Problem[] {
  return errors.map((error) => ({
    field: error.field ? (resolve(error.field) ?? "") : "",
    key: apiKey(error.code),
    detail: error.message,
  }));
}

/**
 * A mutation's payload as problems of the form: none when it was recorded. A missing payload (the
 * mutation answered null) is a failure of the request, thrown for the submission to report.
 */
export function problemsOfPayload(
  payload: { userErrors: readonly UserErrorLike[] } | null | undefined,
  resolve: FieldResolver,
): Problem[] {
  if (!payload) throw new Error("no answer");
  return problemsFromUserErrors(payload.userErrors, resolve);
}

/** A resolver for forms whose fields are the input's top-level fields (`sources.2` → `sources`). */
export function topLevelFields(fields: readonly string[]): FieldResolver {
  return (path) => {
    const head = path.split(".")[0] ?? "";
    return fields.includes(head) ? head : null;
  };
}

/**
 * A resolver for forms whose fields are dotted input paths (`measure.endsOn`): the whole path when
 * the form has it, else the path without its list indexes (`reportIds.3` → `reportIds`), else its
 * last segment (`measure.measureTypeId` → `measureTypeId`); `aliases` name where a path that is
 * not a field of its own should go (`measure` → `measure.endsOn`).
 */
export function inputPaths(fields: readonly string[], aliases: Record<string, string> = {}): FieldResolver {
  return (path) => {
    const withoutIndexes = path
      .split(".")
      .filter((segment) => !/^\d+$/.test(segment))
      .join(".");
    for (const candidate of [path, withoutIndexes, withoutIndexes.split(".").at(-1) ?? ""]) {
      if (fields.includes(candidate)) return candidate;
      const alias = aliases[candidate];
      if (alias !== undefined) return alias;
    }
    return null;
  };
}

/**
 * Only the fields the form shows now (they depend on earlier choices): an error on a field that is
 * not shown goes to the form as a whole, so that the summary never links to nothing.
 */
export function shownOnly(resolve: FieldResolver, shown: readonly string[]): FieldResolver {
  return (path) => {
    const field = resolve(path);
    return field !== null && shown.includes(field) ? field : null;
  };
}

/** The problems of one field. */
export function problemsOf(problems: readonly Problem[], field: string): Problem[] {
  return problems.filter((p) => p.field === field);
}

/** The fields with problems, in the order of `order` (the form's order), then any others. */
export function fieldsInError(problems: readonly Problem[], order: readonly string[]): string[] {
  const fields = new Set(problems.map((p) => p.field).filter((f) => f !== ""));
  return [...order.filter((f) => fields.has(f)), ...[...fields].filter((f) => !order.includes(f))];
}

/** The API refused because the record changed meanwhile (a stale version): the user must reload. */
export function hasConflict(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.key === "CONFLICT");
}

/** A DOM id for a field of a form (`useId()` prefix + field key, made safe for ids and selectors). */
export function fieldDomId(formId: string, field: string): string {
  return `${formId}-${field}`.replace(/[^A-Za-z0-9_-]/g, "_");
}
