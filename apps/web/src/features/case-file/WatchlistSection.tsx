import { useTranslations } from "next-intl";
import { DateText } from "@/features/i18n/DateText";
import type { WatchlistFieldsFragment } from "@/gql/graphql";

/** The person's history on the intelligence service's broader list (intelligence data). */
export function WatchlistSection({ entries }: { entries: readonly WatchlistFieldsFragment[] }) {
  const t = useTranslations("caseFile.watchlist");
  const tEnums = useTranslations("enums.watchlistStatus");
  return (
    <section aria-labelledby="watchlist-heading" className="card">
      <h2 id="watchlist-heading">{t("heading")}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("from")}</th>
                <th scope="col">{t("to")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{tEnums(entry.status)}</th>
                  <td>
                    <DateText iso={entry.validFrom} />
                  </td>
                  <td>{entry.validTo ? <DateText iso={entry.validTo} /> : t("ongoing")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
