import "server-only";
import { cache } from "react";
import { CaseFileDocument } from "@/gql/graphql";
import { serverQuery } from "@/lib/graphql/server";

/**
 * One API read per page view, shared by generateMetadata and the page (React's per-request cache):
 * every read of a case file is audited, so it must not happen twice for one view.
 */
export const loadCaseFile = cache((id: string) => serverQuery(CaseFileDocument, { id }));
