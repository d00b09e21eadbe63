import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { DateText, useIsoDate } from "@/features/i18n/DateText";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import type { CaseFilePersonFragment } from "@/gql/graphql";

/**
 * The CelEx listing at a glance ("category C since …, previously D"), its labels, the category
 * history period by period, and (children) what held on a chosen day.
 */
export function ListingSection({
  person,
  children,
}: {
  person: CaseFilePersonFragment;
  children?: ReactNode;
}) {
  const t = useTranslations("caseFile.listing");
  const tEnums = useTranslations("enums");
  const common = useTranslations("common");
  const formatDate = useIsoDate();
  const listing = person.listing;
  const history = person.listingHistory ?? [];
  return (
    <section aria-labelledby="listing-heading" className="card">
      <h2 id="listing-heading">{t("heading")}</h2>
      {listing ? (
        <>
          <p className="glance">
            <CategoryBadge category={listing.category} />{" "}
            {t.rich("current", {
              category: listing.category,
              since: formatDate(listing.since),
              time: (chunks) => <time dateTime={listing.since}>{chunks}</time>,
            })}
            {listing.previous ? `, ${t("previously", { category: listing.previous.category })}` : null}
          </p>
          <p className="muted">{tEnums(`category.${listing.category}`)}</p>
          <dl className="facts">
            <div>
              <dt>{t("labels")}</dt>
              <dd>
                {listing.labels.length > 0
                  ? listing.labels.map((label) => tEnums(`label.${label}`)).join(", ")
                  : common("none")}
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <p>{t("notListed")}</p>
      )}
      {history.length === 0 ? (
        <p className="muted">{t("noHistory")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("category")}</th>
                <th scope="col">{t("labels")}</th>
                <th scope="col">{t("from")}</th>
                <th scope="col">{t("to")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((period) => (
                <tr key={period.id}>
                  <th scope="row">{tEnums(`category.${period.category}`)}</th>
                  <td>
                    {period.labels.length > 0
                      ? period.labels.map((label) => tEnums(`label.${label}`)).join(", ")
                      : common("none")}
                  </td>
                  <td>
                    <DateText iso={period.validFrom} />
                  </td>
                  <td>{period.validTo ? <DateText iso={period.validTo} /> : t("ongoing")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {children}
    </section>
  );
}
