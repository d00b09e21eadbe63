import { isAdministrator } from "@continuum/domain";
import { type AuthChecker, Authorized, Extensions } from "type-graphql";
import type { RequestContext } from "./context.js";
import { forbidden, unauthenticated } from "./errors.js";

/**
 * The access rule of a root field, declared on every query and mutation (a test walks the schema
 * and fails on a root field without one):
 * - PUBLIC: anyone, also anonymous (login, me);
 * - AUTHENTICATED: any logged-in user or valid token; the service then applies the person scope;
 * - WRITE: like AUTHENTICATED, and the token (if any) has the WRITE scope;
 * - ADMIN: platform administrators only.
 */
export type AccessRule = "PUBLIC" | "AUTHENTICATED" | "WRITE" | "ADMIN";

export function Rule(rule: AccessRule): MethodDecorator {
  return (target, key, descriptor) => {
    Extensions({ access: rule })(target, key, descriptor);
    if (rule !== "PUBLIC") Authorized(rule)(target, key, descriptor);
  };
}

export const authChecker: AuthChecker<RequestContext, AccessRule> = ({ context }, rules) => {
  const actor = context.actor;
  if (actor === null) throw unauthenticated();
  if (rules.includes("ADMIN") && !isAdministrator(actor))
    throw forbidden("Only a platform administrator may do this.");
  if (rules.includes("WRITE") && !actor.scopes.includes("WRITE"))
    throw forbidden("This API token may only read.");
  return true;
};
