import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { classSwitches, homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { DecideForm } from "@/features/decisions/DecideForm";
import { decisionCapabilitiesOf, mayUsePage } from "@/features/decisions/decision-capabilities";
import { loadDecisionReference } from "@/features/decisions/load-decisions";
import { PersonLink } from "@/features/decisions/PersonLink";
import { placeOptions } from "@/features/decisions/places";
import { RecommendationArticle } from "@/features/decisions/RecommendationArticle";
import { personName } from "@/features/decisions/standing";
import { establishmentLabel } from "@/features/establishments/establishment-label";
import { AppShell } from "@/features/shell/AppShell";
import { RecommendationInboxDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { todayIso } from "@/lib/time/calendar";

export async function generateMetadata({ params }: PageProps<"/[locale]/decisions">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUsePage(decisionCapabilitiesOf(viewer), "decisions")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "decisionInbox" });
  return { title: t("title") };
}

/**
 * The Director General's inbox: CelEx's recommendations awaiting a decision, oldest first, each
 * with its rationale, the inmate and where they are held, the evidence it cites, and the decision
 * form (accept, amend or reject, with reasons). CelEx analysts see where their recommendations stand.
 */
export default async function DecisionInboxPage({ params }: PageProps<"/[locale]/decisions">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const returnTo = "/decisions";
  const viewer = await requireViewer(locale, { returnTo });
  const capabilities = decisionCapabilitiesOf(viewer);
  const t = await getTranslations("decisionInbox");
  if (!mayUsePage(capabilities, "decisions")) {
    const tNav = await getTranslations("shell.decisionNav");
    return (
      <AppShell viewer={viewer} section="decisions" returnTo={returnTo}>
        <NotAvailable page={tNav("decisions")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const clinical = classSwitches(viewer.caseAccess).clinical;
  const decides = capabilities.has("decideRecommendations");
  const [inbox, reference] = await Promise.all([
    serverQuery(RecommendationInboxDocument, { clinical }),
    decides ? loadDecisionReference() : null,
  ]);
  handleReadErrors(classifyErrors(inbox.errors), locale, returnTo);
  if (!inbox.data) throw new ApiRequestError(inbox.errors);
  if (reference) handleReadErrors(classifyErrors(reference.errors), locale, returnTo);

  const tEnums = await getTranslations("enums");
  const tCase = await getTranslations("caseFile");
  const tForms = await getTranslations("decisionForms");
  const today = todayIso();
  const places = placeOptions(
    reference?.data?.establishments.edges.map((e) => e.node) ?? [],
    (e) => establishmentLabel(e, locale),
    (u) => `${tEnums(`unitKind.${u.kind}`)} (${u.code})`,
    locale,
  );
  const decider = { agencyKind: viewer.user.agency.kind, roles: viewer.user.roles };
  const items = inbox.data.recommendationInbox;

  return (
    <AppShell viewer={viewer} section="decisions" returnTo={returnTo}>
      <div className="page-header">
        <h1 id="inbox-heading" tabIndex={-1}>
          {t("heading")}
        </h1>
        <p className="count" aria-live="polite">
          {t("count", { count: items.length })}
        </p>
      </div>
      <p>{decides ? t("intro") : t("introReadOnly")}</p>
      {items.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty")}</p>
        </div>
      ) : (
        <ol className="report-list">
          {items.map((r) => {
            const placement = r.person?.currentPlacement ?? null;
            return (
              <li key={r.id}>
                <RecommendationArticle
                  recommendation={r}
                  headingLevel={3}
                  heading={t("itemHeading", {
                    kind: tEnums(`recommendationKind.${r.kind}`),
                    name: personName(r.person, tCase("unnamed")),
                  })}
                  assessmentsShown={clinical}
                  before={
                    <>
                      <div>
                        <dt>{t("person")}</dt>
                        <dd>
                          <PersonLink person={r.person} locale={locale} />
                        </dd>
                      </div>
                      <div>
                        <dt>{t("heldIn")}</dt>
                        <dd>
                          {placement
                            ? placement.unit
                              ? `${establishmentLabel(placement.establishment, locale)}, ${tEnums(`unitKind.${placement.unit.kind}`)}`
                              : establishmentLabel(placement.establishment, locale)
                            : t("notPlaced")}
                        </dd>
                      </div>
                    </>
                  }
                >
                  {decides ? (
                    <details className="form-disclosure">
                      <summary>{tForms("decide.open")}</summary>
                      <DecideForm
                        recommendationId={r.id}
                        recommendation={{
                          kind: r.kind,
                          recommendedOn: r.recommendedOn,
                          months: r.months,
                          terms: r.terms,
                          measureType: r.measureType,
                          establishmentId: r.establishment?.id ?? null,
                          unitId: r.unit?.id ?? null,
                        }}
                        places={places}
                        decider={decider}
                        today={today}
                        returnTo={returnTo}
                        afterDone="inbox-heading"
                      />
                    </details>
                  ) : null}
                </RecommendationArticle>
              </li>
            );
          })}
        </ol>
      )}
    </AppShell>
  );
}
