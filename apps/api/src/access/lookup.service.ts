import { accessTo, isVisible, personRegisterSchema, TIER_ORDER } from "@continuum/domain";
import type { RequestContext } from "../graphql/context.js";
import { parseInput } from "../graphql/validate.js";
import type { AgencyRecord } from "../modules/agencies/agency.repository.js";
import { foldName } from "../modules/persons/person.repository.js";
import { caseFacts, personsNamed } from "./break-glass.repository.js";
import { factsFromRow, requirePurpose } from "./policy.js";
import { responsibleAgency } from "./responsibility.js";

const lookupSchema = personRegisterSchema.pick({ familyName: true, givenNames: true, dateOfBirth: true });

export interface LookupOutcome {
  known: boolean;
  /** The person's ID when known, so that the actor can ask for access (break-the-glass). */
  personId: string | null;
  /** Whether the actor already sees the person (then the person can be opened directly). */
  visible: boolean;
  contact: AgencyRecord | null;
}

/**
 * Hit / no-hit: is a person with exactly this name and date of birth known? Answers "known" and
 * whom to contact only where the matrix gives the actor at least a hit for that case; a person the
 * actor may not even know of gives the same answer as nobody. The question and its answer are
 * audited.
 */
export async function lookUpPerson(
  ctx: RequestContext,
  input: { familyName: string; givenNames: string; dateOfBirth: string },
): Promise<LookupOutcome> {
  const actor = requirePurpose(ctx);
  const terms = parseInput(lookupSchema, input);
  const tx = await ctx.tx.get();
  const ids = await personsNamed(tx, foldName(`${terms.familyName} ${terms.givenNames}`), terms.dateOfBirth);
  const facts = ids.length === 0 ? [] : await caseFacts(tx, ids);
  const hits = facts
    .map((row) => ({ row, access: accessTo(actor, factsFromRow(row)) }))
    .filter(({ access }) => TIER_ORDER[access.tier] >= TIER_ORDER.HIT);
  const hit = hits[0];
  const outcome: LookupOutcome =
    hit === undefined
      ? { known: false, personId: null, visible: false, contact: null }
      : {
          known: true,
          personId: hit.row.person_id,
          visible: isVisible(hit.access),
          contact: await responsibleAgency(ctx, hit.row.stage, {
            id: hit.row.person_id,
            releaseJudicialDistrict: hit.row.release_judicial_district,
          }),
        };
  ctx.audit.record({
    operation: "LOOKUP",
    personId: outcome.personId,
    dataClasses: outcome.known ? ["IDENTITY"] : [],
    details: { terms, known: outcome.known },
  });
  return outcome;
}
