import { assessmentDueOn, type DetentionStatus, screeningDueOn } from "@continuum/domain";
import type { Db } from "../../db/client.js";
import {
  loadSummarySources,
  type NewSummaryRecord,
  type SummarySource,
  upsertSummaries,
} from "./person.repository.js";

function detentionStatusOf(source: SummarySource): DetentionStatus {
  if (source.openEpisode !== null) return "DETAINED";
  return source.lastEpisode === null ? "NOT_DETAINED" : "RELEASED";
}

/** The current state of a case, from its history, with the next screening due under the domain rule. */
export function summaryOf(source: SummarySource): NewSummaryRecord {
  const episode = source.openEpisode;
  const released = episode === null ? source.lastEpisode : null;
  return {
    personId: source.personId,
    detentionStatus: detentionStatusOf(source),
    currentEpisodeId: episode?.id ?? null,
    admittedOn: episode?.admittedOn ?? null,
    establishmentId: source.openPlacement?.establishmentId ?? null,
    unitId: source.openPlacement?.unitId ?? null,
    category: source.openListing?.category ?? null,
    labels: source.openListing?.labels ?? [],
    categorySince: source.openListing?.validFrom ?? null,
    lastScreenedOn: source.lastScreening?.screenedOn ?? null,
    nextScreeningDueOn:
      episode === null
        ? null
        : screeningDueOn(
            { admittedOn: episode.admittedOn, releasedOn: null },
            source.lastScreening === null ? [] : [source.lastScreening],
          ),
    releasedOn: released?.releasedOn ?? null,
    releaseJudicialDistrict: (released?.releaseJudicialDistrict ??
      null) as NewSummaryRecord["releaseJudicialDistrict"],
    releaseMunicipality: released?.releaseMunicipality ?? null,
    enrolledWith: source.enrolledWith,
    lastCategory: source.lastCategory,
    screeningResponsibleId: source.screeningResponsibleId,
    lastAssessedOn: source.lastAssessment?.assessedOn ?? null,
    closedOn: source.closedOn,
    nextAssessmentDueOn: assessmentDueOn(source.lastAssessment, {
      detained: episode !== null,
      listedSince: source.listedSince,
    }),
  };
}

/** Re-derives the case summaries of these persons; call it in the transaction of every change to a case. */
export async function refreshSummaries(db: Db, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  const sources = await loadSummarySources(db, personIds);
  await upsertSummaries(db, sources.map(summaryOf));
}
