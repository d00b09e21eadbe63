import { isCalendarDay } from "@/lib/time/brussels";
import { firstParam, hrefWith, type RawSearchParams, readTrail } from "@/lib/url/params";
import { EXPIRY_PARAM, parseGrantExpiry } from "../break-glass/expiry";

/**
 * The case file's URL parameters:
 *   asOf=YYYY-MM-DD      what held on that day (the listing; the intelligence list where readable)
 *   history=1            information reports with the versions that corrections superseded
 *   rafter=<cursor>…     the pages of information reports before this one
 *   grantExpires=…       a break-the-glass grant's expiry, right after opening it
 */
export interface CaseFileState {
  asOf: string | null;
  reportHistory: boolean;
  reportTrail: string[];
  /** A fresh break-the-glass grant's expiry (shown only; see break-glass/expiry.ts), kept by links. */
  grantExpires: string | null;
}

/** Information reports per page of the case file. */
export const CASE_REPORTS_PAGE_SIZE = 20;

/** The earliest day worth asking about (the CelEx list dates from 2015; the demo history from 2014). */
export const EARLIEST_AS_OF = "2000-01-01";

export function parseCaseFileState(params: RawSearchParams, now: Date = new Date()): CaseFileState {
  const asOf = firstParam(params, "asOf")?.trim();
  return {
    grantExpires: parseGrantExpiry(firstParam(params, EXPIRY_PARAM), now),
    asOf: isCalendarDay(asOf) && asOf >= EARLIEST_AS_OF ? asOf : null,
    reportHistory: ["1", "true", "on"].includes(firstParam(params, "history") ?? ""),
    reportTrail: readTrail(params, "rafter"),
  };
}

/** The case file's address in this state; `hash` jumps to a section. */
export function caseFileHref(path: string, state: CaseFileState, hash = ""): string {
  const params = new URLSearchParams();
  if (state.grantExpires) params.set(EXPIRY_PARAM, state.grantExpires);
  if (state.asOf) params.set("asOf", state.asOf);
  if (state.reportHistory) params.set("history", "1");
  for (const cursor of state.reportTrail) params.append("rafter", cursor);
  return hrefWith(path, params, hash);
}
