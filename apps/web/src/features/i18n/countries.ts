/**
 * An ISO 3166-1 alpha-2 code as a country name in the locale. Null for "XX" (unknown), which the
 * caller shows as "not recorded"; a code the runtime does not know stays as given.
 */
export function countryName(code: string, locale: string): string | null {
  if (code === "XX") return null;
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}
