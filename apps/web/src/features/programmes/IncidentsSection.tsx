import { useLocale, useTranslations } from "next-intl";
import type { PrisonIncidentRowFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { establishmentLabel } from "../establishments/establishment-label";
import { DateText, useIsoDate } from "../i18n/DateText";
import { IdeologicalBadge } from "./badges";
import { IncidentForm } from "./IncidentForm";

/**
 * Incidents in prison (OBSERVATIONS data), newest first: what happened, where, and — in words, not
 * colour alone — whether it was ideologically motivated; prison staff's form where they may record.
 */
export function IncidentsSection({
  personId,
  incidents,
  asOf,
  form,
}: {
  personId: string;
  incidents: readonly PrisonIncidentRowFragment[];
  asOf: string | null;
  form: { today: string; returnTo: string } | null;
}) {
  const t = useTranslations("incidents");
  const tForms = useTranslations("programmeForms");
  const tKind = useTranslations("enums.incidentKind");
  const locale = useLocale() as Locale;
  const formatDate = useIsoDate();
  return (
    <section aria-labelledby="incidents-heading" className="card" id="incidents">
      <h2 id="incidents-heading">{t("heading")}</h2>
      {asOf ? <p className="notice">{t("asOf", { date: formatDate(asOf) })}</p> : null}
      {form ? (
        <details className="form-disclosure">
          <summary>{tForms("incident.open")}</summary>
          <IncidentForm personId={personId} today={form.today} returnTo={form.returnTo} />
        </details>
      ) : null}
      {incidents.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ol className="report-list">
          {incidents.map((incident) => {
            const headingId = `incident-${incident.id}`.replace(/[^A-Za-z0-9_-]/g, "_");
            return (
              <li key={incident.id}>
                <article className="report" aria-labelledby={headingId}>
                  <h3 id={headingId}>
                    {tKind(incident.kind)} <IdeologicalBadge motive={incident.ideological} />
                  </h3>
                  <p className="small muted">
                    <DateText iso={incident.occurredOn} />
                    {incident.establishment
                      ? `, ${establishmentLabel(incident.establishment, locale)}`
                      : null}
                  </p>
                  <p className="report__body">{incident.description}</p>
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
