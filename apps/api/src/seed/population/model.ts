import type {
  Ideology,
  IsoDate,
  JudicialDistrict,
  LanguageCommunity,
  LegacyCategory,
  LegalStatus,
  ReleaseType,
  Sex,
} from "@continuum/domain";
import { covers } from "./calendar.js";
import type { SeedPlacement, SeedScreening } from "./types.js";

/** The generator's working model: mutable, richer than the plan, turned into plain data at the end. */

export const CATEGORIES: readonly LegacyCategory[] = ["A", "B", "C", "D", "E"];

export type CategoryCounts = Record<LegacyCategory, number>;

/** One state of a listing: the category from a date on; `convicted` adds TERRORIST_CONVICT to a C listing. */
export interface Segment {
  category: LegacyCategory;
  from: IsoDate;
  convicted: boolean;
}

/** A contiguous stretch on the CelEx list inside one detention episode. */
export interface Spell {
  id: number;
  person: WorkPerson;
  episode: WorkEpisode;
  segments: Segment[];
  start: IsoDate;
  startMonth: number;
  /** Exclusive end of the listing (release or delisting day); null while listed. */
  end: IsoDate | null;
  endMonth: number | null;
  endKind: "RELEASE" | "DELISTING" | null;
}

/** How the episode was meant to go when it was drawn; the actual dates may differ a little. */
export interface SentencePlan {
  /** Never sentenced in this episode (released pending trial). */
  preventive: boolean;
  sentenceMonths: number;
  /** Meant to serve the whole sentence (no conditional release). */
  servesFullSentence: boolean;
  intendedReleaseMonth: number;
  /** Drawn like a returned foreign fighter's case (3–5 years, mostly served): a likely returnee. */
  returneeProfile?: boolean;
}

export interface DradexStay {
  establishmentKey: string;
  unitKey: string;
  from: IsoDate;
  to: IsoDate | null;
}

export interface WorkEpisode {
  person: WorkPerson;
  admittedOn: IsoDate;
  releasedOn: IsoDate | null;
  plan: SentencePlan;
  spell: Spell | null;
  legalStatus: LegalStatus;
  sentenceMonths: number | null;
  conditionalReleaseEligibleOn: IsoDate | null;
  endOfSentenceOn: IsoDate | null;
  releaseType: ReleaseType | null;
  releaseMunicipality: string | null;
  releaseJudicialDistrict: JudicialDistrict | null;
  dradexStays: DradexStay[];
  placements: SeedPlacement[];
  screenings: SeedScreening[];
  /** A recent admission not screened yet. */
  awaitingScreening: boolean;
}

export interface WorkPerson {
  id: number;
  episodes: WorkEpisode[];
  sex: Sex;
  returnee: boolean;
  failedTraveller: boolean;
  ideology: Ideology | null;
  nationalities: string[];
  languageCommunity: LanguageCommunity;
  dateOfBirth: IsoDate;
  givenNames: string;
  familyName: string;
  aliases: string[];
}

export function newPerson(id: number): WorkPerson {
  return {
    id,
    episodes: [],
    sex: "MALE",
    returnee: false,
    failedTraveller: false,
    ideology: null,
    nationalities: ["BE"],
    languageCommunity: "FR",
    dateOfBirth: "1990-01-01",
    givenNames: "",
    familyName: "",
    aliases: [],
  };
}

export function newEpisode(person: WorkPerson, admittedOn: IsoDate, plan: SentencePlan): WorkEpisode {
  const episode: WorkEpisode = {
    person,
    admittedOn,
    releasedOn: null,
    plan,
    spell: null,
    legalStatus: "SENTENCED",
    sentenceMonths: null,
    conditionalReleaseEligibleOn: null,
    endOfSentenceOn: null,
    releaseType: null,
    releaseMunicipality: null,
    releaseJudicialDistrict: null,
    dradexStays: [],
    placements: [],
    screenings: [],
    awaitingScreening: false,
  };
  person.episodes.push(episode);
  return episode;
}

export function spellCovers(spell: Spell, date: IsoDate): boolean {
  return covers(spell.start, spell.end, date);
}

/** The segment in force on a date (assumes the spell covers it). */
function segmentOn(spell: Spell, date: IsoDate): Segment {
  let current = spell.segments[0];
  for (const s of spell.segments) if (s.from <= date) current = s;
  if (!current) throw new Error("spell without segments");
  return current;
}

export function categoryOn(spell: Spell, date: IsoDate): LegacyCategory {
  return segmentOn(spell, date).category;
}

export function lastSegment(spell: Spell): Segment {
  const last = spell.segments[spell.segments.length - 1];
  if (!last) throw new Error("spell without segments");
  return last;
}

/** Persons with more than one episode are kept out of the exactly-counted attribute sets. */
export function isSingleEpisode(person: WorkPerson): boolean {
  return person.episodes.length === 1;
}
