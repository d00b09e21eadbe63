import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { asksFigures, hasCaseAccess, homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, requireViewer } from "@/features/auth/viewer";
import { ExplorerLoader } from "@/features/explorer/ExplorerLoader";
import { EXAMPLE_QUERIES } from "@/features/explorer/example-queries";
import type { ExplorerTexts } from "@/features/explorer/explorer-texts";
import { AppShell } from "@/features/shell/AppShell";
import { routing } from "@/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/explorer">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !asksFigures(viewer)) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "explorer" });
  return { title: t("title") };
}

/**
 * The query explorer: GraphiQL over the API, in the browser, with the user's own session — for those
 * the API gives figures (readers of cases, statisticians). The page renders the frame and the texts
 * on the server; the editor itself loads in the browser. The examples a statistician would be
 * refused (the persons behind a figure) are not offered to them.
 */
export default async function ExplorerPage({ params }: PageProps<"/[locale]/explorer">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requireViewer(locale, { returnTo: "/explorer" });
  if (!asksFigures(viewer)) {
    const tShell = await getTranslations("shell.nav");
    return (
      <AppShell viewer={viewer} section="explorer" returnTo="/explorer">
        <NotAvailable page={tShell("explorer")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const t = await getTranslations("explorer");
  const readsCases = hasCaseAccess(viewer.caseAccess);
  const texts: ExplorerTexts = {
    locale,
    loading: t("loading"),
    loadFailed: t("loadFailed"),
    examplesTitle: t("examplesTitle"),
    examplesIntro: t("examplesIntro"),
    examples: EXAMPLE_QUERIES.filter((example) => readsCases || !example.readersOfCasesOnly).map(
      (example) => {
        const title = t(example.titleKey);
        return {
          id: example.id,
          title,
          description: t(example.descriptionKey),
          loaded: t("loaded", { title }),
        };
      },
    ),
  };
  return (
    <AppShell viewer={viewer} section="explorer" returnTo="/explorer">
      <div className="explorer">
        <h1>{t("heading")}</h1>
        <p className="explorer__intro">{t("intro")}</p>
        <p className="explorer__intro">
          {t("editorLanguage")} {t("keyboard")}
        </p>
        <div className="explorer__frame">
          <ExplorerLoader texts={texts} />
        </div>
      </div>
    </AppShell>
  );
}
