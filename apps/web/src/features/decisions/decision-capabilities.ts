import type { CaseAction, DataClass } from "@continuum/domain";
import { levelOf, type PersonAccessLike } from "../access/capabilities";

/**
 * What a viewer may do with recommendations, decisions and measures, from what the API says
 * (`viewer.caseActions`, `viewer.caseAccess`): the pages offered in the navigation and, per case
 * (`Person.access`: consult-and-feed on MEASURES, not under break-the-glass), the forms shown.
 * The API decides; the portal only offers what it would accept.
 */

interface DecisionViewer {
  caseAccess: readonly { places: readonly string[]; dataClasses: readonly DataClass[] }[];
  caseActions?: readonly CaseAction[];
}

/**
 * - `readMeasures`: reads MEASURES data somewhere (the register, the case file's section);
 * - `recommend`: writes CelEx recommendations (RECOMMENDATION_WRITE);
 * - `decideRecommendations`: the Director General's decisions on them (RECOMMENDATION_DECIDE);
 * - `decideMeasures`: imposes and reviews measures (MEASURE_DECIDE);
 * - `recordNotices`: records how the inmate was told, appeals and answers (NOTICE_RECORD);
 * - `evaluateMeasures`: the periodic evaluations a measure type requires (MEASURE_EVALUATE).
 */
export type DecisionCapability =
  | "readMeasures"
  | "recommend"
  | "decideRecommendations"
  | "decideMeasures"
  | "recordNotices"
  | "evaluateMeasures";

const BY_ACTION: readonly [CaseAction, DecisionCapability][] = [
  ["RECOMMENDATION_WRITE", "recommend"],
  ["RECOMMENDATION_DECIDE", "decideRecommendations"],
  ["MEASURE_DECIDE", "decideMeasures"],
  ["NOTICE_RECORD", "recordNotices"],
  ["MEASURE_EVALUATE", "evaluateMeasures"],
];

export function decisionCapabilitiesOf(viewer: DecisionViewer): Set<DecisionCapability> {
  const out = new Set<DecisionCapability>();
  const reads = viewer.caseAccess.some(
    (stage) => stage.places.length > 0 && stage.dataClasses.includes("MEASURES"),
  );
  if (!reads) return out;
  out.add("readMeasures");
  for (const [action, capability] of BY_ACTION) if (viewer.caseActions?.includes(action)) out.add(capability);
  return out;
}

/** The pages of "Decisions and measures". */
export type DecisionPage = "decisions" | "measures" | "transparency" | "dradex";

export const DECISION_PAGES: Record<DecisionPage, readonly DecisionCapability[]> = {
  // The Director General's inbox; CelEx follows its own recommendations there.
  decisions: ["decideRecommendations", "recommend"],
  // The register: every reader of measures.
  measures: ["readMeasures"],
  // Who tells the inmate, answers appeals, evaluates or decides: the transparency queues.
  transparency: ["recordNotices", "evaluateMeasures", "decideMeasures", "decideRecommendations"],
  // Who places inmates in D-Rad:Ex units or recommends it.
  dradex: ["recommend", "decideRecommendations", "decideMeasures"],
};

export function mayUsePage(capabilities: ReadonlySet<DecisionCapability>, page: DecisionPage): boolean {
  return DECISION_PAGES[page].some((c) => capabilities.has(c));
}

/** The pages of the section the viewer may use, in the navigation's order. */
export function decisionPagesFor(viewer: DecisionViewer): DecisionPage[] {
  const capabilities = decisionCapabilitiesOf(viewer);
  return (Object.keys(DECISION_PAGES) as DecisionPage[]).filter((page) => mayUsePage(capabilities, page));
}

/** The forms of one case file's "Decisions and measures". */
export interface DecisionForms {
  recommend: boolean;
  impose: boolean;
  review: boolean;
  notice: boolean;
  evaluate: boolean;
}

const NO_FORMS: DecisionForms = {
  recommend: false,
  impose: false,
  review: false,
  notice: false,
  evaluate: false,
};

/**
 * Recording needs the capability and consult-and-feed on this case's MEASURES; nothing is recorded
 * through break-the-glass (read-only). Recommendations and measures are for detained persons only.
 */
export function decisionFormsFor(
  capabilities: ReadonlySet<DecisionCapability>,
  access: PersonAccessLike,
  detained: boolean,
): DecisionForms {
  if (access.breakGlass || levelOf(access, "MEASURES") !== "FULL") return NO_FORMS;
  return {
    recommend: detained && capabilities.has("recommend"),
    impose: detained && capabilities.has("decideMeasures"),
    review: capabilities.has("decideMeasures"),
    notice: capabilities.has("recordNotices"),
    evaluate: capabilities.has("evaluateMeasures"),
  };
}
