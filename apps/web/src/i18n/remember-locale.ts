import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, type Locale } from "./routing";

/**
 * Remembers the portal language in this browser for a year (read by `/` and by next-intl), so it
 * survives logging out. The user's stored preference on the API is the source of truth at login.
 */
export function rememberLocale(locale: Locale): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every supported browser.
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
}
