import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

/**
 * Unknown pages, and persons that do not exist or are outside the user's scope: the API answers
 * NOT_FOUND for both, and so does this page, word for word.
 */
export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <main id="main" tabIndex={-1} className="page page--narrow">
      <h1>{t("heading")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/caseload" prefetch={false} className="button button--primary">
          {t("back")}
        </Link>
      </p>
    </main>
  );
}
