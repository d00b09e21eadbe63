import { brusselsEndOfDay, isCalendarDay } from "@/lib/time/brussels";
import { firstParam, hrefWith, type RawSearchParams, readTrail } from "@/lib/url/params";

/**
 * The administration page's state in the URL: `q` (search of the accounts), `uafter` and `tafter`
 * (the cursors of the accounts' and the tokens' previous pages).
 */
export const USERS_PAGE_SIZE = 25;
export const TOKENS_PAGE_SIZE = 25;
export const SEARCH_MAX = 100;

export interface AdminState {
  search: string;
  usersTrail: string[];
  tokensTrail: string[];
}

export function parseAdminState(params: RawSearchParams): AdminState {
  return {
    search: (firstParam(params, "q") ?? "").trim().slice(0, SEARCH_MAX),
    usersTrail: readTrail(params, "uafter"),
    tokensTrail: readTrail(params, "tafter"),
  };
}

export function adminHref(pathname: string, state: AdminState, hash = ""): string {
  const params = new URLSearchParams();
  if (state.search !== "") params.set("q", state.search);
  for (const cursor of state.usersTrail) params.append("uafter", cursor);
  for (const cursor of state.tokensTrail) params.append("tafter", cursor);
  return hrefWith(pathname, params, hash);
}

/** How a token stands now. */
export function tokenStatus(
  token: { revokedAt: string | null; expiresAt: string },
  now: Date = new Date(),
): "REVOKED" | "EXPIRED" | "ACTIVE" {
  if (token.revokedAt !== null) return "REVOKED";
  return Date.parse(token.expiresAt) <= now.getTime() ? "EXPIRED" : "ACTIVE";
}

/** A calendar day (from a date field) as the token's expiry: the end of that day, Belgian time. */
export function expiryFromDay(day: string): string | null {
  return isCalendarDay(day) ? brusselsEndOfDay(day) : null;
}

/** `days` after `now` as a calendar day (the default of the expiry field). */
export function dayAfter(now: Date, days: number): string {
  const date = new Date(now.getTime());
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
