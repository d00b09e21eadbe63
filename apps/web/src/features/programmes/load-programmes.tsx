import "server-only";
import { cache } from "react";
import { classesInScope, sectionVisible } from "@/features/access/access";
import { handleReadErrors } from "@/features/auth/viewer";
import { type CaseFilePersonFragment, CaseProgrammesDocument, type ShellViewerFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { serverQuery } from "@/lib/graphql/server";
import { EvaluationsSection } from "./EvaluationsSection";
import { IncidentsSection } from "./IncidentsSection";
import { type ProgrammeFormContext, ProgrammesSection } from "./ProgrammesSection";
import { programmeFormsFor, recordsParticipation, statusChoices } from "./programme-rules";
import {
  datedAsOf,
  deniedPaths,
  hasRunningParticipation,
  participationsAsOf,
  withShownNotes,
} from "./programme-view";

/**
 * The case file's programmes, evaluations and incidents: a read of its own (nested in the case
 * file's query it would pass the API's depth and directive limits), each part asked only where the
 * viewer reads its class on this case (React's per-request cache: one audited read per view).
 */
export const loadCaseProgrammes = cache(
  (id: string, programmes: boolean, evaluations: boolean, incidents: boolean) =>
    serverQuery(CaseProgrammesDocument, { id, programmes, evaluations, incidents }),
);

/**
 * The three sections (null where the viewer does not read the class on this case: they are left
 * out rather than marked unavailable). `asOf`: the case file's day — what held then, and no forms.
 */
export async function loadProgrammeParts(
  viewer: ShellViewerFragment,
  person: CaseFilePersonFragment,
  context: { asOf: string | null; today: string; returnTo: string; locale: Locale },
) {
  const classes = person.access.classes;
  const scope = classesInScope(viewer.caseAccess);
  const reads = {
    programmes: scope.has("PROGRAMME") && sectionVisible("programmes", classes),
    evaluations: scope.has("INTELLIGENCE") && sectionVisible("evaluations", classes),
    incidents: scope.has("OBSERVATIONS") && sectionVisible("incidents", classes),
  };
  if (!reads.programmes && !reads.evaluations && !reads.incidents)
    return { programmes: null, evaluations: null, incidents: null };
  const { data, errors } = await loadCaseProgrammes(
    person.id,
    reads.programmes,
    reads.evaluations,
    reads.incidents,
  );
  // Withheld notes (and a class refused on this case) are field-level refusals: partial data.
  handleReadErrors(classifyErrors(errors), context.locale, context.returnTo);
  const found = data?.person ?? null;
  const { asOf, today, returnTo } = context;
  const participations = found?.programmes ?? null;
  const forms = programmeFormsFor(viewer, person.access, {
    detained: person.detentionStatus === "DETAINED",
    running: hasRunningParticipation(participations ?? []),
    asOf,
  });
  const form = { today, returnTo };

  let programmes: React.ReactNode = null;
  if (participations) {
    let formContext: ProgrammeFormContext | null = null;
    if (forms.offer || forms.record) {
      const record: ProgrammeFormContext["record"] = {};
      for (const p of participations)
        if (recordsParticipation(viewer, forms, p)) record[p.id] = statusChoices(p.status);
      formContext = {
        offer: forms.offer ? { admittedOn: person.currentEpisode?.admittedOn ?? null } : null,
        record,
        today,
        returnTo,
      };
    }
    programmes = (
      <ProgrammesSection
        personId={person.id}
        participations={participationsAsOf(withShownNotes(participations, deniedPaths(errors)), asOf)}
        asOf={asOf}
        context={formContext}
      />
    );
  }
  const evaluations = found?.disengagementEvaluations ? (
    <EvaluationsSection
      personId={person.id}
      evaluations={datedAsOf(found.disengagementEvaluations, (e) => e.evaluatedOn, asOf)}
      asOf={asOf}
      form={forms.evaluate ? form : null}
    />
  ) : null;
  const incidents = found?.incidents ? (
    <IncidentsSection
      personId={person.id}
      incidents={datedAsOf(found.incidents, (i) => i.occurredOn, asOf)}
      asOf={asOf}
      form={forms.incident ? form : null}
    />
  ) : null;
  return { programmes, evaluations, incidents };
}
