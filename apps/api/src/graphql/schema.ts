import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import {
  AuditEventResolver,
  BreakGlassGrantResolver,
  OversightResolver,
} from "../access/oversight.resolver.js";
import { ApiTokenLifecycleResolver } from "../auth/api-token.resolver.js";
import { ApiTokenResolver, AuthResolver } from "../auth/auth.resolver.js";
import { AgencyResolver } from "../modules/agencies/agency.resolver.js";
import { AnalyticsResolver } from "../modules/analytics/analytics.resolver.js";
import {
  AssessmentInstrumentResolver,
  InstrumentDomainResolver,
  PersonAssessmentsResolver,
  RiskAssessmentResolver,
} from "../modules/assessments/assessment.resolver.js";
import { ChangeResolver } from "../modules/changes/change.resolver.js";
import { unusedPubSub } from "../modules/changes/change.stream.js";
import { DetentionEpisodeResolver, PlacementResolver } from "../modules/detention/detention.resolver.js";
import {
  EstablishmentResolver,
  EstablishmentUnitResolver,
} from "../modules/establishments/establishment.resolver.js";
import {
  EstablishmentListedShareResolver,
  UnitOccupancyResolver,
} from "../modules/establishments/establishment-figures.resolver.js";
import {
  DisengagementEvaluationResolver,
  PersonEvaluationsResolver,
} from "../modules/evaluations/evaluation.resolver.js";
import {
  ActionItemResolver,
  CaseClosureResolver,
  CaseOutcomeResolver,
  CommonDatabaseEntryResolver,
  FollowUpMeasureResolver,
  FollowUpMeasureTypeResolver,
  LocalBodyPersonResolver,
  LocalBodyResolver,
  LocalMeetingResolver,
  MeetingDiscussionResolver,
  PersonFollowUpResolver,
} from "../modules/follow-up/follow-up.resolver.js";
import { ImportJobResolver } from "../modules/imports/import.resolver.js";
import { PersonIncidentsResolver, PrisonIncidentResolver } from "../modules/incidents/incident.resolver.js";
import {
  AppealResolver,
  DecisionNotificationResolver,
  DecisionResolver,
  MeasureTypeResolver,
  PersonMeasuresResolver,
  RecommendationResolver,
  SecurityMeasureResolver,
} from "../modules/measures/measure.resolver.js";
import { PersonResolver } from "../modules/persons/person.resolver.js";
import {
  PersonProgrammesResolver,
  ProgrammeContactResolver,
  ProgrammeParticipationResolver,
  ProgrammeStatusChangeResolver,
} from "../modules/programmes/programme.resolver.js";
import {
  PersonReleaseConditionsResolver,
  ReleaseConditionResolver,
} from "../modules/release/condition.resolver.js";
import { CaseResponsibilityResolver, PersonHandOverResolver } from "../modules/release/handover.resolver.js";
import {
  EpisodeReleaseResolver,
  ReleaseCalendarResolver,
  ReleaseDateOverrideResolver,
} from "../modules/release/release.resolver.js";
import {
  InformationReportResolver,
  PersonReportsResolver,
  ReportLinkResolver,
} from "../modules/reports/report.resolver.js";
import { RetentionResolver } from "../modules/retention/retention.resolver.js";
import {
  ListingPeriodResolver,
  ListingResolver,
  ScreeningResolver,
} from "../modules/screening/screening.resolver.js";
import { PersonScreeningResolver, WatchlistResolver } from "../modules/screening/watchlist.resolver.js";
import { UserResolver } from "../modules/users/user.resolver.js";
import { registerEnums } from "./enums.js";
import { NodeResolver } from "./node.resolver.js";
import { authChecker } from "./rule.js";
import { DateTimeScalar } from "./scalars.js";

let built: Promise<GraphQLSchema> | null = null;

/** The GraphQL schema, built once per process from the resolvers (code first). */
export function graphqlSchema(): Promise<GraphQLSchema> {
  if (built === null) {
    registerEnums();
    built = buildSchema({
      resolvers: [
        AnalyticsResolver,
        AgencyResolver,
        ApiTokenResolver,
        ApiTokenLifecycleResolver,
        AppealResolver,
        AssessmentInstrumentResolver,
        AuditEventResolver,
        AuthResolver,
        BreakGlassGrantResolver,
        CaseResponsibilityResolver,
        ChangeResolver,
        DecisionNotificationResolver,
        DecisionResolver,
        DisengagementEvaluationResolver,
        DetentionEpisodeResolver,
        EpisodeReleaseResolver,
        EstablishmentResolver,
        EstablishmentUnitResolver,
        EstablishmentListedShareResolver,
        UnitOccupancyResolver,
        ImportJobResolver,
        InformationReportResolver,
        InstrumentDomainResolver,
        ListingPeriodResolver,
        ListingResolver,
        MeasureTypeResolver,
        NodeResolver,
        OversightResolver,
        PersonAssessmentsResolver,
        PersonEvaluationsResolver,
        PersonHandOverResolver,
        PersonIncidentsResolver,
        PersonFollowUpResolver,
        ActionItemResolver,
        CaseClosureResolver,
        CaseOutcomeResolver,
        CommonDatabaseEntryResolver,
        FollowUpMeasureResolver,
        FollowUpMeasureTypeResolver,
        LocalBodyPersonResolver,
        LocalBodyResolver,
        LocalMeetingResolver,
        MeetingDiscussionResolver,
        PersonReleaseConditionsResolver,
        PersonProgrammesResolver,
        PersonMeasuresResolver,
        PersonReportsResolver,
        PersonScreeningResolver,
        PersonResolver,
        PlacementResolver,
        PrisonIncidentResolver,
        ProgrammeContactResolver,
        ProgrammeParticipationResolver,
        ProgrammeStatusChangeResolver,
        RecommendationResolver,
        ReleaseCalendarResolver,
        ReleaseConditionResolver,
        ReleaseDateOverrideResolver,
        ReportLinkResolver,
        RetentionResolver,
        RiskAssessmentResolver,
        ScreeningResolver,
        SecurityMeasureResolver,
        UserResolver,
        WatchlistResolver,
      ],
      authChecker,
      pubSub: unusedPubSub,
      authMode: "error",
      validate: false,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      emitSchemaFile: false,
    });
  }
  return built;
}
