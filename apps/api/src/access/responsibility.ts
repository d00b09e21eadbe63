import type { CaseStage } from "@continuum/domain";
import type { RequestContext } from "../graphql/context.js";
import type { AgencyRecord } from "../modules/agencies/agency.repository.js";

/**
 * The agency responsible for a case now, the contact the information card and a hit give: CelEx
 * while the person is in prison; after release the Local Task Force of the district of residence
 * (the threat-analysis body where no LTF uses Continuum); the threat-analysis body once closed.
 */
export async function responsibleAgency(
  ctx: RequestContext,
  stage: CaseStage,
  releaseJudicialDistrict: string | null,
): Promise<AgencyRecord | null> {
  const agencies = await ctx.loaders.allAgencies.load("all");
  const ofKind = (kind: AgencyRecord["kind"]) => agencies.find((a) => a.kind === kind) ?? null;
  switch (stage) {
    case "IN_PRISON":
      return ofKind("CELEX");
    case "RELEASED":
      return (
        agencies.find(
          (a) => a.kind === "LOCAL_TASK_FORCE" && a.judicialDistrict === releaseJudicialDistrict,
        ) ?? ofKind("THREAT_ANALYSIS")
      );
    case "CLOSED":
      return ofKind("THREAT_ANALYSIS");
  }
}
