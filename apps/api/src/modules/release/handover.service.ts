import {
  handOverSchema,
  type JudicialDistrict,
  judicialDistrictOfMunicipality,
  maxDate,
} from "@continuum/domain";
import { requireAction, requireFeed } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { forgetPerson } from "../../graphql/loaders.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { lockCaseForChange } from "../detention/detention.service.js";
import { refreshSummaries } from "../persons/person-summary.js";
import { handOverResponsibilities, insertResidence } from "./handover.repository.js";
import type { CaseHandOverInput } from "./release.input.js";

/**
 * Records where a released person lives from `on` (when `place` is given) and hands the case over:
 * the open responsibilities close that day, the local bodies of the place take it on (the Local
 * Task Force of its district, the Local Cell of its municipality, where they use Continuum) and the
 * bodies that lose the case end their open follow-up measures. The caller
 * refreshes the summary, whose district and municipality follow the latest residence.
 */
export async function moveResidence(
  tx: Tx,
  actor: Actor,
  change: {
    personId: string;
    place: { municipality: string; judicialDistrict: JudicialDistrict } | null;
    on: string;
    reason: string;
  },
): Promise<void> {
  const { personId, place, on, reason } = change;
  if (place !== null)
    await insertResidence(tx, {
      id: newId(),
      personId,
      ...place,
      validFrom: on,
      reason,
      createdBy: actor.userId,
    });
  await handOverResponsibilities(tx, { personId, on, reason });
}

/** Hands a released person over to the local bodies of a new municipality of residence. */
export function handOverCase(
  ctx: RequestContext,
  input: CaseHandOverInput,
): Promise<MutationOutcome<string>> {
  const actor = requireAction(ctx, "HAND_OVER");
  return runMutation(ctx, async (tx) => {
    const change = parseInput(handOverSchema, {
      municipality: input.municipality,
      on: input.on,
      reason: input.reason,
    });
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "FOLLOW_UP");
    const { summary } = visible;
    if (summary.detentionStatus !== "RELEASED" || summary.closedOn !== null || summary.releasedOn === null)
      return reject(
        "personId",
        "only a released person whose case is open can be handed over",
        UserErrorCode.RULE_VIOLATION,
      );
    const district = judicialDistrictOfMunicipality(change.municipality);
    if (district === null)
      return reject("municipality", "is not a municipality Continuum knows", UserErrorCode.NOT_FOUND);
    if (change.municipality === summary.releaseMunicipality)
      reject("municipality", "the person already lives there", UserErrorCode.RULE_VIOLATION);
    if (change.on > ctx.today) reject("on", "must not be in the future");
    const since = (await ctx.loaders.residencesOfPerson.load(visible.person.id))
      .map((r) => r.validFrom)
      .reduce(maxDate, summary.releasedOn);
    if (change.on < since)
      reject("on", `must not be before the current residence began (${since})`, UserErrorCode.RULE_VIOLATION);
    await moveResidence(tx, actor, {
      personId: visible.person.id,
      place: { municipality: change.municipality, judicialDistrict: district },
      on: change.on,
      reason: change.reason,
    });
    await refreshSummaries(tx, [visible.person.id]);
    forgetPerson(ctx.loaders, visible.person.id);
    ctx.audit.record({
      operation: "UPDATE",
      personId: visible.person.id,
      dataClasses: ["RELEASE", "FOLLOW_UP"],
      details: { mutation: "caseHandOver", municipality: change.municipality, on: change.on },
    });
    return visible.person.id;
  });
}
