import { describe, expect, it } from "vitest";
import { languageOfLocale, localeOfLanguage, negotiateLocale, parseAcceptLanguage } from "./locale";

describe("parseAcceptLanguage", () => {
  it("orders tags by quality, then by position", () => {
    expect(parseAcceptLanguage("de-DE, nl-BE;q=0.9, fr;q=0.9, en;q=0.5")).toEqual([
      "de-de",
      "nl-be",
      "fr",
      "en",
    ]);
  });
  it("drops q=0, wildcards and junk", () => {
    expect(parseAcceptLanguage("fr;q=0, *, ;q=1, nl;q=abc, en")).toEqual(["en"]);
  });
  it("reads an absent header as no preference", () => {
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage("")).toEqual([]);
  });
});

describe("negotiateLocale", () => {
  it("prefers the remembered cookie", () => {
    expect(negotiateLocale("nl", "fr-BE,fr;q=0.9")).toBe("nl");
  });
  it("ignores a cookie that is not a portal locale", () => {
    expect(negotiateLocale("de", "fr-BE,fr;q=0.9")).toBe("fr");
  });
  it("takes the first supported browser language, by primary subtag", () => {
    expect(negotiateLocale(undefined, "de-DE,nl-BE;q=0.8,fr;q=0.7")).toBe("nl");
  });
  it("falls back to English", () => {
    expect(negotiateLocale(undefined, "de-DE,es;q=0.5")).toBe("en");
    expect(negotiateLocale(null, null)).toBe("en");
  });
});

describe("locale and API language", () => {
  it("map both ways", () => {
    expect(localeOfLanguage("FR")).toBe("fr");
    expect(languageOfLocale("nl")).toBe("NL");
  });
});
