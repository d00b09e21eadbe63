import { useLocale, useTranslations } from "next-intl";
import { nameInLocale } from "@/features/i18n/localized-name";
import type { SupervisedConditionsQuery } from "@/gql/graphql";
import { PersonLink } from "../decisions/PersonLink";
import { DateText } from "../i18n/DateText";
import { latestBreach } from "./release-rules";

export type SupervisedCondition = SupervisedConditionsQuery["supervisedConditions"][number];

/** The conditions an agency supervises: person, type, since, until, breaches and the latest one. */
export function SupervisedConditionsTable({
  conditions,
  caption,
}: {
  conditions: readonly SupervisedCondition[];
  caption: string;
}) {
  const t = useTranslations("release.conditionsPage");
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.person")}</th>
            <th scope="col">{t("columns.type")}</th>
            <th scope="col">{t("columns.since")}</th>
            <th scope="col">{t("columns.until")}</th>
            <th scope="col">{t("columns.breaches")}</th>
            <th scope="col">{t("columns.latestBreach")}</th>
          </tr>
        </thead>
        <tbody>
          {conditions.map((c) => {
            const latest = latestBreach(c.breaches);
            return (
              <tr key={c.id}>
                <th scope="row">
                  <PersonLink person={c.person} locale={locale} hash="#release-follow-up-heading" />
                </th>
                <td>{nameInLocale(c.type, locale)}</td>
                <td className="nowrap">{c.imposedOn ? <DateText iso={c.imposedOn} /> : "—"}</td>
                <td className="nowrap">
                  {c.liftedOn ? (
                    <DateText iso={c.liftedOn} />
                  ) : c.endsOn ? (
                    <DateText iso={c.endsOn} />
                  ) : (
                    t("untilProbationEnds")
                  )}
                </td>
                <td>{t("breachCount", { count: c.breaches?.length ?? 0 })}</td>
                <td>
                  {latest ? (
                    <>
                      <DateText iso={latest.occurredOn} />
                      <span className="block small">{latest.description}</span>
                    </>
                  ) : (
                    <span className="muted">{t("noBreach")}</span>
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
