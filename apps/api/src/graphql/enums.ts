import {
  ACTION_ITEM_STATUS_DESCRIPTIONS,
  ActionItemStatus,
  AGENCY_KIND_DESCRIPTIONS,
  AgencyKind,
  APPEAL_BODY_DESCRIPTIONS,
  APPEAL_OUTCOME_DESCRIPTIONS,
  AppealBody,
  AppealOutcome,
  CaseAction,
  CaseStage,
  CLASSIFICATION_DESCRIPTIONS,
  CLOSURE_REASON_DESCRIPTIONS,
  Classification,
  ClosureReason,
  COMMON_DATABASE_CATEGORY_DESCRIPTIONS,
  CONDITION_STATUS_DESCRIPTIONS,
  CommonDatabaseCategory,
  ConditionStatus,
  DataClass,
  DECISION_KIND_DESCRIPTIONS,
  DecisionKind,
  DetentionStatus,
  DISENGAGEMENT_LEVEL_DESCRIPTIONS,
  DisengagementLevel,
  ENTRY_BASIS_DESCRIPTIONS,
  EntryBasis,
  HANDLING_CODE_DESCRIPTIONS,
  HandlingCode,
  IDEOLOGICAL_MOTIVE_DESCRIPTIONS,
  IDEOLOGY_DESCRIPTIONS,
  IdeologicalMotive,
  Ideology,
  INCIDENT_KIND_DESCRIPTIONS,
  INDICATOR_RATING_DESCRIPTIONS,
  IncidentKind,
  IndicatorRating,
  JudicialDistrict,
  Language,
  LanguageCommunity,
  LEGACY_CATEGORY_DESCRIPTIONS,
  LEGAL_STATUS_DESCRIPTIONS,
  LegacyCategory,
  LegalStatus,
  LISTING_LABEL_DESCRIPTIONS,
  ListingLabel,
  LocalBodyKind,
  MEASURE_ADVICE_DESCRIPTIONS,
  MEASURE_STATUS_DESCRIPTIONS,
  MEETING_KIND_DESCRIPTIONS,
  MeasureAdvice,
  MeasureStatus,
  MeetingKind,
  NOTIFICATION_METHOD_DESCRIPTIONS,
  NotificationMethod,
  OUTCOME_KIND_DESCRIPTIONS,
  OutcomeKind,
  Place,
  PROGRAMME_COMPONENT_DESCRIPTIONS,
  PROGRAMME_STATUS_DESCRIPTIONS,
  ProgrammeComponent,
  ProgrammeStatus,
  PURPOSE_DESCRIPTIONS,
  PurposeCode,
  RECIDIVISM_DESCRIPTIONS,
  RECOMMENDATION_KIND_DESCRIPTIONS,
  RECOMMENDATION_OUTCOME_DESCRIPTIONS,
  RELEASE_DATE_KIND_DESCRIPTIONS,
  RELEASE_TYPE_DESCRIPTIONS,
  REPORT_LINK_KIND_DESCRIPTIONS,
  RESPONSIBILITY_KIND_DESCRIPTIONS,
  RETENTION_ACTION_DESCRIPTIONS,
  RETENTION_STATUS_DESCRIPTIONS,
  REVIEW_OUTCOME_DESCRIPTIONS,
  Recidivism,
  RecommendationKind,
  RecommendationOutcome,
  ReleaseDateKind,
  ReleaseType,
  ReportLinkKind,
  ResponsibilityKind,
  RetentionAction,
  RetentionStatus,
  ReviewOutcome,
  RISK_JUDGEMENT_DESCRIPTIONS,
  RiskJudgement,
  ROLE_DESCRIPTIONS,
  Role,
  SCREENING_OUTCOME_DESCRIPTIONS,
  ScreeningOutcome,
  ScreeningSource,
  ScreeningState,
  Sex,
  SOURCE_RELIABILITY_DESCRIPTIONS,
  SourceReliability,
  Tier,
  UNIT_KIND_DESCRIPTIONS,
  UnitKind,
  WATCHLIST_STATUS_DESCRIPTIONS,
  WatchlistStatus,
} from "@continuum/domain";
import { registerEnumType } from "type-graphql";
import { ApiTokenScope } from "../auth/api-token-scope.js";

function register(
  values: Record<string, string>,
  name: string,
  description: string,
  valueDescriptions: Partial<Record<string, string>> = {},
): void {
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.keys(values).map((v) => [
        v,
        valueDescriptions[v] === undefined ? {} : { description: valueDescriptions[v] },
      ]),
    ),
  });
}

/** Registers the domain's enums with GraphQL once, with their documentation. */
export function registerEnums(): void {
  register(AgencyKind, "AgencyKind", "The kind of organisation an agency is.", AGENCY_KIND_DESCRIPTIONS);
  register(Role, "Role", "What a user does inside their agency.", ROLE_DESCRIPTIONS);
  register(Language, "Language", "A portal language.");
  register(JudicialDistrict, "JudicialDistrict", "One of Belgium's twelve judicial districts.");
  register(
    LegacyCategory,
    "LegacyCategory",
    "The CelEx category used since 2015 (A–E).",
    LEGACY_CATEGORY_DESCRIPTIONS,
  );
  register(
    ListingLabel,
    "ListingLabel",
    "A nominal, combinable CelEx label (since 2020).",
    LISTING_LABEL_DESCRIPTIONS,
  );
  register(Ideology, "Ideology", "The ideology a person's extremism is linked to.", IDEOLOGY_DESCRIPTIONS);
  register(Sex, "Sex", "Sex as recorded in the prison register.");
  register(LanguageCommunity, "LanguageCommunity", "Belgian language community (FR, NL, DE).");
  register(LegalStatus, "LegalStatus", "Legal ground of a detention.", LEGAL_STATUS_DESCRIPTIONS);
  register(ReleaseType, "ReleaseType", "How a detention episode ended.", RELEASE_TYPE_DESCRIPTIONS);
  register(DetentionStatus, "DetentionStatus", "Whether a person is detained now.", {
    DETAINED: "In a detention episode now.",
    RELEASED: "Was detained; no open episode now.",
    NOT_DETAINED: "Has never been detained in Continuum's records.",
  });
  register(UnitKind, "UnitKind", "The kind of a unit inside an establishment.", UNIT_KIND_DESCRIPTIONS);
  register(ScreeningOutcome, "ScreeningOutcome", "What a screening decided.", SCREENING_OUTCOME_DESCRIPTIONS);
  register(ScreeningSource, "ScreeningSource", "A source a screening consulted.");
  register(ScreeningState, "ScreeningState", "Where a person's next screening stands today.", {
    OVERDUE: "The due date has passed.",
    DUE_SOON: "Due within 14 days.",
    SCHEDULED: "Due later.",
    NOT_APPLICABLE: "Not in detention: no screening due.",
  });
  register(
    CaseAction,
    "CaseAction",
    "A kind of change to case records (docs/access.md, who may change what).",
    {
      PERSON_REGISTER: "Register a person (IDENTITY).",
      DETENTION_RECORD: "Record admissions, transfers and releases (DETENTION).",
      SCREENING_RECORD: "Record CelEx screenings and assign who is responsible for them (LISTING).",
      REPORT_FILE: "File and correct information reports on persons you know of.",
      ASSESSMENT_RECORD: "Record risk assessments (CLINICAL).",
      WATCHLIST_RECORD:
        "Keep the intelligence service's list of radicalised or vulnerable inmates (INTELLIGENCE).",
      RECOMMENDATION_WRITE: "Write recommendations on regime and measures (MEASURES).",
      RECOMMENDATION_DECIDE: "Decide on recommendations: accept, amend or reject (MEASURES).",
      MEASURE_DECIDE:
        "Impose and review individual security measures, within each measure type's rules (MEASURES).",
      MEASURE_EVALUATE: "Record the periodic evaluations a measure type requires (MEASURES).",
      NOTICE_RECORD: "Record how an inmate was told of a decision, and appeals and their outcome (MEASURES).",
      PROGRAMME_OFFER: "Offer a detained person a disengagement programme, in the provider's name.",
      PROGRAMME_RECORD: "Record a programme's course and contacts (the provider; PROGRAMME).",
      DISENGAGEMENT_EVALUATE: "Record evaluations of signs of disengagement (INTELLIGENCE).",
      INCIDENT_RECORD: "Record incidents in prison (OBSERVATIONS).",
    },
  );
  register(DataClass, "DataClass", "A class of personal data; access and audit are decided per class.");
  register(CaseStage, "CaseStage", "Where a case stands: in prison, released (followed up) or closed.", {
    IN_PRISON: "In a detention episode (or registered, not yet admitted).",
    RELEASED: "Released; followed up after release.",
    CLOSED: "Closed (outcome recorded).",
  });
  register(Tier, "Tier", "How much of a person an actor gets (the common database's tiers).", {
    NONE: "Nothing: the person does not exist for you.",
    HIT: "Hit / no-hit: a look-up tells you the person is known and whom to contact.",
    CARD: "The information card only.",
    READ: "Consult only, for the data classes listed.",
    FULL: "Consult and feed, for the data classes listed.",
  });
  register(PurposeCode, "PurposeCode", "Why personal data is opened.", PURPOSE_DESCRIPTIONS);
  register(Place, "Place", "Where a person must be for a rule of the access matrix to apply.", {
    ANY: "Anywhere.",
    OWN_ESTABLISHMENT: "Placed now in your establishment.",
    OWN_DISTRICT: "Released into your judicial district.",
    OWN_MUNICIPALITY: "Released into your municipality.",
    ENROLLED: "Enrolled in your disengagement programme.",
  });
  register(
    SourceReliability,
    "SourceReliability",
    "How reliable the source of an information report is (Admiralty grading, A best).",
    SOURCE_RELIABILITY_DESCRIPTIONS,
  );
  register(
    Classification,
    "Classification",
    "The security classification of a report.",
    CLASSIFICATION_DESCRIPTIONS,
  );
  register(
    HandlingCode,
    "HandlingCode",
    "How far the originating agency lets a report travel (docs/access.md, originator control).",
    HANDLING_CODE_DESCRIPTIONS,
  );
  register(
    ReportLinkKind,
    "ReportLinkKind",
    "How another person is linked to a report.",
    REPORT_LINK_KIND_DESCRIPTIONS,
  );
  register(
    RiskJudgement,
    "RiskJudgement",
    "The final professional judgement of a risk assessment.",
    RISK_JUDGEMENT_DESCRIPTIONS,
  );
  register(
    IndicatorRating,
    "IndicatorRating",
    "How an indicator of an instrument was rated.",
    INDICATOR_RATING_DESCRIPTIONS,
  );
  register(
    WatchlistStatus,
    "WatchlistStatus",
    "A status on the intelligence service's list of radicalised or vulnerable inmates.",
    WATCHLIST_STATUS_DESCRIPTIONS,
  );
  register(
    RecommendationKind,
    "RecommendationKind",
    "What CelEx recommends for an inmate.",
    RECOMMENDATION_KIND_DESCRIPTIONS,
  );
  register(
    RecommendationOutcome,
    "RecommendationOutcome",
    "The Director General's answer to a recommendation.",
    RECOMMENDATION_OUTCOME_DESCRIPTIONS,
  );
  register(DecisionKind, "DecisionKind", "What a decision is about.", DECISION_KIND_DESCRIPTIONS);
  register(ReviewOutcome, "ReviewOutcome", "The outcome of a measure's review.", REVIEW_OUTCOME_DESCRIPTIONS);
  register(MeasureStatus, "MeasureStatus", "Where a measure stands on a date.", MEASURE_STATUS_DESCRIPTIONS);
  register(
    NotificationMethod,
    "NotificationMethod",
    "How an inmate was told of a decision.",
    NOTIFICATION_METHOD_DESCRIPTIONS,
  );
  register(AppealBody, "AppealBody", "Where an inmate appealed or complained.", APPEAL_BODY_DESCRIPTIONS);
  register(AppealOutcome, "AppealOutcome", "The answer to an appeal.", APPEAL_OUTCOME_DESCRIPTIONS);
  register(
    MeasureAdvice,
    "MeasureAdvice",
    "What a periodic evaluation advises about a measure.",
    MEASURE_ADVICE_DESCRIPTIONS,
  );
  register(
    ProgrammeStatus,
    "ProgrammeStatus",
    "Where a person stands in a disengagement programme.",
    PROGRAMME_STATUS_DESCRIPTIONS,
  );
  register(
    ProgrammeComponent,
    "ProgrammeComponent",
    "What a programme contact worked on.",
    PROGRAMME_COMPONENT_DESCRIPTIONS,
  );
  register(
    DisengagementLevel,
    "DisengagementLevel",
    "Signs of disengagement seen by the threat-analysis body.",
    DISENGAGEMENT_LEVEL_DESCRIPTIONS,
  );
  register(IncidentKind, "IncidentKind", "An incident in prison.", INCIDENT_KIND_DESCRIPTIONS);
  register(
    IdeologicalMotive,
    "IdeologicalMotive",
    "Whether an incident was ideologically motivated.",
    IDEOLOGICAL_MOTIVE_DESCRIPTIONS,
  );
  register(
    Recidivism,
    "Recidivism",
    "Legal recidivism, which decides the eligibility rule.",
    RECIDIVISM_DESCRIPTIONS,
  );
  register(
    ReleaseDateKind,
    "ReleaseDateKind",
    "A date that drives release preparation.",
    RELEASE_DATE_KIND_DESCRIPTIONS,
  );
  register(
    ConditionStatus,
    "ConditionStatus",
    "Where a release condition stands.",
    CONDITION_STATUS_DESCRIPTIONS,
  );
  register(
    ResponsibilityKind,
    "ResponsibilityKind",
    "What a local body is responsible for after release.",
    RESPONSIBILITY_KIND_DESCRIPTIONS,
  );
  register(LocalBodyKind, "LocalBodyKind", "A kind of local body that follows persons after release.", {
    LOCAL_TASK_FORCE: AGENCY_KIND_DESCRIPTIONS.LOCAL_TASK_FORCE,
    LOCAL_CELL: AGENCY_KIND_DESCRIPTIONS.LOCAL_CELL,
  });
  register(MeetingKind, "MeetingKind", "A local body's kind of meeting.", MEETING_KIND_DESCRIPTIONS);
  register(
    ActionItemStatus,
    "ActionItemStatus",
    "Where an action item stands.",
    ACTION_ITEM_STATUS_DESCRIPTIONS,
  );
  register(
    CommonDatabaseCategory,
    "CommonDatabaseCategory",
    "The threat-analysis body's category in the common database.",
    COMMON_DATABASE_CATEGORY_DESCRIPTIONS,
  );
  register(EntryBasis, "EntryBasis", "On what a common-database entry rests.", ENTRY_BASIS_DESCRIPTIONS);
  register(OutcomeKind, "OutcomeKind", "What happened to a person after release.", OUTCOME_KIND_DESCRIPTIONS);
  register(ClosureReason, "ClosureReason", "Why a case was closed.", CLOSURE_REASON_DESCRIPTIONS);
  register(
    RetentionAction,
    "RetentionAction",
    "What retention does with a class of a closed case.",
    RETENTION_ACTION_DESCRIPTIONS,
  );
  register(
    RetentionStatus,
    "RetentionStatus",
    "Where a retention item stands.",
    RETENTION_STATUS_DESCRIPTIONS,
  );
  register(ApiTokenScope, "ApiTokenScope", "What an API token may do on behalf of its account.", {
    READ: "Queries only.",
    WRITE: "Queries and mutations.",
  });
}
