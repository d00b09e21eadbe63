import { hrefWith, type RawSearchParams, readToken } from "@/lib/url/params";

/** The import page's URL state: which job's progress is shown (`?job=<id>`). Pure, tested. */

/** How many of the agency's recent jobs the page lists. */
export const IMPORT_JOBS_SHOWN = 20;

export interface ImportsState {
  /** The job whose progress is shown (a global ID), or null. */
  jobId: string | null;
}

export function parseImportsState(params: RawSearchParams): ImportsState {
  return { jobId: readToken(params, "job") };
}

/** The page's locale-less path for this state (`pathname` to prefix a locale). */
export function importsHref(state: ImportsState, pathname = "/imports"): string {
  const params = new URLSearchParams();
  if (state.jobId !== null) params.set("job", state.jobId);
  return hrefWith(pathname, params);
}
