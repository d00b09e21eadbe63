import type {
  Ideology,
  IsoDate,
  JudicialDistrict,
  LanguageCommunity,
  LegacyCategory,
  LegalStatus,
  ListingLabel,
  ReleaseType,
  ScreeningOutcome,
  ScreeningSource,
  Sex,
  UnitKind,
} from "@continuum/domain";

/**
 * The fictional demo population as plain data, produced by a pure, deterministic generator and
 * written to the database by the seeder. Keys are stable identifiers inside the plan; the seeder
 * turns them into UUIDs.
 */
export interface PopulationPlan {
  /** The date the plan runs up to ("today" for the demo). */
  today: IsoDate;
  establishments: SeedEstablishment[];
  /** Monthly total prison population per establishment (the denominator for "share listed"). */
  populationFigures: SeedPopulationFigure[];
  persons: SeedPerson[];
}

export interface SeedEstablishment {
  key: string;
  code: string;
  nameFr: string;
  nameNl: string;
  city: string;
  judicialDistrict: JudicialDistrict;
  capacity: number;
  /** Whether it holds women (a women's section or a women's prison). */
  holdsWomen: boolean;
  openedOn: IsoDate | null;
  closedOn: IsoDate | null;
  units: SeedUnit[];
}

export interface SeedUnit {
  key: string;
  code: string;
  name: string;
  kind: UnitKind;
  capacity: number | null;
}

export interface SeedPopulationFigure {
  establishmentKey: string;
  /** First day of the month the figure describes. */
  on: IsoDate;
  population: number;
  womenPopulation: number;
}

export interface SeedPerson {
  key: string;
  /** Internal case reference, e.g. CX-2015-0001. Never a real national number. */
  reference: string;
  familyName: string;
  givenNames: string;
  aliases: string[];
  dateOfBirth: IsoDate;
  sex: Sex;
  /** ISO 3166-1 alpha-2 codes. */
  nationalities: string[];
  languageCommunity: LanguageCommunity;
  returnee: boolean;
  failedTraveller: boolean;
  ideology: Ideology | null;
  episodes: SeedEpisode[];
  /** State intervals of the CelEx listing: a new interval whenever category or labels change. */
  listing: SeedListingPeriod[];
  screenings: SeedScreening[];
}

export interface SeedEpisode {
  admittedOn: IsoDate;
  legalStatus: LegalStatus;
  sentenceMonths: number | null;
  conditionalReleaseEligibleOn: IsoDate | null;
  endOfSentenceOn: IsoDate | null;
  releasedOn: IsoDate | null;
  releaseType: ReleaseType | null;
  releaseMunicipality: string | null;
  releaseJudicialDistrict: JudicialDistrict | null;
  /** Consecutive, non-overlapping placements; the first starts on admission, the last ends on release. */
  placements: SeedPlacement[];
}

export interface SeedPlacement {
  establishmentKey: string;
  /** A unit key of that establishment, or null for the establishment's ordinary regime. */
  unitKey: string | null;
  validFrom: IsoDate;
  /** Exclusive end; null while the placement lasts. */
  validTo: IsoDate | null;
  reason: string | null;
}

export interface SeedListingPeriod {
  category: LegacyCategory;
  labels: ListingLabel[];
  validFrom: IsoDate;
  /** Exclusive end; null while listed. */
  validTo: IsoDate | null;
}

export interface SeedScreening {
  screenedOn: IsoDate;
  outcome: ScreeningOutcome;
  category: LegacyCategory | null;
  labels: ListingLabel[];
  sources: ScreeningSource[];
  rationale: string;
  nextDueOn: IsoDate | null;
}
