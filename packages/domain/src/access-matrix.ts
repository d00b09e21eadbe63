import type { AgencyKind, Role } from "./agency.js";
import { defineEnum, type EnumValue } from "./enum.js";

/** Where a case stands: in prison (or registered, not yet admitted), released and followed up, or closed. */
export const CaseStage = defineEnum(["IN_PRISON", "RELEASED", "CLOSED"] as const);
export type CaseStage = EnumValue<typeof CaseStage>;

/** The condition on the person's whereabouts under which a matrix row applies. */
export const Place = defineEnum([
  "ANY",
  "OWN_ESTABLISHMENT",
  "OWN_DISTRICT",
  "OWN_MUNICIPALITY",
  "ENROLLED",
] as const);
export type Place = EnumValue<typeof Place>;

/** How much of a person an actor gets, after the Belgian common database's tiers (lowest first). */
export const Tier = defineEnum(["NONE", "HIT", "CARD", "READ", "FULL"] as const);
export type Tier = EnumValue<typeof Tier>;

export const TIER_ORDER: Record<Tier, number> = { NONE: 0, HIT: 1, CARD: 2, READ: 3, FULL: 4 };

export interface MatrixRow {
  agencyKind: AgencyKind;
  role: Role;
  stage: CaseStage;
  place: Place;
  tier: Tier;
  /** Data classes at the row's tier; `CLASS:SUMMARY` grants the summary only. */
  classes: readonly string[];
  /** The tier outside the place. */
  otherwise: Tier;
}

const row = (
  agencyKind: AgencyKind,
  role: Role,
  stage: CaseStage,
  place: Place,
  tier: Tier,
  classes: string,
  otherwise: Tier,
): MatrixRow => ({
  agencyKind,
  role,
  stage,
  place,
  tier,
  classes: classes === "" ? [] : classes.split(" "),
  otherwise,
});

const PRISON_FULL =
  "IDENTITY DETENTION LISTING OBSERVATIONS INTELLIGENCE CLINICAL:SUMMARY PROGRAMME:SUMMARY MEASURES RELEASE";

/**
 * The access matrix of docs/access.md, row for row (a test compares the two). A stage missing for
 * a role means NONE: a missing rule means no access.
 */
export const ACCESS_MATRIX: readonly MatrixRow[] = [
  row("CELEX", "ANALYST", "IN_PRISON", "ANY", "FULL", PRISON_FULL, "NONE"),
  row(
    "CELEX",
    "ANALYST",
    "RELEASED",
    "ANY",
    "READ",
    "IDENTITY DETENTION LISTING OBSERVATIONS MEASURES RELEASE",
    "NONE",
  ),
  row("CELEX", "ANALYST", "CLOSED", "ANY", "HIT", "", "NONE"),
  row("DG_EPI", "DIRECTOR", "IN_PRISON", "ANY", "FULL", PRISON_FULL, "NONE"),
  row("DG_EPI", "DIRECTOR", "RELEASED", "ANY", "READ", "IDENTITY DETENTION LISTING MEASURES RELEASE", "NONE"),
  row("DG_EPI", "DIRECTOR", "CLOSED", "ANY", "HIT", "", "NONE"),
  row(
    "DG_EPI",
    "ANALYST",
    "IN_PRISON",
    "ANY",
    "READ",
    "IDENTITY DETENTION LISTING OBSERVATIONS MEASURES RELEASE",
    "NONE",
  ),
  row("DG_EPI", "ANALYST", "RELEASED", "ANY", "HIT", "", "NONE"),
  row(
    "PRISON",
    "DIRECTOR",
    "IN_PRISON",
    "OWN_ESTABLISHMENT",
    "FULL",
    "IDENTITY DETENTION LISTING OBSERVATIONS MEASURES RELEASE",
    "HIT",
  ),
  row("PRISON", "DIRECTOR", "RELEASED", "ANY", "HIT", "", "NONE"),
  row(
    "PRISON",
    "OFFICER",
    "IN_PRISON",
    "OWN_ESTABLISHMENT",
    "FULL",
    "IDENTITY DETENTION LISTING OBSERVATIONS MEASURES",
    "HIT",
  ),
  row("PRISON", "OFFICER", "RELEASED", "ANY", "HIT", "", "NONE"),
  row(
    "PSYCHOSOCIAL_SERVICE",
    "PSYCHOLOGIST",
    "IN_PRISON",
    "OWN_ESTABLISHMENT",
    "FULL",
    "IDENTITY DETENTION LISTING OBSERVATIONS CLINICAL PROGRAMME:SUMMARY MEASURES RELEASE",
    "HIT",
  ),
  row("PSYCHOSOCIAL_SERVICE", "PSYCHOLOGIST", "RELEASED", "ANY", "HIT", "", "NONE"),
  row(
    "INTELLIGENCE",
    "OFFICER",
    "IN_PRISON",
    "ANY",
    "FULL",
    "IDENTITY DETENTION LISTING OBSERVATIONS INTELLIGENCE MEASURES",
    "NONE",
  ),
  row(
    "INTELLIGENCE",
    "OFFICER",
    "RELEASED",
    "ANY",
    "FULL",
    "IDENTITY DETENTION LISTING OBSERVATIONS INTELLIGENCE MEASURES RELEASE FOLLOW_UP",
    "NONE",
  ),
  row("INTELLIGENCE", "OFFICER", "CLOSED", "ANY", "HIT", "", "NONE"),
  row(
    "INTELLIGENCE",
    "ANALYST",
    "IN_PRISON",
    "ANY",
    "READ",
    "IDENTITY DETENTION LISTING OBSERVATIONS INTELLIGENCE MEASURES",
    "NONE",
  ),
  row(
    "INTELLIGENCE",
    "ANALYST",
    "RELEASED",
    "ANY",
    "READ",
    "IDENTITY DETENTION LISTING OBSERVATIONS INTELLIGENCE MEASURES RELEASE FOLLOW_UP",
    "NONE",
  ),
  row("POLICE", "OFFICER", "IN_PRISON", "ANY", "HIT", "", "NONE"),
  row("POLICE", "OFFICER", "RELEASED", "ANY", "READ", "IDENTITY LISTING RELEASE FOLLOW_UP", "NONE"),
  row("POLICE", "OFFICER", "CLOSED", "ANY", "HIT", "", "NONE"),
  row(
    "PROSECUTOR",
    "OFFICER",
    "IN_PRISON",
    "ANY",
    "READ",
    "IDENTITY DETENTION LISTING OBSERVATIONS MEASURES RELEASE",
    "NONE",
  ),
  row("PROSECUTOR", "OFFICER", "RELEASED", "ANY", "READ", "IDENTITY DETENTION LISTING RELEASE", "NONE"),
  row("PROSECUTOR", "OFFICER", "CLOSED", "ANY", "HIT", "", "NONE"),
  row(
    "THREAT_ANALYSIS",
    "ANALYST",
    "IN_PRISON",
    "ANY",
    "FULL",
    "IDENTITY DETENTION LISTING OBSERVATIONS INTELLIGENCE PROGRAMME:SUMMARY FOLLOW_UP",
    "NONE",
  ),
  row(
    "THREAT_ANALYSIS",
    "ANALYST",
    "RELEASED",
    "ANY",
    "FULL",
    "IDENTITY DETENTION LISTING OBSERVATIONS INTELLIGENCE PROGRAMME:SUMMARY RELEASE FOLLOW_UP",
    "NONE",
  ),
  row("THREAT_ANALYSIS", "ANALYST", "CLOSED", "ANY", "READ", "IDENTITY FOLLOW_UP", "NONE"),
  row(
    "DISENGAGEMENT_SERVICE",
    "COUNSELLOR",
    "IN_PRISON",
    "ENROLLED",
    "FULL",
    "IDENTITY DETENTION LISTING PROGRAMME",
    "NONE",
  ),
  row(
    "DISENGAGEMENT_SERVICE",
    "COUNSELLOR",
    "RELEASED",
    "ENROLLED",
    "FULL",
    "IDENTITY LISTING PROGRAMME RELEASE",
    "NONE",
  ),
  row(
    "PROBATION",
    "OFFICER",
    "RELEASED",
    "OWN_DISTRICT",
    "FULL",
    "IDENTITY DETENTION LISTING PROGRAMME:SUMMARY RELEASE FOLLOW_UP",
    "HIT",
  ),
  row("PROBATION", "OFFICER", "IN_PRISON", "ANY", "HIT", "", "NONE"),
  row(
    "LOCAL_TASK_FORCE",
    "MEMBER",
    "RELEASED",
    "OWN_DISTRICT",
    "FULL",
    "IDENTITY DETENTION LISTING OBSERVATIONS INTELLIGENCE MEASURES RELEASE FOLLOW_UP",
    "HIT",
  ),
  row("LOCAL_TASK_FORCE", "MEMBER", "IN_PRISON", "ANY", "HIT", "", "NONE"),
  row(
    "LOCAL_TASK_FORCE",
    "CHAIR",
    "RELEASED",
    "OWN_DISTRICT",
    "FULL",
    "IDENTITY DETENTION LISTING OBSERVATIONS INTELLIGENCE MEASURES RELEASE FOLLOW_UP",
    "HIT",
  ),
  row("LOCAL_TASK_FORCE", "CHAIR", "IN_PRISON", "ANY", "HIT", "", "NONE"),
  row("LOCAL_CELL", "MEMBER", "RELEASED", "OWN_MUNICIPALITY", "CARD", "", "NONE"),
  row("LOCAL_CELL", "CHAIR", "RELEASED", "OWN_MUNICIPALITY", "CARD", "", "NONE"),
];
