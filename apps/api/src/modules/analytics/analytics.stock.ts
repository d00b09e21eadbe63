import { type AnalyticsScope, type CaseStage, visibilityOf } from "@continuum/domain";
import type { Actor } from "../../auth/actor.js";
import type { AggregateQuery } from "./analytics.repository.js";

// When a figure may be read from the stock kept by trigger (migration 0037) instead of being
// counted from the history: only where both give the same answer. The stock counts every case of
// a stage, so it answers an actor who reads every listing of each stage they read at all, and a
// statistician, who counts every case. A filter, a partial view of a stage or a break-the-glass
// grant (which changes what the actor reads of one person) leaves the figure to the live count.

/** The stages whose listings the stock counts for the actor, and those whose placements they read. */
export interface StockView {
  stages: readonly CaseStage[];
  establishmentStages: readonly CaseStage[];
}

const STAGES: readonly CaseStage[] = ["IN_PRISON", "RELEASED", "CLOSED"];

/** The classes of the rows the figure counts: listing periods, and placements for ESTABLISHMENT. */
const LISTING_CLASS = "LISTING";
const PLACEMENT_CLASS = "DETENTION";

export function stockViewFor(actor: Actor, scope: AnalyticsScope, query: AggregateQuery): StockView | null {
  if (query.figure !== "LISTED_PERSONS" || query.filters.length > 0) return null;
  if (scope === "ALL_CASES_PROTECTED") return { stages: STAGES, establishmentStages: STAGES };
  if (actor.breakGlassPersonIds.length > 0) return null;
  const visibility = visibilityOf(actor);
  const stages: CaseStage[] = [];
  const establishmentStages: CaseStage[] = [];
  for (const stage of STAGES) {
    const { places, classes } = visibility[stage];
    if (places.length === 0 || !classes.includes(LISTING_CLASS)) continue;
    if (!places.includes("ANY")) return null;
    stages.push(stage);
    if (classes.includes(PLACEMENT_CLASS)) establishmentStages.push(stage);
  }
  return { stages, establishmentStages };
}
