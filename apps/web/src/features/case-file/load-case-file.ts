import "server-only";
import { cache } from "react";
import { caseFileView, classSwitches, needsPurpose, needsSecondFactor } from "@/features/access/access";
import { loadViewer } from "@/features/auth/viewer";
import {
  AssessmentInstrumentsDocument,
  CardFileDocument,
  CaseFileDocument,
  CaseReportsDocument,
  ReportFormReferenceDocument,
  type ShellViewerFragment,
} from "@/gql/graphql";
import { serverQuery } from "@/lib/graphql/server";
import { todayIso } from "@/lib/time/calendar";
import { CASE_REPORTS_PAGE_SIZE } from "./case-file-state";

/** How many screenings the case file shows. */
export const SCREENINGS_SHOWN = 5;

/**
 * Whether the viewer reads clinical data beyond its summary anywhere (the psychosocial service):
 * only then are an assessment's narrative, ratings and domain summaries asked for.
 */
export function readsClinicalDetail(viewer: Pick<ShellViewerFragment, "caseAccess">): boolean {
  return viewer.caseAccess.some((stage) => stage.detailedDataClasses.includes("CLINICAL"));
}

/**
 * One API read per page view, shared by generateMetadata and the page (React's per-request cache):
 * every read of a case file is audited, so it must not happen twice for one view. The arguments
 * are primitives so that both calls hit the same cache entry.
 *
 * What is read depends on the viewer: a card-only viewer (local cells) asks for the information
 * card alone, never a guarded field; others ask for the classes they read somewhere (the rest is
 * switched off), and oversight also for who looked at the case. Nothing is read before the
 * session may open personal data (the page sends it to the second factor or purpose first).
 * `asOf` asks what held on that day.
 */
export const loadCaseFile = cache(async (id: string, asOf: string | null) => {
  const viewer = (await loadViewer()).data?.viewer ?? null;
  if (viewer === null || needsSecondFactor(viewer) || needsPurpose(viewer))
    return { kind: "blocked" as const };
  if (caseFileView(viewer) === "card") {
    const { data, errors } = await serverQuery(CardFileDocument, { id });
    return { kind: "card" as const, data, errors };
  }
  const s = classSwitches(viewer.caseAccess);
  const { data, errors } = await serverQuery(CaseFileDocument, {
    id,
    identity: s.identity,
    detention: s.detention,
    listing: s.listing,
    release: s.release && s.detention,
    timeline: s.detention || s.listing,
    reviewer: viewer.auditReviewer,
    screeningsFirst: SCREENINGS_SHOWN,
    clinical: s.clinical,
    clinicalDetail: s.clinical && readsClinicalDetail(viewer),
    intelligence: s.intelligence,
    asOf: asOf ?? todayIso(),
    hasAsOf: asOf !== null,
  });
  return { kind: "full" as const, data, errors };
});

/**
 * The person's information reports, a page at a time: a read of its own (the reports list is
 * paged on its own, and too deep to nest in the case file's query under the API's depth limit).
 */
export const loadCaseReports = cache((id: string, includeSuperseded: boolean, after: string | null) =>
  serverQuery(CaseReportsDocument, { id, first: CASE_REPORTS_PAGE_SIZE, after, includeSuperseded }),
);

/** Reference data for the case file's forms (not personal data): indicators, instruments. */
export async function loadFormReference(needs: { indicators: boolean; instruments: boolean }) {
  const [indicators, instruments] = await Promise.all([
    needs.indicators ? serverQuery(ReportFormReferenceDocument, {}) : null,
    needs.instruments ? serverQuery(AssessmentInstrumentsDocument, {}) : null,
  ]);
  return {
    indicators: indicators?.data?.observationIndicators ?? [],
    agencies: indicators?.data?.agencies ?? [],
    instruments: instruments?.data?.assessmentInstruments ?? [],
  };
}
