import { useTranslations } from "next-intl";
import { PageLinks } from "@/features/paging/PageLinks";
import { type CaseloadState, caseloadHref, nextPage, PAGE_SIZE, pageNumber, previousPage } from "./url-state";

/** Previous / next through the caseload's pages, with where this page sits in the whole list. */
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
  return (
    <PageLinks
      label={t("label")}
      status={t("status", { page, pages, from, to, total: totalCount })}
      previousHref={page > 1 ? caseloadHref(path, previousPage(state)) : null}
      nextHref={hasNextPage && endCursor ? caseloadHref(path, nextPage(state, endCursor)) : null}
    />
  );
}
