import type { Language } from "@continuum/domain";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./routing";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The API's Language enum (EN, FR, NL) as a portal locale. */
export function localeOfLanguage(language: Language): Locale {
  return language.toLowerCase() as Locale;
}

/** A portal locale as the API's Language enum. */
export function languageOfLocale(locale: Locale): Language {
  return locale.toUpperCase() as Language;
}

interface WeightedTag {
  tag: string;
  q: number;
  order: number;
}

/** Parses an Accept-Language header into language tags, best first (RFC 9110 quality values). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const tags: WeightedTag[] = [];
  header.split(",").forEach((part, order) => {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = rawTag?.trim().toLowerCase() ?? "";
    if (tag === "" || tag === "*") return;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key?.trim() === "q") {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? parsed : 0;
      }
    }
    if (q > 0) tags.push({ tag, q, order });
  });
  return tags.sort((a, b) => b.q - a.q || a.order - b.order).map((t) => t.tag);
}

/**
 * The locale for a visitor who did not ask for one in the URL: the remembered choice (cookie),
 * else the browser's preferred languages, else English.
 */
export function negotiateLocale(
  cookieValue: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
