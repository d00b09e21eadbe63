import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { visibleSections } from "@/features/access/access";
import { handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { parseGrantExpiry } from "@/features/break-glass/expiry";
import { AccessPanel } from "@/features/case-file/AccessPanel";
import { BreakGlassNotice } from "@/features/case-file/BreakGlassNotice";
import { DetentionSection } from "@/features/case-file/DetentionSection";
import { IdentitySection } from "@/features/case-file/IdentitySection";
import { InformationCardSection } from "@/features/case-file/InformationCardSection";
import { ListingSection } from "@/features/case-file/ListingSection";
import { loadCaseFile } from "@/features/case-file/load-case-file";
import { ReleaseSection } from "@/features/case-file/ReleaseSection";
import { RestrictedSection } from "@/features/case-file/RestrictedSection";
import { ScreeningSection } from "@/features/case-file/ScreeningSection";
import { Timeline } from "@/features/case-file/Timeline";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import { AuditEventsTable } from "@/features/oversight/AuditEventsTable";
import { AppShell } from "@/features/shell/AppShell";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";

export async function generateMetadata({ params }: PageProps<"/[locale]/persons/[id]">): Promise<Metadata> {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const loaded = await loadCaseFile(id);
  const person = loaded.kind === "blocked" ? null : loaded.data?.person;
  if (!person) {
    const t = await getTranslations({ locale, namespace: "notFound" });
    return { title: t("title") };
  }
  // The reference, not the name: titles end up in browser history and window lists.
  const t = await getTranslations({ locale, namespace: "caseFile" });
  if (loaded.kind === "full" && "reference" in person && person.reference)
    return { title: t("title", { reference: person.reference }) };
  return { title: t("cardTitle") };
}

export default async function CaseFilePage({ params, searchParams }: PageProps<"/[locale]/persons/[id]">) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const returnTo = `/persons/${encodeURIComponent(id)}`;
  const viewer = await requireViewer(locale, { returnTo });
  const expiresAt = parseGrantExpiry((await searchParams).grantExpires);
  const loaded = await loadCaseFile(id);
  if (loaded.kind === "blocked") throw new ApiRequestError([]);
  // Unknown, malformed and out-of-scope IDs all read as "not found", never "forbidden".
  handleReadErrors(classifyErrors(loaded.errors, { notFoundAt: "person" }), locale, returnTo, notFound);
  const person = loaded.data?.person;
  if (!person) notFound();

  const t = await getTranslations("caseFile");
  const breadcrumb = (current: string) => (
    <nav aria-label={t("breadcrumb")} className="breadcrumb">
      <ol>
        <li>
          <Link href={`/${locale}/caseload`} prefetch={false}>
            {t("backToCaseload")}
          </Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );

  if (loaded.kind === "card") {
    const card = loaded.data?.person?.card;
    if (!card) throw new ApiRequestError(loaded.errors);
    return (
      <AppShell viewer={viewer} section="case-file" returnTo={returnTo}>
        {breadcrumb(t("cardTitle"))}
        <div className="page-header page-header--case">
          <h1>
            {card.familyName}, {card.givenNames}
          </h1>
          <p className="muted">{t("cardSubtitle")}</p>
        </div>
        {person.access.breakGlass ? <BreakGlassNotice expiresAt={expiresAt} /> : null}
        <div className="case-grid">
          <div className="case-grid__main">
            <InformationCardSection card={card} />
          </div>
          <div className="case-grid__side">
            <AccessPanel access={person.access} />
          </div>
        </div>
      </AppShell>
    );
  }

  const full = loaded.data?.person;
  if (!full) notFound();
  const shown = visibleSections(full.access.classes);
  const name =
    full.familyName || full.givenNames ? `${full.familyName ?? ""}, ${full.givenNames ?? ""}` : t("unnamed");
  const audit = loaded.data?.auditEvents;
  return (
    <AppShell viewer={viewer} section="case-file" returnTo={returnTo}>
      {breadcrumb(full.reference ?? t("unnamed"))}
      <div className="page-header page-header--case">
        <h1>{name}</h1>
        {full.reference ? (
          <p className="muted mono">{t("reference", { reference: full.reference })}</p>
        ) : null}
        {full.listing ? <CategoryBadge category={full.listing.category} /> : null}
      </div>
      {full.access.breakGlass ? <BreakGlassNotice expiresAt={expiresAt} /> : null}
      <div className="case-grid">
        <div className="case-grid__main">
          {shown.identity ? (
            <IdentitySection person={full} locale={locale} />
          ) : (
            <RestrictedSection section="identity" />
          )}
          {shown.detention ? (
            <DetentionSection person={full} locale={locale} />
          ) : (
            <RestrictedSection section="detention" />
          )}
          {shown.release ? <ReleaseSection person={full} /> : <RestrictedSection section="release" />}
          {shown.listing ? <ListingSection person={full} /> : <RestrictedSection section="listing" />}
        </div>
        <div className="case-grid__side">
          <AccessPanel access={full.access} />
          {shown.screening ? <ScreeningSection person={full} /> : <RestrictedSection section="screening" />}
          {shown.timeline ? (
            <Timeline events={full.timeline ?? []} locale={locale} />
          ) : (
            <RestrictedSection section="timeline" />
          )}
        </div>
      </div>
      {audit ? (
        <section aria-labelledby="who-looked-heading" className="card section-gap">
          <h2 id="who-looked-heading">{t("whoLooked.heading")}</h2>
          <p className="muted">{t("whoLooked.intro", { count: audit.totalCount })}</p>
          {audit.edges.length === 0 ? null : (
            <AuditEventsTable
              events={audit.edges.map((edge) => edge.node)}
              caption={t("whoLooked.caption")}
              locale={locale}
              showPerson={false}
            />
          )}
          <p>
            <Link
              href={`/${locale}/oversight?${new URLSearchParams({ person: full.id }).toString()}#audit-heading`}
              prefetch={false}
            >
              {t("whoLooked.all")}
            </Link>
          </p>
        </section>
      ) : null}
    </AppShell>
  );
}
