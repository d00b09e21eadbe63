import {
  AgeBand,
  addDaysToDate,
  addMonthsToDate,
  ageBandOf,
  DisengagementLevel,
  LanguageCommunity,
  LegacyCategory,
  ListingLabel,
  NationalityGroup,
  nationalityGroupOf,
  ReleaseType,
  releaseDatesOf,
  SentenceBand,
  Sex,
  sentenceBandOf,
} from "@continuum/domain";
import { expect } from "vitest";
import { screen, type UserErrorShape } from "./case-work.js";
import { type Places, REGISTER } from "./fixtures.js";
import { type GraphQLClient, TODAY } from "./harness.js";

// A small fictional history for the analytics suite, written out by hand: who was admitted where
// and when, listed with which category and labels, watched by the intelligence service, moved,
// enrolled in a programme, released, evaluated and followed up. The suite builds it through the
// API, then works out every figure it checks by counting this list (the functions below), never
// by reading the database. All names and persons are fictional.

export type Category = keyof typeof LegacyCategory;
export type Label = keyof typeof ListingLabel;

export interface ListingChange {
  on: string;
  outcome: "LISTED" | "CHANGED" | "DELISTED";
  category?: Category;
  labels?: Label[];
}

export interface FictionalPerson {
  name: string;
  sex: "MALE" | "FEMALE";
  bornOn: string;
  nationalities: string[];
  language: "FR" | "NL" | "DE";
  returnee: boolean;
  failedTraveller: boolean;
  admittedOn: string;
  establishment: "ITT" | "HAS";
  unit: string | null;
  /** Null: preventive detention (no fixed term, no release dates). */
  sentenceMonths: number | null;
  /** Placements after the admission's, each from its day. */
  moves: { on: string; establishment: "ITT" | "HAS"; unit: string | null }[];
  listings: ListingChange[];
  watchlist: { from: string; to: string | null } | null;
  /** Offered by CelEx in the provider's name, then the provider's status changes. */
  programme: { offeredOn: string; steps: { status: string; on: string }[] } | null;
  /** A release date set by hand: recorded today, while the history is built. */
  override: { kind: "CONDITIONAL_RELEASE_ELIGIBILITY" | "END_OF_SENTENCE"; date: string } | null;
  release: { on: string; type: string } | null;
  /** In the order they are recorded (a later one on the same day replaces an earlier one). */
  evaluations: { on: string; level: string }[];
  outcomes: { kind: "REOFFENDED_TERRORIST" | "REOFFENDED_OTHER"; on: string }[];
}

type Spec = Partial<FictionalPerson> &
  Pick<FictionalPerson, "name" | "admittedOn" | "establishment" | "sentenceMonths">;

function fictional(spec: Spec): FictionalPerson {
  return {
    sex: "MALE",
    bornOn: "1990-05-17",
    nationalities: ["BE"],
    language: spec.establishment === "HAS" ? "NL" : "FR",
    returnee: false,
    failedTraveller: false,
    unit: null,
    moves: [],
    listings: [],
    watchlist: null,
    programme: null,
    override: null,
    release: null,
    evaluations: [],
    outcomes: [],
    ...spec,
  };
}

const listed = (on: string, category: Category, labels: Label[]): ListingChange[] => [
  { on, outcome: "LISTED", category, labels },
];

// Prison of Ittre, men admitted in January 2019 and listed in February.
const ITT_ADMITTED = "2019-01-10";
const ITT_LISTED = "2019-02-01";
// Hasselt, men admitted in March 2019 and listed in April; women admitted in May, listed in July.
const HAS_ADMITTED = "2019-03-05";
const HAS_LISTED = "2019-04-01";
const WOMEN_ADMITTED = "2019-05-20";
const WOMEN_LISTED = "2019-07-01";
// Ittre, a cohort admitted in June 2019, listed in July and released in 2020 (one recently).
const COHORT_ADMITTED = "2019-06-03";
const COHORT_LISTED = "2019-07-01";
const WATCHED = { from: "2019-06-01", to: null };
const ACTIVE_FROM_MARCH = (extra: { status: string; on: string }[] = []) => ({
  offeredOn: "2020-02-01",
  steps: [{ status: "ACCEPTED", on: "2020-02-10" }, { status: "ACTIVE", on: "2020-03-01" }, ...extra],
});

/** Released two months ago: its follow-up windows straddle today. */
export const RECENT_RELEASE = addMonthsToDate(TODAY, -2);
/** The conditional-release eligibility set by hand (today) for Dufrenne, instead of the rule's. */
export const OVERRIDDEN_ELIGIBILITY = "2028-06-30";

export const HISTORY: readonly FictionalPerson[] = [
  // Ittre, category A: four convicts, four convicts who were also foreign fighters; five in D-Rad:Ex.
  fictional({
    name: "Varnould",
    bornOn: "1988-04-12",
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    unit: "ITT-DRX",
    sentenceMonths: 48,
    listings: listed(ITT_LISTED, "A", ["TERRORIST_CONVICT"]),
    watchlist: WATCHED,
    programme: ACTIVE_FROM_MARCH(),
    moves: [{ on: "2020-06-01", establishment: "ITT", unit: null }],
    evaluations: [
      { on: "2020-05-01", level: "SOME_SIGNS" },
      { on: "2021-01-15", level: "CLEAR_SIGNS" },
    ],
  }),
  fictional({
    name: "Vastinel",
    bornOn: "1995-09-30",
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    unit: "ITT-DRX",
    sentenceMonths: 72,
    listings: listed(ITT_LISTED, "A", ["TERRORIST_CONVICT"]),
    release: { on: "2020-04-01", type: "CONDITIONAL_RELEASE" },
  }),
  fictional({
    name: "Carlevant",
    bornOn: "1979-02-03",
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    unit: "ITT-DRX",
    sentenceMonths: 96,
    listings: listed(ITT_LISTED, "A", ["TERRORIST_CONVICT"]),
    watchlist: WATCHED,
    programme: ACTIVE_FROM_MARCH([{ status: "COMPLETED", on: "2020-09-30" }]),
    evaluations: [{ on: "2020-10-15", level: "NO_SIGNS" }],
  }),
  fictional({
    name: "Dufrenne",
    bornOn: "1992-11-21",
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    unit: "ITT-DRX",
    sentenceMonths: 150,
    listings: listed(ITT_LISTED, "A", ["TERRORIST_CONVICT"]),
    watchlist: WATCHED,
    programme: {
      offeredOn: "2020-02-01",
      steps: [
        { status: "ACCEPTED", on: "2020-02-10" },
        { status: "ACTIVE", on: "2020-06-15" },
      ],
    },
    override: { kind: "CONDITIONAL_RELEASE_ELIGIBILITY", date: OVERRIDDEN_ELIGIBILITY },
    // Corrected the same day: the one recorded last is the latest.
    evaluations: [
      { on: "2020-05-01", level: "NO_SIGNS" },
      { on: "2020-05-01", level: "SOME_SIGNS" },
    ],
  }),
  fictional({
    name: "Evrardel",
    bornOn: "1999-07-07",
    nationalities: ["BE", "MA"],
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    unit: "ITT-DRX",
    sentenceMonths: 30,
    listings: listed(ITT_LISTED, "A", ["TERRORIST_CONVICT", "FOREIGN_FIGHTER"]),
    release: { on: "2020-01-01", type: "END_OF_SENTENCE" },
  }),
  fictional({
    name: "Fontavel",
    bornOn: "1985-03-15",
    nationalities: ["FR"],
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 120,
    listings: listed(ITT_LISTED, "A", ["TERRORIST_CONVICT", "FOREIGN_FIGHTER"]),
    watchlist: WATCHED,
    programme: { offeredOn: "2020-02-01", steps: [{ status: "REFUSED", on: "2020-02-05" }] },
    evaluations: [{ on: "2020-05-01", level: "SOME_SIGNS" }],
  }),
  fictional({
    name: "Gilleran",
    bornOn: "1990-01-01",
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 60,
    listings: listed(ITT_LISTED, "A", ["TERRORIST_CONVICT", "FOREIGN_FIGHTER"]),
    release: { on: "2020-03-31", type: "CONDITIONAL_RELEASE" },
  }),
  fictional({
    name: "Hubertin",
    bornOn: "1968-08-08",
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: null,
    listings: listed(ITT_LISTED, "A", ["TERRORIST_CONVICT", "FOREIGN_FIGHTER"]),
    watchlist: WATCHED,
  }),

  // Hasselt, category C: returned foreign fighters and homegrown fighters; five in D-Rad:Ex.
  fictional({
    name: "Claesens",
    bornOn: "1994-06-01",
    returnee: true,
    admittedOn: HAS_ADMITTED,
    establishment: "HAS",
    unit: "HAS-DRX",
    sentenceMonths: 84,
    listings: listed(HAS_LISTED, "C", ["FOREIGN_FIGHTER"]),
    watchlist: WATCHED,
    programme: ACTIVE_FROM_MARCH(),
    evaluations: [{ on: "2020-05-01", level: "SOME_SIGNS" }],
  }),
  fictional({
    name: "Peetermans",
    bornOn: "1996-12-24",
    nationalities: ["MA"],
    returnee: true,
    admittedOn: HAS_ADMITTED,
    establishment: "HAS",
    unit: "HAS-DRX",
    sentenceMonths: 84,
    listings: listed(HAS_LISTED, "C", ["FOREIGN_FIGHTER"]),
    watchlist: WATCHED,
    programme: ACTIVE_FROM_MARCH(),
  }),
  fictional({
    name: "Janssel",
    bornOn: "1991-10-10",
    returnee: true,
    admittedOn: HAS_ADMITTED,
    establishment: "HAS",
    unit: "HAS-DRX",
    sentenceMonths: 100,
    listings: listed(HAS_LISTED, "C", ["FOREIGN_FIGHTER"]),
    watchlist: WATCHED,
    evaluations: [{ on: "2020-05-01", level: "CLEAR_SIGNS" }],
  }),
  fictional({
    name: "Maesdonck",
    bornOn: "2000-02-29",
    admittedOn: HAS_ADMITTED,
    establishment: "HAS",
    unit: "HAS-DRX",
    sentenceMonths: 54,
    listings: listed(HAS_LISTED, "C", ["HOMEGROWN_FIGHTER"]),
  }),
  fictional({
    name: "Jacobrecht",
    bornOn: "1983-05-05",
    failedTraveller: true,
    admittedOn: HAS_ADMITTED,
    establishment: "HAS",
    unit: "HAS-DRX",
    sentenceMonths: 140,
    listings: listed(HAS_LISTED, "C", ["HOMEGROWN_FIGHTER"]),
  }),
  fictional({
    name: "Mertelaar",
    bornOn: "1997-04-04",
    admittedOn: HAS_ADMITTED,
    establishment: "HAS",
    sentenceMonths: 36,
    listings: listed(HAS_LISTED, "C", ["HOMEGROWN_FIGHTER"]),
    release: { on: "2020-01-01", type: "END_OF_SENTENCE" },
  }),

  // Hasselt, women in category B, most of them returnees.
  fictional({
    name: "Willemyn",
    sex: "FEMALE",
    bornOn: "1993-09-09",
    returnee: true,
    admittedOn: WOMEN_ADMITTED,
    establishment: "HAS",
    sentenceMonths: 60,
    listings: listed(WOMEN_LISTED, "B", ["ASSIMILATED"]),
    release: { on: "2021-02-15", type: "CONDITIONAL_RELEASE" },
    evaluations: [{ on: "2021-03-01", level: "SOME_SIGNS" }],
  }),
  fictional({
    name: "Goossart",
    sex: "FEMALE",
    bornOn: "1998-01-20",
    returnee: true,
    admittedOn: WOMEN_ADMITTED,
    establishment: "HAS",
    sentenceMonths: 48,
    listings: listed(WOMEN_LISTED, "B", ["ASSIMILATED"]),
    programme: ACTIVE_FROM_MARCH(),
  }),
  fictional({
    name: "Wouterse",
    sex: "FEMALE",
    bornOn: "1989-03-03",
    returnee: true,
    admittedOn: WOMEN_ADMITTED,
    establishment: "HAS",
    sentenceMonths: 72,
    listings: listed(WOMEN_LISTED, "B", ["ASSIMILATED"]),
  }),
  fictional({
    name: "Desmedtje",
    sex: "FEMALE",
    bornOn: "1995-05-15",
    returnee: true,
    admittedOn: WOMEN_ADMITTED,
    establishment: "HAS",
    sentenceMonths: 72,
    listings: listed(WOMEN_LISTED, "B", ["ASSIMILATED"]),
  }),
  fictional({
    name: "Lambrechte",
    sex: "FEMALE",
    bornOn: "1987-12-12",
    returnee: true,
    admittedOn: WOMEN_ADMITTED,
    establishment: "HAS",
    sentenceMonths: 90,
    listings: listed(WOMEN_LISTED, "B", ["ASSIMILATED"]),
  }),
  fictional({
    name: "Vermeylen",
    sex: "FEMALE",
    bornOn: "2001-06-30",
    admittedOn: WOMEN_ADMITTED,
    establishment: "HAS",
    sentenceMonths: 30,
    listings: listed(WOMEN_LISTED, "B", ["ASSIMILATED", "RADICALISED"]),
  }),

  // Ittre, category D: one moved to category A, one taken off the list (still detained).
  fictional({
    name: "Lemarchal",
    bornOn: "1986-07-19",
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 84,
    listings: [
      { on: ITT_LISTED, outcome: "LISTED", category: "D", labels: ["RADICALISED"] },
      { on: "2020-07-01", outcome: "CHANGED", category: "A", labels: ["TERRORIST_CONVICT"] },
    ],
  }),
  fictional({
    name: "Lambertin",
    bornOn: "1990-02-14",
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 60,
    listings: [
      { on: ITT_LISTED, outcome: "LISTED", category: "D", labels: ["RADICALISED"] },
      { on: "2020-09-01", outcome: "DELISTED" },
    ],
  }),

  // Ittre, detained and never listed; two on the intelligence service's list only.
  fictional({
    name: "Noelant",
    returnee: true,
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 24,
    watchlist: WATCHED,
  }),
  fictional({
    name: "Nicolay",
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 36,
    watchlist: { from: "2019-06-01", to: "2020-06-15" },
  }),
  fictional({
    name: "Navezin",
    returnee: true,
    admittedOn: ITT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 48,
  }),
  fictional({ name: "Nysbroek", admittedOn: ITT_ADMITTED, establishment: "ITT", sentenceMonths: 60 }),
  fictional({ name: "Nevelaar", admittedOn: ITT_ADMITTED, establishment: "ITT", sentenceMonths: 72 }),

  // Ittre, the 2020 releases and what became of them.
  fictional({
    name: "Renardot",
    admittedOn: COHORT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 36,
    listings: listed(COHORT_LISTED, "A", ["TERRORIST_CONVICT"]),
    release: { on: "2020-02-10", type: "END_OF_SENTENCE" },
    // A day before twelve months had passed.
    outcomes: [{ kind: "REOFFENDED_TERRORIST", on: "2021-02-09" }],
  }),
  fictional({
    name: "Robertin",
    admittedOn: COHORT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 48,
    listings: listed(COHORT_LISTED, "A", ["TERRORIST_CONVICT"]),
    release: { on: "2020-02-10", type: "END_OF_SENTENCE" },
    // Twelve months to the day: outside a twelve-month window, inside a thirteen-month one.
    outcomes: [{ kind: "REOFFENDED_TERRORIST", on: "2021-02-10" }],
  }),
  fictional({
    name: "Rousselin",
    admittedOn: COHORT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 60,
    listings: listed(COHORT_LISTED, "A", ["TERRORIST_CONVICT"]),
    release: { on: "2020-05-04", type: "CONDITIONAL_RELEASE" },
    outcomes: [{ kind: "REOFFENDED_OTHER", on: "2020-08-01" }],
  }),
  fictional({
    name: "Remyvaert",
    admittedOn: COHORT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 24,
    listings: listed(COHORT_LISTED, "A", ["TERRORIST_CONVICT"]),
    release: { on: "2020-05-04", type: "CONDITIONAL_RELEASE" },
    // On the day of the release.
    outcomes: [{ kind: "REOFFENDED_TERRORIST", on: "2020-05-04" }],
  }),
  fictional({
    name: "Raesveld",
    admittedOn: COHORT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 72,
    listings: listed(COHORT_LISTED, "C", ["FOREIGN_FIGHTER"]),
    release: { on: "2020-07-01", type: "END_OF_SENTENCE" },
    outcomes: [{ kind: "REOFFENDED_OTHER", on: "2020-12-01" }],
  }),
  fictional({
    name: "Rigauder",
    admittedOn: COHORT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 40,
    listings: listed(COHORT_LISTED, "C", ["FOREIGN_FIGHTER"]),
    release: { on: "2020-10-01", type: "CONDITIONAL_RELEASE" },
  }),
  fictional({
    name: "Rolandet",
    admittedOn: COHORT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 50,
    listings: listed(COHORT_LISTED, "C", ["FOREIGN_FIGHTER"]),
    release: { on: "2020-12-31", type: "END_OF_SENTENCE" },
  }),
  fictional({
    name: "Tellieran",
    admittedOn: COHORT_ADMITTED,
    establishment: "ITT",
    sentenceMonths: 96,
    listings: listed(COHORT_LISTED, "A", ["TERRORIST_CONVICT"]),
    release: { on: RECENT_RELEASE, type: "END_OF_SENTENCE" },
    outcomes: [{ kind: "REOFFENDED_TERRORIST", on: addDaysToDate(RECENT_RELEASE, 10) }],
  }),
];

export const person = (name: string): FictionalPerson => {
  const found = HISTORY.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no fictional person ${name}`);
  return found;
};

// Building the history through the API.

export interface HistoryClients {
  celex: GraphQLClient;
  vsse: GraphQLClient;
  cuta: GraphQLClient;
  provider: (language: FictionalPerson["language"]) => GraphQLClient;
  /** The police's agency ID: it supervises the condition a conditional release needs. */
  policeAgencyId: string;
}

export interface Built {
  personId: string;
  episodeId: string;
}

async function mutate(client: GraphQLClient, mutation: string, input: Record<string, unknown>) {
  const name = /\{\s*(\w+)\(/.exec(mutation)?.[1] as string;
  const data = await client.data<Record<string, { userErrors: UserErrorShape[] } & Record<string, unknown>>>(
    mutation,
    { input },
  );
  const payload = data[name] as { userErrors: UserErrorShape[] } & Record<string, unknown>;
  expect(payload.userErrors, `${name} ${JSON.stringify(input)}`).toEqual([]);
  return payload;
}

const MOVE = `mutation($input: PlacementRecordInput!) { placementRecord(input: $input) { userErrors { field message code } } }`;
const WATCH = `mutation($input: WatchlistRecordInput!) { watchlistRecord(input: $input) { userErrors { field message code } } }`;
const UNWATCH = `mutation($input: WatchlistRemoveInput!) { watchlistRemove(input: $input) { userErrors { field message code } } }`;
const OFFER = `mutation($input: ProgrammeOfferInput!) { programmeOffer(input: $input) {
  participation { id version } userErrors { field message code } } }`;
const CHANGE = `mutation($input: ProgrammeStatusChangeInput!) { programmeStatusChange(input: $input) {
  participation { id version } userErrors { field message code } } }`;
const OVERRIDE = `mutation($input: ReleaseDateOverrideInput!) { releaseDateOverride(input: $input) { userErrors { field message code } } }`;
const RELEASE = `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { field message code } } }`;
const EVALUATE = `mutation($input: DisengagementEvaluationRecordInput!) { disengagementEvaluationRecord(input: $input) {
  userErrors { field message code } } }`;
const OUTCOME = `mutation($input: OutcomeRecordInput!) { outcomeRecord(input: $input) { userErrors { field message code } } }`;

/** Records one fictional person's history, in the order the API requires (the release last but evaluations and outcomes). */
export async function buildPerson(clients: HistoryClients, at: Places, p: FictionalPerson): Promise<Built> {
  const { celex, vsse, cuta } = clients;
  const registered = await mutate(celex, REGISTER, {
    familyName: p.name,
    givenNames: "Fictio",
    dateOfBirth: p.bornOn,
    sex: p.sex,
    nationalities: p.nationalities,
    languageCommunity: p.language,
    returnee: p.returnee,
    failedTraveller: p.failedTraveller,
    admission: {
      admittedOn: p.admittedOn,
      legalStatus: p.sentenceMonths === null ? "PREVENTIVE_DETENTION" : "SENTENCED",
      sentenceMonths: p.sentenceMonths,
      establishmentId: at.establishment(p.establishment),
      unitId: p.unit === null ? null : at.unit(p.unit),
    },
  });
  const created = registered.person as { id: string; currentEpisode: { id: string } };
  const built = { personId: created.id, episodeId: created.currentEpisode.id };
  for (const change of p.listings)
    await screen(celex, built.personId, {
      screenedOn: change.on,
      outcome: change.outcome,
      category: change.category ?? null,
      labels: change.labels ?? [],
    });
  if (p.watchlist !== null) {
    await mutate(vsse, WATCH, {
      personId: built.personId,
      status: "RADICALISED",
      validFrom: p.watchlist.from,
    });
    if (p.watchlist.to !== null)
      await mutate(vsse, UNWATCH, { personId: built.personId, validTo: p.watchlist.to });
  }
  for (const move of p.moves)
    await mutate(celex, MOVE, {
      personId: built.personId,
      establishmentId: at.establishment(move.establishment),
      unitId: move.unit === null ? null : at.unit(move.unit),
      validFrom: move.on,
    });
  if (p.programme !== null) {
    const offered = await mutate(celex, OFFER, {
      personId: built.personId,
      offeredOn: p.programme.offeredOn,
    });
    let participation = offered.participation as { id: string; version: number };
    for (const step of p.programme.steps) {
      const changed = await mutate(clients.provider(p.language), CHANGE, {
        participationId: participation.id,
        status: step.status,
        on: step.on,
        expectedVersion: participation.version,
      });
      participation = (changed.participation as typeof participation | null) ?? participation;
    }
  }
  if (p.override !== null)
    await mutate(celex, OVERRIDE, {
      episodeId: built.episodeId,
      kind: p.override.kind,
      date: p.override.date,
      reason: "Fictional: a ruling of the sentence implementation court.",
    });
  if (p.release !== null)
    await mutate(celex, RELEASE, {
      episodeId: built.episodeId,
      releasedOn: p.release.on,
      releaseType: p.release.type,
      releaseMunicipality: p.establishment === "HAS" ? "Gent" : "Molenbeek-Saint-Jean",
      conditions:
        p.release.type === "CONDITIONAL_RELEASE"
          ? [
              {
                conditionType: "POLICE_REPORTING",
                supervisingAgencyId: clients.policeAgencyId,
                details: "Fictional: weekly, Monday.",
              },
            ]
          : [],
    });
  for (const evaluation of p.evaluations)
    await mutate(cuta, EVALUATE, {
      personId: built.personId,
      evaluatedOn: evaluation.on,
      level: evaluation.level,
      rationale: "Fictional rationale.",
    });
  for (const outcome of p.outcomes)
    await mutate(cuta, OUTCOME, { personId: built.personId, kind: outcome.kind, occurredOn: outcome.on });
  return built;
}

// Counting the history: what each figure should say, worked out from the list above.

/** A span of days [from, to): `to` is the first day outside it, null while it lasts. */
interface Span {
  from: string;
  to: string | null;
}

const covers = (span: Span, day: string) => span.from <= day && (span.to === null || day < span.to);
const overlaps = (span: Span, start: string, stop: string) =>
  span.from < stop && (span.to === null || span.to > start);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

export const detention = (p: FictionalPerson): Span => ({ from: p.admittedOn, to: p.release?.on ?? null });

/** The listing periods: a change or a delisting ends one on its day; the release ends the last one. */
export function listingPeriods(p: FictionalPerson): (Span & { category: Category; labels: Label[] })[] {
  const periods: (Span & { category: Category; labels: Label[] })[] = [];
  for (const change of p.listings) {
    const open = periods.at(-1);
    if (open !== undefined && open.to === null) open.to = change.on;
    if (change.outcome !== "DELISTED")
      periods.push({
        from: change.on,
        to: null,
        category: change.category as Category,
        labels: change.labels ?? [],
      });
  }
  const last = periods.at(-1);
  if (last !== undefined && last.to === null) last.to = p.release?.on ?? null;
  return periods;
}

export function placementPeriods(
  p: FictionalPerson,
): (Span & { establishment: string; unit: string | null })[] {
  const periods: (Span & { establishment: string; unit: string | null })[] = [
    { from: p.admittedOn, to: null, establishment: p.establishment, unit: p.unit },
  ];
  for (const move of p.moves) {
    (periods.at(-1) as Span).to = move.on;
    periods.push({ from: move.on, to: null, establishment: move.establishment, unit: move.unit });
  }
  (periods.at(-1) as Span).to = p.release?.on ?? null;
  return periods;
}

export const listingOn = (p: FictionalPerson, day: string) => listingPeriods(p).find((l) => covers(l, day));
export const placementOn = (p: FictionalPerson, day: string) =>
  placementPeriods(p).find((l) => covers(l, day));
export const detainedOn = (p: FictionalPerson, day: string) => covers(detention(p), day);
const watchedOn = (p: FictionalPerson, day: string) =>
  p.watchlist !== null &&
  covers({ from: p.watchlist.from, to: earlier(p.watchlist.to, p.release?.on ?? null) }, day);

export const providerOf = (p: FictionalPerson) => (p.language === "NL" ? "flemish-disengagement" : "caprev");

const FINAL = ["REFUSED", "COMPLETED", "DISCONTINUED"];

/** The participation [offer, day after its final status), and the day it became active, if ever. */
function participation(p: FictionalPerson): (Span & { activeOn: string | null }) | null {
  if (p.programme === null) return null;
  const final = p.programme.steps.find((s) => FINAL.includes(s.status));
  return {
    from: p.programme.offeredOn,
    to: final === undefined ? null : addDaysToDate(final.on, 1),
    activeOn: p.programme.steps.find((s) => s.status === "ACTIVE")?.on ?? null,
  };
}

/** The data classes an analytics reader counts a person by (row-level security, per class). */
export type DataClass = "DETENTION" | "LISTING" | "INTELLIGENCE" | "PROGRAMME" | "RELEASE" | "FOLLOW_UP";
export type Reader = (p: FictionalPerson, dataClass: DataClass) => boolean;

export const currentEstablishment = (p: FictionalPerson) => placementPeriods(p).at(-1)?.establishment;

/** The access matrix (docs/access.md) for the accounts the suite counts as. */
export const READERS = {
  /** Statisticians' figures count every case. */
  everyCase: (() => true) as Reader,
  /** CelEx: in prison everything but follow-up; after release detention, listing and release only. */
  celex: ((p, c) =>
    p.release === null ? c !== "FOLLOW_UP" : ["DETENTION", "LISTING", "RELEASE"].includes(c)) as Reader,
  /** The threat-analysis body: everything but release data while in prison. */
  cuta: ((p, c) => c !== "RELEASE" || p.release !== null) as Reader,
  /** A prison officer of Ittre: detention and listing of the inmates held in Ittre now, nothing else. */
  ittreOfficer: ((p, c) =>
    p.release === null &&
    currentEstablishment(p) === "ITT" &&
    ["DETENTION", "LISTING"].includes(c)) as Reader,
};

export type Dimension =
  | "CATEGORY"
  | "LABEL"
  | "SEX"
  | "AGE_BAND"
  | "NATIONALITY_GROUP"
  | "LANGUAGE_COMMUNITY"
  | "RETURNEE"
  | "FAILED_TRAVELLER"
  | "ESTABLISHMENT"
  | "SENTENCE_BAND"
  | "RELEASE_TYPE"
  | "PROVIDER"
  | "LIST"
  | "UNIT"
  | "LISTED"
  | "YEAR"
  | "EVALUATION_LEVEL"
  | "EVALUATION_STAGE"
  | "DISENGAGEMENT_SIGNS"
  | "OUTCOME"
  | "FOLLOW_UP_WINDOW";

const YES_NO = ["YES", "NO"];

/** Dimensions whose every cell is shown, even at zero, in this order. */
export const FIXED_CELLS: Partial<Record<Dimension, readonly string[]>> = {
  CATEGORY: Object.values(LegacyCategory),
  LABEL: Object.values(ListingLabel),
  SEX: Object.values(Sex),
  AGE_BAND: Object.values(AgeBand),
  NATIONALITY_GROUP: Object.values(NationalityGroup),
  LANGUAGE_COMMUNITY: Object.values(LanguageCommunity),
  RETURNEE: YES_NO,
  FAILED_TRAVELLER: YES_NO,
  SENTENCE_BAND: Object.values(SentenceBand),
  RELEASE_TYPE: Object.values(ReleaseType),
  LIST: ["CELEX", "INTELLIGENCE", "BOTH"],
  LISTED: YES_NO,
  EVALUATION_LEVEL: Object.values(DisengagementLevel),
  EVALUATION_STAGE: ["IN_PRISON", "RELEASED"],
  DISENGAGEMENT_SIGNS: YES_NO,
  OUTCOME: ["REOFFENDED", "NOT_REOFFENDED"],
  FOLLOW_UP_WINDOW: ["COMPLETE", "INCOMPLETE"],
};

/** One counted person with the value (or values) of each dimension, and the value averaged, if any. */
export interface Fact {
  person: FictionalPerson;
  values: Partial<Record<Dimension, string | readonly string[] | null>>;
  mean?: number | null;
}

const yesNo = (value: boolean) => (value ? "YES" : "NO");

function personValues(p: FictionalPerson, day: string): Fact["values"] {
  return {
    SEX: p.sex,
    AGE_BAND: ageBandOf(p.bornOn, day),
    NATIONALITY_GROUP: nationalityGroupOf(p.nationalities),
    LANGUAGE_COMMUNITY: p.language,
    RETURNEE: yesNo(p.returnee),
    FAILED_TRAVELLER: yesNo(p.failedTraveller),
  };
}

/** Persons on the CelEx list on the day, with where they were held. */
export function listedFacts(day: string, reads: Reader): Fact[] {
  return HISTORY.flatMap((p) => {
    const listing = reads(p, "LISTING") ? listingOn(p, day) : undefined;
    if (listing === undefined) return [];
    const placement = reads(p, "DETENTION") ? placementOn(p, day) : undefined;
    return [
      {
        person: p,
        values: {
          ...personValues(p, day),
          CATEGORY: listing.category,
          LABEL: listing.labels,
          ESTABLISHMENT: placement?.establishment ?? null,
          SENTENCE_BAND: sentenceBandOf(p.sentenceMonths),
        },
        mean: p.sentenceMonths,
      },
    ];
  });
}

export function listComparisonFacts(day: string, reads: Reader): Fact[] {
  return HISTORY.flatMap((p) => {
    const celex = reads(p, "LISTING") && listingOn(p, day) !== undefined;
    const intelligence = reads(p, "INTELLIGENCE") && watchedOn(p, day);
    if (!celex && !intelligence) return [];
    const lists = [
      ...(celex ? ["CELEX"] : []),
      ...(intelligence ? ["INTELLIGENCE"] : []),
      ...(celex && intelligence ? ["BOTH"] : []),
    ];
    return [{ person: p, values: { ...personValues(p, day), LIST: lists } }];
  });
}

export function detainedFacts(day: string, reads: Reader): Fact[] {
  return HISTORY.flatMap((p) => {
    if (!reads(p, "DETENTION") || !detainedOn(p, day)) return [];
    const listing = reads(p, "LISTING") ? listingOn(p, day) : undefined;
    return [
      {
        person: p,
        values: {
          ...personValues(p, day),
          LISTED: yesNo(listing !== undefined),
          CATEGORY: listing?.category ?? null,
          ESTABLISHMENT: placementOn(p, day)?.establishment ?? null,
          SENTENCE_BAND: sentenceBandOf(p.sentenceMonths),
        },
      },
    ];
  });
}

export function dradexFacts(day: string, reads: Reader): Fact[] {
  return HISTORY.flatMap((p) => {
    const placement = reads(p, "DETENTION") ? placementOn(p, day) : undefined;
    if (placement?.unit == null || !placement.unit.endsWith("-DRX")) return [];
    const listing = reads(p, "LISTING") ? listingOn(p, day) : undefined;
    return [
      {
        person: p,
        values: {
          ...personValues(p, day),
          UNIT: `${placement.establishment}/${placement.unit}`,
          CATEGORY: listing?.category ?? null,
        },
      },
    ];
  });
}

/** Listed and detained on the day, by sentence band; the mean over fixed terms. */
export function sentenceFacts(day: string, reads: Reader): Fact[] {
  return listedFacts(day, reads).filter((f) => reads(f.person, "DETENTION") && detainedOn(f.person, day));
}

/** Released in [start, stop) and listed the day before the release. */
export function releaseFacts(start: string, stop: string, reads: Reader): Fact[] {
  return HISTORY.flatMap((p) => {
    const release = p.release;
    if (release === null || release.on < start || release.on >= stop) return [];
    if (!reads(p, "DETENTION") || !reads(p, "LISTING")) return [];
    const dayBefore = addDaysToDate(release.on, -1);
    const listing = listingOn(p, dayBefore);
    if (listing === undefined) return [];
    return [
      {
        person: p,
        values: {
          ...personValues(p, release.on),
          CATEGORY: listing.category,
          LABEL: listing.labels,
          RELEASE_TYPE: release.type,
          ESTABLISHMENT: placementOn(p, dayBefore)?.establishment ?? null,
        },
      },
    ];
  });
}

/**
 * Listed and detained on the day, with the release date as known that day: the rule's (from the
 * admission and the sentence), or an override recorded by then (they are all recorded today).
 */
export function upcomingFacts(
  day: string,
  kind: "CONDITIONAL_RELEASE_ELIGIBILITY" | "END_OF_SENTENCE",
  reads: Reader,
): Fact[] {
  return HISTORY.flatMap((p) => {
    if (!reads(p, "DETENTION") || !reads(p, "LISTING") || p.sentenceMonths === null) return [];
    const listing = listingOn(p, day);
    if (!detainedOn(p, day) || listing === undefined) return [];
    const rule = releaseDatesOf({
      admittedOn: p.admittedOn,
      sentenceMonths: p.sentenceMonths,
      recidivism: "NONE",
    });
    const ruled = kind === "END_OF_SENTENCE" ? rule.endOfSentenceOn : rule.conditionalReleaseEligibleOn;
    const overridden =
      p.override?.kind === kind && TODAY <= day && reads(p, "RELEASE") ? p.override.date : null;
    const date = overridden ?? ruled;
    if (date < day) return [];
    return [
      {
        person: p,
        values: {
          ...personValues(p, day),
          YEAR: date.slice(0, 4),
          CATEGORY: listing.category,
          ESTABLISHMENT: placementOn(p, day)?.establishment ?? null,
        },
      },
    ];
  });
}

/** Of the persons listed at any time in [start, stop), those in a programme that had become active by its end. */
export function programmeFacts(start: string, stop: string, reads: Reader): Fact[] {
  return HISTORY.flatMap((p) => {
    if (!reads(p, "LISTING")) return [];
    const listings = listingPeriods(p).filter((l) => overlaps(l, start, stop));
    const latest = listings.at(-1);
    if (latest === undefined) return [];
    const course = reads(p, "PROGRAMME") ? participation(p) : null;
    const took =
      course !== null && overlaps(course, start, stop) && course.activeOn !== null && course.activeOn < stop;
    return [
      {
        person: p,
        values: {
          ...personValues(p, start),
          CATEGORY: latest.category,
          LABEL: latest.labels,
          PROVIDER: took ? [providerOf(p), "ANY"] : ["NONE"],
        },
      },
    ];
  });
}

/** Persons evaluated on or before the day, by their latest evaluation (the last recorded of the latest day). */
export function evaluationFacts(day: string, reads: Reader): Fact[] {
  return HISTORY.flatMap((p) => {
    if (!reads(p, "INTELLIGENCE")) return [];
    const latest = p.evaluations
      .filter((e) => e.on <= day)
      .reduce<FictionalPerson["evaluations"][number] | null>(
        (l, e) => (l === null || e.on >= l.on ? e : l),
        null,
      );
    if (latest === null) return [];
    const released = p.release !== null && latest.on >= p.release.on;
    return [
      {
        person: p,
        values: {
          ...personValues(p, day),
          EVALUATION_LEVEL: latest.level,
          EVALUATION_STAGE: released ? "RELEASED" : "IN_PRISON",
          DISENGAGEMENT_SIGNS: yesNo(latest.level !== "NO_SIGNS"),
        },
      },
    ];
  });
}

/** Released in [start, stop) after being listed, and whether they re-offended within the window. */
export function recidivismFacts(
  start: string,
  stop: string,
  withinMonths: number,
  reoffence: "TERRORIST" | "ANY",
  reads: Reader,
): Fact[] {
  const kinds = reoffence === "ANY" ? ["REOFFENDED_TERRORIST", "REOFFENDED_OTHER"] : ["REOFFENDED_TERRORIST"];
  return releaseFacts(start, stop, reads).map((fact) => {
    const p = fact.person;
    const released = (p.release as { on: string; type: string }).on;
    const windowEnd = addMonthsToDate(released, withinMonths);
    const reoffended =
      reads(p, "FOLLOW_UP") &&
      p.outcomes.some((o) => kinds.includes(o.kind) && o.on >= released && o.on < windowEnd && o.on <= TODAY);
    return {
      person: p,
      values: {
        ...fact.values,
        OUTCOME: reoffended ? "REOFFENDED" : "NOT_REOFFENDED",
        FOLLOW_UP_WINDOW: windowEnd <= TODAY ? "COMPLETE" : "INCOMPLETE",
      },
    };
  });
}

/** A figure's counts as the suite expects them: the total, and each cell (zero cells of fixed dimensions included). */
export interface Table {
  total: number;
  cells: Record<string, number>;
  means: Record<string, number | null>;
}

/** Counts each person once in the total and once in each of their cells. */
export function tally(
  facts: readonly Fact[],
  by: Dimension | null,
  extraKeys: readonly string[] = [],
): Table {
  const persons = new Set(facts.map((f) => f.person.name));
  if (by === null) {
    const terms = facts.flatMap((f) => (f.mean == null ? [] : [f.mean]));
    return {
      total: persons.size,
      cells: { ALL: persons.size },
      means: { ALL: terms.length === 0 ? null : terms.reduce((a, b) => a + b, 0) / terms.length },
    };
  }
  const members = new Map<string, Set<string>>();
  const terms = new Map<string, number[]>();
  for (const key of [...(FIXED_CELLS[by] ?? []), ...extraKeys]) members.set(key, new Set());
  for (const fact of facts) {
    const value = fact.values[by];
    const keys =
      value === null || value === undefined ? ["NONE"] : typeof value === "string" ? [value] : value;
    for (const key of keys) {
      if (!members.has(key)) members.set(key, new Set());
      (members.get(key) as Set<string>).add(fact.person.name);
      if (fact.mean != null) terms.set(key, [...(terms.get(key) ?? []), fact.mean]);
    }
  }
  const cells: Record<string, number> = {};
  const means: Record<string, number | null> = {};
  for (const [key, names] of members) {
    cells[key] = names.size;
    const t = terms.get(key) ?? [];
    means[key] = t.length === 0 ? null : t.reduce((a, b) => a + b, 0) / t.length;
  }
  return { total: persons.size, cells, means };
}

/** Names of the persons of one cell (or all, with no cell), sorted. */
export function namesIn(facts: readonly Fact[], by: Dimension | null, cell: string | null): string[] {
  return facts
    .filter((f) => {
      if (by === null || cell === null) return true;
      const value = f.values[by];
      const keys =
        value === null || value === undefined ? ["NONE"] : typeof value === "string" ? [value] : value;
      return keys.includes(cell);
    })
    .map((f) => f.person.name)
    .sort();
}

/** The first days of the calendar periods of `months` months from the one holding `from` to the one holding `to`. */
export function periodStarts(from: string, to: string, months: 1 | 3 | 12): string[] {
  const [year, month] = from.split("-").map(Number) as [number, number];
  let start = `${year}-${String(Math.floor((month - 1) / months) * months + 1).padStart(2, "0")}-01`;
  const starts: string[] = [];
  while (start <= to) {
    starts.push(start);
    start = addMonthsToDate(start, months);
  }
  return starts;
}
