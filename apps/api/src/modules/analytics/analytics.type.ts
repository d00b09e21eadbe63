import {
  AGE_BAND_DESCRIPTIONS,
  AgeBand,
  AnalyticsInterval,
  AnalyticsScope,
  NATIONALITY_GROUP_DESCRIPTIONS,
  NationalityGroup,
  ROUNDING_BASE,
  SENTENCE_BAND_DESCRIPTIONS,
  SentenceBand,
  SMALL_COUNT_THRESHOLD,
  Suppression,
} from "@continuum/domain";
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";
import { AnalyticsDimension, AnalyticsFigure, FIGURES, type FigureUnit } from "./analytics.figures.js";

const describe = (values: Record<string, string>, descriptions: Record<string, string>) =>
  Object.fromEntries(Object.keys(values).map((v) => [v, { description: descriptions[v] }]));

registerEnumType(AnalyticsFigure, {
  name: "AnalyticsFigure",
  description: "A figure of the analytics (see each `Analytics` field for its definition).",
  valuesConfig: describe(
    AnalyticsFigure,
    Object.fromEntries(Object.entries(FIGURES).map(([name, f]) => [name, f.definition])),
  ),
});

registerEnumType(AnalyticsDimension, {
  name: "AnalyticsDimension",
  description: "What a figure's cells are (`by`); each figure lists the dimensions it has.",
  valuesConfig: describe(AnalyticsDimension, {
    CATEGORY: "The CelEx category (A–E) on the day counted.",
    LABEL: "The CelEx labels on the day (a person with several labels is in several cells).",
    SEX: "Sex as recorded.",
    AGE_BAND: "Age on the day counted, in bands.",
    NATIONALITY_GROUP: "Belgian (whatever else), another EU country, outside the EU.",
    LANGUAGE_COMMUNITY: "Belgian language community.",
    RETURNEE: "Returned foreign fighter (YES/NO).",
    FAILED_TRAVELLER: "Prevented from travelling to a conflict zone (YES/NO).",
    ESTABLISHMENT: "The establishment's code (NONE: not held in one).",
    SENTENCE_BAND: "The detention episode's sentence in bands.",
    RELEASE_TYPE: "How the detention episode ended.",
    PROVIDER: "The disengagement service's agency code; ANY and NONE.",
    LIST: "CELEX, INTELLIGENCE or BOTH lists.",
    UNIT: "A D-Rad:Ex unit, as ESTABLISHMENT/UNIT codes.",
    LISTED: "On the CelEx list on the day (YES/NO).",
    YEAR: "The calendar year of the date counted.",
    EVALUATION_LEVEL: "The latest disengagement evaluation's level.",
    EVALUATION_STAGE: "Evaluated IN_PRISON or RELEASED.",
    DISENGAGEMENT_SIGNS: "The latest evaluation saw some or clear signs of disengagement (YES/NO).",
    MEASURE_TYPE: "The measure type's code.",
    TIMELINESS: "ON_TIME, LATE, OUTSTANDING or NOT_YET_DUE.",
    OUTCOME: "REOFFENDED or NOT_REOFFENDED within the window.",
    FOLLOW_UP_WINDOW: "COMPLETE when the whole window has passed, else INCOMPLETE.",
  }),
});

registerEnumType(AnalyticsScope, {
  name: "AnalyticsScope",
  description: "Whose cases your figures count.",
  valuesConfig: {
    VISIBLE_CASES: {
      description: "The cases you may read (row-level security, as for any read); exact counts.",
    },
    ALL_CASES_PROTECTED: {
      description: `Every case, for statisticians: counts from 1 to ${SMALL_COUNT_THRESHOLD - 1} and those that would reveal one are suppressed, the others rounded to a multiple of ${ROUNDING_BASE}, and days are first days of months.`,
    },
  },
});

registerEnumType(AnalyticsInterval, {
  name: "AnalyticsInterval",
  description: "The length of a series' periods: calendar months, quarters or years.",
});

registerEnumType(Suppression, {
  name: "Suppression",
  description: "Why a count is not shown (statisticians only).",
  valuesConfig: {
    NONE: { description: "Shown." },
    SMALL_COUNT: {
      description: `From 1 to ${SMALL_COUNT_THRESHOLD - 1}: shown as "<${SMALL_COUNT_THRESHOLD}".`,
    },
    REVEALS_SMALL_COUNT: {
      description:
        'Would let a small count be worked out from the same figure without one of its filters: shown as "x".',
    },
  },
});

registerEnumType(AgeBand, {
  name: "AgeBand",
  description: "Age in bands.",
  valuesConfig: describe(AgeBand, AGE_BAND_DESCRIPTIONS),
});
registerEnumType(NationalityGroup, {
  name: "NationalityGroup",
  description: "Nationality in three groups.",
  valuesConfig: describe(NationalityGroup, NATIONALITY_GROUP_DESCRIPTIONS),
});
registerEnumType(SentenceBand, {
  name: "SentenceBand",
  description: "Sentence length in bands.",
  valuesConfig: describe(SentenceBand, SENTENCE_BAND_DESCRIPTIONS),
});

export const ReoffenceKind = { TERRORIST: "TERRORIST", ANY: "ANY" } as const;
export type ReoffenceKind = keyof typeof ReoffenceKind;
registerEnumType(ReoffenceKind, {
  name: "ReoffenceKind",
  description: "Which new offences count as re-offending.",
  valuesConfig: {
    TERRORIST: { description: "A new terrorist offence (outcome REOFFENDED_TERRORIST)." },
    ANY: { description: "Any new offence (REOFFENDED_TERRORIST or REOFFENDED_OTHER)." },
  },
});

export const WhatIfGroup = {
  RETURNEES: "RETURNEES",
  FEMALE_RETURNEES: "FEMALE_RETURNEES",
  LISTED: "LISTED",
  FEMALE_LISTED: "FEMALE_LISTED",
} as const;
export type WhatIfGroup = keyof typeof WhatIfGroup;
registerEnumType(WhatIfGroup, {
  name: "WhatIfGroup",
  description: "A group of detained persons for a what-if projection, and the population it is a share of.",
  valuesConfig: {
    RETURNEES: { description: "Detained returnees, as a share of the prison population." },
    FEMALE_RETURNEES: {
      description: "Detained female returnees, as a share of the female prison population.",
    },
    LISTED: { description: "Detained persons on the CelEx list, as a share of the prison population." },
    FEMALE_LISTED: {
      description: "Detained women on the CelEx list, as a share of the female prison population.",
    },
  },
});

const FigureUnits = {
  PERSONS: "PERSONS",
  MEASURES: "MEASURES",
  REVIEWS: "REVIEWS",
  DECISIONS: "DECISIONS",
} as const;
registerEnumType(FigureUnits, {
  name: "FigureUnit",
  description: "What a figure counts.",
  valuesConfig: {
    PERSONS: { description: "Persons, each counted once per cell and once in the total." },
    MEASURES: { description: "Security measures." },
    REVIEWS: { description: "Reviews of measures due." },
    DECISIONS: { description: "Decisions." },
  },
});

@InputType("AnalyticsFilter", {
  description:
    "Restricts a figure to the persons (or records) with these values; each field must be a dimension of the figure.",
})
export class AnalyticsFilterInput {
  @Field(() => String, { nullable: true, description: "CATEGORY: A–E." })
  category?: string | null;
  @Field(() => String, { nullable: true, description: "LABEL: a ListingLabel." })
  label?: string | null;
  @Field(() => String, { nullable: true, description: "SEX: FEMALE, MALE or OTHER." })
  sex?: string | null;
  @Field(() => AgeBand, { nullable: true, description: "AGE_BAND." })
  ageBand?: AgeBand | null;
  @Field(() => NationalityGroup, { nullable: true, description: "NATIONALITY_GROUP." })
  nationalityGroup?: NationalityGroup | null;
  @Field(() => String, { nullable: true, description: "LANGUAGE_COMMUNITY: FR, NL or DE." })
  languageCommunity?: string | null;
  @Field(() => Boolean, { nullable: true, description: "RETURNEE." })
  returnee?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "FAILED_TRAVELLER." })
  failedTraveller?: boolean | null;
  @Field(() => String, { nullable: true, description: "ESTABLISHMENT: an establishment's code." })
  establishment?: string | null;
  @Field(() => SentenceBand, { nullable: true, description: "SENTENCE_BAND." })
  sentenceBand?: SentenceBand | null;
  @Field(() => String, { nullable: true, description: "RELEASE_TYPE: a ReleaseType." })
  releaseType?: string | null;
  @Field(() => String, { nullable: true, description: "PROVIDER: a provider agency's code, ANY or NONE." })
  provider?: string | null;
  @Field(() => Boolean, { nullable: true, description: "LISTED." })
  listed?: boolean | null;
  @Field(() => String, { nullable: true, description: "EVALUATION_STAGE: IN_PRISON or RELEASED." })
  evaluationStage?: string | null;
  @Field(() => Boolean, { nullable: true, description: "DISENGAGEMENT_SIGNS." })
  disengagementSigns?: boolean | null;
  @Field(() => String, { nullable: true, description: "MEASURE_TYPE: a measure type's code." })
  measureType?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "TIMELINESS: ON_TIME, LATE, OUTSTANDING or NOT_YET_DUE.",
  })
  timeliness?: string | null;
  @Field(() => String, { nullable: true, description: "OUTCOME: REOFFENDED or NOT_REOFFENDED." })
  outcome?: string | null;
  @Field(() => String, { nullable: true, description: "FOLLOW_UP_WINDOW: COMPLETE or INCOMPLETE." })
  followUpWindow?: string | null;
}

@ObjectType("FigureCount", { description: "A count as you may see it." })
export class FigureCountType {
  @Field(() => Int, { nullable: true, description: "The count; null when suppressed." })
  value: number | null;

  @Field({ description: 'The count as shown: the number, "<5" or "x".' })
  display: string;

  @Field(() => Suppression, { description: "Why the count is not shown, or NONE." })
  suppression: Suppression;

  @Field({
    description: `True when the value is rounded to the nearest multiple of ${ROUNDING_BASE} (statisticians' figures).`,
  })
  rounded: boolean;
}

@ObjectType("FigureCell", { description: "One cell of a figure in one period." })
export class FigureCellType {
  @Field({ description: "The cell: a value of the figure's dimension (`by`), or ALL when there is none." })
  key: string;

  @Field(() => FigureCountType, { description: "What the cell counts." })
  count: FigureCountType;

  @Field(() => FigureCountType, {
    nullable: true,
    description:
      "What the cell is a share of: the period's total, or what the figure's `denominator` says; null when unknown (a unit without a limit, an establishment without a population figure).",
  })
  denominator: FigureCountType | null;

  @Field(() => Float, {
    nullable: true,
    description: "count / denominator (0–1); null when either is suppressed.",
  })
  share: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The figure's mean over the cell (see `Figure.mean`); null when suppressed or none.",
  })
  mean: number | null;
}

@ObjectType("FigurePoint", { description: "A figure on one day or over one period." })
export class FigurePointType {
  @Field(() => DateScalar, { description: "The day counted, or the period's first day." })
  from: string;

  @Field(() => DateScalar, { description: "The day counted, or the period's last day (included)." })
  to: string;

  @Field(() => FigureCountType, {
    description: "The total: each person (or record) once, whatever its cells.",
  })
  total: FigureCountType;

  @Field(() => [FigureCellType], { description: "The cells, in the dimension's order." })
  cells: FigureCellType[];
}

@ObjectType("FigureFilterValue", { description: "A filter the figure applied." })
export class FigureFilterValueType {
  @Field(() => AnalyticsDimension, { description: "The dimension." })
  dimension: AnalyticsDimension;

  @Field({ description: "Its value." })
  value: string;
}

@ObjectType("Figure", {
  description: "A figure: its definition, and its values on each day or period asked.",
})
export class FigureType {
  @Field(() => AnalyticsFigure, { description: "Which figure." })
  figure: AnalyticsFigure;

  @Field({ description: "What is counted, and over what." })
  definition: string;

  @Field(() => FigureUnits, { description: "What the counts count." })
  unit: FigureUnit;

  @Field(() => AnalyticsScope, {
    description: "Whose cases were counted, and whether small counts are suppressed.",
  })
  scope: AnalyticsScope;

  @Field(() => AnalyticsDimension, {
    nullable: true,
    description: "The cells' dimension; null: one cell, ALL.",
  })
  by: AnalyticsDimension | null;

  @Field(() => [FigureFilterValueType], { description: "The filters applied." })
  filters: FigureFilterValueType[];

  @Field(() => AnalyticsInterval, {
    nullable: true,
    description: "The series' periods; null for one day or one period.",
  })
  interval: AnalyticsInterval | null;

  @Field({ description: "What each cell's denominator is." })
  denominator: string;

  @Field(() => String, {
    nullable: true,
    description: "What each cell's `mean` is; null when the figure has none.",
  })
  mean: string | null;

  @Field(() => [FigurePointType], { description: "One point per day or period, in order." })
  points: FigurePointType[];
}

@ObjectType("WhatIfProjection", {
  description:
    "Simple arithmetic over the data: a group of detained persons as a share of the prison population on a day, " +
    "and the same share if `additional` persons of the group were added to both.",
})
export class WhatIfProjectionType {
  @Field(() => DateScalar, { description: "The day." })
  on: string;

  @Field(() => WhatIfGroup, { description: "The group." })
  group: WhatIfGroup;

  @Field(() => FigureCountType, { description: "Persons of the group detained that day (DETAINED_PERSONS)." })
  current: FigureCountType;

  @Field(() => Int, {
    nullable: true,
    description:
      "The prison population (or its women) that month: the sum of each establishment's latest monthly figure of the last 12 months; null if none.",
  })
  population: number | null;

  @Field(() => Int, { description: "The persons added in the projection." })
  additional: number;

  @Field(() => Float, {
    nullable: true,
    description: "current / population (0–1); null if either is unknown or suppressed.",
  })
  shareNow: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "(current + additional) / (population + additional) (0–1); null if either is unknown or suppressed.",
  })
  shareWithAdditional: number | null;
}

/** Where the analytics' fields hang: `Query.analytics`. */
@ObjectType("Analytics", {
  description:
    "Figures and trends over the cases: each field is one figure, asked on a day (`on`) or as a series (`from`, `to`, `interval`). " +
    "Readers of cases count the cases they may read; statisticians count every case with small counts suppressed. " +
    "Every question is audited. docs/analytics.md defines each figure with an example query.",
})
export class AnalyticsType {
  @Field(() => AnalyticsScope, { description: "Whose cases your figures count." })
  scope: AnalyticsScope;
}
