import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { caseloadColumns, hasCaseAccess, homePath, isCardOnly } from "@/features/access/access";
import { handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { CardCaseloadTable } from "@/features/caseload/CardCaseloadTable";
import { CaseloadFilters } from "@/features/caseload/CaseloadFilters";
import { CaseloadTable } from "@/features/caseload/CaseloadTable";
import { Pagination } from "@/features/caseload/Pagination";
import {
  type CaseloadScope,
  caseloadHref,
  firstPage,
  hasFilters,
  narrowState,
  parseCaseloadState,
  toVariables,
} from "@/features/caseload/url-state";
import { sortEstablishments } from "@/features/establishments/establishment-label";
import { AppShell } from "@/features/shell/AppShell";
import { CardCaseloadDocument, CaseloadDocument } from "@/gql/graphql";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError, hasCode } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";

export async function generateMetadata({ params }: PageProps<"/[locale]/caseload">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "caseload" });
  return { title: t("title") };
}

/** One page of persons: information cards for a card-only viewer, else the columns of the viewer's classes. */
async function readCaseload(
  cardOnly: boolean,
  variables: ReturnType<typeof toVariables>,
  scope: CaseloadScope,
) {
  if (cardOnly) {
    const { data, errors } = await serverQuery(CardCaseloadDocument, variables);
    return { kind: "card" as const, data, errors };
  }
  const { data, errors } = await serverQuery(CaseloadDocument, { ...variables, ...scope });
  return { kind: "full" as const, data, errors };
}

export default async function CaseloadPage({ params, searchParams }: PageProps<"/[locale]/caseload">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const parsed = parseCaseloadState(await searchParams);
  const viewer = await requireViewer(locale, { returnTo: caseloadHref("/caseload", parsed) });
  // Oversight and administrators see no caseload: their own page is their home.
  if (!hasCaseAccess(viewer.caseAccess) && homePath(viewer) !== "/caseload")
    redirect({ href: homePath(viewer), locale });

  const cardOnly = isCardOnly(viewer.caseAccess);
  const scope: CaseloadScope = cardOnly
    ? { listing: false, detention: false }
    : caseloadColumns(viewer.caseAccess);
  const state = narrowState(parsed, scope);
  const returnTo = caseloadHref("/caseload", state);
  const result = await readCaseload(cardOnly, toVariables(state), scope);
  // A stale or tampered cursor: start again from the first page of the same view.
  if (state.trail.length > 0 && hasCode(result.errors, "BAD_USER_INPUT", "persons")) {
    redirect({ href: caseloadHref("/caseload", firstPage(state)), locale });
  }
  handleReadErrors(classifyErrors(result.errors), locale, returnTo);
  if (!result.data) throw new ApiRequestError(result.errors);

  const t = await getTranslations("caseload");
  const persons = result.data.persons;
  const establishments =
    result.kind === "full"
      ? sortEstablishments(
          (result.data.establishments?.edges ?? []).map((edge) => edge.node),
          locale,
        )
      : [];

  return (
    <AppShell viewer={viewer} section="caseload" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="count" aria-live="polite">
          {t("count", { count: persons.totalCount })}
        </p>
      </div>
      {cardOnly ? <p className="notice">{t("cardOnlyNote")}</p> : null}
      <CaseloadFilters state={state} scope={scope} establishments={establishments} locale={locale} />
      {persons.edges.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty")}</p>
          {hasFilters(state) ? <p className="muted">{t("emptyHint")}</p> : null}
        </div>
      ) : (
        <>
          {result.kind === "card" ? (
            <CardCaseloadTable rows={result.data.persons.edges.map((edge) => edge.node)} locale={locale} />
          ) : (
            <CaseloadTable
              rows={result.data.persons.edges.map((edge) => edge.node)}
              state={state}
              scope={scope}
              locale={locale}
            />
          )}
          <Pagination
            state={state}
            path={`/${locale}/caseload`}
            totalCount={persons.totalCount}
            shown={persons.edges.length}
            endCursor={persons.pageInfo.endCursor}
            hasNextPage={persons.pageInfo.hasNextPage}
          />
        </>
      )}
    </AppShell>
  );
}
