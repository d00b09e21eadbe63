import { checkScreening, normaliseLabels, screeningRecordSchema } from "@continuum/domain";
import { loadVisiblePerson, requireAction } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode, UserInputRejected, userError } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { latestEpisodeOf } from "../detention/detention.repository.js";
import { lockPerson } from "../persons/person.repository.js";
import { refreshSummaries } from "../persons/person-summary.js";
import type { ScreeningRecordInput } from "./screening.input.js";
import {
  closeListingPeriod,
  insertListingPeriod,
  insertScreening,
  lastListingChangeOn,
  openListingOf,
  type ScreeningRecord,
} from "./screening.repository.js";

const CHANGES_LISTING = new Set(["LISTED", "CHANGED", "DELISTED"]);

export function recordScreening(
  ctx: RequestContext,
  input: ScreeningRecordInput,
): Promise<MutationOutcome<ScreeningRecord>> {
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
    const personUuid = uuidOf(input.personId, "Person");
    const visible = personUuid === null ? null : await loadVisiblePerson(ctx, personUuid);
    if (visible === null) return reject("personId", "no person with this ID", UserErrorCode.NOT_FOUND);
    const personId = visible.person.id;
    await lockPerson(tx, personId);

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

    const labels = normaliseLabels(screening.labels);
    const recorded = await insertScreening(tx, {
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
        screeningId: recorded.id,
        createdBy: actor.userId,
      });
    await refreshSummaries(tx, [personId]);
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: ["LISTING"],
      details: { mutation: "screeningRecord", screeningId: recorded.id, outcome: screening.outcome },
    });
    return recorded;
  });
}
