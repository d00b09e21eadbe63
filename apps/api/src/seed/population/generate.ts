import { type IsoDate, isIsoDate } from "@continuum/domain";
import { chooseAttributes } from "./attributes.js";
import { minIso, yearOf } from "./calendar.js";
import { assignDemographics } from "./demographics.js";
import { planDradexStays } from "./dradex.js";
import { seedEstablishments } from "./establishments.js";
import { PopulationFigures } from "./figures.js";
import { addConvictionLabels, type ListingWorld, simulateListing } from "./flows.js";
import { labelsFor } from "./labels.js";
import type { Spell, WorkEpisode, WorkPerson } from "./model.js";
import { addNonListedPersons } from "./nonlisted.js";
import { assignPlacements } from "./placements.js";
import { Random } from "./random.js";
import { assignScreenings } from "./screenings.js";
import { assignSentences } from "./sentences.js";
import type { PopulationPlan, SeedEpisode, SeedListingPeriod, SeedPerson } from "./types.js";

/** Fixed seed: the same `today` always gives the same population. */
export const POPULATION_SEED = 20_200_229;
export const EARLIEST_TODAY: IsoDate = "2026-01-01";

/**
 * The fictional demo population from 1 January 2014 to `today`: a stock-flow simulation of the CelEx
 * list against the paper's figures, then passes that choose attributes, sentences, D-Rad:Ex stays,
 * placements and screenings. Pure and deterministic; each pass draws from its own random stream.
 */
export function generatePopulation(today: IsoDate): PopulationPlan {
  if (!isIsoDate(today) || today < EARLIEST_TODAY)
    throw new Error(`today must be a date from ${EARLIEST_TODAY}`);
  const stream = (name: string) => Random.stream(POPULATION_SEED, name);
  const world = simulateListing(stream("listing"), today);
  addConvictionLabels(stream("labels"), world);
  addNonListedPersons(stream("non-listed"), world);
  chooseAttributes(stream("attributes"), world);
  assignDemographics(stream("demographics"), world);
  assignSentences(stream("sentences"), world);
  planDradexStays(stream("dradex"), world);
  const figures = new PopulationFigures(stream("figures"), world.lastMonth);
  assignPlacements(stream("placements"), world, figures);
  assignScreenings(stream("screenings"), world);
  return {
    today,
    establishments: seedEstablishments(),
    populationFigures: figures.figures,
    persons: toSeedPersons(world),
  };
}

function firstAdmission(person: WorkPerson): IsoDate {
  return person.episodes.reduce<IsoDate>((earliest, e) => minIso(earliest, e.admittedOn), "9999-12-31");
}

function toSeedPersons(world: ListingWorld): SeedPerson[] {
  const ordered = [...world.persons].sort((a, b) => {
    const fa = firstAdmission(a);
    const fb = firstAdmission(b);
    return fa < fb ? -1 : fa > fb ? 1 : a.id - b.id;
  });
  const sequenceByYear = new Map<number, number>();
  return ordered.map((person, i) => {
    const year = yearOf(firstAdmission(person));
    const sequence = (sequenceByYear.get(year) ?? 0) + 1;
    sequenceByYear.set(year, sequence);
    return toSeedPerson(
      person,
      `person-${String(i + 1).padStart(4, "0")}`,
      `CX-${year}-${String(sequence).padStart(4, "0")}`,
    );
  });
}

function toSeedPerson(person: WorkPerson, key: string, reference: string): SeedPerson {
  const episodes = [...person.episodes].sort((a, b) => (a.admittedOn < b.admittedOn ? -1 : 1));
  return {
    key,
    reference,
    familyName: person.familyName,
    givenNames: person.givenNames,
    aliases: [...person.aliases],
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    nationalities: [...person.nationalities],
    languageCommunity: person.languageCommunity,
    returnee: person.returnee,
    failedTraveller: person.failedTraveller,
    ideology: person.ideology,
    episodes: episodes.map(toSeedEpisode),
    listing: episodes.flatMap((e) => (e.spell ? listingPeriods(e.spell) : [])),
    screenings: episodes.flatMap((e) =>
      e.screenings.map((s) => ({ ...s, labels: [...s.labels], sources: [...s.sources] })),
    ),
  };
}

function toSeedEpisode(episode: WorkEpisode): SeedEpisode {
  return {
    admittedOn: episode.admittedOn,
    legalStatus: episode.legalStatus,
    sentenceMonths: episode.sentenceMonths,
    conditionalReleaseEligibleOn: episode.conditionalReleaseEligibleOn,
    endOfSentenceOn: episode.endOfSentenceOn,
    releasedOn: episode.releasedOn,
    releaseType: episode.releaseType,
    releaseMunicipality: episode.releaseMunicipality,
    releaseJudicialDistrict: episode.releaseJudicialDistrict,
    placements: episode.placements.map((p) => ({ ...p })),
  };
}

function listingPeriods(spell: Spell): SeedListingPeriod[] {
  return spell.segments.map((segment, i) => ({
    category: segment.category,
    labels: labelsFor(segment, spell.person),
    validFrom: segment.from,
    validTo: spell.segments[i + 1]?.from ?? spell.end,
  }));
}
