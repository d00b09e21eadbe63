const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The object types reachable through `node(id:)`. */
export const NODE_TYPES = [
  "Agency",
  "ActionItem",
  "ApiToken",
  "Appeal",
  "AssessmentInstrument",
  "BreakGlassGrant",
  "CaseClosure",
  "CaseOutcome",
  "CommonDatabaseEntry",
  "ConditionBreach",
  "ConditionType",
  "Decision",
  "DecisionNotification",
  "DetentionEpisode",
  "DisengagementEvaluation",
  "Establishment",
  "EstablishmentUnit",
  "FollowUpMeasure",
  "FollowUpMeasureType",
  "ImportJob",
  "InformationReport",
  "ListingPeriod",
  "LocalMeeting",
  "MeasureEvaluation",
  "MeasureType",
  "MeetingDiscussion",
  "Person",
  "Placement",
  "PrisonIncident",
  "ProgrammeParticipation",
  "Recommendation",
  "ReleaseCondition",
  "ReleaseDateOverride",
  "RetentionItem",
  "RiskAssessment",
  "Screening",
  "SecurityMeasure",
  "User",
  "WatchlistEntry",
] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

/** Opaque global ID: base64url of "Type:uuid". Clients must not parse it. */
export function toGlobalId(type: NodeTypeName, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`).toString("base64url");
}

export function fromGlobalId(id: string): { type: NodeTypeName; uuid: string } | null {
  if (id.length > 100) return null;
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  const type = decoded.slice(0, colon) as NodeTypeName;
  const uuid = decoded.slice(colon + 1);
  if (colon < 0 || !NODE_TYPES.includes(type) || !UUID.test(uuid)) return null;
  return { type, uuid };
}

/** The UUID behind a global ID of the expected type, or null when the ID is malformed or of another type. */
export function uuidOf(id: string, type: NodeTypeName): string | null {
  const decoded = fromGlobalId(id);
  return decoded !== null && decoded.type === type ? decoded.uuid : null;
}
