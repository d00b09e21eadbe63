import "server-only";
import { cache } from "react";
import { caseFileView, classSwitches, needsPurpose, needsSecondFactor } from "@/features/access/access";
import { loadViewer } from "@/features/auth/viewer";
import { CardFileDocument, CaseFileDocument } from "@/gql/graphql";
import { serverQuery } from "@/lib/graphql/server";

/**
 * One API read per page view, shared by generateMetadata and the page (React's per-request cache):
 * every read of a case file is audited, so it must not happen twice for one view.
 *
 * What is read depends on the viewer: a card-only viewer (local cells) asks for the information
 * card alone, never a guarded field; others ask for the classes they read somewhere (the rest is
 * switched off), and oversight also for who looked at the case. Nothing is read before the
 * session may open personal data (the page sends it to the second factor or purpose first).
 */
export const loadCaseFile = cache(async (id: string) => {
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
  });
  return { kind: "full" as const, data, errors };
});
