import {
  type CaseAction,
  isAdministrator,
  mayPerform,
  type PersonScope,
  personScope,
} from "@continuum/domain";
import type { Actor } from "../auth/actor.js";
import type { RequestContext } from "../graphql/context.js";
import { forbidden, unauthenticated } from "../graphql/errors.js";
import type { VisiblePerson } from "../modules/persons/person.repository.js";

/**
 * The policy enforcement point. Every service asks here: who is acting, which persons exist for
 * them, and whether they may make a change. The rules themselves are pure functions in
 * packages/domain (access.ts); this file only applies them to a request.
 */

export function requireActor(ctx: Pick<RequestContext, "actor">): Actor {
  if (ctx.actor === null) throw unauthenticated();
  return ctx.actor;
}

/** The actor's person scope; anonymous requests see nothing. */
export function scopeOf(actor: Actor | null): PersonScope {
  return actor === null ? { kind: "NONE" } : personScope(actor);
}

export function requireAction(ctx: Pick<RequestContext, "actor">, action: CaseAction): Actor {
  const actor = requireActor(ctx);
  if (!actor.scopes.includes("WRITE")) throw forbidden("This API token may only read.");
  if (!mayPerform(actor, action)) throw forbidden(`Your agency and role may not perform ${action}.`);
  return actor;
}

export function requireAdministrator(ctx: Pick<RequestContext, "actor">): Actor {
  const actor = requireActor(ctx);
  if (!isAdministrator(actor)) throw forbidden("Only a platform administrator may do this.");
  return actor;
}

/** The person if the actor may see them; null otherwise, exactly as for an unknown ID. */
export function loadVisiblePerson(ctx: RequestContext, personId: string): Promise<VisiblePerson | null> {
  return ctx.loaders.visiblePerson.load(personId);
}
