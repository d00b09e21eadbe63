import { BREAK_GLASS_HOURS } from "@/lib/limits/limits";

/** The URL parameter that carries a fresh grant's expiry to the case file. */
export const EXPIRY_PARAM = "grantExpires";

/**
 * The expiry of a break-the-glass grant as carried in the URL right after opening it, or null when
 * it is missing, malformed, past, or further away than a grant can last (a hand-made URL). Only
 * shown, never trusted: the API decides access.
 */
export function parseGrantExpiry(raw: unknown, now: Date = new Date()): string | null {
  if (typeof raw !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(raw))
    return null;
  const expires = Date.parse(raw);
  if (Number.isNaN(expires)) return null;
  const remaining = expires - now.getTime();
  return remaining > 0 && remaining <= BREAK_GLASS_HOURS * 3_600_000 + 60_000 ? raw : null;
}

/** The case file's path after a grant, with its expiry for the notice. */
export function caseFileAfterGrant(personId: string, expiresAt: string | null): string {
  const path = `/persons/${encodeURIComponent(personId)}`;
  return expiresAt ? `${path}?${new URLSearchParams({ [EXPIRY_PARAM]: expiresAt }).toString()}` : path;
}
