import {
  analyticsScopeOf,
  breakGlassAccess,
  type CaseStage,
  isAuditReviewer,
  visibilityOf,
} from "@continuum/domain";
import { sql } from "drizzle-orm";
import type { Actor } from "../auth/actor.js";
import type { Tx } from "../db/client.js";

/** The role every request's transaction runs as: it owns no table and lacks BYPASSRLS. */
export const APP_ROLE = "continuum_app";

const STAGES: readonly CaseStage[] = ["IN_PRISON", "RELEASED", "CLOSED"];

/**
 * The `app.*` settings that the row-level security policies read (migration 0004): who the actor
 * is, where they see cases at each stage, which data classes, and their break-the-glass grants.
 * Anonymous requests get empty settings, under which every policy answers "no".
 */
export function databaseSettings(actor: Actor | null): Record<string, string> {
  const settings: Record<string, string> = {
    "app.user_id": actor?.userId ?? "",
    "app.agency_id": actor?.agencyId ?? "",
    "app.agency_kind": actor?.agencyKind ?? "",
    "app.establishment_id": actor?.establishmentId ?? "",
    "app.judicial_district": actor?.judicialDistrict ?? "",
    "app.municipality": actor?.municipality ?? "",
    "app.break_glass": actor?.breakGlassPersonIds.join(",") ?? "",
    "app.audit_reader": actor !== null && isAuditReviewer(actor) ? "on" : "off",
    "app.statistician": actor !== null && analyticsScopeOf(actor) === "ALL_CASES_PROTECTED" ? "on" : "off",
  };
  const visibility = actor === null ? null : visibilityOf(actor);
  for (const stage of STAGES) {
    const key = stage.toLowerCase();
    settings[`app.places_${key}`] = visibility?.[stage].places.join(",") ?? "";
    settings[`app.classes_${key}`] = visibility?.[stage].classes.join(",") ?? "";
    settings[`app.detail_classes_${key}`] = visibility?.[stage].detailedClasses.join(",") ?? "";
    const breakGlass = actor === null ? {} : breakGlassAccess(actor, stage).classes;
    settings[`app.bg_classes_${key}`] = Object.keys(breakGlass).join(",");
    settings[`app.bg_detail_classes_${key}`] = Object.entries(breakGlass)
      .filter(([, level]) => level !== "SUMMARY")
      .map(([dataClass]) => dataClass)
      .join(",");
  }
  return settings;
}

/**
 * Switches the transaction to the application role and describes the actor, in one statement.
 * With `statementTimeoutMs`, Postgres also cancels any later statement of the transaction that runs
 * longer (error 57014, answered TIMEOUT); without it, the transaction's timeout stays as it was.
 */
export async function enterActorSession(
  tx: Tx,
  actor: Actor | null,
  statementTimeoutMs?: number,
): Promise<void> {
  const settings = databaseSettings(actor);
  // Most of a request's statements take milliseconds, and compiling one with LLVM (where the server
  // has it) cost more than it saved: 127 ms of the release calendar's 1.5 s at Europe scale, before
  // its rewrite. The few long ones (live analytics counts) lose a little.
  settings.jit = "off";
  if (statementTimeoutMs !== undefined) settings.statement_timeout = String(statementTimeoutMs);
  const configs = Object.entries(settings).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
  await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), ${sql.join(configs, sql`, `)}`);
}
