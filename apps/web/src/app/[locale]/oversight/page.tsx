import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { BreakGlassForm } from "@/features/break-glass/BreakGlassForm";
import { DateTimeText } from "@/features/i18n/DateTimeText";
import { AuditEventsTable } from "@/features/oversight/AuditEventsTable";
import {
  EVENTS_PAGE_SIZE,
  GRANTS_PAGE_SIZE,
  hasAuditFilter,
  KNOWN_OPERATIONS,
  oversightHref,
  oversightParams,
  parseOversightState,
  toAuditFilter,
} from "@/features/oversight/oversight-state";
import { VerdictForm } from "@/features/oversight/VerdictForm";
import { PageLinks } from "@/features/paging/PageLinks";
import { AppShell } from "@/features/shell/AppShell";
import { OversightDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";

export async function generateMetadata({ params }: PageProps<"/[locale]/oversight">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  // Others get the not-found page: its title too.
  const viewer = await currentViewer().catch(() => null);
  if (!viewer?.auditReviewer) {
    const t = await getTranslations({ locale, namespace: "notFound" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "oversight" });
  return { title: t("title") };
}

/**
 * Oversight (the review committee and the data-protection officer): break-the-glass accesses
 * waiting for a verdict, the audit trail's search, and the verification of its hash chain. Others
 * get the not-found page, as for any address they may not use.
 */
export default async function OversightPage({ params, searchParams }: PageProps<"/[locale]/oversight">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseOversightState(await searchParams);
  const returnTo = oversightHref("/oversight", state);
  const viewer = await requireViewer(locale, { returnTo, purpose: false });
  if (!viewer.auditReviewer) notFound();

  const { data, errors } = await serverQuery(OversightDocument, {
    grantsFirst: GRANTS_PAGE_SIZE,
    grantsAfter: state.grantsTrail.at(-1) ?? null,
    eventsFirst: EVENTS_PAGE_SIZE,
    eventsAfter: state.trail.at(-1) ?? null,
    filter: toAuditFilter(state),
  });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);

  const t = await getTranslations("oversight");
  const tAudit = await getTranslations("audit");
  const path = `/${locale}/oversight`;
  const grants = data.breakGlassGrants;
  const events = data.auditEvents;
  const chain = data.auditChainVerification;
  const grantsPage = state.grantsTrail.length + 1;
  const eventsPage = state.trail.length + 1;
  const eventsFrom = events.edges.length === 0 ? 0 : (eventsPage - 1) * EVENTS_PAGE_SIZE + 1;
  const eventsTo = (eventsPage - 1) * EVENTS_PAGE_SIZE + events.edges.length;

  return (
    <AppShell viewer={viewer} section="oversight" returnTo={returnTo}>
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>

      <section aria-labelledby="grants-heading" className="section-gap">
        <h2 id="grants-heading">
          {t("grants.heading")}{" "}
          <span className="heading-note">({t("grants.count", { count: grants.totalCount })})</span>
        </h2>
        {grants.edges.length === 0 ? (
          <p className="empty-state">{t("grants.empty")}</p>
        ) : (
          <ul className="grant-list">
            {grants.edges.map(({ node: grant }) => (
              <li key={grant.id}>
                <article className="card grant" aria-labelledby={`grant-${grant.id}`}>
                  <h3 id={`grant-${grant.id}`}>
                    {t("grants.who", { user: grant.user.displayName, agency: grant.agency.name })}
                  </h3>
                  <dl className="facts">
                    <div>
                      <dt>{t("grants.grantedAt")}</dt>
                      <dd>
                        <DateTimeText iso={grant.grantedAt} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t("grants.expiresAt")}</dt>
                      <dd>
                        <DateTimeText iso={grant.expiresAt} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t("grants.auditedReads")}</dt>
                      <dd>{grant.auditedReads ?? "—"}</dd>
                    </div>
                    <div>
                      <dt>{t("grants.person")}</dt>
                      <dd>
                        <Link
                          href={`${path}?${new URLSearchParams({ person: grant.personId }).toString()}#audit-heading`}
                          prefetch={false}
                          className="mono small id"
                        >
                          {grant.personId}
                        </Link>
                      </dd>
                    </div>
                  </dl>
                  <h4 className="grant__label">{t("grants.justification")}</h4>
                  <blockquote className="justification">{grant.justification}</blockquote>
                  <VerdictForm
                    grantId={grant.id}
                    label={t("verdict.formLabel", { user: grant.user.displayName })}
                  />
                  <details className="open-case">
                    <summary>{t("grants.openCase")}</summary>
                    <BreakGlassForm personId={grant.personId} returnTo={returnTo} />
                  </details>
                </article>
              </li>
            ))}
          </ul>
        )}
        <PageLinks
          label={t("grants.pages")}
          status={t("grants.pageStatus", { page: grantsPage })}
          previousHref={
            state.grantsTrail.length > 0
              ? oversightHref(
                  path,
                  { ...state, grantsTrail: state.grantsTrail.slice(0, -1) },
                  "#grants-heading",
                )
              : null
          }
          nextHref={
            grants.pageInfo.hasNextPage && grants.pageInfo.endCursor
              ? oversightHref(
                  path,
                  { ...state, grantsTrail: [...state.grantsTrail, grants.pageInfo.endCursor] },
                  "#grants-heading",
                )
              : null
          }
        />
      </section>

      <section aria-labelledby="chain-heading" className="card section-gap">
        <h2 id="chain-heading">{t("chain.heading")}</h2>
        {chain.ok ? (
          <p className="notice notice--ok">{t("chain.intact", { checked: chain.checked })}</p>
        ) : (
          <p className="notice notice--danger">
            {t("chain.broken", {
              entry: chain.firstBrokenEventId ?? "?",
              reason: chain.reason ?? t("chain.noReason"),
              checked: chain.checked,
            })}
          </p>
        )}
      </section>

      <section aria-labelledby="audit-heading" className="section-gap">
        <h2 id="audit-heading">{t("audit.heading")}</h2>
        <div className="filters">
          <Form
            action={path}
            prefetch={false}
            key={oversightParams(state).toString()}
            className="filters__form"
          >
            <div className="field">
              <label htmlFor="audit-person">{t("audit.person")}</label>
              <input
                id="audit-person"
                name="person"
                type="text"
                defaultValue={state.personId ?? ""}
                autoComplete="off"
                spellCheck={false}
                className="mono"
              />
              <label htmlFor="audit-user">{t("audit.user")}</label>
              <input
                id="audit-user"
                name="user"
                type="text"
                defaultValue={state.userId ?? ""}
                autoComplete="off"
                spellCheck={false}
                className="mono"
              />
            </div>
            <div className="field">
              <label htmlFor="audit-operation">{t("audit.operation")}</label>
              <input
                id="audit-operation"
                name="op"
                type="text"
                list="audit-operations"
                defaultValue={state.operation ?? ""}
                autoComplete="off"
                spellCheck={false}
                aria-describedby="audit-operation-hint"
              />
              <datalist id="audit-operations">
                {KNOWN_OPERATIONS.map((op) => (
                  <option key={op} value={op} />
                ))}
              </datalist>
              <p id="audit-operation-hint" className="hint">
                {t("audit.operationHint")}
              </p>
              <div className="checkbox">
                <input
                  id="audit-bg"
                  type="checkbox"
                  name="bg"
                  value="1"
                  defaultChecked={state.breakGlassOnly}
                />
                <label htmlFor="audit-bg">{t("audit.breakGlassOnly")}</label>
              </div>
            </div>
            <fieldset className="field">
              <legend>{t("audit.period")}</legend>
              <label htmlFor="audit-from">{t("audit.from")}</label>
              <input id="audit-from" name="from" type="date" defaultValue={state.from ?? ""} />
              <label htmlFor="audit-to">{t("audit.to")}</label>
              <input id="audit-to" name="to" type="date" defaultValue={state.to ?? ""} />
            </fieldset>
            {state.grantsTrail.map((cursor) => (
              <input key={cursor} type="hidden" name="gafter" value={cursor} />
            ))}
            <div className="filters__actions">
              <button type="submit" className="button button--primary">
                {t("audit.search")}
              </button>
              <Link href={path} prefetch={false} className="button button--link">
                {t("audit.clear")}
              </Link>
            </div>
          </Form>
        </div>
        <p className="count" aria-live="polite">
          {t("audit.count", { count: events.totalCount })}
        </p>
        {events.edges.length === 0 ? (
          <div className="empty-state">
            <p>{hasAuditFilter(state) ? t("audit.emptyFiltered") : t("audit.empty")}</p>
          </div>
        ) : (
          <AuditEventsTable
            events={events.edges.map((edge) => edge.node)}
            caption={tAudit("caption")}
            locale={locale}
          />
        )}
        <PageLinks
          label={t("audit.pages")}
          status={t("audit.pageStatus", {
            page: eventsPage,
            from: eventsFrom,
            to: eventsTo,
            total: events.totalCount,
          })}
          previousHref={
            state.trail.length > 0
              ? oversightHref(path, { ...state, trail: state.trail.slice(0, -1) }, "#audit-heading")
              : null
          }
          nextHref={
            events.pageInfo.hasNextPage && events.pageInfo.endCursor
              ? oversightHref(
                  path,
                  { ...state, trail: [...state.trail, events.pageInfo.endCursor] },
                  "#audit-heading",
                )
              : null
          }
        />
      </section>
    </AppShell>
  );
}
