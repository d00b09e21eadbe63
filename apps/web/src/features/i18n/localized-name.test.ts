import { describe, expect, it } from "vitest";
import { nameInLocale } from "./localized-name";

describe("a name in the page's language", () => {
  const named = { nameEn: "No contact", nameFr: "Pas de contact", nameNl: "Geen contact" };

  it("follows the locale, and falls back to English", () => {
    expect(["fr", "nl", "en", "de"].map((locale) => nameInLocale(named, locale))).toEqual([
      "Pas de contact",
      "Geen contact",
      "No contact",
      "No contact",
    ]);
  });
});
