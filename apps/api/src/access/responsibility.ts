import type { CaseStage } from "@continuum/domain";
import type { RequestContext } from "../graphql/context.js";
import type { AgencyRecord } from "../modules/agencies/agency.repository.js";

/**
 * The agency responsible for a case now, the contact the information card and a hit give: CelEx
 * while the person is in prison; after release the agency of the open security responsibility
 * (opened at release and moved by each hand-over). An actor with only a hit does not see the
 * responsibilities: for them, as for a case without one, the Local Task Force of the district of
 * residence, else the threat-analysis body. Once the case is closed, the threat-analysis body.
 */
export async function responsibleAgency(
  ctx: RequestContext,
  stage: CaseStage,
  person: { id: string; releaseJudicialDistrict: string | null },
): Promise<AgencyRecord | null> {
  const agencies = await ctx.loaders.allAgencies.load("all");
  const ofKind = (kind: AgencyRecord["kind"]) => agencies.find((a) => a.kind === kind) ?? null;
  switch (stage) {
    case "IN_PRISON":
      return ofKind("CELEX");
    case "RELEASED": {
      const security = (await ctx.loaders.responsibilitiesOfPerson.load(person.id)).find(
        (r) => r.kind === "SECURITY" && r.validTo === null,
      );
      return (
        agencies.find((a) => a.id === security?.agencyId) ??
        agencies.find(
          (a) => a.kind === "LOCAL_TASK_FORCE" && a.judicialDistrict === person.releaseJudicialDistrict,
        ) ??
        ofKind("THREAT_ANALYSIS")
      );
    }
    case "CLOSED":
      return ofKind("THREAT_ANALYSIS");
  }
}
