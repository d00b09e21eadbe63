import {
  accessTo,
  breakGlassAccess,
  type CaseAction,
  type CaseStage,
  caseStageOf,
  type DataClass,
  isAdministrator,
  isAuditReviewer,
  isDataProtectionOfficer,
  isVisible,
  mayFeed,
  mayPerform,
  NO_ACCESS,
  type PersonAccess,
  type PersonFacts,
  type StageVisibility,
  TIER_ORDER,
  visibilityOf,
} from "@continuum/domain";
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import type { RequestContext } from "../graphql/context.js";
import { forbidden, unauthenticated } from "../graphql/errors.js";
import type { PersonSummaryRecord, VisiblePerson } from "../modules/persons/person.repository.js";
import { type CaseFactsRow, caseFacts } from "./break-glass.repository.js";

/**
 * The policy enforcement point. Every service asks here: who is acting, which persons and data
 * classes exist for them, and whether they may make a change. The rules themselves are pure
 * functions in packages/domain (access.ts, access-matrix.ts = docs/access.md); this file only
 * applies them to a request. Postgres row-level security applies the same rules underneath.
 */

export function requireActor(ctx: Pick<RequestContext, "actor">): Actor {
  const actor = ctx.actor;
  if (actor === null) throw unauthenticated();
  if (!actor.mfaSatisfied)
    throw unauthenticated("Enter the code of your authenticator app to finish logging in.");
  return actor;
}

/** Personal data opens only once the actor has stated why (for the session, or when the token was issued). */
export function requirePurpose(ctx: Pick<RequestContext, "actor">): Actor {
  const actor = requireActor(ctx);
  if (actor.secondFactorMissing)
    throw forbidden(
      "Your account reads intelligence or clinical data: enrol an authenticator app first (totpEnroll).",
      {
        reason: "SECOND_FACTOR_REQUIRED",
      },
    );
  if (actor.purpose === null)
    throw forbidden("State the purpose of this session (sessionPurposeSet) before opening personal data.", {
      reason: "PURPOSE_REQUIRED",
    });
  return actor;
}

export function requireAction(ctx: Pick<RequestContext, "actor">, action: CaseAction): Actor {
  const actor = requirePurpose(ctx);
  requireWriteScope(actor);
  if (!mayPerform(actor, action)) throw forbidden(`Your agency and role may not perform ${action}.`);
  return actor;
}

export function requireWriteScope(actor: Actor): void {
  if (!actor.scopes.includes("WRITE")) throw forbidden("This API token may only read.");
}

export function requireAdministrator(ctx: Pick<RequestContext, "actor">): Actor {
  const actor = requireActor(ctx);
  if (!isAdministrator(actor)) throw forbidden("Only a platform administrator may do this.");
  return actor;
}

export function requireAuditReviewer(ctx: Pick<RequestContext, "actor">): Actor {
  const actor = requireActor(ctx);
  if (!isAuditReviewer(actor))
    throw forbidden("Only oversight and the data-protection officer read the audit trail.");
  return actor;
}

/** Retention and the export of one person's record: the data-protection officer alone. */
export function requireDataProtectionOfficer(ctx: Pick<RequestContext, "actor">): Actor {
  const actor = requirePurpose(ctx);
  if (!isDataProtectionOfficer(actor)) throw forbidden("Only the data-protection officer may do this.");
  return actor;
}

/** Where a case stands, from the definer-rights look-up that ignores the actor's sight. */
export function factsFromRow(row: CaseFactsRow): PersonFacts {
  return {
    stage: row.stage,
    establishmentId: row.establishment_id,
    releaseJudicialDistrict: row.release_judicial_district as PersonFacts["releaseJudicialDistrict"],
    releaseMunicipality: row.release_municipality,
    enrolledWith: row.enrolled_with,
  };
}

/**
 * The cases among `personIds` that the actor knows of (a hit or more, or a break-the-glass grant),
 * with where each stands; the others are simply absent, as unknown IDs.
 */
export async function knownCases(
  db: Db,
  actor: Actor,
  personIds: readonly string[],
): Promise<CaseFactsRow[]> {
  if (personIds.length === 0) return [];
  return (await caseFacts(db, personIds)).filter(
    (row) =>
      actor.breakGlassPersonIds.includes(row.person_id) ||
      TIER_ORDER[accessTo(actor, factsFromRow(row)).tier] >= TIER_ORDER.HIT,
  );
}

export function factsOf(summary: PersonSummaryRecord): PersonFacts {
  return {
    stage: caseStageOf(summary),
    establishmentId: summary.establishmentId,
    releaseJudicialDistrict: summary.releaseJudicialDistrict,
    releaseMunicipality: summary.releaseMunicipality,
    enrolledWith: summary.enrolledWith,
  };
}

/** What the actor may see of this case: the matrix, or an active break-the-glass grant. */
export function accessFor(actor: Actor | null, summary: PersonSummaryRecord): PersonAccess {
  if (actor === null || !actor.mfaSatisfied) return NO_ACCESS;
  const facts = factsOf(summary);
  const normal = accessTo(actor, facts);
  if (!isVisible(normal) && actor.breakGlassPersonIds.includes(summary.personId))
    return breakGlassAccess(actor, facts.stage);
  return normal;
}

/** The person if the actor may see them (card or more); null otherwise, exactly as for an unknown ID. */
export async function loadVisiblePerson(
  ctx: RequestContext,
  personId: string,
): Promise<VisiblePerson | null> {
  const found = await ctx.loaders.visiblePerson.load(personId);
  return found !== null && isVisible(accessFor(ctx.actor, found.summary)) ? found : null;
}

/** Refuses a change unless the actor feeds that class of this case (consult and feed). */
export function requireFeed(ctx: RequestContext, person: VisiblePerson, dataClass: DataClass): void {
  if (!mayFeed(accessFor(ctx.actor, person.summary), dataClass))
    throw forbidden(`You may consult but not change the ${dataClass.toLowerCase()} data of this person.`);
}

/** What the list queries filter on: the SQL form of the actor's visibility (mirrors the RLS policies). */
export interface ViewerScope {
  stages: Record<CaseStage, StageVisibility>;
  agencyId: string | null;
  establishmentId: string | null;
  judicialDistrict: string | null;
  municipality: string | null;
  breakGlass: { personIds: readonly string[]; classes: Record<CaseStage, DataClass[]> };
}

const STAGES: readonly CaseStage[] = ["IN_PRISON", "RELEASED", "CLOSED"];

export function viewerScope(actor: Actor | null): ViewerScope {
  const none = { places: [], classes: [], detailedClasses: [] };
  const usable = actor?.mfaSatisfied;
  return {
    stages: usable ? visibilityOf(actor) : { IN_PRISON: none, RELEASED: none, CLOSED: none },
    agencyId: actor?.agencyId ?? null,
    establishmentId: actor?.establishmentId ?? null,
    judicialDistrict: actor?.judicialDistrict ?? null,
    municipality: actor?.municipality ?? null,
    breakGlass: {
      personIds: usable ? actor.breakGlassPersonIds : [],
      classes: Object.fromEntries(
        STAGES.map((stage) => [
          stage,
          usable ? (Object.keys(breakGlassAccess(actor, stage).classes) as DataClass[]) : [],
        ]),
      ) as Record<CaseStage, DataClass[]>,
    },
  };
}
