import { addDaysToDate, type IsoDate, maxDate, todayIso } from "@continuum/domain";
import { eq } from "drizzle-orm";
import type { Logger } from "pino";
import { hashPassword } from "../auth/secrets.js";
import type { Database, Tx } from "../db/client.js";
import { newId } from "../db/columns.js";
import { agencies } from "../modules/agencies/agency.table.js";
import { detentionEpisodes, placements } from "../modules/detention/detention.table.js";
import {
  establishmentPopulations,
  establishments,
  establishmentUnits,
} from "../modules/establishments/establishment.table.js";
import { measureTypes } from "../modules/measures/measure.table.js";
import { foldName } from "../modules/persons/person.repository.js";
import { persons } from "../modules/persons/person.table.js";
import { refreshSummaries } from "../modules/persons/person-summary.js";
import { programmeEnrolments } from "../modules/programmes/programme.table.js";
import { listingPeriods, screenings } from "../modules/screening/screening.table.js";
import { users } from "../modules/users/user.table.js";
import { type CaseWorkContext, writeCaseWork } from "./case-work.js";
import { writeDecisions } from "./decisions.js";
import { DEMO_AGENCIES, demoUsers } from "./directory.js";
import { writeFollowUp } from "./follow-up.js";
import { seedEstablishments } from "./population/establishments.js";
import { generatePopulation } from "./population/generate.js";
import type { PopulationPlan } from "./population/types.js";
import { writeProgrammes } from "./programmes.js";
import { ensureReferenceData } from "./reference.js";
import { writeRelease } from "./release.js";

function required(map: Map<string, string>, key: string): string {
  const value = map.get(key);
  if (value === undefined) throw new Error(`the demo directory has no ${key}`);
  return value;
}

export interface SeedOptions {
  demoPassword: string;
  /** The date the demo history runs up to; defaults to today. */
  today?: IsoDate;
  /** A precomputed hash of the demo password (tests reuse one to skip argon2's cost). */
  passwordHash?: string;
  /** Write only agencies and users, not the population (tests that build their own cases). */
  directoryOnly?: boolean;
  logger?: Logger;
}

export interface SeedResult {
  created: boolean;
  agencies: number;
  users: number;
  persons: number;
}

const BATCH = 1000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Loads the fictional demo data once: agencies and their demo accounts, then the generated
 * population with its whole history. Idempotent: does nothing when the demo agencies exist.
 * All in one transaction, so a failed seed leaves nothing half-written.
 */
export async function seedDemo(database: Database, options: SeedOptions): Promise<SeedResult> {
  const [existing] = await database.db
    .select({ id: agencies.id })
    .from(agencies)
    .where(eq(agencies.code, "celex"));
  if (existing !== undefined) return { created: false, agencies: 0, users: 0, persons: 0 };

  const today = options.today ?? todayIso();
  const plan = options.directoryOnly ? null : generatePopulation(today);
  const passwordHash = options.passwordHash ?? (await hashPassword(options.demoPassword));
  return database.db.transaction(async (tx) => {
    await ensureReferenceData(tx);
    const establishmentIds = await writeEstablishments(tx);
    if (plan !== null) await writePopulationFigures(tx, plan, establishmentIds);
    const directory = await writeDirectory(tx, establishmentIds, passwordHash);
    const personCount = plan === null ? 0 : await writePopulation(tx, plan, establishmentIds, directory);
    options.logger?.info({ persons: personCount, users: directory.userCount }, "demo data written");
    return {
      created: true,
      agencies: DEMO_AGENCIES.length,
      users: directory.userCount,
      persons: personCount,
    };
  });
}

/** Writes the reference establishments and units; returns their IDs by key ("ittre", "ittre/ittre-dradex"). */
async function writeEstablishments(tx: Tx): Promise<Map<string, string>> {
  const reference = seedEstablishments();
  const ids = new Map<string, string>();
  const unitIds = new Map<string, string>();
  for (const e of reference) {
    ids.set(e.key, newId());
    for (const u of e.units) unitIds.set(`${e.key}/${u.key}`, newId());
  }
  await tx.insert(establishments).values(
    reference.map((e) => ({
      id: ids.get(e.key) as string,
      code: e.code,
      nameFr: e.nameFr,
      nameNl: e.nameNl,
      city: e.city,
      judicialDistrict: e.judicialDistrict,
      capacity: e.capacity,
      holdsWomen: e.holdsWomen,
      openedOn: e.openedOn,
      closedOn: e.closedOn,
    })),
  );
  await tx.insert(establishmentUnits).values(
    reference.flatMap((e) =>
      e.units.map((u) => ({
        id: unitIds.get(`${e.key}/${u.key}`) as string,
        establishmentId: ids.get(e.key) as string,
        code: u.code,
        name: u.name,
        kind: u.kind,
        capacity: u.capacity,
      })),
    ),
  );
  for (const [key, id] of unitIds) ids.set(key, id);
  return ids;
}

async function writePopulationFigures(tx: Tx, plan: PopulationPlan, ids: Map<string, string>): Promise<void> {
  await insertInBatches(plan.populationFigures, (batch) =>
    tx.insert(establishmentPopulations).values(
      batch.map((f) => ({
        establishmentId: ids.get(f.establishmentKey) as string,
        on: f.on,
        population: f.population,
        womenPopulation: f.womenPopulation,
      })),
    ),
  );
}

interface Directory {
  celexAgencyId: string;
  caprevAgencyId: string;
  flemishAgencyId: string;
  celexScreenerId: string;
  userCount: number;
  agencyIds: Map<string, string>;
  /** The first demo account of each agency, by agency code. */
  userIdsByAgency: Map<string, string>;
}

async function writeDirectory(
  tx: Tx,
  placeIds: Map<string, string>,
  passwordHash: string,
): Promise<Directory> {
  const agencyIds = new Map(DEMO_AGENCIES.map((a) => [a.code, newId()]));
  await tx.insert(agencies).values(
    DEMO_AGENCIES.map((a) => ({
      id: agencyIds.get(a.code) as string,
      code: a.code,
      name: a.name,
      kind: a.kind,
      establishmentId: a.establishmentKey === undefined ? null : (placeIds.get(a.establishmentKey) ?? null),
      judicialDistrict: a.judicialDistrict ?? null,
      municipality: a.municipality ?? null,
      contactEmail: `contact.${a.code}@continuum.example`,
      languageCommunities: a.languageCommunities ?? [],
    })),
  );
  const accounts = demoUsers().map((u) => ({ ...u, id: newId() }));
  await tx.insert(users).values(
    accounts.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      agencyId: agencyIds.get(u.agencyCode) as string,
      roles: u.roles,
      language: u.language,
      passwordHash: u.isServiceAccount ? null : passwordHash,
      isServiceAccount: u.isServiceAccount,
    })),
  );
  const screener = accounts.find((u) => u.email.startsWith("celex.analyst@"));
  return {
    celexAgencyId: agencyIds.get("celex") as string,
    caprevAgencyId: agencyIds.get("caprev") as string,
    flemishAgencyId: agencyIds.get("flemish-disengagement") as string,
    celexScreenerId: screener?.id as string,
    userCount: accounts.length,
    agencyIds,
    userIdsByAgency: new Map(
      [...accounts]
        .reverse()
        .filter((u) => !u.isServiceAccount)
        .map((u) => [u.agencyCode, u.id]),
    ),
  };
}

// About one in three listed inmates takes part in a disengagement programme (the paper: 64 of 220
// in 2019), with the provider of their language community: CAPREV for French and German speakers,
// the Flemish experts for Dutch speakers.
const PROGRAMME_SHARE = 3;
const PROGRAMME_START_AFTER_DAYS = 60;

function enrolmentsOf(
  plan: PopulationPlan,
  personRows: { id?: string }[],
  directory: Directory,
): (typeof programmeEnrolments.$inferInsert)[] {
  const rows: (typeof programmeEnrolments.$inferInsert)[] = [];
  plan.persons.forEach((p, index) => {
    const episode = p.episodes.at(-1);
    const listing = p.listing.at(-1);
    if (episode === undefined || listing === undefined || index % PROGRAMME_SHARE !== 0) return;
    const start = addDaysToDate(maxDate(episode.admittedOn, listing.validFrom), PROGRAMME_START_AFTER_DAYS);
    if (start > plan.today || (episode.releasedOn !== null && start >= episode.releasedOn)) return;
    rows.push({
      personId: personRows[index]?.id as string,
      providerAgencyId: p.languageCommunity === "NL" ? directory.flemishAgencyId : directory.caprevAgencyId,
      enrolledOn: start,
      // Programmes continue on probation after a conditional release.
      endedOn:
        episode.releasedOn !== null && episode.releaseType !== "CONDITIONAL_RELEASE"
          ? episode.releasedOn
          : null,
    });
  });
  return rows;
}

async function writePopulation(
  tx: Tx,
  plan: PopulationPlan,
  placeIds: Map<string, string>,
  directory: Directory,
): Promise<number> {
  const personRows: (typeof persons.$inferInsert)[] = [];
  const episodeRows: (typeof detentionEpisodes.$inferInsert)[] = [];
  const placementRows: (typeof placements.$inferInsert)[] = [];
  const screeningRows: (typeof screenings.$inferInsert)[] = [];
  const periodRows: (typeof listingPeriods.$inferInsert)[] = [];
  const caseWorkPersons: CaseWorkContext["persons"] = [];

  for (const p of plan.persons) {
    const personId = newId();
    personRows.push({
      id: personId,
      reference: p.reference,
      familyName: p.familyName,
      givenNames: p.givenNames,
      aliases: p.aliases,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex,
      nationalities: p.nationalities,
      languageCommunity: p.languageCommunity,
      returnee: p.returnee,
      failedTraveller: p.failedTraveller,
      ideology: p.ideology,
      sortName: foldName(`${p.familyName} ${p.givenNames}`),
      searchText: foldName([p.familyName, p.givenNames, ...p.aliases].join(" | ")),
    });
    const episodeIds = p.episodes.map(() => newId());
    p.episodes.forEach((e, i) => {
      const { placements: episodePlacements, ...episode } = e;
      episodeRows.push({
        id: episodeIds[i] as string,
        personId,
        ...episode,
        ruleEligibleOn: episode.conditionalReleaseEligibleOn,
        ruleEndOfSentenceOn: episode.endOfSentenceOn,
      });
      for (const pl of episodePlacements)
        placementRows.push({
          personId,
          episodeId: episodeIds[i] as string,
          establishmentId: placeIds.get(pl.establishmentKey) as string,
          unitId:
            pl.unitKey === null ? null : (placeIds.get(`${pl.establishmentKey}/${pl.unitKey}`) as string),
          validFrom: pl.validFrom,
          validTo: pl.validTo,
          reason: pl.reason,
        });
    });
    const screeningIdByDate = new Map<string, string>();
    let lastScreening: CaseWorkContext["persons"][number]["lastScreening"] = null;
    for (const s of p.screenings) {
      const episodeIndex = p.episodes.findIndex(
        (e) => e.admittedOn <= s.screenedOn && (e.releasedOn === null || s.screenedOn <= e.releasedOn),
      );
      const id = newId();
      if (s.outcome === "LISTED" || s.outcome === "CHANGED") screeningIdByDate.set(s.screenedOn, id);
      if (lastScreening === null || s.screenedOn >= lastScreening.on)
        lastScreening = { id, on: s.screenedOn };
      screeningRows.push({
        id,
        personId,
        episodeId: episodeIds[episodeIndex] as string,
        ...s,
        agencyId: directory.celexAgencyId,
        createdBy: directory.celexScreenerId,
      });
    }
    for (const l of p.listing)
      periodRows.push({ personId, ...l, screeningId: screeningIdByDate.get(l.validFrom) ?? null });
    caseWorkPersons.push({ id: personId, plan: p, lastScreening });
  }

  await insertInBatches(personRows, (b) => tx.insert(persons).values(b));
  await insertInBatches(episodeRows, (b) => tx.insert(detentionEpisodes).values(b));
  await insertInBatches(placementRows, (b) => tx.insert(placements).values(b));
  await insertInBatches(screeningRows, (b) => tx.insert(screenings).values(b));
  await insertInBatches(periodRows, (b) => tx.insert(listingPeriods).values(b));
  const agencyCodes = new Map([...directory.agencyIds].map(([code, id]) => [id, code]));
  await writeProgrammes(tx, enrolmentsOf(plan, personRows, directory), plan.today, (agencyId) =>
    required(directory.userIdsByAgency, required(agencyCodes, agencyId)),
  );
  const caseWork: CaseWorkContext = {
    today: plan.today,
    persons: caseWorkPersons,
    agencyId: (code) => required(directory.agencyIds, code),
    userId: (code) => required(directory.userIdsByAgency, code),
    establishmentId: (key) => required(placeIds, key),
  };
  await writeCaseWork(tx, caseWork);
  const measureTypeIds = new Map(
    (await tx.select({ id: measureTypes.id, code: measureTypes.code }).from(measureTypes)).map((t) => [
      t.code,
      t.id,
    ]),
  );
  await writeDecisions(tx, {
    ...caseWork,
    measureTypeId: (code) => required(measureTypeIds, code),
    unitId: (establishmentKey, unitKey) => required(placeIds, `${establishmentKey}/${unitKey}`),
  });
  await writeRelease(tx, { ...caseWork, episodes: episodeRows });
  const ids = personRows.map((p) => p.id as string);
  for (let i = 0; i < ids.length; i += BATCH) await refreshSummaries(tx, ids.slice(i, i + BATCH));
  await writeFollowUp(tx, caseWork);
  return personRows.length;
}
