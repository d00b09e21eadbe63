import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { classSwitches, visibleSections } from "@/features/access/access";
import { capabilitiesOf, caseFormsFor, levelOf } from "@/features/access/capabilities";
import { AssessmentForm } from "@/features/assessments/AssessmentForm";
import { handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { AccessPanel } from "@/features/case-file/AccessPanel";
import { AsOfControl } from "@/features/case-file/AsOfControl";
import { AssessmentsSection } from "@/features/case-file/AssessmentsSection";
import { BreakGlassNotice } from "@/features/case-file/BreakGlassNotice";
import { caseFileHref, parseCaseFileState } from "@/features/case-file/case-file-state";
import { DetentionSection } from "@/features/case-file/DetentionSection";
import { IdentitySection } from "@/features/case-file/IdentitySection";
import { InformationCardSection } from "@/features/case-file/InformationCardSection";
import { ListingSection } from "@/features/case-file/ListingSection";
import {
  loadCaseFile,
  loadCaseReports,
  loadFormReference,
  readsClinicalDetail,
} from "@/features/case-file/load-case-file";
import { ReleaseSection } from "@/features/case-file/ReleaseSection";
import { ReportsSection } from "@/features/case-file/ReportsSection";
import { RestrictedSection } from "@/features/case-file/RestrictedSection";
import { ScreeningSection } from "@/features/case-file/ScreeningSection";
import { Timeline } from "@/features/case-file/Timeline";
import { WatchlistSection } from "@/features/case-file/WatchlistSection";
import { type DecisionsFormContext, DecisionsSection } from "@/features/decisions/DecisionsSection";
import { decisionCapabilitiesOf, decisionFormsFor } from "@/features/decisions/decision-capabilities";
import {
  loadCaseDecisions,
  loadDecisionReference,
  loadRecommendationEvidence,
} from "@/features/decisions/load-decisions";
import { placeOptions } from "@/features/decisions/places";
import { establishmentLabel } from "@/features/establishments/establishment-label";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import { loadFollowUpPart } from "@/features/local/load-follow-up";
import { AuditEventsTable } from "@/features/oversight/AuditEventsTable";
import { loadProgrammeParts } from "@/features/programmes/load-programmes";
import { loadReleaseParts } from "@/features/release/load-release";
import { addressees } from "@/features/reports/addressees";
import { ScreeningForm } from "@/features/screening/ScreeningForm";
import { AppShell } from "@/features/shell/AppShell";
import type { CaseFilePersonFragment, ShellViewerFragment } from "@/gql/graphql";
import { redirect } from "@/i18n/navigation";
import { type Locale, routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError, hasCode } from "@/lib/graphql/errors";
import { todayIso } from "@/lib/time/calendar";

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<"/[locale]/persons/[id]">): Promise<Metadata> {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const loaded = await loadCaseFile(id, parseCaseFileState(await searchParams).asOf);
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

  const state = parseCaseFileState(await searchParams);
  const basePath = `/persons/${encodeURIComponent(id)}`;
  const returnTo = caseFileHref(basePath, { ...state, grantExpires: null });
  const viewer = await requireViewer(locale, { returnTo });
  const expiresAt = state.grantExpires;
  const loaded = await loadCaseFile(id, state.asOf);
  if (loaded.kind === "blocked") throw new ApiRequestError([]);
  // Unknown, malformed and out-of-scope IDs all read as "not found", never "forbidden".
  handleReadErrors(classifyErrors(loaded.errors, { notFoundAt: "person" }), locale, returnTo, notFound);
  const person = loaded.data?.person;
  if (!person) notFound();

  const t = await getTranslations("caseFile");
  const tAll = await getTranslations();
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
  const path = `/${locale}${basePath}`;
  const today = todayIso();
  const forms = caseFormsFor(capabilitiesOf(viewer), full.access);
  const [reportsResult, reference, decisions, programmeParts, followUp, releaseParts] = await Promise.all([
    shown.reports || forms.report
      ? loadCaseReports(id, state.reportHistory, state.reportTrail.at(-1) ?? null)
      : null,
    loadFormReference({ indicators: forms.report, instruments: forms.assessment }),
    shown.decisions ? loadDecisionsPart(viewer, full, state.asOf, today, returnTo, locale) : null,
    loadProgrammeParts(viewer, full, { asOf: state.asOf, today, returnTo, locale }),
    loadFollowUpPart(viewer, full, { asOf: state.asOf, today, returnTo, locale }),
    loadReleaseParts(viewer, full, { asOf: state.asOf, today, returnTo, locale }),
  ]);
  // A stale or tampered cursor of the reports' pages: back to their first page.
  if (state.reportTrail.length > 0 && reportsResult && hasCode(reportsResult.errors, "BAD_USER_INPUT"))
    redirect({ href: caseFileHref(basePath, { ...state, reportTrail: [] }), locale });
  if (reportsResult) handleReadErrors(classifyErrors(reportsResult.errors), locale, returnTo);
  const reports = reportsResult?.data?.person?.reports ?? null;
  const name =
    full.familyName || full.givenNames ? `${full.familyName ?? ""}, ${full.givenNames ?? ""}` : t("unnamed");
  const audit = loaded.data?.auditEvents;
  const agencies = addressees(viewer.user.agency.id, reference.agencies, locale);
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
          {releaseParts.preparation}
          {releaseParts.followUp}
          {shown.listing ? (
            <ListingSection person={full}>
              <AsOfControl
                path={path}
                state={state}
                today={today}
                listingOn={full.listingOn ?? null}
                watchlistOn={full.watchlistOn ?? null}
                readsWatchlist={shown.watchlist}
              />
            </ListingSection>
          ) : (
            <RestrictedSection section="listing" />
          )}
          {forms.screening ? (
            <section aria-labelledby="screening-form-heading" className="card">
              <details className="form-disclosure">
                <summary id="screening-form-heading">{tAll("screeningForm.open")}</summary>
                <ScreeningForm
                  personId={full.id}
                  listing={full.listing ?? null}
                  admittedOn={full.currentEpisode?.admittedOn ?? null}
                  reports={(reports?.edges ?? []).map((e) => e.node).filter((r) => !r.superseded)}
                  today={today}
                  returnTo={returnTo}
                />
              </details>
            </section>
          ) : null}
          {reports ? (
            <ReportsSection
              personId={full.id}
              reports={reports}
              path={path}
              state={state}
              canFile={forms.report}
              indicators={reference.indicators}
              agencies={agencies}
              today={today}
              returnTo={returnTo}
            />
          ) : (
            <RestrictedSection section="reports" />
          )}
          {programmeParts.incidents}
          {shown.assessments && full.riskAssessments ? (
            <AssessmentsSection
              assessments={full.riskAssessments}
              nextDueOn={full.nextAssessmentDueOn ?? null}
              detailReadable={levelOf(full.access, "CLINICAL") !== "SUMMARY" && readsClinicalDetail(viewer)}
              today={today}
            >
              {forms.assessment ? (
                <details className="form-disclosure">
                  <summary>{tAll("assessmentForm.open")}</summary>
                  <AssessmentForm
                    personId={full.id}
                    instruments={reference.instruments}
                    today={today}
                    returnTo={returnTo}
                  />
                </details>
              ) : null}
            </AssessmentsSection>
          ) : (
            <RestrictedSection section="assessments" />
          )}
          {decisions ? decisions : <RestrictedSection section="decisions" />}
          {programmeParts.programmes}
          {programmeParts.evaluations}
          {followUp}
          {shown.watchlist && full.watchlist ? (
            <WatchlistSection entries={full.watchlist} />
          ) : (
            <RestrictedSection section="watchlist" />
          )}
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

/**
 * The "Decisions and measures" section of a case whose MEASURES the viewer reads: its own read
 * (measures as of the case file's day), and what the forms need where the viewer may record
 * (reference data; for a recommendation, the evidence it may cite).
 */
async function loadDecisionsPart(
  viewer: ShellViewerFragment,
  person: CaseFilePersonFragment,
  asOf: string | null,
  today: string,
  returnTo: string,
  locale: Locale,
) {
  const clinical = classSwitches(viewer.caseAccess).clinical;
  const detained = person.detentionStatus === "DETAINED";
  const forms = decisionFormsFor(decisionCapabilitiesOf(viewer), person.access, detained);
  const anyForm = asOf === null && Object.values(forms).some(Boolean);
  const [result, reference, evidence] = await Promise.all([
    loadCaseDecisions(person.id, asOf ?? today, clinical),
    anyForm ? loadDecisionReference() : null,
    anyForm && forms.recommend ? loadRecommendationEvidence(person.id, clinical) : null,
  ]);
  handleReadErrors(classifyErrors(result.errors), locale, returnTo);
  const data = result.data?.person;
  if (!data?.securityMeasures || !data.decisions || !data.recommendations) return null;
  let context: DecisionsFormContext | null = null;
  if (anyForm && reference?.data) {
    const tEnums = await getTranslations("enums");
    const places = placeOptions(
      reference.data.establishments.edges.map((e) => e.node),
      (e) => establishmentLabel(e, locale),
      (u) => `${tEnums(`unitKind.${u.kind}`)} (${u.code})`,
      locale,
    );
    const open = person.placements?.find((p) => p.validTo === null) ?? null;
    const current = open
      ? {
          establishmentId: open.establishment.id,
          unitId: open.unit?.id ?? null,
          label: open.unit
            ? `${establishmentLabel(open.establishment, locale)}, ${tEnums(`unitKind.${open.unit.kind}`)}`
            : establishmentLabel(open.establishment, locale),
        }
      : null;
    const evidencePerson = evidence?.data?.person ?? null;
    context = {
      forms,
      decider: { agencyKind: viewer.user.agency.kind, roles: viewer.user.roles },
      types: reference.data.measureTypes,
      places,
      current,
      reports: evidencePerson?.reports.edges.map((e) => e.node) ?? [],
      assessments: clinical ? (evidencePerson?.riskAssessments ?? []) : null,
      today,
      returnTo,
    };
  }
  return (
    <DecisionsSection
      personId={person.id}
      measures={data.securityMeasures}
      decisions={data.decisions}
      recommendations={data.recommendations}
      asOf={asOf}
      today={today}
      assessmentsShown={clinical}
      context={context}
    />
  );
}
