import Link from "next/link";
import { useTranslations } from "next-intl";
import { type CaseloadState, caseloadHref, nextPage, PAGE_SIZE, pageNumber, previousPage } from "./url-state";

/** Previous / next through the pages, with where this page sits in the whole list. */
export function Pagination({
  state,
  path,
  totalCount,
  shown,
  endCursor,
  hasNextPage,
}: {
  state: CaseloadState;
  path: string;
  totalCount: number;
  shown: number;
  endCursor: string | null;
  hasNextPage: boolean;
}) {
  const t = useTranslations("caseload.pagination");
  const page = pageNumber(state);
  const pages = Math.max(1, Math.ceil(totalCount / PAGE_SIZE));
  const from = shown === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = (page - 1) * PAGE_SIZE + shown;
  const next = hasNextPage && endCursor ? caseloadHref(path, nextPage(state, endCursor)) : null;
  const previous = page > 1 ? caseloadHref(path, previousPage(state)) : null;
  return (
    <nav aria-label={t("label")} className="pagination">
      <p className="pagination__status">{t("status", { page, pages, from, to, total: totalCount })}</p>
      <ul className="pagination__links">
        <li>
          {previous ? (
            <Link href={previous} prefetch={false} rel="prev" className="button button--secondary">
              <span aria-hidden="true">← </span>
              {t("previous")}
            </Link>
          ) : (
            <span className="button button--secondary button--disabled" aria-disabled="true">
              <span aria-hidden="true">← </span>
              {t("previous")}
            </span>
          )}
        </li>
        <li>
          {next ? (
            <Link href={next} prefetch={false} rel="next" className="button button--secondary">
              {t("next")}
              <span aria-hidden="true"> →</span>
            </Link>
          ) : (
            <span className="button button--secondary button--disabled" aria-disabled="true">
              {t("next")}
              <span aria-hidden="true"> →</span>
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
