import {
  commonDatabaseEntryEndSchema,
  commonDatabaseEntrySchema,
  commonDatabaseReviewDueOn,
  isoDateSchema,
  mayPerform,
} from "@continuum/domain";
import { requireAction, requireFeed, requirePurpose } from "../../access/policy.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { forbidden } from "../../graphql/errors.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import { checkDate, readMeasuresData } from "../measures/measure-reading.js";
import type {
  CommonDatabaseEntryConfirmInput,
  CommonDatabaseEntryEndInput,
  CommonDatabaseEntryRecordInput,
} from "./follow-up.input.js";
import {
  type CommonDatabaseEntryRecord,
  entriesByPersonIds,
  entryById,
  insertEntry,
  openEntries,
  updateOpenEntry,
} from "./follow-up.repository.js";
import { CommonDatabaseEntryType } from "./follow-up.type.js";

function notFuture(ctx: RequestContext, day: string, field: string): void {
  if (day > ctx.today) reject(field, "must not be in the future");
}

/**
 * The threat-analysis body puts a person in the common database, or supersedes the open entry (new
 * category, level or basis): the open entry ends the day the new one starts.
 */
export function recordEntry(
  ctx: RequestContext,
  input: CommonDatabaseEntryRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "COMMON_DATABASE_RECORD");
  return runMutation(ctx, async (tx) => {
    const entry = parseInput(commonDatabaseEntrySchema, {
      category: input.category,
      threatLevel: input.threatLevel,
      basis: input.basis,
      from: input.from,
    });
    notFuture(ctx, entry.from, "from");
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "FOLLOW_UP");
    const personId = visible.person.id;
    const [latest] = await entriesByPersonIds(tx, [personId]);
    if (latest !== undefined && latest.validTo === null) {
      if (entry.from <= latest.validFrom)
        reject(
          "from",
          `must be after the start of the open entry (${latest.validFrom})`,
          UserErrorCode.RULE_VIOLATION,
        );
      if ((await updateOpenEntry(tx, latest, { validTo: entry.from, endReason: "Superseded." })) === null)
        reject("personId", "the open entry changed meanwhile; reload and try again", UserErrorCode.CONFLICT);
    } else if (latest?.validTo != null && entry.from < latest.validTo)
      reject(
        "from",
        `must not be before the end of the last entry (${latest.validTo})`,
        UserErrorCode.RULE_VIOLATION,
      );
    const id = newId();
    await insertEntry(tx, {
      id,
      personId,
      category: entry.category,
      threatLevel: entry.threatLevel,
      basis: entry.basis,
      validFrom: entry.from,
      lastInformationOn: entry.from,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: ["FOLLOW_UP"],
      details: { mutation: "commonDatabaseEntryRecord", entryId: id, superseded: latest?.validTo === null },
    });
    return { personId, recordId: id };
  });
}

/** The open entry named by `globalId`, its case locked and fed by the actor; NOT_FOUND otherwise. */
async function openEntryToChange(
  ctx: RequestContext,
  tx: Tx,
  globalId: string,
  version: number,
): Promise<CommonDatabaseEntryRecord> {
  const id = uuidOf(globalId, "CommonDatabaseEntry");
  const found = id === null ? null : await entryById(tx, id);
  const visible = await lockCaseForChange(
    ctx,
    tx,
    found?.personId ?? null,
    "entryId",
    "no entry with this ID",
  );
  requireFeed(ctx, visible, "FOLLOW_UP");
  const entry = found === null ? null : await entryById(tx, found.id);
  if (entry === null || entry.validTo !== null)
    return reject("entryId", "the entry has ended", UserErrorCode.RULE_VIOLATION);
  if (entry.version !== version)
    reject("version", "the entry changed meanwhile; reload and try again", UserErrorCode.CONFLICT);
  return entry;
}

/** New information confirms an open entry: the review clock restarts from it. */
export function confirmEntry(
  ctx: RequestContext,
  input: CommonDatabaseEntryConfirmInput,
): Promise<MutationOutcome<DetentionChange>> {
  requireAction(ctx, "COMMON_DATABASE_RECORD");
  return runMutation(ctx, async (tx) => {
    const informationOn = parseInput(isoDateSchema, input.informationOn, "informationOn");
    notFuture(ctx, informationOn, "informationOn");
    const entry = await openEntryToChange(ctx, tx, input.entryId, input.version);
    if (informationOn < entry.lastInformationOn)
      reject("informationOn", `must not be before the last information (${entry.lastInformationOn})`);
    if ((await updateOpenEntry(tx, entry, { lastInformationOn: informationOn })) === null)
      reject("version", "the entry changed meanwhile; reload and try again", UserErrorCode.CONFLICT);
    ctx.audit.record({
      operation: "UPDATE",
      personId: entry.personId,
      dataClasses: ["FOLLOW_UP"],
      details: { mutation: "commonDatabaseEntryConfirm", entryId: entry.id, informationOn },
    });
    return { personId: entry.personId, recordId: entry.id };
  });
}

/** Removes a person from the common database (after a review, or when indications lapse). */
export function endEntry(
  ctx: RequestContext,
  input: CommonDatabaseEntryEndInput,
): Promise<MutationOutcome<DetentionChange>> {
  requireAction(ctx, "COMMON_DATABASE_RECORD");
  return runMutation(ctx, async (tx) => {
    const { on, reason } = parseInput(commonDatabaseEntryEndSchema, { on: input.on, reason: input.reason });
    notFuture(ctx, on, "on");
    const entry = await openEntryToChange(ctx, tx, input.entryId, input.version);
    if (on <= entry.validFrom)
      reject("on", `must be after the entry's start (${entry.validFrom})`, UserErrorCode.RULE_VIOLATION);
    if ((await updateOpenEntry(tx, entry, { validTo: on, endReason: reason })) === null)
      reject("version", "the entry changed meanwhile; reload and try again", UserErrorCode.CONFLICT);
    ctx.audit.record({
      operation: "UPDATE",
      personId: entry.personId,
      dataClasses: ["FOLLOW_UP"],
      details: { mutation: "commonDatabaseEntryEnd", entryId: entry.id, on },
    });
    return { personId: entry.personId, recordId: entry.id };
  });
}

/** Open entries whose review falls before `dueBefore`, the most overdue first (the threat-analysis body). */
export async function reviewQueue(
  ctx: RequestContext,
  dueBefore: string,
): Promise<CommonDatabaseEntryType[]> {
  const actor = requirePurpose(ctx);
  if (!mayPerform(actor, "COMMON_DATABASE_RECORD"))
    throw forbidden("Only the threat-analysis body reviews the common database.");
  checkDate(dueBefore, "dueBefore");
  const due = (await openEntries(await ctx.tx.get())).filter((e) => commonDatabaseReviewDueOn(e) < dueBefore);
  const entries = await readMeasuresData(ctx, due, CommonDatabaseEntryType.from, "FOLLOW_UP");
  return entries.sort((a, b) => (a.reviewDueOn < b.reviewDueOn ? -1 : a.reviewDueOn > b.reviewDueOn ? 1 : 0));
}
