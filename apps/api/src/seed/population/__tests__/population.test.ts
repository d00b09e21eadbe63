import {
  addDaysToDate,
  addMonthsToDate,
  ageOn,
  daysBetween,
  isIsoDate,
  type LegacyCategory,
  type ListingLabel,
  MUNICIPALITIES,
  releaseDatesOf,
  ScreeningSource,
  screeningDueOn,
  screeningState,
} from "@continuum/domain";
import { describe, expect, it } from "vitest";
import { generatePopulation } from "../generate.js";
import type {
  PopulationPlan,
  SeedEpisode,
  SeedEstablishment,
  SeedListingPeriod,
  SeedPerson,
  SeedPlacement,
} from "../types.js";

/*
 * Every figure here is counted directly on the plan with the small helpers below, written for the
 * test: the generator's own bookkeeping is not used.
 */

const TODAY = "2026-11-27";
const plan: PopulationPlan = generatePopulation(TODAY);
const persons = plan.persons;

// ---------- counting helpers ----------

function covers(from: string, to: string | null, date: string): boolean {
  return from <= date && (to === null || date < to);
}

function episodeOn(p: SeedPerson, date: string): SeedEpisode | null {
  return p.episodes.find((e) => covers(e.admittedOn, e.releasedOn, date)) ?? null;
}

function detainedOn(p: SeedPerson, date: string): boolean {
  return episodeOn(p, date) !== null;
}

function listingOn(p: SeedPerson, date: string): SeedListingPeriod | null {
  return p.listing.find((l) => covers(l.validFrom, l.validTo, date)) ?? null;
}

function listedStock(date: string): SeedPerson[] {
  return persons.filter((p) => detainedOn(p, date) && listingOn(p, date) !== null);
}

function categoryOn(p: SeedPerson, date: string): LegacyCategory {
  const l = listingOn(p, date);
  if (!l) throw new Error(`${p.key} not listed on ${date}`);
  return l.category;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

const establishmentsByKey = new Map<string, SeedEstablishment>(plan.establishments.map((e) => [e.key, e]));
const unitKind = new Map<string, string>(
  plan.establishments.flatMap((e) => e.units.map((u) => [u.key, u.kind])),
);
const dradexUnits = plan.establishments.flatMap((e) =>
  e.units.filter((u) => u.kind === "DRADEX").map((u) => u.key),
);

function placementOn(p: SeedPerson, date: string): SeedPlacement | null {
  for (const e of p.episodes) {
    const found = e.placements.find((pl) => covers(pl.validFrom, pl.validTo, date));
    if (found) return found;
  }
  return null;
}

function inDradexOn(p: SeedPerson, date: string): boolean {
  const pl = placementOn(p, date);
  return pl !== null && pl.unitKey !== null && unitKind.get(pl.unitKey) === "DRADEX";
}

interface Release {
  person: SeedPerson;
  episode: SeedEpisode;
  category: LegacyCategory;
}

/** Releases in [from, to] of persons listed on the day before their release, with that day's category. */
function releasesOfListed(from: string, to: string): Release[] {
  const out: Release[] = [];
  for (const person of persons) {
    for (const episode of person.episodes) {
      const r = episode.releasedOn;
      if (r === null || r < from || r > to) continue;
      const listing = listingOn(person, addDaysToDate(r, -1));
      if (listing) out.push({ person, episode, category: listing.category });
    }
  }
  return out;
}

function monthEnds(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let y = fromYear; y <= toYear; y++)
    for (let m = 1; m <= 12; m++) out.push(addDaysToDate(`${y}-${String(m).padStart(2, "0")}-01`, -1));
  return out;
}

function firstOfMonths(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addMonthsToDate(d, 1)) out.push(d);
  return out;
}

const FLEMISH_DISTRICTS = new Set(["ANTWERP", "LIMBURG", "EAST_FLANDERS", "WEST_FLANDERS", "LEUVEN"]);
const SATELLITES = new Set(["gent", "brugge", "saint-gilles", "andenne", "lantin"]);
const everListed = persons.filter((p) => p.listing.length > 0);

// ---------- exact figures ----------

describe("exact figures from the paper", () => {
  it("listed stock on 2020-02-29 is 177: A 28, B 25, C 77, D 41, E 6", () => {
    const stock = listedStock("2020-02-29");
    expect(stock).toHaveLength(177);
    expect(countBy(stock, (p) => categoryOn(p, "2020-02-29"))).toEqual({ A: 28, B: 25, C: 77, D: 41, E: 6 });
  });

  it("category D listed stock on 2019-04-30 is 68", () => {
    expect(listedStock("2019-04-30").filter((p) => categoryOn(p, "2019-04-30") === "D")).toHaveLength(68);
  });

  it("listed stock on 2020-05-31 is 165, with 9 women and 33 returnees (29 men, 4 women)", () => {
    const stock = listedStock("2020-05-31");
    expect(stock).toHaveLength(165);
    expect(stock.filter((p) => p.sex === "FEMALE")).toHaveLength(9);
    const returnees = stock.filter((p) => p.returnee);
    expect(returnees).toHaveLength(33);
    expect(countBy(returnees, (p) => p.sex)).toEqual({ MALE: 29, FEMALE: 4 });
  });

  it("76 returnees were detained at some time: 63 men, 13 women", () => {
    const returnees = persons.filter((p) => p.returnee && p.episodes.length > 0);
    expect(returnees).toHaveLength(76);
    expect(countBy(returnees, (p) => p.sex)).toEqual({ MALE: 63, FEMALE: 13 });
    expect(persons.filter((p) => p.returnee)).toHaveLength(76);
  });

  it("returnees are mostly category C foreign fighters", () => {
    const returneePeriods = persons.filter((p) => p.returnee).flatMap((p) => p.listing);
    const fighters = returneePeriods.filter(
      (l) => l.category === "C" && l.labels.includes("FOREIGN_FIGHTER"),
    );
    expect(share(fighters.length, returneePeriods.length)).toBeGreaterThan(0.8);
  });

  it("D-Rad:Ex holds 22 on 2018-01-31 and 12 on 2020-02-29, 7 of them returnees", () => {
    const jan = persons.filter((p) => inDradexOn(p, "2018-01-31"));
    expect(jan).toHaveLength(22);
    const feb = persons.filter((p) => inDradexOn(p, "2020-02-29"));
    expect(feb).toHaveLength(12);
    expect(feb.filter((p) => p.returnee)).toHaveLength(7);
    for (const [date, held] of [
      ["2018-01-31", jan],
      ["2020-02-29", feb],
    ] as const) {
      const categories = held.map((p) => categoryOn(p, date));
      expect(
        share(categories.filter((c) => c === "B" || c === "C" || c === "E").length, held.length),
      ).toBeGreaterThan(0.7);
    }
  });

  it("368 listed persons were released from 2014-01-01 to 2020-02-29: A 109, B 64, C 126, D 51, E 18", () => {
    const releases = releasesOfListed("2014-01-01", "2020-02-29");
    expect(releases).toHaveLength(368);
    expect(countBy(releases, (r) => r.category)).toEqual({ A: 109, B: 64, C: 126, D: 51, E: 18 });
  });

  it("of the February 2020 stock, 16 reach the end of their sentence in 2020 and 17 in 2021", () => {
    const years = listedStock("2020-02-29").map((p) =>
      episodeOn(p, "2020-02-29")?.endOfSentenceOn?.slice(0, 4),
    );
    expect(years.filter((y) => y === "2020")).toHaveLength(16);
    expect(years.filter((y) => y === "2021")).toHaveLength(17);
  });

  it("far-right: 5 in the May 2020 stock and 8 among the 368 released; everyone else listed is jihadist", () => {
    expect(listedStock("2020-05-31").filter((p) => p.ideology === "FAR_RIGHT")).toHaveLength(5);
    const released = releasesOfListed("2014-01-01", "2020-02-29");
    expect(released.filter((r) => r.person.ideology === "FAR_RIGHT")).toHaveLength(8);
    for (const p of everListed) expect(["JIHADIST", "FAR_RIGHT"]).toContain(p.ideology);
  });
});

// ---------- soft figures ----------

describe("trends and shares", () => {
  it("the listed stock rises from under 30 in 2014 to a peak over 200 in 2017, then declines", () => {
    expect(listedStock("2014-01-01").length).toBeLessThan(30);
    const peakWindow = monthEnds(2017, 2017).concat(["2018-01-31", "2018-02-28", "2018-03-31"]);
    const peak = Math.max(...peakWindow.map((d) => listedStock(d).length));
    expect(peak).toBeGreaterThanOrEqual(230);
    expect(peak).toBeLessThanOrEqual(245);
    expect(
      Math.min(
        ...monthEnds(2017, 2017)
          .slice(3)
          .map((d) => listedStock(d).length),
      ),
    ).toBeGreaterThan(200);
    const yearEnds = ["2018-12-31", "2019-12-31", "2021-12-31", "2023-12-31"].map(
      (d) => listedStock(d).length,
    );
    expect(listedStock("2018-01-31").length).toBeGreaterThan(yearEnds[0] ?? 0);
    for (let i = 1; i < yearEnds.length; i++) expect(yearEnds[i]).toBeLessThan(yearEnds[i - 1] ?? 0);
    const now = listedStock(TODAY).length;
    expect(now).toBeGreaterThanOrEqual(110);
    expect(now).toBeLessThanOrEqual(150);
  });

  it("210–235 distinct persons were in the listed stock on at least one day of 2019", () => {
    const inYear = everListed.filter((p) =>
      p.listing.some((l) => l.validFrom <= "2019-12-31" && (l.validTo === null || l.validTo > "2019-01-01")),
    );
    expect(inYear.length).toBeGreaterThanOrEqual(210);
    expect(inYear.length).toBeLessThanOrEqual(235);
  });

  it("listed persons are admitted and released every year after 2020", () => {
    for (let year = 2021; year <= 2026; year++) {
      const listings = everListed.filter((p) => p.listing.some((l) => l.validFrom.startsWith(String(year))));
      const releases = releasesOfListed(`${year}-01-01`, `${year}-12-31`);
      expect(listings.length, `new listings in ${year}`).toBeGreaterThan(0);
      expect(releases.length, `releases in ${year}`).toBeGreaterThan(0);
    }
  });

  it("about 4% of the February 2020 stock are women", () => {
    const stock = listedStock("2020-02-29");
    const women = share(stock.filter((p) => p.sex === "FEMALE").length, stock.length);
    expect(women).toBeGreaterThanOrEqual(0.03);
    expect(women).toBeLessThanOrEqual(0.06);
  });

  it("ages on 2019-06-01: about 29% in their twenties and 48% in their thirties", () => {
    const stock = listedStock("2019-06-01");
    const ages = stock.map((p) => ageOn(p.dateOfBirth, "2019-06-01"));
    const twenties = share(ages.filter((a) => a >= 20 && a < 30).length, ages.length);
    const thirties = share(ages.filter((a) => a >= 30 && a < 40).length, ages.length);
    expect(Math.abs(twenties - 0.29)).toBeLessThanOrEqual(0.06);
    expect(Math.abs(thirties - 0.48)).toBeLessThanOrEqual(0.06);
  });

  it("nationalities on 2018-12-31: ~61% Belgian (mostly dual), ~16% Moroccan only, ~7% Algerian only", () => {
    const stock = listedStock("2018-12-31");
    const belgian = stock.filter((p) => p.nationalities.includes("BE"));
    const only = (code: string) =>
      stock.filter((p) => p.nationalities.length === 1 && p.nationalities[0] === code);
    expect(Math.abs(share(belgian.length, stock.length) - 0.61)).toBeLessThanOrEqual(0.06);
    expect(share(belgian.filter((p) => p.nationalities.length > 1).length, belgian.length)).toBeGreaterThan(
      0.5,
    );
    expect(belgian.filter((p) => p.nationalities.includes("MA")).length).toBeGreaterThan(belgian.length / 3);
    expect(Math.abs(share(only("MA").length, stock.length) - 0.16)).toBeLessThanOrEqual(0.06);
    expect(Math.abs(share(only("DZ").length, stock.length) - 0.07)).toBeLessThanOrEqual(0.06);
  });

  it("sentences of the February 2020 stock: ~50% under 10 years, ~20% under 5 years", () => {
    const months = listedStock("2020-02-29")
      .map((p) => episodeOn(p, "2020-02-29")?.sentenceMonths ?? null)
      .filter((m): m is number => m !== null);
    expect(Math.abs(share(months.filter((m) => m < 120).length, months.length) - 0.5)).toBeLessThanOrEqual(
      0.08,
    );
    expect(Math.abs(share(months.filter((m) => m < 60).length, months.length) - 0.2)).toBeLessThanOrEqual(
      0.08,
    );
  });

  it("returnees' sentences: mostly 3–5 years; means about 79 months (men) and 70 (women)", () => {
    const sentences = (sex: string) =>
      persons
        .filter((p) => p.returnee && p.sex === sex)
        .flatMap((p) => p.episodes.map((e) => e.sentenceMonths))
        .filter((m): m is number => m !== null);
    const all = [...sentences("MALE"), ...sentences("FEMALE")];
    expect(share(all.filter((m) => m >= 36 && m <= 60).length, all.length)).toBeGreaterThan(0.5);
    expect(Math.abs(mean(sentences("MALE")) - 79)).toBeLessThanOrEqual(15);
    expect(Math.abs(mean(sentences("FEMALE")) - 70)).toBeLessThanOrEqual(15);
  });

  it("language communities: ~55% FR, ~44% NL, ~1% DE, and held mostly in their own region", () => {
    const counts = countBy(everListed, (p) => p.languageCommunity);
    expect(Math.abs(share(counts.FR ?? 0, everListed.length) - 0.55)).toBeLessThanOrEqual(0.06);
    expect(Math.abs(share(counts.NL ?? 0, everListed.length) - 0.44)).toBeLessThanOrEqual(0.06);
    expect(share(counts.DE ?? 0, everListed.length)).toBeLessThanOrEqual(0.03);
    let mismatched = 0;
    let total = 0;
    for (const p of persons) {
      for (const pl of p.episodes.flatMap((e) => e.placements)) {
        const district = establishmentsByKey.get(pl.establishmentKey)?.judicialDistrict ?? "";
        const flemish = FLEMISH_DISTRICTS.has(district);
        const walloon = !flemish && district !== "BRUSSELS";
        total++;
        if ((p.languageCommunity === "NL" && walloon) || (p.languageCommunity !== "NL" && flemish))
          mismatched++;
      }
    }
    expect(share(mismatched, total)).toBeLessThan(0.1);
  });

  it("listed inmates are held in the satellite prisons first, then dispersed", () => {
    for (const date of ["2015-12-31", "2016-06-30", "2016-12-31"]) {
      const stock = listedStock(date);
      const inSatellites = stock.filter((p) => SATELLITES.has(placementOn(p, date)?.establishmentKey ?? ""));
      expect(share(inSatellites.length, stock.length), date).toBeGreaterThan(0.5);
    }
    const later = listedStock("2019-06-30");
    const keys = later.map((p) => placementOn(p, "2019-06-30")?.establishmentKey ?? "");
    expect(share(keys.filter((k) => SATELLITES.has(k)).length, keys.length)).toBeLessThan(0.5);
    expect(new Set(keys).size).toBeGreaterThanOrEqual(20);
  });

  it("listed inmates are never more than 6% of an establishment's population; Ittre is the highest in 2020", () => {
    const population = new Map(
      plan.populationFigures.map((f) => [`${f.establishmentKey}@${f.on}`, f.population]),
    );
    const shares2020 = new Map<string, number[]>();
    for (const on of firstOfMonths("2014-01-01", TODAY)) {
      const held = countBy(listedStock(on), (p) => placementOn(p, on)?.establishmentKey ?? "none");
      for (const [key, n] of Object.entries(held)) {
        const pop = population.get(`${key}@${on}`);
        expect(pop, `${key} has a figure on ${on}`).toBeDefined();
        const s = share(n, pop ?? 0);
        expect(s, `${key} on ${on}`).toBeLessThanOrEqual(0.06);
        if (on.startsWith("2020")) shares2020.set(key, [...(shares2020.get(key) ?? []), s]);
      }
    }
    const means = [...shares2020.entries()].map(([key, s]) => ({ key, mean: mean(s) }));
    means.sort((a, b) => b.mean - a.mean);
    expect(means[0]?.key).toBe("ittre");
    expect(means[0]?.mean).toBeGreaterThanOrEqual(0.045);
  });
});

// ---------- population figures ----------

describe("population figures", () => {
  const sum = (on: string, field: "population" | "womenPopulation") =>
    plan.populationFigures.filter((f) => f.on === on).reduce((n, f) => n + f[field], 0);

  it("has one figure per open establishment per month from January 2014", () => {
    for (const on of firstOfMonths("2014-01-01", TODAY)) {
      const open = plan.establishments.filter(
        (e) => (e.openedOn === null || e.openedOn <= on) && (e.closedOn === null || on < e.closedOn),
      );
      const keys = plan.populationFigures.filter((f) => f.on === on).map((f) => f.establishmentKey);
      expect(keys.sort(), on).toEqual(open.map((e) => e.key).sort());
    }
    expect(plan.populationFigures.every((f) => f.on.endsWith("-01") && f.on <= TODAY)).toBe(true);
  });

  it("matches the paper in spring 2020 and grows with overcrowding", () => {
    expect(sum("2020-03-01", "population")).toBe(10_825);
    expect(sum("2020-05-01", "population")).toBe(9_634);
    expect(sum("2020-05-01", "womenPopulation")).toBe(427);
    for (const on of firstOfMonths("2014-01-01", "2019-12-01")) {
      expect(sum(on, "population"), on).toBeGreaterThanOrEqual(10_000);
      expect(sum(on, "population"), on).toBeLessThanOrEqual(11_500);
    }
    for (const on of firstOfMonths("2025-06-01", TODAY)) {
      expect(sum(on, "population"), on).toBeGreaterThanOrEqual(12_300);
      expect(sum(on, "population"), on).toBeLessThanOrEqual(13_200);
    }
  });

  it("counts women only where the establishment holds women", () => {
    for (const f of plan.populationFigures) {
      const e = establishmentsByKey.get(f.establishmentKey);
      expect(e).toBeDefined();
      if (!e?.holdsWomen) expect(f.womenPopulation).toBe(0);
      expect(f.womenPopulation).toBeLessThanOrEqual(f.population);
      expect(f.population).toBeGreaterThan(0);
    }
  });
});

// ---------- establishments ----------

describe("establishments", () => {
  it("lists the reference establishments with their units", () => {
    expect(plan.establishments).toHaveLength(35);
    for (const e of plan.establishments) {
      expect(e.units.filter((u) => u.kind === "ORDINARY")).toHaveLength(1);
      expect(e.units.some((u) => u.kind === "WOMEN")).toBe(e.holdsWomen);
      for (const u of e.units) expect(u.key.startsWith(`${e.key}-`)).toBe(true);
    }
    expect(dradexUnits.sort()).toEqual(["hasselt-dradex", "ittre-dradex"]);
    for (const key of ["saint-gilles", "forest", "berkendael"])
      expect(establishmentsByKey.get(key)?.closedOn).toBe("2022-10-01");
    expect(establishmentsByKey.get("haren")?.openedOn).toBe("2022-10-01");
  });
});

// ---------- invariants ----------

describe("invariants", () => {
  it("has 900–1,400 persons, identically on every call", () => {
    expect(persons.length).toBeGreaterThanOrEqual(900);
    expect(persons.length).toBeLessThanOrEqual(1400);
    expect(generatePopulation(TODAY)).toEqual(plan);
  });

  it("keeps the exact figures for another today", () => {
    const other = generatePopulation("2026-01-01").persons;
    const stockOn = (date: string) =>
      other.filter((p) => episodeOn(p, date) !== null && listingOn(p, date) !== null);
    expect(countBy(stockOn("2020-02-29"), (p) => categoryOn(p, "2020-02-29"))).toEqual({
      A: 28,
      B: 25,
      C: 77,
      D: 41,
      E: 6,
    });
    const may = stockOn("2020-05-31");
    expect([
      may.length,
      may.filter((p) => p.sex === "FEMALE").length,
      may.filter((p) => p.returnee).length,
    ]).toEqual([165, 9, 33]);
    expect(other.filter((p) => p.returnee)).toHaveLength(76);
    expect(stockOn("2019-04-30").filter((p) => categoryOn(p, "2019-04-30") === "D")).toHaveLength(68);
  });

  it("has unique keys and references CX-<year of first admission>-<sequence>", () => {
    expect(new Set(persons.map((p) => p.key)).size).toBe(persons.length);
    expect(new Set(persons.map((p) => p.reference)).size).toBe(persons.length);
    expect(new Set(plan.establishments.map((e) => e.key)).size).toBe(plan.establishments.length);
    const unitKeys = plan.establishments.flatMap((e) => e.units.map((u) => u.key));
    expect(new Set(unitKeys).size).toBe(unitKeys.length);
    for (const p of persons) {
      const first = p.episodes.map((e) => e.admittedOn).sort()[0] ?? "";
      expect(p.reference).toMatch(new RegExp(`^CX-${first.slice(0, 4)}-\\d{4}$`));
    }
  });

  it("has valid dates, none of them (events) after today", () => {
    const problems: string[] = [];
    const check = (p: SeedPerson, date: string | null, future = false) => {
      if (date === null) return;
      if (!isIsoDate(date) || (!future && date > TODAY)) problems.push(`${p.key}: ${date}`);
    };
    for (const p of persons) {
      check(p, p.dateOfBirth);
      for (const e of p.episodes) {
        check(p, e.admittedOn);
        check(p, e.releasedOn);
        check(p, e.conditionalReleaseEligibleOn, true);
        check(p, e.endOfSentenceOn, true);
        for (const pl of e.placements) {
          check(p, pl.validFrom);
          check(p, pl.validTo);
        }
      }
      for (const l of p.listing) {
        check(p, l.validFrom);
        check(p, l.validTo);
      }
      for (const s of p.screenings) {
        check(p, s.screenedOn);
        check(p, s.nextDueOn, true);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has invented names, adults at admission, and aliases for about 15% of persons", () => {
    for (const p of persons) {
      expect(p.familyName.length).toBeGreaterThan(1);
      expect(p.givenNames.length).toBeGreaterThan(1);
      expect(p.nationalities.length).toBeGreaterThan(0);
      const first = p.episodes.map((e) => e.admittedOn).sort()[0] ?? TODAY;
      expect(ageOn(p.dateOfBirth, first), p.key).toBeGreaterThanOrEqual(18);
    }
    const withAliases = share(persons.filter((p) => p.aliases.length > 0).length, persons.length);
    expect(withAliases).toBeGreaterThan(0.1);
    expect(withAliases).toBeLessThan(0.2);
  });

  it("has consistent episodes: sentences, eligibility, release types and places", () => {
    const municipalities = new Map(MUNICIPALITIES.map((m) => [m.name, m.judicialDistrict]));
    for (const p of persons) {
      const episodes = [...p.episodes].sort((a, b) => (a.admittedOn < b.admittedOn ? -1 : 1));
      episodes.forEach((e, i) => {
        const next = episodes[i + 1];
        if (next) expect(e.releasedOn !== null && e.releasedOn < next.admittedOn, p.key).toBe(true);
        if (e.releasedOn !== null) expect(e.admittedOn < e.releasedOn, p.key).toBe(true);
        if (e.legalStatus === "SENTENCED") {
          const s = e.sentenceMonths ?? 0;
          expect(s).toBeGreaterThan(0);
          expect(e.endOfSentenceOn).toBe(addMonthsToDate(e.admittedOn, s));
          expect(e.conditionalReleaseEligibleOn).toBe(
            releaseDatesOf({ admittedOn: e.admittedOn, sentenceMonths: s, recidivism: "NONE" })
              .conditionalReleaseEligibleOn,
          );
        } else {
          expect(e.legalStatus).toBe("PREVENTIVE_DETENTION");
          expect([e.sentenceMonths, e.conditionalReleaseEligibleOn, e.endOfSentenceOn]).toEqual([
            null,
            null,
            null,
          ]);
        }
        if (e.releasedOn === null) {
          expect([e.releaseType, e.releaseMunicipality, e.releaseJudicialDistrict]).toEqual([
            null,
            null,
            null,
          ]);
          return;
        }
        switch (e.releaseType) {
          case "END_OF_SENTENCE":
            expect(e.releasedOn).toBe(e.endOfSentenceOn);
            break;
          case "CONDITIONAL_RELEASE":
          case "ELECTRONIC_MONITORING":
            expect((e.conditionalReleaseEligibleOn ?? "") <= e.releasedOn).toBe(true);
            expect(e.releasedOn < (e.endOfSentenceOn ?? "")).toBe(true);
            break;
          case "TRANSFER_ABROAD":
            expect(e.legalStatus).toBe("SENTENCED");
            expect(e.releasedOn < (e.endOfSentenceOn ?? "")).toBe(true);
            break;
          case "END_OF_PREVENTIVE_DETENTION":
            expect(e.legalStatus).toBe("PREVENTIVE_DETENTION");
            break;
          default:
            throw new Error(`unexpected release type ${e.releaseType}`);
        }
        if (e.releaseType === "TRANSFER_ABROAD") {
          expect(e.releaseMunicipality).toBeNull();
        } else {
          expect(municipalities.get(e.releaseMunicipality ?? "")).toBe(e.releaseJudicialDistrict);
        }
      });
    }
    const all = persons.flatMap((p) => p.episodes);
    const types = countBy(
      all.filter((e) => e.releaseType !== null),
      (e) => e.releaseType ?? "",
    );
    expect(types.TRANSFER_ABROAD ?? 0).toBeGreaterThan(0);
    expect(types.ELECTRONIC_MONITORING ?? 0).toBeGreaterThan(0);
    expect(share(all.filter((e) => e.legalStatus === "SENTENCED").length, all.length)).toBeGreaterThan(0.5);
    expect(persons.filter((p) => p.episodes.length > 1).length).toBeGreaterThanOrEqual(3);
  });

  it("gives those detained today sentences ending later, and a non-empty release calendar", () => {
    const current = persons.map((p) => episodeOn(p, TODAY)).filter((e): e is SeedEpisode => e !== null);
    const sentenced = current.filter((e) => e.endOfSentenceOn !== null);
    expect(
      share(sentenced.filter((e) => (e.endOfSentenceOn ?? "") > TODAY).length, sentenced.length),
    ).toBeGreaterThan(0.9);
    const eligibleWithin = (months: number) =>
      sentenced.filter((e) => {
        const d = e.conditionalReleaseEligibleOn ?? "";
        return d > TODAY && d <= addMonthsToDate(TODAY, months);
      }).length;
    expect(eligibleWithin(3)).toBeGreaterThan(0);
    expect(eligibleWithin(6)).toBeGreaterThan(eligibleWithin(3));
    expect(eligibleWithin(12)).toBeGreaterThan(eligibleWithin(6));
    expect(sentenced.filter((e) => (e.conditionalReleaseEligibleOn ?? "") <= TODAY).length).toBeGreaterThan(
      0,
    );
    expect(current.filter((e) => e.legalStatus === "PREVENTIVE_DETENTION").length).toBeGreaterThan(0);
  });

  it("has listing periods inside one episode, never overlapping, with labels matching the category", () => {
    const allowed: Record<LegacyCategory, ListingLabel[]> = {
      A: ["TERRORIST_CONVICT"],
      B: ["ASSIMILATED"],
      C: ["FOREIGN_FIGHTER", "HOMEGROWN_FIGHTER", "TERRORIST_CONVICT"],
      D: ["RADICALISED"],
      E: ["HATE_PREACHER"],
    };
    for (const p of persons) {
      const periods = [...p.listing].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
      periods.forEach((l, i) => {
        const episode = p.episodes.find((e) => covers(e.admittedOn, e.releasedOn, l.validFrom));
        expect(episode, `${p.key} listed outside detention`).toBeDefined();
        if (!episode) return;
        if (episode.releasedOn !== null) {
          expect(l.validTo).not.toBeNull();
          expect((l.validTo ?? "") <= episode.releasedOn).toBe(true);
        }
        expect(l.validTo === null || l.validFrom < l.validTo).toBe(true);
        const next = periods[i + 1];
        if (next) {
          expect(l.validTo !== null && l.validTo <= next.validFrom, p.key).toBe(true);
          if (l.validTo === next.validFrom)
            expect(l.category !== next.category || l.labels.join() !== next.labels.join()).toBe(true);
        }
        expect(l.labels.length).toBeGreaterThan(0);
        expect([...l.labels].sort()).toEqual(l.labels);
        expect(new Set(l.labels).size).toBe(l.labels.length);
        for (const label of l.labels) expect(allowed[l.category]).toContain(label);
        if (l.category === "C")
          expect(l.labels.includes("FOREIGN_FIGHTER") || l.labels.includes("HOMEGROWN_FIGHTER")).toBe(true);
      });
    }
    const categoryChanges = persons.filter((p) => new Set(p.listing.map((l) => l.category)).size > 1);
    expect(categoryChanges.length).toBeGreaterThan(0);
  });

  it("has consecutive placements inside each episode, in open establishments and existing units", () => {
    for (const p of persons) {
      for (const e of p.episodes) {
        expect(e.placements.length, p.key).toBeGreaterThan(0);
        expect(e.placements[0]?.validFrom).toBe(e.admittedOn);
        expect(e.placements.at(-1)?.validTo).toBe(e.releasedOn);
        e.placements.forEach((pl, i) => {
          const next = e.placements[i + 1];
          if (next) expect(pl.validTo).toBe(next.validFrom);
          expect(pl.validTo === null || pl.validFrom < pl.validTo).toBe(true);
          const est = establishmentsByKey.get(pl.establishmentKey);
          expect(est, pl.establishmentKey).toBeDefined();
          if (!est) return;
          if (est.openedOn !== null) expect(pl.validFrom >= est.openedOn).toBe(true);
          if (est.closedOn !== null) expect(pl.validTo !== null && pl.validTo <= est.closedOn).toBe(true);
          if (pl.unitKey !== null) expect(est.units.map((u) => u.key)).toContain(pl.unitKey);
          const kind = pl.unitKey === null ? "ORDINARY" : unitKind.get(pl.unitKey);
          if (p.sex === "FEMALE") {
            expect(est.holdsWomen).toBe(true);
            expect(kind).toBe("WOMEN");
          } else {
            expect(kind).not.toBe("WOMEN");
          }
          if (kind === "DRADEX") {
            expect(pl.validFrom >= "2016-04-01").toBe(true);
            for (const day of [pl.validFrom, addDaysToDate(pl.validTo ?? TODAY, -1)]) {
              const listing = listingOn(p, day);
              expect(listing, `${p.key} in D-Rad:Ex but not listed on ${day}`).not.toBeNull();
              expect(listing?.category).not.toBe("D");
            }
          }
        });
      }
    }
    const moved = persons.filter((p) =>
      p.episodes.some((e) =>
        e.placements.some((pl) => pl.establishmentKey === "haren" && pl.validFrom === "2022-10-01"),
      ),
    );
    expect(moved.length).toBeGreaterThan(0);
  });

  it("never holds more than 20 in a D-Rad:Ex unit", () => {
    const stays = persons.flatMap((p) =>
      p.episodes.flatMap((e) =>
        e.placements.filter((pl) => pl.unitKey !== null && dradexUnits.includes(pl.unitKey)),
      ),
    );
    for (const start of stays) {
      const present = stays.filter(
        (s) => s.unitKey === start.unitKey && covers(s.validFrom, s.validTo, start.validFrom),
      ).length;
      expect(present, `${start.unitKey} on ${start.validFrom}`).toBeLessThanOrEqual(20);
    }
  });

  it("screens listed persons on admission and on every listing change, then at most every two months", () => {
    const sources = new Set<string>(Object.values(ScreeningSource));
    const problems: string[] = [];
    const fail = (p: SeedPerson, what: string) => problems.push(`${p.key}: ${what}`);
    for (const p of persons) {
      for (const s of p.screenings) {
        const at = `${s.outcome} on ${s.screenedOn}`;
        if (episodeOn(p, s.screenedOn) === null) fail(p, `${at} outside detention`);
        if (s.sources.length === 0 || new Set(s.sources).size !== s.sources.length) fail(p, `${at}: sources`);
        if (s.sources.some((x) => !sources.has(x))) fail(p, `${at}: unknown source`);
        if (s.rationale.trim().length === 0) fail(p, `${at}: no rationale`);
        if (
          s.nextDueOn !== null &&
          (s.nextDueOn <= s.screenedOn || s.nextDueOn > addMonthsToDate(s.screenedOn, 2))
        )
          fail(p, `${at}: next due ${s.nextDueOn}`);
        const listing = listingOn(p, s.screenedOn);
        if (s.outcome === "NOT_LISTED" || s.outcome === "DELISTED") {
          if (s.category !== null || s.labels.length > 0) fail(p, `${at} with a category`);
        } else if (!listing || s.category !== listing.category || s.labels.join() !== listing.labels.join()) {
          fail(p, `${at} does not match the listing`);
        }
        if (s.outcome === "NOT_LISTED" && listing) fail(p, `${at} while listed`);
        if ((s.outcome === "LISTED" || s.outcome === "CHANGED") && listing?.validFrom !== s.screenedOn)
          fail(p, `${at} is not a listing start`);
        if (s.outcome === "MAINTAINED" && listing?.validFrom === s.screenedOn)
          fail(p, `${at} on a listing start`);
      }
      for (const e of p.episodes) {
        const inEpisode = p.screenings
          .filter((s) => covers(e.admittedOn, e.releasedOn, s.screenedOn))
          .sort((a, b) => (a.screenedOn < b.screenedOn ? -1 : 1));
        const periods = p.listing.filter((l) => covers(e.admittedOn, e.releasedOn, l.validFrom));
        for (let i = 1; i < inEpisode.length; i++) {
          const prev = inEpisode[i - 1];
          const cur = inEpisode[i];
          if (!prev || !cur) continue;
          if (cur.screenedOn <= prev.screenedOn) fail(p, `two screenings on ${cur.screenedOn}`);
          if (cur.screenedOn > addMonthsToDate(prev.screenedOn, 2)) fail(p, `gap after ${prev.screenedOn}`);
          if (prev.nextDueOn !== null && cur.screenedOn > prev.nextDueOn)
            fail(p, `late after ${prev.screenedOn}`);
        }
        for (const l of periods) {
          const atStart = inEpisode.find((s) => s.screenedOn === l.validFrom);
          const changes = periods.some((x) => x.validTo === l.validFrom);
          if (atStart?.outcome !== (changes ? "CHANGED" : "LISTED"))
            fail(p, `no screening on listing ${l.validFrom}`);
          const delisted =
            l.validTo !== null &&
            l.validTo !== e.releasedOn &&
            !periods.some((x) => x.validFrom === l.validTo);
          if (delisted && inEpisode.find((s) => s.screenedOn === l.validTo)?.outcome !== "DELISTED")
            fail(p, `no DELISTED screening on ${l.validTo}`);
        }
        if (periods.length > 0) {
          const first = inEpisode[0];
          const start = e.admittedOn < "2014-01-01" ? "2014-01-01" : e.admittedOn;
          const prompt = first !== undefined && daysBetween(start, first.screenedOn) <= 5;
          if (!prompt && first?.screenedOn !== periods[0]?.validFrom)
            fail(p, `first screening late (${start})`);
          const last = inEpisode.at(-1);
          if (
            e.releasedOn !== null &&
            (!last || addMonthsToDate(last.screenedOn, 2) < addDaysToDate(e.releasedOn, -1))
          )
            fail(p, `not screened in the two months before release on ${e.releasedOn}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("registers non-listed inmates, some listed later, and a few recent admissions not screened yet", () => {
    const neverListed = persons.filter((p) => p.listing.length === 0);
    expect(neverListed.length).toBeGreaterThanOrEqual(200);
    expect(neverListed.every((p) => p.screenings.every((s) => s.outcome === "NOT_LISTED"))).toBe(true);
    const listedLater = everListed.filter((p) => {
      const firstListed = p.listing.map((l) => l.validFrom).sort()[0] ?? "";
      return p.screenings.some((s) => s.outcome === "NOT_LISTED" && s.screenedOn < firstListed);
    });
    expect(listedLater.length).toBeGreaterThanOrEqual(10);
    const waiting = persons.filter((p) => {
      const e = episodeOn(p, TODAY);
      return (
        e !== null &&
        daysBetween(e.admittedOn, TODAY) <= 21 &&
        !p.screenings.some((s) => covers(e.admittedOn, e.releasedOn, s.screenedOn))
      );
    });
    expect(waiting.length).toBeGreaterThanOrEqual(8);
    expect(waiting.length).toBeLessThanOrEqual(12);
  });

  it("has 5–10% overdue and 15–25% due-soon screenings among those detained and screened today", () => {
    const states: string[] = [];
    for (const p of persons) {
      const e = episodeOn(p, TODAY);
      if (!e) continue;
      const inEpisode = p.screenings.filter((s) => s.screenedOn >= e.admittedOn);
      if (inEpisode.length === 0) continue;
      states.push(screeningState(screeningDueOn(e, inEpisode), TODAY));
    }
    const overdue = share(states.filter((s) => s === "OVERDUE").length, states.length);
    const dueSoon = share(states.filter((s) => s === "DUE_SOON").length, states.length);
    expect(overdue).toBeGreaterThanOrEqual(0.05);
    expect(overdue).toBeLessThanOrEqual(0.1);
    expect(dueSoon).toBeGreaterThanOrEqual(0.15);
    expect(dueSoon).toBeLessThanOrEqual(0.25);
  });
});
