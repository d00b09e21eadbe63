import type { AuditEventFilterInput } from "@/gql/graphql";
import { brusselsMidnight, isCalendarDay, nextDay } from "@/lib/time/brussels";
import { firstParam, hrefWith, type RawSearchParams, readToken, readTrail } from "@/lib/url/params";

/**
 * The oversight page's state lives in the URL, like the caseload's:
 *   person=<id> user=<id> op=READ bg=1 from=YYYY-MM-DD to=YYYY-MM-DD   the audit search
 *   after=<cursor>…                                                     the audit results' pages
 *   gafter=<cursor>…                                                    the pending grants' pages
 * Dates are calendar days in Belgian time; `to` includes its day.
 */
export const EVENTS_PAGE_SIZE = 25;
export const GRANTS_PAGE_SIZE = 10;

export interface OversightState {
  personId: string | null;
  userId: string | null;
  operation: string | null;
  breakGlassOnly: boolean;
  from: string | null;
  to: string | null;
  trail: string[];
  grantsTrail: string[];
}

export const EMPTY_OVERSIGHT: OversightState = {
  personId: null,
  userId: null,
  operation: null,
  breakGlassOnly: false,
  from: null,
  to: null,
  trail: [],
  grantsTrail: [],
};

/** Operations the audit trail records (the search also takes others, typed by hand). */
export const KNOWN_OPERATIONS = [
  "READ",
  "SEARCH",
  "LOOKUP",
  "CREATE",
  "UPDATE",
  "LOGIN",
  "LOGIN_FAILED",
  "LOGOUT",
  "PURPOSE_SET",
  "BREAK_GLASS_OPEN",
  "BREAK_GLASS_REVIEW",
  "AUDIT_QUERY",
  "AUDIT_VERIFY",
  "MFA_ENROLLED",
] as const;

export function parseOversightState(params: RawSearchParams): OversightState {
  const operation = firstParam(params, "op")?.trim().toUpperCase() ?? "";
  const from = firstParam(params, "from");
  const to = firstParam(params, "to");
  return {
    personId: readToken(params, "person"),
    userId: readToken(params, "user"),
    operation: /^[A-Z_]{1,40}$/.test(operation) ? operation : null,
    breakGlassOnly: ["1", "true", "on"].includes(firstParam(params, "bg") ?? ""),
    from: isCalendarDay(from) ? from : null,
    to: isCalendarDay(to) ? to : null,
    trail: readTrail(params, "after"),
    grantsTrail: readTrail(params, "gafter"),
  };
}

export function oversightParams(state: OversightState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.personId) params.set("person", state.personId);
  if (state.userId) params.set("user", state.userId);
  if (state.operation) params.set("op", state.operation);
  if (state.breakGlassOnly) params.set("bg", "1");
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  for (const cursor of state.trail) params.append("after", cursor);
  for (const cursor of state.grantsTrail) params.append("gafter", cursor);
  return params;
}

export function oversightHref(pathname: string, state: OversightState, hash = ""): string {
  return hrefWith(pathname, oversightParams(state), hash);
}

export function hasAuditFilter(state: OversightState): boolean {
  return (
    state.personId !== null ||
    state.userId !== null ||
    state.operation !== null ||
    state.breakGlassOnly ||
    state.from !== null ||
    state.to !== null
  );
}

/** The `auditEvents` filter for this state. */
export function toAuditFilter(state: OversightState): AuditEventFilterInput {
  const filter: AuditEventFilterInput = {};
  if (state.personId) filter.personId = state.personId;
  if (state.userId) filter.userId = state.userId;
  if (state.operation) filter.operation = state.operation;
  if (state.breakGlassOnly) filter.breakGlass = true;
  if (state.from) filter.from = brusselsMidnight(state.from);
  if (state.to) filter.to = brusselsMidnight(nextDay(state.to));
  return filter;
}

/** The search changed: back to the first page of results (the grants stay where they were). */
export function withoutTrail(state: OversightState): OversightState {
  return { ...state, trail: [] };
}
