import type { z } from "zod";
import { UserErrorCode, UserInputRejected, userError } from "./user-error.js";

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
