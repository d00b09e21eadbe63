import { useLocale, useTranslations } from "next-intl";
import type { ProgrammeCaseloadQuery } from "@/gql/graphql";
import { PersonLink } from "../decisions/PersonLink";
import { DateText } from "../i18n/DateText";
import { ProgrammeStatusBadge } from "./badges";
import { caseloadRow } from "./programme-view";

type Row = ProgrammeCaseloadQuery["programmeCaseload"][number];

/** The provider's running participations: who, the status and since when, the offer, the last contact. */
export function ProgrammeCaseloadTable({ rows, caption }: { rows: readonly Row[]; caption: string }) {
  const t = useTranslations("programmeCaseload.columns");
  const tPage = useTranslations("programmeCaseload");
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("person")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("since")}</th>
            <th scope="col">{t("offeredOn")}</th>
            <th scope="col">{t("lastContact")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { since, lastContactOn } = caseloadRow(row);
            return (
              <tr key={row.id}>
                <th scope="row">
                  <PersonLink person={row.person} locale={locale} hash="#programmes-heading" />
                </th>
                <td>
                  <ProgrammeStatusBadge status={row.status} />
                </td>
                <td className="nowrap">
                  <DateText iso={since} />
                </td>
                <td className="nowrap">
                  <DateText iso={row.offeredOn} />
                </td>
                <td className="nowrap">
                  {lastContactOn ? (
                    <DateText iso={lastContactOn} />
                  ) : (
                    <span className="muted">{tPage("noContact")}</span>
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
