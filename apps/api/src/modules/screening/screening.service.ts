import { checkScreening, normaliseLabels, screeningRecordSchema } from "@continuum/domain";
import { requireAction, requireFeed } from "../../access/policy.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode, UserInputRejected, userError } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { latestEpisodeOf } from "../detention/detention.repository.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import { refreshSummaries } from "../persons/person-summary.js";
import { citedReports } from "../reports/report-reading.js";
import {
  SCREENING_MAX_SOURCE_REPORTS,
  type ScreeningAssignInput,
  type ScreeningRecordInput,
} from "./screening.input.js";
import {
  closeListingPeriod,
  insertListingPeriod,
  insertScreening,
  lastListingChangeOn,
  openListingOf,
} from "./screening.repository.js";
import { insertScreeningAssignment, insertScreeningSources } from "./watchlist.repository.js";

const CHANGES_LISTING = new Set(["LISTED", "CHANGED", "DELISTED"]);

export function recordScreening(
  ctx: RequestContext,
  input: ScreeningRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "SCREENING_RECORD");
  return runMutation(ctx, async (tx) => {
    const screening = parseInput(screeningRecordSchema, {
      screenedOn: input.screenedOn,
      outcome: input.outcome,
      category: input.category ?? null,
      labels: input.labels ?? [],
      sources: input.sources,
      rationale: input.rationale,
      nextDueOn: input.nextDueOn ?? null,
    });
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "LISTING");
    const personId = visible.person.id;

    const episode = await latestEpisodeOf(tx, personId);
    const current = await openListingOf(tx, personId);
    const issues = checkScreening(screening, current, episode, ctx.today);
    if (issues.length > 0)
      throw new UserInputRejected(
        issues.map((i) =>
          userError(
            i.field,
            i.message,
            i.field === "outcome" ? UserErrorCode.RULE_VIOLATION : UserErrorCode.INVALID,
          ),
        ),
      );
    if (episode === null)
      return reject("personId", "the person has no detention episode", UserErrorCode.RULE_VIOLATION);

    if (CHANGES_LISTING.has(screening.outcome)) {
      if (episode.releasedOn !== null)
        reject(
          "outcome",
          "the person is no longer detained: the listing can no longer change",
          UserErrorCode.RULE_VIOLATION,
        );
      const lastChange = await lastListingChangeOn(tx, personId);
      if (lastChange !== null && screening.screenedOn <= lastChange)
        reject(
          "screenedOn",
          `a change of listing must come after the last one (${lastChange})`,
          UserErrorCode.CONFLICT,
        );
    }

    if ((input.sourceReportIds ?? []).length > SCREENING_MAX_SOURCE_REPORTS)
      reject("sourceReportIds", `at most ${SCREENING_MAX_SOURCE_REPORTS} reports`);
    const sourceReportIds = await citedReports(
      ctx,
      actor,
      tx,
      personId,
      input.sourceReportIds ?? [],
      "sourceReportIds",
    );
    const labels = normaliseLabels(screening.labels);
    const screeningId = newId();
    await insertScreening(tx, {
      id: screeningId,
      personId,
      episodeId: episode.id,
      screenedOn: screening.screenedOn,
      outcome: screening.outcome,
      category: screening.outcome === "MAINTAINED" ? (current?.category ?? null) : screening.category,
      labels: screening.outcome === "MAINTAINED" ? (current?.labels ?? []) : labels,
      sources: [...new Set(screening.sources)],
      rationale: screening.rationale,
      nextDueOn: screening.nextDueOn,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });

    if ((screening.outcome === "CHANGED" || screening.outcome === "DELISTED") && current !== null)
      await closeListingPeriod(tx, current.id, screening.screenedOn);
    if ((screening.outcome === "LISTED" || screening.outcome === "CHANGED") && screening.category !== null)
      await insertListingPeriod(tx, {
        personId,
        category: screening.category,
        labels,
        validFrom: screening.screenedOn,
        screeningId,
        createdBy: actor.userId,
      });
    await insertScreeningSources(
      tx,
      sourceReportIds.map((reportId) => ({ screeningId, personId, reportId })),
    );
    await refreshSummaries(tx, [personId]);
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: ["LISTING"],
      details: { mutation: "screeningRecord", screeningId, outcome: screening.outcome, sourceReportIds },
    });
    return { personId, recordId: screeningId };
  });
}

/**
 * Makes a CelEx analyst responsible for the screenings of these persons (the screening queue shows
 * who is). Every person must be one whose listing the actor feeds; all or nothing.
 */
export function assignScreenings(
  ctx: RequestContext,
  input: ScreeningAssignInput,
): Promise<MutationOutcome<string[]>> {
  const actor = requireAction(ctx, "SCREENING_RECORD");
  return runMutation(ctx, async (tx) => {
    if (input.personIds.length === 0 || input.personIds.length > 100)
      reject("personIds", "give 1 to 100 persons");
    const userId = uuidOf(input.userId, "User");
    const assignee = userId === null ? null : await ctx.loaders.user.load(userId);
    const agency = assignee === null ? null : await ctx.loaders.agency.load(assignee.agencyId);
    if (assignee === null || agency === null)
      return reject("userId", "no user with this ID", UserErrorCode.NOT_FOUND);
    // A service account (an integration's API tokens) holds the analyst role but screens nobody.
    if (
      agency.kind !== "CELEX" ||
      !assignee.roles.includes("ANALYST") ||
      assignee.isServiceAccount ||
      assignee.disabledAt !== null
    )
      reject(
        "userId",
        "screenings are the responsibility of an active CelEx analyst",
        UserErrorCode.RULE_VIOLATION,
      );
    // Persons are locked in one order whatever the input's, so that two assignments of the same
    // persons wait for each other instead of deadlocking.
    const inLockOrder = input.personIds
      .map((id, index) => ({ uuid: uuidOf(id, "Person"), index }))
      .sort((a, b) => (a.uuid ?? "").localeCompare(b.uuid ?? ""));
    const personIds: string[] = [];
    for (const { uuid, index } of inLockOrder) {
      const visible = await lockCaseForChange(ctx, tx, uuid, `personIds.${index}`);
      requireFeed(ctx, visible, "LISTING");
      if (personIds.includes(visible.person.id)) reject(`personIds.${index}`, "given twice");
      personIds.push(visible.person.id);
    }
    for (const personId of personIds) {
      await insertScreeningAssignment(tx, {
        id: newId(),
        personId,
        userId: assignee.id,
        assignedBy: actor.userId,
      });
      ctx.audit.record({
        operation: "UPDATE",
        personId,
        dataClasses: ["LISTING"],
        details: { mutation: "screeningAssign", userId: assignee.id },
      });
    }
    await refreshSummaries(tx, personIds);
    return personIds;
  });
}
