import { useLocale, useTranslations } from "next-intl";
import type { ReleaseCalendarQuery } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { BreakGlassBadge } from "../access/BreakGlassBadge";
import { PersonLink } from "../decisions/PersonLink";
import { establishmentLabel } from "../establishments/establishment-label";
import { DateText, useIsoDate } from "../i18n/DateText";
import { CategoryBadge } from "../listing/CategoryBadge";

export type CalendarEntry = ReleaseCalendarQuery["releaseCalendar"]["edges"][number]["node"];

/**
 * The release calendar's page: each person reaching a date, by date, with where they are held, the
 * category, where they intend to live and how far the preparation is — in words, not icons: risk
 * assessment up to date, programme status, conditions proposed, Local Task Force informed.
 * `shows`: the preparation's parts the viewer reads (the others are left out, not guessed).
 */
export function ReleaseCalendarTable({
  entries,
  caption,
  shows,
}: {
  entries: readonly CalendarEntry[];
  caption: string;
  shows: { assessment: boolean; programme: boolean };
}) {
  const t = useTranslations("release.calendar");
  const tEnums = useTranslations("enums");
  const locale = useLocale() as Locale;
  const formatDate = useIsoDate();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.date")}</th>
            <th scope="col">{t("columns.kind")}</th>
            <th scope="col">{t("columns.person")}</th>
            <th scope="col">{t("columns.establishment")}</th>
            <th scope="col">{t("columns.category")}</th>
            <th scope="col">{t("columns.intended")}</th>
            <th scope="col">{t("columns.preparation")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={`${entry.person?.id ?? index}-${entry.kind}`}>
              <td className="nowrap">
                <DateText iso={entry.date} />
              </td>
              <td>{tEnums(`releaseDateKind.${entry.kind}`)}</td>
              <th scope="row">
                <PersonLink person={entry.person} locale={locale} hash="#release-preparation-heading" />
                {entry.person?.access.breakGlass ? (
                  <>
                    {" "}
                    <BreakGlassBadge />
                  </>
                ) : null}
              </th>
              <td>
                {entry.establishment ? (
                  establishmentLabel(entry.establishment, locale)
                ) : (
                  <span className="muted">{t("notRecorded")}</span>
                )}
              </td>
              <td>
                {entry.category ? (
                  <CategoryBadge category={entry.category} />
                ) : (
                  <span className="muted">{t("notListed")}</span>
                )}
              </td>
              <td>
                {entry.intendedMunicipality ? (
                  <>
                    {entry.intendedMunicipality}
                    {entry.intendedJudicialDistrict ? (
                      <span className="block small muted">
                        {tEnums(`judicialDistrict.${entry.intendedJudicialDistrict}`)}
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">{t("notPlanned")}</span>
                )}
              </td>
              <td>
                <ul className="plain-list small">
                  {shows.assessment ? (
                    <li>
                      {entry.riskAssessmentUpToDate === true
                        ? t("preparation.assessmentUpToDate")
                        : entry.riskAssessmentUpToDate === false
                          ? t("preparation.assessmentDue")
                          : t("preparation.assessmentNotShown")}
                    </li>
                  ) : null}
                  {shows.programme ? (
                    <li>
                      {entry.programmeStatus
                        ? t("preparation.programme", {
                            status: tEnums(`programmeStatus.${entry.programmeStatus}`),
                          })
                        : t("preparation.noProgramme")}
                    </li>
                  ) : null}
                  <li>{t("preparation.conditions", { count: entry.conditionsProposed })}</li>
                  <li>
                    {entry.localTaskForceInformedOn
                      ? t("preparation.ltfInformed", { date: formatDate(entry.localTaskForceInformedOn) })
                      : t("preparation.ltfNotInformed")}
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
