import { incidentSchema } from "@continuum/domain";
import { requireAction, requireFeed } from "../../access/policy.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import { insertIncident } from "./incident.repository.js";
import type { IncidentRecordInput } from "./incident.type.js";

/**
 * Prison staff record an incident of one of their inmates, and whether it was ideologically
 * motivated. The person must have been held in the actor's establishment that day.
 */
export function recordIncident(
  ctx: RequestContext,
  input: IncidentRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "INCIDENT_RECORD");
  return runMutation(ctx, async (tx) => {
    const incident = parseInput(incidentSchema, {
      occurredOn: input.occurredOn,
      kind: input.kind,
      ideological: input.ideological,
      description: input.description,
    });
    if (incident.occurredOn > ctx.today) reject("occurredOn", "must not be in the future");
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "OBSERVATIONS");
    const personId = visible.person.id;
    const placement = (await ctx.loaders.placementsOfPerson.load(personId)).find(
      (p) => p.validFrom <= incident.occurredOn && (p.validTo === null || p.validTo > incident.occurredOn),
    );
    if (placement === undefined || placement.establishmentId !== actor.establishmentId)
      return reject(
        "occurredOn",
        "the person was not held in your establishment that day",
        UserErrorCode.RULE_VIOLATION,
      );
    const id = newId();
    await insertIncident(tx, {
      id,
      personId,
      establishmentId: placement.establishmentId,
      ...incident,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: ["OBSERVATIONS"],
      details: {
        mutation: "incidentRecord",
        incidentId: id,
        kind: incident.kind,
        ideological: incident.ideological,
      },
    });
    return { personId, recordId: id };
  });
}
