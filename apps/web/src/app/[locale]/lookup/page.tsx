import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireViewer } from "@/features/auth/viewer";
import { LookupForm } from "@/features/lookup/LookupForm";
import { AppShell } from "@/features/shell/AppShell";
import { routing } from "@/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/lookup">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "lookup" });
  return { title: t("title") };
}

/** Hit / no-hit: is a person known, and whom to contact? Asking is audited, like every read. */
export default async function LookupPage({ params }: PageProps<"/[locale]/lookup">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requireViewer(locale, { returnTo: "/lookup" });

  const t = await getTranslations("lookup");
  return (
    <AppShell viewer={viewer} section="lookup" returnTo="/lookup">
      <div className="page-narrow page-narrow--wide">
        <h1>{t("heading")}</h1>
        <p>{t("intro")}</p>
        <LookupForm />
      </div>
    </AppShell>
  );
}
