import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous / next links through a forward-paged list whose cursors trail in the URL. */
export function PageLinks({
  label,
  status,
  previousHref,
  nextHref,
}: {
  label: string;
  status: string;
  previousHref: string | null;
  nextHref: string | null;
}) {
  const t = useTranslations("paging");
  if (previousHref === null && nextHref === null) return <p className="pagination__status">{status}</p>;
  return (
    <nav aria-label={label} className="pagination">
      <p className="pagination__status">{status}</p>
      <ul className="pagination__links">
        <li>
          {previousHref ? (
            <Link href={previousHref} prefetch={false} rel="prev" className="button button--secondary">
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
          {nextHref ? (
            <Link href={nextHref} prefetch={false} rel="next" className="button button--secondary">
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
