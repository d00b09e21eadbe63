import { useLocale, useTranslations } from "next-intl";
import type { DecisionPersonNameFragment, MeasureRowFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { establishmentLabel } from "../establishments/establishment-label";
import { DateText } from "../i18n/DateText";
import { ScreeningStateBadge } from "../screening/ScreeningStateBadge";
import { MeasureStatusBadge } from "./badges";
import { useMeasureTypeName } from "./names";
import { PersonLink } from "./PersonLink";
import { reviewState } from "./standing";

/**
 * Measures as a table (the register on a day, the reviews due): the inmate, the measure and its
 * status, its legal basis, where, from when, when it lapses, and the next review — an overdue
 * review highlights the row and says so.
 */
export function MeasuresTable({
  measures,
  caption,
}: {
  measures: readonly (MeasureRowFragment & { person: DecisionPersonNameFragment | null })[];
  caption: string;
}) {
  const t = useTranslations("measuresRegister.columns");
  const locale = useLocale() as Locale;
  const typeName = useMeasureTypeName();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("person")}</th>
            <th scope="col">{t("measure")}</th>
            <th scope="col">{t("legalBasis")}</th>
            <th scope="col">{t("establishment")}</th>
            <th scope="col">{t("startsOn")}</th>
            <th scope="col">{t("endsOn")}</th>
            <th scope="col">{t("nextReview")}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => {
            const review = reviewState(m);
            return (
              <tr key={m.id} className={review === "OVERDUE" ? "row--overdue" : undefined}>
                <th scope="row">
                  <PersonLink person={m.person} locale={locale} hash={`#m-${m.id}`} />
                </th>
                <td>
                  {typeName(m.measureType)}
                  {m.status !== "ACTIVE" ? (
                    <>
                      {" "}
                      <MeasureStatusBadge status={m.status} />
                    </>
                  ) : null}
                  {m.terms ? <span className="block small muted">{m.terms}</span> : null}
                </td>
                <td className="details-cell">{m.legalBasis}</td>
                <td>{m.establishment ? establishmentLabel(m.establishment, locale) : "—"}</td>
                <td className="nowrap">
                  <DateText iso={m.startsOn} />
                </td>
                <td className="nowrap">
                  <DateText iso={m.endsOn} />
                </td>
                <td>
                  {m.nextReviewOn ? (
                    <span className="due">
                      <DateText iso={m.nextReviewOn} />
                      {review ? <ScreeningStateBadge state={review} /> : null}
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
