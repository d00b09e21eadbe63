/**
 * Saved example queries of the query explorer: the paper's figures and a few questions around them,
 * each a complete operation with its variables. A unit test validates every one against the API's
 * schema (`apps/api/schema.graphql`) and checks its title and description in every language, so
 * they cannot drift from the API. The definitions of the figures are the `Analytics` field
 * descriptions, which the explorer's documentation shows.
 */

export type ExampleId =
  | "scope"
  | "listedByCategory"
  | "listComparison"
  | "inmatesProfile"
  | "dradexOccupancy"
  | "sentenceLengths"
  | "releasesByCategory"
  | "upcomingEligibility"
  | "programmeParticipation"
  | "returneeEvaluations"
  | "recidivism"
  | "whatIfFemaleReturnees"
  | "drillDown";

export interface ExampleQuery {
  id: ExampleId;
  /** The key of its title and description under `explorer.examples.<id>`. */
  titleKey: `examples.${ExampleId}.title`;
  descriptionKey: `examples.${ExampleId}.description`;
  /** Only readers of cases may run it (statisticians get FORBIDDEN: figures only). */
  readersOfCasesOnly: boolean;
  query: string;
  variables: Record<string, unknown>;
}

/** What every example asks of a figure: its definition, and each point's total and cells. */
export const FIGURE_FRAGMENT = `fragment FigureValues on Figure {
  figure
  scope
  unit
  by
  interval
  denominator
  mean
  filters {
    dimension
    value
  }
  points {
    from
    to
    total {
      display
      value
      suppression
    }
    cells {
      key
      count {
        display
        value
        suppression
      }
      share
      mean
    }
  }
}`;

const figure = (operation: string) => `${operation}\n\n${FIGURE_FRAGMENT}\n`;

function example(
  id: ExampleId,
  query: string,
  variables: Record<string, unknown>,
  readersOfCasesOnly = false,
): ExampleQuery {
  return {
    id,
    titleKey: `examples.${id}.title`,
    descriptionKey: `examples.${id}.description`,
    readersOfCasesOnly,
    query,
    variables,
  };
}

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  example(
    "scope",
    `# Whose cases your figures count:
# VISIBLE_CASES: the cases you may read, exact counts;
# ALL_CASES_PROTECTED: every case, small counts
# suppressed, days are first days of months.
query AnalyticsScope {
  analytics {
    scope
  }
}
`,
    {},
  ),
  example(
    "listedByCategory",
    figure(`# Figure 1: the CelEx list by category (A–E),
# month by month.
query Figure1ListedByCategory($from: Date!, $to: Date!) {
  analytics {
    listedPersons(from: $from, to: $to, interval: MONTH, by: CATEGORY) {
      ...FigureValues
    }
  }
}`),
    { from: "2015-01-01", to: "2020-12-31" },
  ),
  example(
    "listComparison",
    figure(`# Figure 2: the CelEx list next to the intelligence
# service's list (CELEX, INTELLIGENCE, BOTH).
query Figure2ListComparison($on: Date!) {
  analytics {
    listComparison(on: $on, by: LIST) {
      ...FigureValues
    }
  }
}`),
    { on: "2020-05-31" },
  ),
  example(
    "inmatesProfile",
    figure(`# CelEx inmates (detained and listed) on a day,
# by sex, age band and nationality group.
query CelexInmatesProfile($on: Date!) {
  analytics {
    bySex: detainedPersons(on: $on, by: SEX, filter: { listed: true }) {
      ...FigureValues
    }
    byAgeBand: detainedPersons(on: $on, by: AGE_BAND, filter: { listed: true }) {
      ...FigureValues
    }
    byNationalityGroup: detainedPersons(on: $on, by: NATIONALITY_GROUP, filter: { listed: true }) {
      ...FigureValues
    }
  }
}`),
    { on: "2020-05-31" },
  ),
  example(
    "dradexOccupancy",
    figure(`# D-Rad:Ex occupancy per unit: each cell's denominator
# is the unit's places, its share the occupancy rate.
query DradexOccupancy($on: Date!) {
  analytics {
    dradexOccupancy(on: $on, by: UNIT) {
      ...FigureValues
    }
  }
}`),
    { on: "2020-02-01" },
  ),
  example(
    "sentenceLengths",
    figure(`# CelEx inmates by sentence band; each cell's mean is
# the mean sentence in months (fixed terms only).
query SentenceLengths($on: Date!) {
  analytics {
    sentenceLengths(on: $on, by: SENTENCE_BAND) {
      ...FigureValues
    }
  }
}`),
    { on: "2020-05-31" },
  ),
  example(
    "releasesByCategory",
    figure(`# Releases of persons on the CelEx list, by the
# category they had the day before release.
query ReleasesByCategory($from: Date!, $to: Date!) {
  analytics {
    releases(from: $from, to: $to, by: CATEGORY) {
      ...FigureValues
    }
  }
}`),
    { from: "2012-01-01", to: "2020-02-29" },
  ),
  example(
    "upcomingEligibility",
    figure(`# CelEx inmates by the year they become eligible for
# conditional release, as known on the day.
query UpcomingEligibility($on: Date!) {
  analytics {
    upcomingReleaseDates(on: $on, by: YEAR, dateKind: CONDITIONAL_RELEASE_ELIGIBILITY) {
      ...FigureValues
    }
  }
}`),
    { on: "2020-01-01" },
  ),
  example(
    "programmeParticipation",
    figure(`# Persons on the CelEx list in the year who took part
# in a disengagement programme, by provider.
query ProgrammeParticipation($from: Date!, $to: Date!) {
  analytics {
    programmeParticipation(from: $from, to: $to, by: PROVIDER) {
      ...FigureValues
    }
  }
}`),
    { from: "2019-01-01", to: "2019-12-31" },
  ),
  example(
    "returneeEvaluations",
    figure(`# Returnees with a disengagement evaluation: did the
# latest one see signs of disengagement?
query ReturneeEvaluations($on: Date!) {
  analytics {
    disengagementEvaluations(on: $on, by: DISENGAGEMENT_SIGNS, filter: { returnee: true }) {
      ...FigureValues
    }
  }
}`),
    { on: "2020-05-31" },
  ),
  example(
    "recidivism",
    figure(`# Persons released from the CelEx list who committed
# a new terrorist offence within 36 months. Only
# releases whose 36 months have all passed
# (FOLLOW_UP_WINDOW COMPLETE) give a rate.
query Recidivism($from: Date!, $to: Date!, $months: Int!) {
  analytics {
    recidivism(
      from: $from
      to: $to
      withinMonths: $months
      by: OUTCOME
      filter: { followUpWindow: "COMPLETE" }
    ) {
      ...FigureValues
    }
  }
}`),
    { from: "2012-01-01", to: "2020-02-29", months: 36 },
  ),
  example(
    "whatIfFemaleReturnees",
    `# What if 10 more female returnees were detained:
# their share of the female prison population.
query WhatIfFemaleReturnees($on: Date!, $additional: Int!) {
  analytics {
    whatIfShare(on: $on, group: FEMALE_RETURNEES, additional: $additional) {
      group
      on
      additional
      current {
        display
        value
        suppression
      }
      population
      shareNow
      shareWithAdditional
    }
  }
}
`,
    { on: "2020-05-31", additional: 10 },
  ),
  example(
    "drillDown",
    `# The persons behind one cell: category E on the
# CelEx list on the day (readers of cases only;
# every person returned is audited as a read).
query DrillDownCategoryE($on: Date!, $first: Int!) {
  analytics {
    persons(figure: LISTED_PERSONS, on: $on, by: CATEGORY, cell: "E", first: $first) {
      totalCount
      edges {
        node {
          id
          card {
            familyName
            givenNames
            category
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
`,
    { on: "2020-05-31", first: 20 },
    true,
  ),
];

/** The variables as the explorer's variables editor shows them. */
export function variablesText(example: ExampleQuery): string {
  return Object.keys(example.variables).length === 0 ? "" : JSON.stringify(example.variables, null, 2);
}
