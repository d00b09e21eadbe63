import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import {
  DATA_CLASSES,
  parseRetentionQueue,
  RETENTION_PAGE_SIZE,
  RETENTION_STATUSES,
  retentionQueueHref,
} from "@/features/data-protection/data-protection-form";
import { ExportPanel } from "@/features/data-protection/ExportPanel";
import { RetentionQueue, SweepButton } from "@/features/data-protection/RetentionQueue";
import { RetentionRuleForm } from "@/features/data-protection/RetentionRuleForm";
import { mayUseFollowUpPage } from "@/features/follow-up/follow-up-pages";
import { PageLinks } from "@/features/paging/PageLinks";
import { pageWindow } from "@/features/queues/queue-state";
import { AppShell } from "@/features/shell/AppShell";
import { DataProtectionDocument } from "@/gql/graphql";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError, hasCode } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { readToken } from "@/lib/url/params";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/data-protection">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUseFollowUpPage(viewer, "dataProtection")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "dataProtection" });
  return { title: t("title") };
}

/**
 * The data-protection officer's page: how long each data class is kept after a case is closed
 * (and the form that changes it), the retention items of one status (`status`, waiting by
 * default), a page at a time (`after` cursors trail in the URL), to carry out with a
 * justification or postpone with a reason, the sweep run on demand,
 * and the export of everything held on one person (`export=<case ID>` only pre-fills its form).
 */
export default async function DataProtectionPage({
  params,
  searchParams,
}: PageProps<"/[locale]/data-protection">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const state = parseRetentionQueue(query);
  const { status } = state;
  const exportId = readToken(query, "export") ?? "";
  const returnTo = retentionQueueHref("/data-protection", state);
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("dataProtection");
  if (!mayUseFollowUpPage(viewer, "dataProtection")) {
    const tNav = await getTranslations("shell.followUpNav");
    return (
      <AppShell viewer={viewer} section="dataProtection" returnTo={returnTo}>
        <NotAvailable page={tNav("dataProtection")} home={homePath(viewer)} />
      </AppShell>
    );
  }
  const { data, errors } = await serverQuery(DataProtectionDocument, {
    status,
    first: RETENTION_PAGE_SIZE,
    after: state.trail.at(-1) ?? null,
  });
  if (state.trail.length > 0 && hasCode(errors, "BAD_USER_INPUT", "retentionQueue"))
    redirect({ href: retentionQueueHref("/data-protection", { status, trail: [] }), locale });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);
  const tEnums = await getTranslations("enums");
  const path = `/${locale}/data-protection`;
  const order = (dataClass: string) => (DATA_CLASSES as readonly string[]).indexOf(dataClass);
  const rules = [...data.retentionRules].sort((a, b) => order(a.dataClass) - order(b.dataClass));
  const queue = data.retentionQueue;
  const items = queue.edges.map((edge) => edge.node);
  const window = pageWindow(state.trail, items.length, RETENTION_PAGE_SIZE);

  return (
    <AppShell viewer={viewer} section="dataProtection" returnTo={returnTo}>
      <div className="page-header no-print">
        <h1>{t("heading")}</h1>
      </div>
      <p className="no-print">{t("intro")}</p>

      <section aria-labelledby="rules-heading" className="card section-gap no-print">
        <h2 id="rules-heading">{t("rules.heading")}</h2>
        <p className="muted">{t("rules.intro")}</p>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("rules.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rules.dataClass")}</th>
                <th scope="col">{t("rules.years")}</th>
                <th scope="col">{t("rules.action")}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.dataClass}>
                  <th scope="row">{tEnums(`dataClass.${rule.dataClass}`)}</th>
                  <td className="numeric">{t("rules.yearsValue", { years: rule.yearsAfterClosure })}</td>
                  <td>{tEnums(`retentionAction.${rule.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details className="form-disclosure">
          <summary>{t("ruleForm.open")}</summary>
          <RetentionRuleForm rules={rules} returnTo={returnTo} />
        </details>
      </section>

      <section aria-labelledby="queue-heading" className="card section-gap no-print">
        <h2 id="queue-heading">{t("queue.heading")}</h2>
        <p className="muted">{t("queue.intro")}</p>
        <nav aria-label={t("queue.statuses")} className="view-tabs">
          <ul>
            {RETENTION_STATUSES.map((option) => (
              <li key={option}>
                <Link
                  href={retentionQueueHref(path, { status: option, trail: [] }, "#queue-heading")}
                  prefetch={false}
                  aria-current={status === option ? "page" : undefined}
                >
                  {tEnums(`retentionStatus.${option}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="count" aria-live="polite">
          {t("queue.count", { count: queue.totalCount })}
        </p>
        {items.length === 0 ? (
          <div className="empty-state">
            <p>{t("queue.empty", { status: tEnums(`retentionStatus.${status}`) })}</p>
          </div>
        ) : (
          <RetentionQueue
            key={returnTo}
            items={items}
            wholeList={items.length === queue.totalCount}
            caption={t("queue.caption", {
              status: tEnums(`retentionStatus.${status}`),
              count: queue.totalCount,
            })}
            returnTo={returnTo}
          />
        )}
        {items.length > 0 || state.trail.length > 0 ? (
          <PageLinks
            label={t("queue.pages")}
            status={t("queue.pageStatus", { ...window, total: queue.totalCount })}
            previousHref={
              state.trail.length > 0
                ? retentionQueueHref(path, { status, trail: state.trail.slice(0, -1) }, "#queue-heading")
                : null
            }
            nextHref={
              queue.pageInfo.hasNextPage && queue.pageInfo.endCursor
                ? retentionQueueHref(
                    path,
                    { status, trail: [...state.trail, queue.pageInfo.endCursor] },
                    "#queue-heading",
                  )
                : null
            }
          />
        ) : null}
        <details className="form-disclosure">
          <summary>{t("sweep.open")}</summary>
          <SweepButton returnTo={returnTo} />
        </details>
      </section>

      <section aria-labelledby="export-heading" className="card section-gap">
        <h2 id="export-heading" className="no-print">
          {t("export.heading")}
        </h2>
        <p className="muted no-print">{t("export.intro")}</p>
        <ExportPanel key={exportId} personId={exportId} returnTo={returnTo} />
      </section>
    </AppShell>
  );
}
