import type { ActorProfile, Language } from "@continuum/domain";
import type { ApiTokenScope } from "./api-token-scope.js";

/** Whoever a request runs as: a logged-in user, or an account acting through an API token. */
export interface Actor extends ActorProfile {
  kind: "USER" | "API_TOKEN";
  userId: string;
  email: string;
  displayName: string;
  language: Language;
  agencyId: string;
  agencyCode: string;
  sessionId: string | null;
  tokenId: string | null;
  /** Users may read and write (within their roles); a token only what its scopes say. */
  scopes: readonly ApiTokenScope[];
}
