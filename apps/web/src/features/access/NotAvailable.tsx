import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

/**
 * A page the signed-in viewer's role does not use (a work queue of another agency): said plainly,
 * with the way home, rather than an error.
 */
export function NotAvailable({ page, home }: { page: string; home: string }) {
  const t = useTranslations("notAvailable");
  return (
    <div className="page-narrow">
      <h1>{t("heading")}</h1>
      <p>{t("body", { page })}</p>
      <p>
        <Link href={home} prefetch={false} className="button button--primary">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
