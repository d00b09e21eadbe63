import Link from "next/link";
import { useTranslations } from "next-intl";
import { establishmentLabel } from "@/features/establishments/establishment-label";
import { DateText } from "@/features/i18n/DateText";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import { ScreeningStateBadge } from "@/features/screening/ScreeningStateBadge";
import type { CaseloadRowFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { SortableHeader } from "./SortableHeader";
import type { CaseloadState, SortKey } from "./url-state";

const SORT_LABEL_KEYS = {
  name: "name",
  category: "category",
  establishment: "establishment",
  due: "nextScreening",
  admitted: "admittedOn",
} as const satisfies Record<SortKey, string>;

/**
 * One page of the caseload. Server-rendered: sorting and paging are links, no script needed.
 * Links into personal data never prefetch (here and elsewhere): the API audits every read, and a
 * prefetch would record case files and pages the user never opened.
 */
export function CaseloadTable({
  rows,
  state,
  locale,
}: {
  rows: readonly CaseloadRowFragment[];
  state: CaseloadState;
  locale: Locale;
}) {
  const t = useTranslations("caseload");
  const tStatus = useTranslations("enums.detentionStatus");
  const path = `/${locale}/caseload`;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          {t("caption", {
            column: t(`columns.${SORT_LABEL_KEYS[state.sort]}`),
            direction: state.direction === "asc" ? t("sort.ascending") : t("sort.descending"),
          })}
        </caption>
        <thead>
          <tr>
            <SortableHeader label={t("columns.name")} sortKey="name" state={state} path={path} />
            <th scope="col">{t("columns.reference")}</th>
            <SortableHeader label={t("columns.category")} sortKey="category" state={state} path={path} />
            <SortableHeader
              label={t("columns.establishment")}
              sortKey="establishment"
              state={state}
              path={path}
            />
            <th scope="col">{t("columns.detentionStatus")}</th>
            <SortableHeader label={t("columns.nextScreening")} sortKey="due" state={state} path={path} />
          </tr>
        </thead>
        <tbody>
          {rows.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <Link href={`/${locale}/persons/${encodeURIComponent(person.id)}`} prefetch={false}>
                  {person.familyName}, {person.givenNames}
                </Link>
              </th>
              <td className="mono">{person.reference}</td>
              <td>
                {person.listing ? (
                  <CategoryBadge category={person.listing.category} />
                ) : (
                  <span className="muted">{t("notListed")}</span>
                )}
              </td>
              <td>
                {person.currentPlacement ? (
                  establishmentLabel(person.currentPlacement.establishment, locale)
                ) : (
                  <span className="muted">{t("notPlaced")}</span>
                )}
              </td>
              <td>{tStatus(person.detentionStatus)}</td>
              <td>
                <span className="due">
                  {person.nextScreeningDueOn ? <DateText iso={person.nextScreeningDueOn} /> : null}
                  <ScreeningStateBadge state={person.screeningState} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
