import Link from "next/link";
import { useTranslations } from "next-intl";
import { BreakGlassBadge } from "@/features/access/BreakGlassBadge";
import { DateText } from "@/features/i18n/DateText";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import type { CardCaseloadQuery } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";

type CardRow = CardCaseloadQuery["persons"]["edges"][number]["node"];

/**
 * The caseload of a card-only viewer (a local cell): each person's information card and whom to
 * contact, nothing else. Built from `Person.card` only, so no guarded field is ever asked for.
 */
export function CardCaseloadTable({ rows, locale }: { rows: readonly CardRow[]; locale: Locale }) {
  const t = useTranslations("caseload");
  const tStatus = useTranslations("enums.detentionStatus");
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t("cardCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.name")}</th>
            <th scope="col">{t("columns.dateOfBirth")}</th>
            <th scope="col">{t("columns.category")}</th>
            <th scope="col">{t("columns.detentionStatus")}</th>
            <th scope="col">{t("columns.contact")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, card, access }) => (
            <tr key={id}>
              <th scope="row">
                <Link href={`/${locale}/persons/${encodeURIComponent(id)}`} prefetch={false}>
                  {card.familyName}, {card.givenNames}
                </Link>
                {access.breakGlass ? (
                  <>
                    {" "}
                    <BreakGlassBadge />
                  </>
                ) : null}
              </th>
              <td>
                <DateText iso={card.dateOfBirth} />
              </td>
              <td>
                {card.category ? (
                  <CategoryBadge category={card.category} />
                ) : (
                  <span className="muted">{t("notListed")}</span>
                )}
              </td>
              <td>{tStatus(card.detentionStatus)}</td>
              <td>
                {card.responsibleAgency ? (
                  <>
                    {card.responsibleAgency.name}
                    {card.contactEmail ? (
                      <>
                        <br />
                        <a href={`mailto:${card.contactEmail}`} className="small">
                          {card.contactEmail}
                        </a>
                      </>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">{t("noContact")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
