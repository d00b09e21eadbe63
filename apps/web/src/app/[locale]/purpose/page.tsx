import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { homePath, safeNextPath } from "@/features/access/access";
import { requireViewer } from "@/features/auth/viewer";
import { PurposeForm } from "@/features/purpose/PurposeForm";
import { AppShell } from "@/features/shell/AppShell";
import { routing } from "@/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/purpose">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "purpose" });
  return { title: t("title") };
}

/**
 * Why this session opens personal data. Asked after login and whenever the API answers
 * PURPOSE_REQUIRED; `next` is where the user was going. Stating one is allowed before the second
 * factor is enrolled (the enrolment page sends here afterwards).
 */
export default async function PurposePage({ params, searchParams }: PageProps<"/[locale]/purpose">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const next = safeNextPath((await searchParams).next);
  const viewer = await requireViewer(locale, {
    returnTo: next === null ? "/purpose" : `/purpose?next=${encodeURIComponent(next)}`,
    purpose: false,
    secondFactor: false,
  });

  const t = await getTranslations("purpose");
  const tPurpose = await getTranslations("enums.purpose");
  const options = viewer.purposesAvailable.map((code) => ({ code, label: tPurpose(code) }));
  return (
    <AppShell viewer={viewer} section="purpose">
      <div className="page-narrow">
        <h1>{t("heading")}</h1>
        <p>{t("intro")}</p>
        {viewer.purpose ? (
          <p className="muted">{t("current", { purpose: tPurpose(viewer.purpose.code) })}</p>
        ) : null}
        {options.length === 0 ? (
          <p className="empty-state">{t("noneAvailable")}</p>
        ) : (
          <PurposeForm options={options} current={viewer.purpose} next={next ?? homePath(viewer)} />
        )}
      </div>
    </AppShell>
  );
}
