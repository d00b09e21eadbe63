import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { homePath, importRecordTypesFor, mayImport } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { ImportJobsTable } from "@/features/imports/ImportJobsTable";
import { ImportsClient } from "@/features/imports/ImportsClient";
import { IMPORT_JOBS_SHOWN, importsHref, parseImportsState } from "@/features/imports/imports-state";
import { AppShell } from "@/features/shell/AppShell";
import { ImportJobsDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";

export async function generateMetadata({ params }: PageProps<"/[locale]/imports">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayImport(viewer)) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "imports" });
  return { title: t("title") };
}

/**
 * Bulk imports of the viewer's agency: the form that sends a file (in parts) and starts the job,
 * the progress of the job in `?job=` (polled by the browser), and the agency's recent jobs. For
 * agencies and roles that may register persons, record detention or file reports; others get
 * "not available for your role".
 */
export default async function ImportsPage({ params, searchParams }: PageProps<"/[locale]/imports">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseImportsState(await searchParams);
  const returnTo = importsHref(state);
  const viewer = await requireViewer(locale, { returnTo });
  if (!mayImport(viewer)) {
    const tNav = await getTranslations("shell.nav");
    return (
      <AppShell viewer={viewer} section="imports" returnTo={returnTo}>
        <NotAvailable page={tNav("imports")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const { data, errors } = await serverQuery(ImportJobsDocument, { first: IMPORT_JOBS_SHOWN });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);

  const t = await getTranslations("imports");
  const messages = await getMessages();
  const jobs = data.importJobs.edges.map((edge) => edge.node);
  return (
    <AppShell viewer={viewer} section="imports" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
      </div>
      <p>{t("intro")}</p>
      {/* Only what the form and the progress panel translate goes to the browser. */}
      <NextIntlClientProvider messages={{ imports: messages.imports, forms: messages.forms }}>
        <ImportsClient recordTypes={importRecordTypesFor(viewer)} jobId={state.jobId} />
      </NextIntlClientProvider>
      <section aria-labelledby="imports-help-heading" className="section-gap">
        <h2 id="imports-help-heading">{t("helpHeading")}</h2>
        <p>{t.rich("help", { code: (chunks) => <code>{chunks}</code> })}</p>
        <p>{t("helpIds")}</p>
      </section>
      <ImportJobsTable jobs={jobs} totalCount={data.importJobs.totalCount} currentId={state.jobId} />
    </AppShell>
  );
}
