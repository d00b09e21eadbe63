import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { homePath, needsPurpose, safeNextPath, withNext } from "@/features/access/access";
import { requireViewer } from "@/features/auth/viewer";
import { TotpEnrolment } from "@/features/second-factor/TotpEnrolment";
import { AppShell } from "@/features/shell/AppShell";
import { Link } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/second-factor">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "secondFactor" });
  return { title: t("title") };
}

/**
 * Enrolment of an authenticator app. Accounts that read intelligence or clinical data must enrol
 * before personal data opens (the API answers SECOND_FACTOR_REQUIRED until then); others may.
 * Afterwards: the purpose page if the session has none yet, then where the user was going.
 */
export default async function SecondFactorPage({
  params,
  searchParams,
}: PageProps<"/[locale]/second-factor">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const next = safeNextPath((await searchParams).next);
  const viewer = await requireViewer(locale, {
    returnTo: withNext("/second-factor", next),
    purpose: false,
    secondFactor: false,
  });
  const destination = next ?? homePath(viewer);
  const continueTo = needsPurpose(viewer) ? withNext("/purpose", destination) : destination;

  const t = await getTranslations("secondFactor");
  return (
    <AppShell viewer={viewer} section="second-factor">
      <div className="page-narrow">
        <h1>{t("heading")}</h1>
        {viewer.secondFactorEnabled ? (
          <>
            <p className="notice notice--ok">{t("enabled")}</p>
            <p>
              <Link href={continueTo} prefetch={false} className="button button--primary">
                {t("continue")}
              </Link>
            </p>
          </>
        ) : (
          <>
            <p>{viewer.secondFactorRequired ? t("required") : t("optional")}</p>
            <ol className="steps">
              <li>{t("step1")}</li>
              <li>{t("step2")}</li>
              <li>{t("step3")}</li>
            </ol>
            <TotpEnrolment continueTo={continueTo} />
          </>
        )}
      </div>
    </AppShell>
  );
}
