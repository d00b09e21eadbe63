import DataLoader from "dataloader";
import type { ViewerScope } from "../access/policy.js";
import type { Db } from "../db/client.js";
import { type AgencyRecord, agenciesByIds, listAgencies } from "../modules/agencies/agency.repository.js";
import {
  assessmentsByPersonIds,
  type DomainSummaryRecord,
  detailsByAssessmentIds,
  domainSummariesByAssessmentIds,
  domainsByInstrumentIds,
  type InstrumentDomainRecord,
  type InstrumentIndicatorRecord,
  type InstrumentRecord,
  indicatorsByDomainIds,
  instrumentsByIds,
  type RatingRecord,
  type RiskAssessmentDetailRecord,
  type RiskAssessmentRecord,
  ratingsByAssessmentIds,
} from "../modules/assessments/assessment.repository.js";
import {
  type EpisodeRecord,
  episodesByPersonIds,
  type PlacementRecord,
  placementsByPersonIds,
} from "../modules/detention/detention.repository.js";
import {
  type EstablishmentRecord,
  establishmentsByIds,
  type UnitRecord,
  unitsByEstablishmentIds,
  unitsByIds,
} from "../modules/establishments/establishment.repository.js";
import {
  type EvaluationRecord as DisengagementEvaluationRecord,
  evaluationsByPersonIds,
} from "../modules/evaluations/evaluation.repository.js";
import {
  type ActionItemRecord,
  actionItemsByMeetingIds,
  type CardExtrasRow,
  type ClosureRecord,
  type CommonDatabaseEntryRecord,
  closuresByPersonIds,
  type DiscussionRecord,
  discussionsByIds,
  discussionsByMeetingIds,
  entriesByPersonIds,
  type FollowUpMeasureRecord,
  type FollowUpMeasureTypeRecord,
  followUpMeasuresByPersonIds,
  followUpMeasureTypesByIds,
  informationCardExtras,
  type MeetingRecord,
  meetingsByIds,
  type OutcomeRecord,
  outcomesByPersonIds,
} from "../modules/follow-up/follow-up.repository.js";
import { type IncidentRecord, incidentsByPersonIds } from "../modules/incidents/incident.repository.js";
import {
  type AppealRecord,
  appealsByDecisionIds,
  type DecisionRecord,
  decisionsByMeasureIds,
  decisionsByPersonIds,
  decisionsByRecommendationIds,
  type EvaluationRecord,
  type EvidenceRecord,
  evaluationsByMeasureIds,
  evidenceByRecommendationIds,
  type MeasureRecord,
  type MeasureTypeRecord,
  measuresByPersonIds,
  measureTypesByIds,
  type NotificationRecord,
  notificationsByDecisionIds,
  type RecommendationRecord,
  recommendationsByIds,
  recommendationsByPersonIds,
} from "../modules/measures/measure.repository.js";
import { type VisiblePerson, visiblePersonsByIds } from "../modules/persons/person.repository.js";
import {
  type ContactNoteRecord,
  type ContactRecord,
  contactsByEnrolmentIds,
  type EnrolmentRecord,
  enrolmentsByPersonIds,
  notesByContactIds,
  type StatusChangeRecord,
  statusChangesByEnrolmentIds,
} from "../modules/programmes/programme.repository.js";
import {
  type BreachRecord,
  breachesByPersonIds,
  type ConditionRecord,
  type ConditionTypeRecord,
  conditionsByPersonIds,
  conditionTypesByIds,
} from "../modules/release/condition.repository.js";
import {
  type ResidenceRecord,
  type ResponsibilityRecord,
  residencesByPersonIds,
  responsibilitiesByPersonIds,
} from "../modules/release/handover.repository.js";
import {
  overridesByPersonIds,
  plansByPersonIds,
  type ReleaseDateOverrideRecord,
  type ReleasePlanRecord,
} from "../modules/release/release.repository.js";
import {
  latestReportsOfLineages,
  linksByReportIds,
  listObservationIndicators,
  type ObservationIndicatorRecord,
  type ReportLinkRecord,
  type ReportRecord,
  reportsByLineageIds,
  reportsByPersonIds,
} from "../modules/reports/report.repository.js";
import {
  type ListingPeriodRecord,
  listingPeriodsByPersonIds,
  type ScreeningRecord,
  screeningsByPersonIds,
} from "../modules/screening/screening.repository.js";
import {
  type ScreeningSourceRecord,
  sourcesByScreeningIds,
  type WatchlistEntryRecord,
  watchlistByPersonIds,
} from "../modules/screening/watchlist.repository.js";
import { type UserRecord, usersByIds } from "../modules/users/user.repository.js";

type Batch<R> = (db: Db, keys: readonly string[]) => Promise<R[]>;

// A statement takes at most 65,535 parameters; a register of tens of thousands of measures loads
// their decisions in a few statements of this many keys.
const BATCH_OPTIONS = { maxBatchSize: 10_000 };

function oneEach<R>(db: () => Promise<Db>, load: Batch<R>, key: (r: R) => string) {
  return new DataLoader<string, R | null>(async (keys) => {
    const rows = await load(await db(), keys);
    const byKey = new Map(rows.map((r) => [key(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  }, BATCH_OPTIONS);
}

function manyEach<R>(db: () => Promise<Db>, load: Batch<R>, key: (r: R) => string) {
  return new DataLoader<string, R[]>(async (keys) => {
    const rows = await load(await db(), keys);
    const byKey = new Map<string, R[]>();
    for (const r of rows) {
      const list = byKey.get(key(r));
      if (list === undefined) byKey.set(key(r), [r]);
      else list.push(r);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  }, BATCH_OPTIONS);
}

/**
 * Per-request batch loaders: nested fields of a page load with one statement per level, whatever
 * the page size. `visiblePerson` applies the actor's visibility, so references to a person outside
 * it resolve to null (use access/policy.ts loadVisiblePerson, which also checks the matrix).
 */
export function createLoaders(db: () => Promise<Db>, scope: () => ViewerScope) {
  return {
    visiblePerson: oneEach<VisiblePerson>(
      db,
      (d, ids) => visiblePersonsByIds(d, scope(), ids),
      (r) => r.person.id,
    ),
    establishment: oneEach<EstablishmentRecord>(db, establishmentsByIds, (r) => r.id),
    unit: oneEach<UnitRecord>(db, unitsByIds, (r) => r.id),
    unitsOfEstablishment: manyEach<UnitRecord>(db, unitsByEstablishmentIds, (r) => r.establishmentId),
    agency: oneEach<AgencyRecord>(db, agenciesByIds, (r) => r.id),
    /** The agencies directory, small and read whole (responsible agency, contacts). */
    allAgencies: new DataLoader<"all", AgencyRecord[]>(async (keys) => {
      const all = await listAgencies(await db());
      return keys.map(() => all);
    }),
    user: oneEach<UserRecord>(db, usersByIds, (r) => r.id),
    episodesOfPerson: manyEach<EpisodeRecord>(db, episodesByPersonIds, (r) => r.personId),
    placementsOfPerson: manyEach<PlacementRecord>(db, placementsByPersonIds, (r) => r.personId),
    listingPeriodsOfPerson: manyEach<ListingPeriodRecord>(db, listingPeriodsByPersonIds, (r) => r.personId),
    screeningsOfPerson: manyEach<ScreeningRecord>(db, screeningsByPersonIds, (r) => r.personId),
    watchlistOfPerson: manyEach<WatchlistEntryRecord>(db, watchlistByPersonIds, (r) => r.personId),
    sourcesOfScreening: manyEach<ScreeningSourceRecord>(db, sourcesByScreeningIds, (r) => r.screeningId),
    /** Reports the actor's database session may read (row-level security); services still filter. */
    reportsOfPerson: manyEach<ReportRecord>(db, reportsByPersonIds, (r) => r.personId),
    reportVersions: manyEach<ReportRecord>(db, reportsByLineageIds, (r) => r.lineageId),
    latestReport: oneEach<ReportRecord>(db, latestReportsOfLineages, (r) => r.lineageId),
    linksOfReport: manyEach<ReportLinkRecord>(db, linksByReportIds, (r) => r.reportId),
    instrument: oneEach<InstrumentRecord>(db, instrumentsByIds, (r) => r.id),
    domainsOfInstrument: manyEach<InstrumentDomainRecord>(db, domainsByInstrumentIds, (r) => r.instrumentId),
    indicatorsOfDomain: manyEach<InstrumentIndicatorRecord>(db, indicatorsByDomainIds, (r) => r.domainId),
    assessmentsOfPerson: manyEach<RiskAssessmentRecord>(db, assessmentsByPersonIds, (r) => r.personId),
    assessmentDetail: oneEach<RiskAssessmentDetailRecord>(db, detailsByAssessmentIds, (r) => r.assessmentId),
    ratingsOfAssessment: manyEach<RatingRecord>(db, ratingsByAssessmentIds, (r) => r.assessmentId),
    domainSummariesOfAssessment: manyEach<DomainSummaryRecord>(
      db,
      domainSummariesByAssessmentIds,
      (r) => r.assessmentId,
    ),
    measureType: oneEach<MeasureTypeRecord>(db, measureTypesByIds, (r) => r.id),
    recommendation: oneEach<RecommendationRecord>(db, recommendationsByIds, (r) => r.id),
    recommendationsOfPerson: manyEach<RecommendationRecord>(
      db,
      recommendationsByPersonIds,
      (r) => r.personId,
    ),
    evidenceOfRecommendation: manyEach<EvidenceRecord>(
      db,
      evidenceByRecommendationIds,
      (r) => r.recommendationId,
    ),
    decisionOfRecommendation: oneEach<DecisionRecord>(
      db,
      decisionsByRecommendationIds,
      (r) => r.recommendationId as string,
    ),
    decisionsOfPerson: manyEach<DecisionRecord>(db, decisionsByPersonIds, (r) => r.personId),
    decisionsOfMeasure: manyEach<DecisionRecord>(db, decisionsByMeasureIds, (r) => r.measureId as string),
    measuresOfPerson: manyEach<MeasureRecord>(db, measuresByPersonIds, (r) => r.personId),
    notificationsOfDecision: manyEach<NotificationRecord>(
      db,
      notificationsByDecisionIds,
      (r) => r.decisionId,
    ),
    appealsOfDecision: manyEach<AppealRecord>(db, appealsByDecisionIds, (r) => r.decisionId),
    evaluationsOfMeasure: manyEach<EvaluationRecord>(db, evaluationsByMeasureIds, (r) => r.measureId),
    participationsOfPerson: manyEach<EnrolmentRecord>(db, enrolmentsByPersonIds, (r) => r.personId),
    releaseDateOverridesOfPerson: manyEach<ReleaseDateOverrideRecord>(
      db,
      overridesByPersonIds,
      (r) => r.personId,
    ),
    releasePlansOfPerson: manyEach<ReleasePlanRecord>(db, plansByPersonIds, (r) => r.personId),
    conditionType: oneEach<ConditionTypeRecord>(db, conditionTypesByIds, (r) => r.id),
    conditionsOfPerson: manyEach<ConditionRecord>(db, conditionsByPersonIds, (r) => r.personId),
    breachesOfPerson: manyEach<BreachRecord>(db, breachesByPersonIds, (r) => r.personId),
    residencesOfPerson: manyEach<ResidenceRecord>(db, residencesByPersonIds, (r) => r.personId),
    responsibilitiesOfPerson: manyEach<ResponsibilityRecord>(
      db,
      responsibilitiesByPersonIds,
      (r) => r.personId,
    ),
    statusChangesOfParticipation: manyEach<StatusChangeRecord>(
      db,
      statusChangesByEnrolmentIds,
      (r) => r.enrolmentId,
    ),
    contactsOfParticipation: manyEach<ContactRecord>(db, contactsByEnrolmentIds, (r) => r.enrolmentId),
    noteOfContact: oneEach<ContactNoteRecord>(db, notesByContactIds, (r) => r.contactId),
    disengagementEvaluationsOfPerson: manyEach<DisengagementEvaluationRecord>(
      db,
      evaluationsByPersonIds,
      (r) => r.personId,
    ),
    incidentsOfPerson: manyEach<IncidentRecord>(db, incidentsByPersonIds, (r) => r.personId),
    meeting: oneEach<MeetingRecord>(db, meetingsByIds, (r) => r.id),
    discussion: oneEach<DiscussionRecord>(db, discussionsByIds, (r) => r.id),
    discussionsOfMeeting: manyEach<DiscussionRecord>(db, discussionsByMeetingIds, (r) => r.meetingId),
    actionItemsOfMeeting: manyEach<ActionItemRecord>(db, actionItemsByMeetingIds, (r) => r.meetingId),
    followUpMeasureType: oneEach<FollowUpMeasureTypeRecord>(db, followUpMeasureTypesByIds, (r) => r.id),
    followUpMeasuresOfPerson: manyEach<FollowUpMeasureRecord>(
      db,
      followUpMeasuresByPersonIds,
      (r) => r.personId,
    ),
    commonDatabaseOfPerson: manyEach<CommonDatabaseEntryRecord>(db, entriesByPersonIds, (r) => r.personId),
    outcomesOfPerson: manyEach<OutcomeRecord>(db, outcomesByPersonIds, (r) => r.personId),
    closuresOfPerson: manyEach<ClosureRecord>(db, closuresByPersonIds, (r) => r.personId),
    /** The card's threat level and measures to know on a day, for a page of cards in one statement. */
    informationCardExtras: new DataLoader<{ personId: string; on: string }, CardExtrasRow | null, string>(
      async (keys) => {
        const found = new Map<string, CardExtrasRow>();
        for (const on of new Set(keys.map((k) => k.on))) {
          const ids = keys.filter((k) => k.on === on).map((k) => k.personId);
          for (const row of await informationCardExtras(await db(), ids, on))
            found.set(`${row.person_id}:${on}`, row);
        }
        return keys.map((k) => found.get(`${k.personId}:${k.on}`) ?? null);
      },
      { cacheKeyFn: (k) => `${k.personId}:${k.on}` },
    ),
    /** The observation indicators, a short reference list read whole. */
    observationIndicators: new DataLoader<"all", ObservationIndicatorRecord[]>(async (keys) => {
      const all = await listObservationIndicators(await db());
      return keys.map(() => all);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Drops what the request cached about a person, so that a payload shows the state after a change. */
export function forgetPerson(loaders: Loaders, personId: string): void {
  loaders.visiblePerson.clear(personId);
  loaders.episodesOfPerson.clear(personId);
  loaders.placementsOfPerson.clear(personId);
  loaders.listingPeriodsOfPerson.clear(personId);
  loaders.screeningsOfPerson.clear(personId);
  loaders.reportsOfPerson.clear(personId);
  loaders.assessmentsOfPerson.clear(personId);
  loaders.watchlistOfPerson.clear(personId);
  loaders.recommendationsOfPerson.clear(personId);
  loaders.decisionsOfPerson.clear(personId);
  loaders.measuresOfPerson.clear(personId);
  loaders.decisionOfRecommendation.clearAll();
  loaders.decisionsOfMeasure.clearAll();
  loaders.notificationsOfDecision.clearAll();
  loaders.appealsOfDecision.clearAll();
  loaders.evaluationsOfMeasure.clearAll();
  loaders.participationsOfPerson.clear(personId);
  loaders.statusChangesOfParticipation.clearAll();
  loaders.contactsOfParticipation.clearAll();
  loaders.disengagementEvaluationsOfPerson.clear(personId);
  loaders.incidentsOfPerson.clear(personId);
  loaders.releaseDateOverridesOfPerson.clear(personId);
  loaders.releasePlansOfPerson.clear(personId);
  loaders.conditionsOfPerson.clear(personId);
  loaders.breachesOfPerson.clear(personId);
  loaders.residencesOfPerson.clear(personId);
  loaders.responsibilitiesOfPerson.clear(personId);
  loaders.followUpMeasuresOfPerson.clear(personId);
  loaders.commonDatabaseOfPerson.clear(personId);
  loaders.outcomesOfPerson.clear(personId);
  loaders.closuresOfPerson.clear(personId);
  loaders.informationCardExtras.clearAll();
  loaders.discussionsOfMeeting.clearAll();
  loaders.actionItemsOfMeeting.clearAll();
  loaders.reportVersions.clearAll();
  loaders.latestReport.clearAll();
}
