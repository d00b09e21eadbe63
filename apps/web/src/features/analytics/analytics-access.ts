import type { AnalyticsScope } from "@/gql/graphql";
import { asksFigures, hasCaseAccess, type ViewerLike } from "../access/access";

/**
 * Whose cases a viewer's figures count, as the API decides it (`analyticsScopeOf` in
 * @continuum/domain): readers of cases (they see persons somewhere) count the cases they may read,
 * exactly, and may go from a count to its persons; statisticians (no case access, the STATISTICIAN
 * role) count every case with small counts suppressed; anyone else is refused. Pure, tested.
 */
export function analyticsScopeOfViewer(
  viewer: Pick<ViewerLike, "caseAccess" | "user">,
): AnalyticsScope | null {
  if (!asksFigures(viewer)) return null;
  return hasCaseAccess(viewer.caseAccess) ? "VISIBLE_CASES" : "ALL_CASES_PROTECTED";
}

/** Only readers of cases go from a count to the persons behind it (the domain's rule). */
export { mayDrillDown } from "@continuum/domain";
