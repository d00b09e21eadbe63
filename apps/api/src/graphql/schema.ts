import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import {
  AuditEventResolver,
  BreakGlassGrantResolver,
  OversightResolver,
} from "../access/oversight.resolver.js";
import { ApiTokenResolver, AuthResolver } from "../auth/auth.resolver.js";
import { AgencyResolver } from "../modules/agencies/agency.resolver.js";
import {
  AssessmentInstrumentResolver,
  InstrumentDomainResolver,
  PersonAssessmentsResolver,
  RiskAssessmentResolver,
} from "../modules/assessments/assessment.resolver.js";
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
  InformationReportResolver,
  PersonReportsResolver,
  ReportLinkResolver,
} from "../modules/reports/report.resolver.js";
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
        AgencyResolver,
        ApiTokenResolver,
        AppealResolver,
        AssessmentInstrumentResolver,
        AuditEventResolver,
        AuthResolver,
        BreakGlassGrantResolver,
        DecisionNotificationResolver,
        DecisionResolver,
        DisengagementEvaluationResolver,
        DetentionEpisodeResolver,
        EstablishmentResolver,
        EstablishmentUnitResolver,
        EstablishmentListedShareResolver,
        UnitOccupancyResolver,
        InformationReportResolver,
        InstrumentDomainResolver,
        ListingPeriodResolver,
        ListingResolver,
        MeasureTypeResolver,
        NodeResolver,
        OversightResolver,
        PersonAssessmentsResolver,
        PersonEvaluationsResolver,
        PersonIncidentsResolver,
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
        ReportLinkResolver,
        RiskAssessmentResolver,
        ScreeningResolver,
        SecurityMeasureResolver,
        UserResolver,
        WatchlistResolver,
      ],
      authChecker,
      authMode: "error",
      validate: false,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      emitSchemaFile: false,
    });
  }
  return built;
}
