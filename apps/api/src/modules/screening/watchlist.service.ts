import { isoDateSchema, mayReadListFigures, WatchlistStatus } from "@continuum/domain";
import { z } from "zod";
import { requireAction, requireActor, requireFeed } from "../../access/policy.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput, forbidden } from "../../graphql/errors.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { latestEpisodeOf } from "../detention/detention.repository.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import {
  closeWatchlistEntry,
  insertWatchlistEntry,
  type ListingComparisonRow,
  lastWatchlistEndOf,
  listingComparison,
  openWatchlistEntryOf,
} from "./watchlist.repository.js";

const recordSchema = z.object({ status: z.enum(WatchlistStatus), validFrom: isoDateSchema });
const removeSchema = z.object({ validTo: isoDateSchema });

/**
 * Puts a detained person on the intelligence service's list, or changes their status on it, from a
 * date: the open entry (if any) ends that day and a new one starts.
 */
export function recordWatchlistStatus(
  ctx: RequestContext,
  input: { personId: string; status: WatchlistStatus; validFrom: string },
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "WATCHLIST_RECORD");
  return runMutation(ctx, async (tx) => {
    const entry = parseInput(recordSchema, { status: input.status, validFrom: input.validFrom });
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "INTELLIGENCE");
    const personId = visible.person.id;
    if (entry.validFrom > ctx.today) reject("validFrom", "must not be in the future");
    const episode = await latestEpisodeOf(tx, personId);
    if (episode === null || episode.releasedOn !== null)
      reject(
        "personId",
        "the list covers inmates: this person is not detained",
        UserErrorCode.RULE_VIOLATION,
      );
    if (entry.validFrom < episode.admittedOn)
      reject("validFrom", `must be on or after the admission (${episode.admittedOn})`);
    const lastEnd = await lastWatchlistEndOf(tx, personId);
    if (lastEnd !== null && entry.validFrom < lastEnd)
      reject(
        "validFrom",
        `must be on or after the end of the previous entry (${lastEnd})`,
        UserErrorCode.CONFLICT,
      );
    const open = await openWatchlistEntryOf(tx, personId);
    if (open !== null && open.status === entry.status)
      reject("status", "the person is already on the list with this status", UserErrorCode.RULE_VIOLATION);
    if (open !== null && entry.validFrom <= open.validFrom)
      reject(
        "validFrom",
        `must be after the start of the current entry (${open.validFrom})`,
        UserErrorCode.CONFLICT,
      );
    if (open !== null) await closeWatchlistEntry(tx, open.id, entry.validFrom);
    const id = newId();
    await insertWatchlistEntry(tx, {
      id,
      personId,
      status: entry.status,
      validFrom: entry.validFrom,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    ctx.audit.record({
      operation: open === null ? "CREATE" : "UPDATE",
      personId,
      dataClasses: ["INTELLIGENCE"],
      details: { mutation: "watchlistRecord", status: entry.status, validFrom: entry.validFrom },
    });
    return { personId, recordId: id };
  });
}

/** Takes a person off the intelligence service's list from a date (exclusive end). */
export function removeFromWatchlist(
  ctx: RequestContext,
  input: { personId: string; validTo: string },
): Promise<MutationOutcome<DetentionChange>> {
  requireAction(ctx, "WATCHLIST_RECORD");
  return runMutation(ctx, async (tx) => {
    const { validTo } = parseInput(removeSchema, { validTo: input.validTo });
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "INTELLIGENCE");
    const personId = visible.person.id;
    if (validTo > ctx.today) reject("validTo", "must not be in the future");
    const open = await openWatchlistEntryOf(tx, personId);
    if (open === null)
      return reject("personId", "the person is not on the list", UserErrorCode.RULE_VIOLATION);
    if (validTo <= open.validFrom)
      reject("validTo", `must be after the start of the current entry (${open.validFrom})`);
    await closeWatchlistEntry(tx, open.id, validTo);
    ctx.audit.record({
      operation: "UPDATE",
      personId,
      dataClasses: ["INTELLIGENCE"],
      details: { mutation: "watchlistRemove", validTo },
    });
    return { personId, recordId: open.id };
  });
}

/** The two lists' national counts on a date (the paper's Figure 2): numbers only, never who. */
export async function compareLists(ctx: RequestContext, on: string): Promise<ListingComparisonRow> {
  const actor = requireActor(ctx);
  if (!mayReadListFigures(actor))
    throw forbidden(
      "These figures are for those who read both lists for every inmate (CelEx, DG EPI director, intelligence, threat analysis).",
    );
  if (!isoDateSchema.safeParse(on).success) throw badUserInput("not a date", "on");
  ctx.audit.record({ operation: "AGGREGATE", details: { query: "listingComparison", on } });
  return listingComparison(await ctx.tx.get(), on);
}
