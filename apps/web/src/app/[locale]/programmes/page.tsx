import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { FocusedNotice } from "@/features/programmes/FocusedNotice";
import { ProgrammeCaseloadTable } from "@/features/programmes/ProgrammeCaseloadTable";
import { mayUseProgrammeCaseload } from "@/features/programmes/programme-pages";
import { closedStatusParam } from "@/features/programmes/programme-view";
import { AppShell } from "@/features/shell/AppShell";
import { ProgrammeCaseloadDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { firstParam } from "@/lib/url/params";

export async function generateMetadata({ params }: PageProps<"/[locale]/programmes">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUseProgrammeCaseload(viewer)) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "programmeCaseload" });
  return { title: t("title") };
}

/**
 * A disengagement service's caseload: the participations it runs now (oldest offer first), each
 * with the person, the status and since when, the offer and the last contact, and a link to the
 * case file. After a final status (`closed=<status>`, the person is out of the provider's sight)
 * it confirms the change.
 */
export default async function ProgrammeCaseloadPage({
  params,
  searchParams,
}: PageProps<"/[locale]/programmes">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const closed = closedStatusParam(firstParam(await searchParams, "closed"));
  const returnTo = "/programmes";
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("programmeCaseload");
  if (!mayUseProgrammeCaseload(viewer)) {
    const tNav = await getTranslations("shell.programmeNav");
    return (
      <AppShell viewer={viewer} section="programmes" returnTo={returnTo}>
        <NotAvailable page={tNav("programmes")} home={homePath(viewer)} />
      </AppShell>
    );
  }
  const { data, errors } = await serverQuery(ProgrammeCaseloadDocument, {});
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);
  const rows = data.programmeCaseload;
  const tStatus = await getTranslations("enums.programmeStatus");
  return (
    <AppShell viewer={viewer} section="programmes" returnTo={returnTo}>
      {closed ? (
        <FocusedNotice className="notice notice--ok">
          <p>{t("closed", { status: tStatus(closed) })}</p>
        </FocusedNotice>
      ) : null}
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="count">{t("count", { count: rows.length })}</p>
      </div>
      <p>{t("intro")}</p>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty")}</p>
        </div>
      ) : (
        <ProgrammeCaseloadTable rows={rows} caption={t("caption")} />
      )}
    </AppShell>
  );
}
