import type { z } from "zod";
import { reject, UserErrorCode, UserInputRejected, userError } from "./user-error.js";

/**
 * Parses a mutation input with its domain schema; every problem becomes a userError naming its field,
 * prefixed with where the parsed part sits in the whole input (e.g. "admission.").
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, fieldPrefix = ""): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new UserInputRejected(
    result.error.issues.map((issue) =>
      userError(
        issue.path.length > 0
          ? `${fieldPrefix}${issue.path.join(".")}`
          : fieldPrefix.replace(/\.$/, "") || null,
        issue.message,
        UserErrorCode.INVALID,
      ),
    ),
  );
}

/**
 * Checks a list of cited records (decoded IDs, null where malformed) against those the actor may
 * cite: each unknown one is NOT_FOUND at `field.index`, each repeat INVALID. Returns the IDs, once each.
 */
export function checkCitedIds(
  ids: readonly (string | null)[],
  citable: ReadonlySet<string>,
  field: string,
  notFound: string,
): string[] {
  const errors = ids.flatMap((id, index) => {
    if (id === null || !citable.has(id))
      return [userError(`${field}.${index}`, notFound, UserErrorCode.NOT_FOUND)];
    return ids.indexOf(id) !== index ? [userError(`${field}.${index}`, "given twice")] : [];
  });
  if (errors.length > 0) throw new UserInputRejected(errors);
  return [...new Set(ids as string[])];
}

/** Refuses a list input longer than a form of this kind ever needs (the field names the list). */
export function checkListSize(list: readonly unknown[], max: number, field: string): void {
  if (list.length > max) reject(field, `must hold at most ${max} items`);
}
