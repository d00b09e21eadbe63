/** The GraphQL documents the benchmark sends, to the API and (where it can express them) to PostGraphile. */

export const TODAY = "2026-11-27";

export const CASELOAD = `query Caseload($first: Int!) {
  persons(first: $first, orderBy: { field: NEXT_SCREENING_DUE }) {
    totalCount
    edges { node {
      id familyName givenNames detentionStatus nextScreeningDueOn screeningState
      listing { category labels since }
      currentPlacement { validFrom establishment { code name } }
      securityMeasures(on: "${TODAY}") { id }
    } }
  }
}`;

/** The same page without the total: what the page costs apart from counting every visible case. */
export const CASELOAD_PAGE = CASELOAD.replace("totalCount\n", "");

export const CASE_FILE = `query CaseFile($id: ID!) {
  node(id: $id) { ... on Person {
    id familyName givenNames dateOfBirth nationalities detentionStatus
    listing { category labels since }
    timeline { kind occurredOn }
  } }
}`;

export const MEASURES_REGISTER = `query Register {
  measuresRegister(on: "${TODAY}") {
    id startsOn endsOn nextReviewOn status
    measureType { code name }
    person { id familyName givenNames }
    establishment { code name }
  }
}`;

export const RELEASE_CALENDAR = `query Calendar {
  releaseCalendar(first: 50, months: 12) {
    totalCount
    countsByKind { kind count }
    edges { node { date kind category person { id familyName givenNames } establishment { code name } } }
  }
}`;

const FIGURE = "points { from to total { value display } cells { key count { value display } } }";

export const SNAPSHOT = `query Snapshot {
  analytics { listedPersons(on: "${TODAY}", by: CATEGORY) { ${FIGURE} } }
}`;

export const SERIES = `query Series {
  analytics { listedPersons(from: "2020-12-01", to: "2026-11-30", interval: MONTH) { ${FIGURE} } }
}`;

/** PostGraphile 4 over the same tables: the caseload as its generated CRUD schema can say it. */
export const PG_CASELOAD = `query Caseload($first: Int!) {
  allPersonCaseSummaries(first: $first, orderBy: NEXT_SCREENING_DUE_ON_ASC) {
    totalCount
    nodes {
      detentionStatus nextScreeningDueOn category labels categorySince
      personByPersonId { id familyName givenNames securityMeasuresByPersonId { totalCount } }
      establishmentByEstablishmentId { code nameFr }
    }
  }
}`;

export const PG_CASELOAD_PAGE = PG_CASELOAD.replace("totalCount\n", "");

export const PG_CASE_FILE = `query CaseFile($id: UUID!) {
  personById(id: $id) {
    id familyName givenNames dateOfBirth nationalities
    personCaseSummaryByPersonId { detentionStatus category labels categorySince }
    detentionEpisodesByPersonId(orderBy: ADMITTED_ON_ASC) { nodes { admittedOn releasedOn } }
    placementsByPersonId(orderBy: VALID_FROM_ASC) { nodes { validFrom validTo } }
    screeningsByPersonId(orderBy: SCREENED_ON_ASC) { nodes { screenedOn outcome } }
    listingPeriodsByPersonId(orderBy: VALID_FROM_ASC) { nodes { validFrom category } }
  }
}`;

export const PG_MEASURES_REGISTER = `query Register {
  allSecurityMeasures(orderBy: STARTS_ON_DESC) {
    nodes {
      id startsOn endsOn nextReviewOn liftedOn endedOn
      measureTypeByMeasureTypeId { code name }
      personByPersonId { id familyName givenNames }
      establishmentByEstablishmentId { code nameFr }
    }
  }
}`;

export const PG_RELEASE_CALENDAR = `query Calendar {
  allDetentionEpisodes(first: 50, condition: { releasedOn: null }, orderBy: CONDITIONAL_RELEASE_ELIGIBLE_ON_ASC) {
    totalCount
    nodes {
      conditionalReleaseEligibleOn endOfSentenceOn
      personByPersonId { id familyName givenNames personCaseSummaryByPersonId { category establishmentByEstablishmentId { code nameFr } } }
    }
  }
}`;
