import { isAdministrator, isAuditReviewer } from "@continuum/domain";
import { type AuthChecker, Authorized, Extensions } from "type-graphql";
import type { RequestContext } from "./context.js";
import { forbidden, unauthenticated } from "./errors.js";

/**
 * The access rule of a root field, declared on every query and mutation (a test walks the schema
 * and fails on a root field without one):
 * - PUBLIC: anyone, also anonymous (login, logout, me, the second-factor step);
 * - AUTHENTICATED: any logged-in user or valid token; the service then applies the access matrix;
 * - WRITE: like AUTHENTICATED; kept for readability on mutations, which all need the WRITE scope;
 * - ADMIN: platform administrators only;
 * - REVIEWER: oversight and the data-protection officer (the audit trail);
 * - TOKEN_SELF_SERVICE: a token managing itself (rotation, registering its operations), which
 *   touches no case data, so a READ-only token may do it too.
 * Every other mutation except PUBLIC ones also requires a token's WRITE scope.
 */
export type AccessRule = "PUBLIC" | "AUTHENTICATED" | "WRITE" | "ADMIN" | "REVIEWER" | "TOKEN_SELF_SERVICE";

export function Rule(rule: AccessRule): MethodDecorator {
  return (target, key, descriptor) => {
    Extensions({ access: rule })(target, key, descriptor);
    if (rule !== "PUBLIC") Authorized(rule)(target, key, descriptor);
  };
}

export const authChecker: AuthChecker<RequestContext, AccessRule> = ({ context, info }, rules) => {
  const actor = context.actor;
  if (actor === null) throw unauthenticated();
  if (!actor.mfaSatisfied)
    throw unauthenticated("Enter the code of your authenticator app to finish logging in.");
  if (rules.includes("ADMIN") && !isAdministrator(actor))
    throw forbidden("Only a platform administrator may do this.");
  if (rules.includes("REVIEWER") && !isAuditReviewer(actor))
    throw forbidden("Only oversight and the data-protection officer may do this.");
  if (
    info.parentType.name === "Mutation" &&
    !rules.includes("TOKEN_SELF_SERVICE") &&
    !actor.scopes.includes("WRITE")
  )
    throw forbidden("This API token may only read.");
  return true;
};
