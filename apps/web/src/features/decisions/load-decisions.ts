import "server-only";
import { cache } from "react";
import {
  CaseDecisionsDocument,
  DecisionReferenceDocument,
  RecommendationEvidenceDocument,
} from "@/gql/graphql";
import { serverQuery } from "@/lib/graphql/server";

/**
 * The case file's decisions and measures: a read of its own (nested in the case file's query it
 * would pass the API's depth and directive limits), shared by the page's parts (React's cache).
 * `clinical`: ask for the cited assessments only of viewers who read clinical data somewhere.
 */
export const loadCaseDecisions = cache((id: string, on: string, clinical: boolean) =>
  serverQuery(CaseDecisionsDocument, { id, on, clinical }),
);

/** Reference data for the forms (no personal data): measure types with their rules, the places. */
export const loadDecisionReference = cache(() => serverQuery(DecisionReferenceDocument, {}));

/** What a recommendation may cite: the person's latest reports, and assessments where readable. */
export const loadRecommendationEvidence = cache((id: string, clinical: boolean) =>
  serverQuery(RecommendationEvidenceDocument, { id, clinical }),
);
