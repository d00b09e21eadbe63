import type { Tx } from "../db/client.js";
import type { RequestContext } from "./context.js";
import { type UserError, UserErrorCode, UserInputRejected, userError } from "./user-error.js";

const CONSTRAINT_MESSAGES: Record<string, { field: string | null; message: string }> = {
  placements_no_overlap: { field: "validFrom", message: "overlaps another placement of this person" },
  listing_periods_no_overlap: {
    field: "screenedOn",
    message: "overlaps another listing period of this person",
  },
  detention_episodes_no_overlap: {
    field: "admittedOn",
    message: "overlaps another detention episode of this person",
  },
  detention_episodes_one_open_idx: {
    field: "personId",
    message: "the person already has an open detention episode",
  },
  placements_one_open_idx: { field: "personId", message: "the person already has an open placement" },
  listing_periods_one_open_idx: { field: "personId", message: "the person already has an open listing" },
  watchlist_entries_no_overlap: {
    field: "validFrom",
    message: "overlaps another entry of this person on the intelligence list",
  },
  watchlist_entries_one_open_idx: {
    field: "personId",
    message: "the person already has an open entry on the intelligence list",
  },
};

export function postgresError(error: unknown): { code?: string; constraint?: string } | null {
  let e: unknown = error;
  for (let depth = 0; depth < 3 && e instanceof Error; depth += 1) {
    const candidate = e as Error & { code?: unknown; constraint?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code))
      return {
        code: candidate.code,
        ...(typeof candidate.constraint === "string" ? { constraint: candidate.constraint } : {}),
      };
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * Unique and exclusion violations that a concurrent change can cause, and a deadlock between two
 * changes, become a CONFLICT user error (the change was not made; reload and try again).
 */
function conflictFromDatabase(error: unknown): UserError | null {
  const pg = postgresError(error);
  if (pg === null || !["23505", "23P01", "40P01"].includes(pg.code as string)) return null;
  const known = pg.constraint === undefined ? undefined : CONSTRAINT_MESSAGES[pg.constraint];
  return userError(
    known?.field ?? null,
    known?.message ?? "conflicts with a record written at the same time; reload and try again",
    UserErrorCode.CONFLICT,
  );
}

export interface MutationOutcome<T> {
  result: T | null;
  userErrors: UserError[];
}

/**
 * Runs a mutation's work in a savepoint of the request's transaction. Rejected input (thrown as
 * UserInputRejected) and write conflicts roll the savepoint back and come out as userErrors, so a
 * refused mutation writes nothing.
 */
export async function runMutation<T>(
  ctx: RequestContext,
  work: (tx: Tx) => Promise<T>,
): Promise<MutationOutcome<T>> {
  try {
    return { result: await ctx.tx.savepoint(work), userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputRejected) return { result: null, userErrors: error.userErrors };
    const conflictError = conflictFromDatabase(error);
    if (conflictError !== null) return { result: null, userErrors: [conflictError] };
    throw error;
  }
}
