import Link from "next/link";
import { useTranslations } from "next-intl";
import { BreakGlassBadge } from "@/features/access/BreakGlassBadge";
import { Restricted } from "@/features/access/Restricted";
import { establishmentLabel } from "@/features/establishments/establishment-label";
import { DateText } from "@/features/i18n/DateText";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import { ScreeningStateBadge } from "@/features/screening/ScreeningStateBadge";
import type { CaseloadRowFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { SortableHeader } from "./SortableHeader";
import type { CaseloadScope, CaseloadState, SortKey } from "./url-state";

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
 * prefetch would record case files and pages the user never opened. Columns of data the viewer
 * reads nowhere are left out; a value refused for one person (a case opened through
 * break-the-glass, say) reads "not available".
 */
export function CaseloadTable({
  rows,
  state,
  scope,
  locale,
}: {
  rows: readonly CaseloadRowFragment[];
  state: CaseloadState;
  scope: CaseloadScope;
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
            {scope.listing ? (
              <SortableHeader label={t("columns.category")} sortKey="category" state={state} path={path} />
            ) : null}
            {scope.detention ? (
              <>
                <SortableHeader
                  label={t("columns.establishment")}
                  sortKey="establishment"
                  state={state}
                  path={path}
                />
                <th scope="col">{t("columns.detentionStatus")}</th>
              </>
            ) : null}
            {scope.listing ? (
              <SortableHeader label={t("columns.nextScreening")} sortKey="due" state={state} path={path} />
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <Link href={`/${locale}/persons/${encodeURIComponent(person.id)}`} prefetch={false}>
                  {person.familyName || person.givenNames
                    ? `${person.familyName ?? ""}, ${person.givenNames ?? ""}`
                    : t("unnamed")}
                </Link>
                {person.access.breakGlass ? (
                  <>
                    {" "}
                    <BreakGlassBadge />
                  </>
                ) : null}
              </th>
              <td className="mono">{person.reference ?? <Restricted />}</td>
              {/* A null listing means "not listed" when the row's other LISTING fields came back, and
                  "refused" when they did not (likewise the placement with the detention status). */}
              {scope.listing ? (
                <td>
                  {person.listing ? (
                    <CategoryBadge category={person.listing.category} />
                  ) : person.screeningState ? (
                    <span className="muted">{t("notListed")}</span>
                  ) : (
                    <Restricted />
                  )}
                </td>
              ) : null}
              {scope.detention ? (
                <>
                  <td>
                    {person.currentPlacement ? (
                      establishmentLabel(person.currentPlacement.establishment, locale)
                    ) : person.detentionStatus ? (
                      <span className="muted">{t("notPlaced")}</span>
                    ) : (
                      <Restricted />
                    )}
                  </td>
                  <td>{person.detentionStatus ? tStatus(person.detentionStatus) : <Restricted />}</td>
                </>
              ) : null}
              {scope.listing ? (
                <td>
                  {person.screeningState ? (
                    <span className="due">
                      {person.nextScreeningDueOn ? <DateText iso={person.nextScreeningDueOn} /> : null}
                      <ScreeningStateBadge state={person.screeningState} />
                    </span>
                  ) : (
                    <Restricted />
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
