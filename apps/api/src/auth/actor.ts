import type { ActorProfile, Language, PurposeCode } from "@continuum/domain";
import type { ApiTokenScope } from "./api-token-scope.js";

export interface StatedPurpose {
  code: PurposeCode;
  note: string | null;
}

/** Whoever a request runs as: a logged-in user, or an account acting through an API token. */
export interface Actor extends ActorProfile {
  kind: "USER" | "API_TOKEN";
  userId: string;
  email: string;
  displayName: string;
  language: Language;
  agencyCode: string;
  sessionId: string | null;
  tokenId: string | null;
  /** Users may read and write (within their roles); a token only what its scopes say. */
  scopes: readonly ApiTokenScope[];
  /** A token that may send only the operations registered for it (persisted operations). */
  trustedOperationsOnly: boolean;
  /** Why personal data is opened: stated for the session, or when the token was issued. */
  purpose: StatedPurpose | null;
  /** Persons opened through an active break-the-glass grant. */
  breakGlassPersonIds: readonly string[];
  /** False while a session still waits for its second factor: such a session can do nothing else. */
  mfaSatisfied: boolean;
  /**
   * The account reads intelligence or clinical data, a second factor is enforced, and none is
   * enrolled yet: personal data stays closed until the user enrols one (totpEnroll, totpConfirm).
   */
  secondFactorMissing: boolean;
}
