import { accessTo, BREAK_GLASS_HOURS, breakGlassSchema, isVisible } from "@continuum/domain";
import { z } from "zod";
import { newId } from "../db/columns.js";
import type { RequestContext } from "../graphql/context.js";
import { uuidOf } from "../graphql/global-id.js";
import { forgetPerson } from "../graphql/loaders.js";
import { type MutationOutcome, runMutation } from "../graphql/mutation.js";
import { reject, UserErrorCode } from "../graphql/user-error.js";
import { parseInput } from "../graphql/validate.js";
import { caseFacts, insertGrant, reviewGrant } from "./break-glass.repository.js";
import { BREAK_GLASS_VERDICTS } from "./break-glass.table.js";
import { enterActorSession } from "./database-session.js";
import { factsFromRow, requireAuditReviewer, requirePurpose, requireWriteScope } from "./policy.js";

/**
 * Opens a case outside the matrix on a written justification: read-only, for a few hours, flagged
 * in every audit entry, and listed for oversight's review. The grant takes effect at once, in this
 * request too (the database session is described again).
 */
export function openBreakGlass(
  ctx: RequestContext,
  input: { personId: string; justification: string },
): Promise<MutationOutcome<{ grantId: string; personId: string }>> {
  const actor = requirePurpose(ctx);
  requireWriteScope(actor);
  return runMutation(ctx, async (tx) => {
    const { justification } = parseInput(breakGlassSchema, { justification: input.justification });
    const personId = uuidOf(input.personId, "Person");
    const [facts] = personId === null ? [] : await caseFacts(tx, [personId]);
    if (personId === null || facts === undefined)
      return reject("personId", "no person with this ID", UserErrorCode.NOT_FOUND);
    if (isVisible(accessTo(actor, factsFromRow(facts))) || actor.breakGlassPersonIds.includes(personId))
      reject("personId", "you already have access to this case", UserErrorCode.RULE_VIOLATION);
    const grantId = newId();
    await insertGrant(tx, {
      id: grantId,
      userId: actor.userId,
      agencyId: actor.agencyId,
      personId,
      justification,
      expiresAt: new Date(Date.now() + BREAK_GLASS_HOURS * 3_600_000),
    });
    actor.breakGlassPersonIds = [...actor.breakGlassPersonIds, personId];
    await enterActorSession(tx, actor);
    forgetPerson(ctx.loaders, personId);
    ctx.audit.record({
      operation: "BREAK_GLASS_OPEN",
      personId,
      breakGlass: true,
      details: { grantId, justification },
    });
    return { grantId, personId };
  });
}

const reviewSchema = z.object({
  verdict: z.enum(BREAK_GLASS_VERDICTS),
  note: z.string().trim().max(2000, { message: "must be at most 2000 characters" }).nullable(),
});

/** Oversight marks a break-the-glass access as justified or not; the review is itself audited. */
export function reviewBreakGlass(
  ctx: RequestContext,
  input: { grantId: string; verdict: string; note?: string | null },
): Promise<MutationOutcome<string>> {
  const reviewer = requireAuditReviewer(ctx);
  return runMutation(ctx, async (tx) => {
    const review = parseInput(reviewSchema, { verdict: input.verdict, note: input.note?.trim() || null });
    const grantId = uuidOf(input.grantId, "BreakGlassGrant");
    const reviewed =
      grantId === null ? null : await reviewGrant(tx, grantId, { ...review, reviewedBy: reviewer.userId });
    if (reviewed === null)
      return reject(
        "grantId",
        "no break-the-glass access waiting for review with this ID",
        UserErrorCode.NOT_FOUND,
      );
    ctx.audit.record({
      operation: "BREAK_GLASS_REVIEW",
      personId: reviewed.personId,
      details: { grantId: reviewed.id, verdict: review.verdict },
    });
    return reviewed.id;
  });
}
