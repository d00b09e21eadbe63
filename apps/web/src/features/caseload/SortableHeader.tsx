import Link from "next/link";
import { useTranslations } from "next-intl";
import { type CaseloadState, caseloadHref, type SortKey, sortedBy } from "./url-state";

/**
 * A column header that sorts the list: a link to the same view sorted by this column (again:
 * the other way round). aria-sort tells assistive technology which column sorts and how.
 */
export function SortableHeader({
  label,
  sortKey,
  state,
  path,
}: {
  label: string;
  sortKey: SortKey;
  state: CaseloadState;
  path: string;
}) {
  const t = useTranslations("caseload.sort");
  const active = state.sort === sortKey;
  const target = sortedBy(state, sortKey);
  const ariaSort = active ? (state.direction === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={active ? "sortable sortable--active" : "sortable"}>
      <Link href={caseloadHref(path, target)} prefetch={false} className="sortable__link">
        {label}
        <span aria-hidden="true" className="sortable__icon">
          {active ? (state.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">
          , {target.direction === "asc" ? t("sortAscending") : t("sortDescending")}
        </span>
      </Link>
    </th>
  );
}
