import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { formats } from "@/i18n/formats";
import { countryName } from "./countries";
import { dateFromIso } from "./dates";

describe("dateFromIso", () => {
  it("reads a calendar date as UTC midnight", () => {
    expect(dateFromIso("2016-03-04").toISOString()).toBe("2016-03-04T00:00:00.000Z");
  });
  it("refuses anything else", () => {
    expect(() => dateFromIso("04/03/2016")).toThrow(RangeError);
  });
  it("formats the same calendar day in every locale, whatever the time zone", () => {
    const day = dateFromIso("2016-03-04");
    const seen = (["en", "fr", "nl"] as const).map((locale) =>
      createFormatter({ locale, formats, timeZone: "Pacific/Honolulu" }).dateTime(day, "longDate"),
    );
    expect(seen).toEqual(["March 4, 2016", "4 mars 2016", "4 maart 2016"]);
  });
});

describe("countryName", () => {
  it("names countries in the locale", () => {
    expect(countryName("BE", "fr")).toBe("Belgique");
    expect(countryName("MA", "nl")).toBe("Marokko");
  });
  it("returns null for the unknown code XX and leaves odd codes as they are", () => {
    expect(countryName("XX", "en")).toBeNull();
    expect(countryName("be", "en")).toBe("be");
  });
});
