import type { IsoDate, LanguageCommunity } from "@continuum/domain";
import { addDays, addMonths, dayDiff } from "./calendar.js";
import type { ListingWorld } from "./flows.js";
import { apportion } from "./flows.js";
import { spellCovers, type WorkPerson } from "./model.js";
import { inventName } from "./names.js";
import type { Random } from "./random.js";

/** Nationality, language community, date of birth and invented names. */

const NATIONALITY_CHECK_DATE: IsoDate = "2018-12-31";
const AGE_CHECK_DATE: IsoDate = "2019-06-01";

/** Nationality profiles: 61% Belgian (most with a second nationality), 16% Moroccan, 7% Algerian. */
const NATIONALITY_PROFILES: readonly [nationalities: readonly string[], weight: number][] = [
  [["BE"], 0.12],
  [["BE", "MA"], 0.3],
  [["BE", "DZ"], 0.04],
  [["BE", "TN"], 0.03],
  [["BE", "TR"], 0.03],
  [["BE", "RU"], 0.03],
  [["BE", "FR"], 0.03],
  [["BE", "CD"], 0.03],
  [["MA"], 0.16],
  [["DZ"], 0.07],
  [["TN"], 0.03],
  [["FR"], 0.04],
  [["NL"], 0.03],
  [["RU"], 0.02],
  [["SY"], 0.01],
  [["IQ"], 0.01],
  [["TR"], 0.01],
  [["AF"], 0.01],
];

type AgeBand = readonly [min: number, max: number, weight: number];
/** Ages of the listed stock of June 2019: 29% in their twenties, 48% in their thirties. */
const STOCK_AGE_BANDS: readonly AgeBand[] = [
  [19, 19, 0.01],
  [20, 29, 0.29],
  [30, 39, 0.48],
  [40, 49, 0.16],
  [50, 62, 0.06],
];
const ADMISSION_AGE_BANDS: readonly AgeBand[] = [
  [18, 24, 0.28],
  [25, 29, 0.24],
  [30, 34, 0.2],
  [35, 39, 0.13],
  [40, 49, 0.11],
  [50, 65, 0.04],
];

function firstAdmission(person: WorkPerson): IsoDate {
  const first = person.episodes[0];
  if (!first) throw new Error("person without episode");
  return first.admittedOn;
}

/** A birth date that makes the person exactly `age` on `on`. */
function birthDateForAge(random: Random, age: number, on: IsoDate): IsoDate {
  return addDays(addMonths(on, -12 * (age + 1)), random.int(1, 364));
}

function listedOn(person: WorkPerson, date: IsoDate): boolean {
  return person.episodes.some((e) => e.spell !== null && spellCovers(e.spell, date));
}

function assignNationalities(random: Random, persons: WorkPerson[]): void {
  const inCheck = persons.filter((p) => listedOn(p, NATIONALITY_CHECK_DATE));
  const counts = apportion(
    inCheck.length,
    NATIONALITY_PROFILES.map(([, w]) => w),
  );
  const slots = NATIONALITY_PROFILES.flatMap(([nat], i) => Array.from({ length: counts[i] ?? 0 }, () => nat));
  const shuffled = random.shuffle(slots);
  inCheck.forEach((p, i) => {
    p.nationalities = [...(shuffled[i] ?? ["BE"])];
  });
  const inCheckIds = new Set(inCheck.map((p) => p.id));
  for (const p of persons) {
    if (!inCheckIds.has(p.id)) p.nationalities = [...random.weighted(NATIONALITY_PROFILES, ([, w]) => w)[0]];
    // The far-right inmates of the demo are Belgian only.
    if (p.ideology === "FAR_RIGHT") p.nationalities = ["BE"];
  }
}

function assignLanguage(random: Random, person: WorkPerson): LanguageCommunity {
  if (person.nationalities.length === 1 && person.nationalities[0] === "BE" && random.chance(0.09))
    return "DE";
  return random.chance(0.56) ? "FR" : "NL";
}

function drawAge(random: Random, bands: readonly AgeBand[]): number {
  const band = random.weighted(bands, (b) => b[2]);
  return random.int(band[0], band[1]);
}

/**
 * The ages of the June 2019 stock follow the paper's shares; nobody is younger than 18 at their
 * first admission, so the most constrained (earliest admitted) persons choose their age first.
 */
function assignBirthDates(random: Random, persons: WorkPerson[]): void {
  const inCheck = persons.filter((p) => listedOn(p, AGE_CHECK_DATE));
  const counts = apportion(
    inCheck.length,
    STOCK_AGE_BANDS.map((b) => b[2]),
  );
  const ages = STOCK_AGE_BANDS.flatMap(([min, max], i) =>
    Array.from({ length: counts[i] ?? 0 }, () => random.int(min, max)),
  );
  const minAge = (p: WorkPerson) => 18 + Math.ceil(dayDiff(firstAdmission(p), AGE_CHECK_DATE) / 365);
  const ordered = [...inCheck].sort((a, b) => minAge(b) - minAge(a) || a.id - b.id);
  for (const p of ordered) {
    const feasible = ages.map((age, i) => ({ age, i })).filter((x) => x.age >= minAge(p));
    const choice = feasible.length > 0 ? random.pick(feasible) : null;
    const age = choice ? choice.age : minAge(p) + random.int(0, 3);
    if (choice) ages.splice(choice.i, 1);
    p.dateOfBirth = birthDateForAge(random, age, AGE_CHECK_DATE);
  }
  const inCheckIds = new Set(inCheck.map((p) => p.id));
  for (const p of persons) {
    if (inCheckIds.has(p.id)) continue;
    p.dateOfBirth = birthDateForAge(random, drawAge(random, ADMISSION_AGE_BANDS), firstAdmission(p));
  }
}

export function assignDemographics(random: Random, world: ListingWorld): void {
  assignNationalities(random, world.persons);
  for (const p of world.persons) p.languageCommunity = assignLanguage(random, p);
  assignBirthDates(random, world.persons);
  for (const p of world.persons) {
    const name = inventName(random, p.sex);
    p.givenNames = name.givenNames;
    p.familyName = name.familyName;
    p.aliases = name.aliases;
  }
}
