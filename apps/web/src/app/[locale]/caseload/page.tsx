import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/features/auth/require-user";
import { CaseloadFilters } from "@/features/caseload/CaseloadFilters";
import { CaseloadTable } from "@/features/caseload/CaseloadTable";
import { Pagination } from "@/features/caseload/Pagination";
import {
  caseloadHref,
  firstPage,
  hasFilters,
  parseCaseloadState,
  toVariables,
} from "@/features/caseload/url-state";
import { sortEstablishments } from "@/features/establishments/establishment-label";
import { AppShell } from "@/features/shell/AppShell";
import { CaseloadDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { ApiRequestError, hasCode } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";

export async function generateMetadata({ params }: PageProps<"/[locale]/caseload">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "caseload" });
  return { title: t("title") };
}

export default async function CaseloadPage({ params, searchParams }: PageProps<"/[locale]/caseload">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseCaseloadState(await searchParams);
  const path = `/${locale}/caseload`;
  const { data, errors } = await serverQuery(CaseloadDocument, toVariables(state));
  const user = requireUser(data?.me, errors, locale);
  // A stale or tampered cursor: start again from the first page of the same view.
  if (state.trail.length > 0 && hasCode(errors, "BAD_USER_INPUT", "persons")) {
    redirect(caseloadHref(path, firstPage(state)));
  }
  if (!data || errors.length > 0) throw new ApiRequestError(errors);

  const t = await getTranslations("caseload");
  const rows = data.persons.edges.map((edge) => edge.node);
  const establishments = sortEstablishments(
    data.establishments.edges.map((edge) => edge.node),
    locale,
  );

  return (
    <AppShell user={user} section="caseload">
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="count" aria-live="polite">
          {t("count", { count: data.persons.totalCount })}
        </p>
      </div>
      <CaseloadFilters state={state} establishments={establishments} locale={locale} />
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty")}</p>
          {hasFilters(state) ? <p className="muted">{t("emptyHint")}</p> : null}
        </div>
      ) : (
        <>
          <CaseloadTable rows={rows} state={state} locale={locale} />
          <Pagination
            state={state}
            path={path}
            totalCount={data.persons.totalCount}
            shown={rows.length}
            endCursor={data.persons.pageInfo.endCursor}
            hasNextPage={data.persons.pageInfo.hasNextPage}
          />
        </>
      )}
    </AppShell>
  );
}
