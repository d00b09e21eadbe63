import { addDaysToDate, addMonthsToDate, type IsoDate, maxDate, minDate } from "@continuum/domain";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { newId } from "../db/columns.js";
import {
  assessmentInstruments,
  instrumentDomains,
  instrumentIndicators,
  riskAssessmentDetails,
  riskAssessmentRatings,
  riskAssessments,
} from "../modules/assessments/assessment.table.js";
import { informationReportLinks, informationReports } from "../modules/reports/report.table.js";
import {
  screeningAssignments,
  screeningSources,
  watchlistEntries,
} from "../modules/screening/watchlist.table.js";
import { Random } from "./population/random.js";
import type { SeedPerson } from "./population/types.js";

/** What the case-work seed needs to know about the population and directory already written. */
export interface CaseWorkContext {
  today: IsoDate;
  persons: { id: string; plan: SeedPerson; lastScreening: { id: string; on: IsoDate } | null }[];
  /** Agency and demo-user IDs by agency code; establishment IDs by establishment key. */
  agencyId(code: string): string;
  userId(agencyCode: string): string;
  establishmentId(key: string): string;
}

const CASE_WORK_SEED = 20_201_130;
const BATCH = 1000;

// Fictional, neutral wording: what staff and partners typically record, never about a real person.
const OBSERVATIONS: readonly { title: string; body: string; indicators: readonly string[] }[] = [
  {
    title: "Withdrawn during association time",
    body: "Over the past weeks the inmate has stopped joining the others during association time and spends the hours in the cell. Staff noted no conflict. (Fictional demo text.)",
    indicators: ["OBS-01", "OBS-02"],
  },
  {
    title: "Discussion with other inmates in the yard",
    body: "In the exercise yard the inmate led a long discussion with three other inmates; staff could not hear its content. The group dispersed when asked. (Fictional demo text.)",
    indicators: ["OBS-03"],
  },
  {
    title: "Printed material found during a cell search",
    body: "A routine cell search found printed pages whose content is being assessed. They were seized and handed to the security officer. (Fictional demo text.)",
    indicators: ["OBS-04"],
  },
  {
    title: "Remarks to a staff member",
    body: "After a refused request, the inmate made hostile remarks to the officer on duty, referring to the staff as enemies. No further incident. (Fictional demo text.)",
    indicators: ["OBS-06"],
  },
  {
    title: "Calm and cooperative",
    body: "The inmate works in the prison workshop, follows the regime without incident and keeps regular contact with family during visits. (Fictional demo text.)",
    indicators: [],
  },
  {
    title: "Visit by a person of interest",
    body: "The inmate received a visit from a person who also visits another inmate on the CelEx list. The visit went without incident. (Fictional demo text.)",
    indicators: ["OBS-08"],
  },
];

const INTELLIGENCE = [
  {
    title: "Contacts outside prison",
    body: "Information indicates that the person keeps contact, through a third party, with a group abroad. Assessment ongoing. (Fictional demo text.)",
  },
  {
    title: "Influence within the wing",
    body: "Information indicates that the person is regarded as an authority by several younger inmates of the wing. (Fictional demo text.)",
  },
] as const;

const POLICE = {
  title: "Family situation",
  body: "The local police reports that the person's family has moved to another municipality; no incident known. (Fictional demo text.)",
} as const;

const GRADES = ["B", "C", "C", "D"] as const;
const CREDIBILITY = ["2", "3", "3", "4"] as const;

type ReportRow = typeof informationReports.$inferInsert & { id: string };

/** The open episode's current placement of a person, if detained today. */
function currentPlacementOf(p: SeedPerson) {
  const episode = p.episodes.find((e) => e.releasedOn === null);
  return episode?.placements.find((pl) => pl.validTo === null) ?? null;
}

function listedOn(p: SeedPerson, on: IsoDate): boolean {
  return p.listing.some((l) => l.validFrom <= on && (l.validTo === null || on < l.validTo));
}

/** A recording instant on a day, never later than now. */
function at(day: IsoDate, hour: number): Date {
  const instant = new Date(`${day}T${String(hour).padStart(2, "0")}:15:00Z`);
  return instant.getTime() > Date.now() ? new Date() : instant;
}

/** A first version of a report on a person: its own lineage. */
function firstVersion(
  personId: string,
  observedOn: IsoDate,
  content: Omit<ReportRow, "id" | "lineageId" | "version" | "personId" | "observedOn">,
): ReportRow {
  const id = newId();
  return { id, lineageId: id, version: 1, personId, observedOn, ...content };
}

/**
 * Writes the demo's case work on the population: information reports from the prisons, intelligence
 * and the police on today's inmates (one of them corrected), the intelligence service's broader list,
 * psychosocial risk assessments at Ittre and Hasselt (some overdue), CelEx screening assignments, and
 * the reports the latest screenings rest on. Deterministic, like the population, but for recording
 * instants, which are never later than the moment the seed runs.
 */
export async function writeCaseWork(tx: Tx, ctx: CaseWorkContext): Promise<void> {
  const random = (name: string) => Random.stream(CASE_WORK_SEED, name);
  const reportRandom = random("reports");
  const reports: ReportRow[] = [];
  const links: (typeof informationReportLinks.$inferInsert)[] = [];
  const sources: (typeof screeningSources.$inferInsert)[] = [];
  const prisonAgencies: Record<string, string> = { ittre: "prison-ittre", hasselt: "prison-hasselt" };
  const inmates = ctx.persons.filter((p) => currentPlacementOf(p.plan) !== null);
  const inmatesAt = (key: string) =>
    inmates.filter((p) => currentPlacementOf(p.plan)?.establishmentKey === key);

  for (const person of inmates) {
    const placement = currentPlacementOf(person.plan);
    if (placement === null) continue;
    const since = maxDate(placement.validFrom, addMonthsToDate(ctx.today, -18));
    const span = Math.max(1, Math.round((Date.parse(ctx.today) - Date.parse(since)) / 86_400_000));
    const day = () => addDaysToDate(since, reportRandom.int(0, span - 1));
    const prison = prisonAgencies[placement.establishmentKey];
    const listed = listedOn(person.plan, ctx.today);
    if (prison !== undefined)
      for (let i = reportRandom.int(1, 3); i > 0; i--) {
        const text = reportRandom.pick(OBSERVATIONS);
        const observedOn = day();
        const report = firstVersion(person.id, observedOn, {
          establishmentId: ctx.establishmentId(placement.establishmentKey),
          originatorAgencyId: ctx.agencyId(prison),
          title: text.title,
          body: text.body,
          sourceDetails: reportRandom.chance(0.3) ? "Officer on duty in the wing (fictional)." : null,
          sourceReliability: "B",
          informationCredibility: reportRandom.pick(CREDIBILITY),
          classification: "UNCLASSIFIED",
          handlingCode: "SHARE_LAW_ENFORCEMENT",
          dataClass: "OBSERVATIONS",
          indicatorCodes: [...text.indicators],
          createdBy: ctx.userId(prison),
          createdAt: at(minDate(addDaysToDate(observedOn, 1), ctx.today), 9 + i),
        });
        reports.push(report);
        if (text.indicators.includes("OBS-08")) {
          const contact = inmatesAt(placement.establishmentKey).find((o) => o.id !== person.id);
          if (contact !== undefined)
            links.push({
              reportId: report.id,
              personId: person.id,
              linkedPersonId: contact.id,
              kind: "VISITOR",
            });
        }
      }
    if (listed && reportRandom.chance(0.35)) {
      const text = reportRandom.pick(INTELLIGENCE);
      const observedOn = day();
      reports.push(
        firstVersion(person.id, observedOn, {
          establishmentId: ctx.establishmentId(placement.establishmentKey),
          originatorAgencyId: ctx.agencyId("vsse"),
          title: text.title,
          body: text.body,
          sourceDetails: "Human source, handled by the prison unit (fictional).",
          sourceReliability: reportRandom.pick(GRADES),
          informationCredibility: reportRandom.pick(CREDIBILITY),
          classification: "CONFIDENTIAL",
          handlingCode: reportRandom.chance(0.5) ? "ORIGINATOR_ONLY" : "SHARE_LAW_ENFORCEMENT",
          dataClass: "INTELLIGENCE",
          createdBy: ctx.userId("vsse"),
          createdAt: at(minDate(addDaysToDate(observedOn, 3), ctx.today), 14),
        }),
      );
    }
    if (reportRandom.chance(0.15)) {
      const observedOn = day();
      reports.push(
        firstVersion(person.id, observedOn, {
          originatorAgencyId: ctx.agencyId("police"),
          title: POLICE.title,
          body: POLICE.body,
          sourceReliability: "A",
          informationCredibility: "2",
          classification: "UNCLASSIFIED",
          handlingCode: "SHARE_WITH_CONDITIONS",
          handlingConditions: "For prison and CelEx use only; ask the federal police before passing it on.",
          dataClass: "OBSERVATIONS",
          createdBy: ctx.userId("police"),
          createdAt: at(minDate(addDaysToDate(observedOn, 2), ctx.today), 11),
        }),
      );
    }
    const screening = person.lastScreening;
    // A screening rests on reports recorded before it.
    const basis = reports.filter(
      (r) =>
        r.personId === person.id &&
        screening !== null &&
        (r.createdAt as Date).toISOString().slice(0, 10) < screening.on,
    );
    if (screening !== null && basis[0] !== undefined)
      sources.push({ screeningId: screening.id, personId: person.id, reportId: basis[0].id });
  }

  // One report corrected by its author: the history shows both versions.
  const corrected = reports.find((r) => r.originatorAgencyId === ctx.agencyId("prison-ittre"));
  if (corrected !== undefined) {
    const id = newId();
    reports.push({
      ...corrected,
      id,
      version: 2,
      title: `${corrected.title} (corrected)`,
      body: `${corrected.body} Correction: the observation took place in the afternoon, not the morning.`,
      correctionReason: "Wrong time of day in the first version.",
      createdAt: at(ctx.today, 8),
    });
    for (const l of links.filter((x) => x.reportId === corrected.id)) links.push({ ...l, reportId: id });
  }

  for (let i = 0; i < reports.length; i += BATCH)
    await tx.insert(informationReports).values(reports.slice(i, i + BATCH));
  if (links.length > 0) await tx.insert(informationReportLinks).values(links);
  if (sources.length > 0) await tx.insert(screeningSources).values(sources);
  await tx.insert(watchlistEntries).values(watchlistOf(ctx, random("watchlist")));
  await writeAssessments(tx, ctx, random("assessments"), [...inmatesAt("ittre"), ...inmatesAt("hasselt")]);
  await tx.insert(screeningAssignments).values(
    inmates
      .filter((p, index) => listedOn(p.plan, ctx.today) && index % 2 === 0)
      .map((p) => ({
        id: newId(),
        personId: p.id,
        userId: ctx.userId("celex"),
        assignedBy: ctx.userId("celex"),
      })),
  );
}

/**
 * The intelligence service's broader list: nearly every CelEx inmate as radicalised, and most of the
 * inmates CelEx screened without listing as vulnerable, each from a few weeks into the detention
 * until release. (The demo holds only persons CelEx screened, so it cannot show the paper's "up to
 * 450" in 2018; it shows the intelligence list above the CelEx list all the same.)
 */
function watchlistOf(ctx: CaseWorkContext, random: Random): (typeof watchlistEntries.$inferInsert)[] {
  const rows: (typeof watchlistEntries.$inferInsert)[] = [];
  for (const { id, plan } of ctx.persons)
    for (const episode of plan.episodes) {
      const listed = plan.listing.some(
        (l) =>
          l.validFrom < (episode.releasedOn ?? "9999-12-31") &&
          (l.validTo === null || l.validTo > episode.admittedOn),
      );
      if (!random.chance(listed ? 0.95 : 0.85)) continue;
      const from = addDaysToDate(episode.admittedOn, random.int(3, 30));
      if (from > ctx.today || (episode.releasedOn !== null && from >= episode.releasedOn)) continue;
      rows.push({
        id: newId(),
        personId: id,
        status: listed ? "RADICALISED" : "VULNERABLE",
        validFrom: from,
        validTo: episode.releasedOn,
        agencyId: ctx.agencyId("vsse"),
        createdBy: ctx.userId("vsse"),
      });
    }
  return rows;
}

/** VERA-2R assessments by the psychosocial services of Ittre and Hasselt; about one in four is overdue. */
async function writeAssessments(
  tx: Tx,
  ctx: CaseWorkContext,
  random: Random,
  inmates: CaseWorkContext["persons"],
): Promise<void> {
  const [instrument] = await tx
    .select()
    .from(assessmentInstruments)
    .where(eq(assessmentInstruments.code, "VERA-2R"));
  if (instrument === undefined) throw new Error("the VERA-2R reference data is missing");
  const indicators = await tx
    .select({ id: instrumentIndicators.id, required: instrumentIndicators.required })
    .from(instrumentIndicators)
    .innerJoin(instrumentDomains, eq(instrumentDomains.id, instrumentIndicators.domainId))
    .where(eq(instrumentDomains.instrumentId, instrument.id));
  const summaries: (typeof riskAssessments.$inferInsert)[] = [];
  const details: (typeof riskAssessmentDetails.$inferInsert)[] = [];
  const ratings: (typeof riskAssessmentRatings.$inferInsert)[] = [];
  for (const person of inmates) {
    const placement = currentPlacementOf(person.plan);
    if (placement === null || !listedOn(person.plan, ctx.today) || !random.chance(0.8)) continue;
    const psd = placement.establishmentKey === "ittre" ? "psd-ittre" : "psd-hasselt";
    const overdue = random.chance(0.25);
    const assessedOn = maxDate(
      placement.validFrom,
      addDaysToDate(ctx.today, overdue ? -random.int(200, 330) : -random.int(20, 150)),
    );
    if (assessedOn > ctx.today) continue;
    const id = newId();
    const judgement = random.pick(["LOW", "MODERATE", "MODERATE", "HIGH"] as const);
    summaries.push({
      id,
      personId: person.id,
      instrumentId: instrument.id,
      agencyId: ctx.agencyId(psd),
      assessedOn,
      finalJudgement: judgement,
      nextReviewOn: addMonthsToDate(assessedOn, 6),
      createdBy: ctx.userId(psd),
      createdAt: at(assessedOn, 16),
    });
    details.push({
      assessmentId: id,
      personId: person.id,
      narrative: `Structured professional judgement: ${judgement.toLowerCase()} risk. Interviews with the person and staff, file review. (Fictional demo text.)`,
    });
    for (const indicator of indicators)
      if (indicator.required || random.chance(0.5))
        ratings.push({
          assessmentId: id,
          personId: person.id,
          indicatorId: indicator.id,
          rating: random.chance(judgement === "HIGH" ? 0.6 : 0.25) ? "PRESENT" : "ABSENT",
        });
  }
  if (summaries.length === 0) return;
  await tx.insert(riskAssessments).values(summaries);
  await tx.insert(riskAssessmentDetails).values(details);
  for (let i = 0; i < ratings.length; i += BATCH)
    await tx.insert(riskAssessmentRatings).values(ratings.slice(i, i + BATCH));
}
