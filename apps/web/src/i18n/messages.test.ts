import {
  AgencyKind,
  AppealBody,
  AppealOutcome,
  CaseStage,
  Classification,
  DataClass,
  DecisionKind,
  DetentionStatus,
  DisengagementLevel,
  HandlingCode,
  IdeologicalMotive,
  Ideology,
  IncidentKind,
  IndicatorRating,
  InformationCredibility,
  JudicialDistrict,
  LanguageCommunity,
  LegacyCategory,
  LegalStatus,
  ListingLabel,
  MeasureAdvice,
  MeasureStatus,
  NotificationMethod,
  ProgrammeComponent,
  ProgrammeStatus,
  PurposeCode,
  RecommendationKind,
  RecommendationOutcome,
  ReleaseType,
  ReviewOutcome,
  RiskJudgement,
  Role,
  ScreeningOutcome,
  ScreeningSource,
  ScreeningState,
  Sex,
  SourceReliability,
  Tier,
  UnitKind,
  WatchlistStatus,
} from "@continuum/domain";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import nl from "../../messages/nl.json";
import { LOCALES } from "./routing";

type Tree = { [key: string]: string | Tree };
const catalogues: Record<(typeof LOCALES)[number], Tree> = { en, fr, nl };

/** Every leaf as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments and tags a message uses ({name}, {count, plural, …}, <time>…</time>). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)) if (match[1]) names.add(match[1]);
  for (const match of message.matchAll(/<([A-Za-z][\w-]*)>/g)) if (match[1]) names.add(`<${match[1]}>`);
  return [...names].sort();
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(catalogues[l])])) as Record<
  (typeof LOCALES)[number],
  Map<string, string>
>;

describe("message catalogues", () => {
  it("have exactly the same keys in every language", () => {
    const reference = [...flat.en.keys()].sort();
    for (const locale of LOCALES) expect([...flat[locale].keys()].sort(), locale).toEqual(reference);
  });

  it("have no empty strings", () => {
    for (const locale of LOCALES) {
      const empty = [...flat[locale]].filter(([, text]) => text.trim() === "").map(([key]) => key);
      expect(empty, locale).toEqual([]);
    }
  });

  it("use the same arguments and tags in every language", () => {
    for (const [key, text] of flat.en) {
      const expected = argumentsOf(text);
      for (const locale of LOCALES)
        expect(argumentsOf(flat[locale].get(key) ?? ""), `${locale} ${key}`).toEqual(expected);
    }
  });

  it("name every value of the domain's enums", () => {
    const enums: Record<string, Record<string, string>> = {
      category: LegacyCategory,
      label: ListingLabel,
      detentionStatus: DetentionStatus,
      screeningState: ScreeningState,
      legalStatus: LegalStatus,
      releaseType: ReleaseType,
      sex: Sex,
      languageCommunity: LanguageCommunity,
      ideology: Ideology,
      unitKind: UnitKind,
      screeningOutcome: ScreeningOutcome,
      purpose: PurposeCode,
      dataClass: DataClass,
      tier: Tier,
      caseStage: CaseStage,
      classLevel: { FULL: "FULL", READ: "READ", SUMMARY: "SUMMARY" },
      role: Role,
      judicialDistrict: JudicialDistrict,
      screeningSource: ScreeningSource,
      classification: Classification,
      handlingCode: HandlingCode,
      sourceReliability: SourceReliability,
      credibility: InformationCredibility,
      riskJudgement: RiskJudgement,
      indicatorRating: IndicatorRating,
      watchlistStatus: WatchlistStatus,
      agencyKind: AgencyKind,
      recommendationKind: RecommendationKind,
      recommendationOutcome: RecommendationOutcome,
      decisionKind: DecisionKind,
      reviewOutcome: ReviewOutcome,
      measureStatus: MeasureStatus,
      notificationMethod: NotificationMethod,
      appealBody: AppealBody,
      appealOutcome: AppealOutcome,
      measureAdvice: MeasureAdvice,
      noticeState: { NOT_NEEDED: "NOT_NEEDED", TOLD: "TOLD", DUE: "DUE", OVERDUE: "OVERDUE" },
      appealState: { ANSWERED: "ANSWERED", PENDING: "PENDING", OVERDUE: "OVERDUE" },
      occupancyInterval: { DAY: "DAY", WEEK: "WEEK", MONTH: "MONTH" },
      programmeStatus: ProgrammeStatus,
      programmeComponent: ProgrammeComponent,
      disengagementLevel: DisengagementLevel,
      incidentKind: IncidentKind,
      ideologicalMotive: IdeologicalMotive,
    };
    for (const [group, values] of Object.entries(enums)) {
      const keys = [...flat.en.keys()]
        .filter((k) => k.startsWith(`enums.${group}.`))
        .map((k) => k.split(".")[2]);
      expect(keys.sort(), group).toEqual(Object.values(values).sort());
    }
  });
});
