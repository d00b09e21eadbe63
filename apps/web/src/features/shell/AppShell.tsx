import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ShellViewerFragment } from "@/gql/graphql";
import { Link } from "@/i18n/navigation";
import {
  hasCaseAccess,
  type NavigationItem,
  navigationFor,
  needsSecondFactor,
  withNext,
} from "../access/access";
import { type DecisionPage, decisionPagesFor } from "../decisions/decision-capabilities";
import { FOLLOW_UP_PATHS, type FollowUpPage, followUpPagesFor } from "../follow-up/follow-up-pages";
import { type ProgrammePage, programmePagesFor } from "../programmes/programme-pages";
import { LanguageSwitch } from "./LanguageSwitch";
import { LogoutButton } from "./LogoutButton";

export type ShellSection =
  | NavigationItem
  | DecisionPage
  | ProgrammePage
  | FollowUpPage
  | "case-file"
  | "purpose"
  | "second-factor";

const NAV_PATHS: Record<NavigationItem, string> = {
  caseload: "/caseload",
  screening: "/screening",
  reports: "/reports",
  assessments: "/assessments",
  lookup: "/lookup",
  oversight: "/oversight",
  admin: "/admin",
  analytics: "/analytics",
  explorer: "/explorer",
  imports: "/imports",
};

const DECISION_PATHS: Record<DecisionPage, string> = {
  decisions: "/decisions",
  measures: "/measures",
  transparency: "/transparency",
  dradex: "/dradex",
};

const PROGRAMME_PATHS: Record<ProgrammePage, string> = {
  programmes: "/programmes",
};

/**
 * The frame of every signed-in page: product, the links this viewer may use (and, in navigations
 * of their own, the pages of "Decisions and measures", "Disengagement programmes" and "Release and
 * follow-up" their role uses), who is signed in and for which agency, the session's purpose (with a
 * link to change it), the language switch and logout; then the page's own content in the main
 * landmark. `returnTo` is this page's locale-less
 * path: changing the purpose comes back to it.
 */
export function AppShell({
  viewer,
  section,
  returnTo,
  children,
}: {
  viewer: ShellViewerFragment;
  section: ShellSection;
  returnTo?: string;
  children: ReactNode;
}) {
  const t = useTranslations();
  const user = viewer.user;
  const items = navigationFor(viewer);
  const decisionPages = decisionPagesFor(viewer);
  const programmePages = programmePagesFor(viewer);
  const followUpPages = followUpPagesFor(viewer);
  const showPurpose = viewer.purpose !== null || hasCaseAccess(viewer.caseAccess) || viewer.auditReviewer;
  const purposeHref = withNext("/purpose", section === "purpose" ? null : (returnTo ?? null));
  return (
    <>
      <header className="app-header">
        <div className="app-header__inner">
          <Link
            href={items[0] ? NAV_PATHS[items[0]] : "/caseload"}
            prefetch={false}
            className="brand"
            aria-label={t("shell.home")}
          >
            {t("meta.product")}
          </Link>
          {items.length > 0 ? (
            <nav aria-label={t("shell.mainNavigation")} className="main-nav">
              <ul>
                {items.map((item) => (
                  <li key={item}>
                    <Link
                      href={NAV_PATHS[item]}
                      prefetch={false}
                      aria-current={section === item ? "page" : undefined}
                    >
                      {t(`shell.nav.${item}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div className="app-header__user">
            <p className="user-card">
              <span className="sr-only">{t("shell.signedInAs")} </span>
              <span className="user-card__name">{user.displayName}</span>
              <span className="sr-only">, {t("shell.agency")}: </span>
              <span className="user-card__agency">{user.agency.name}</span>
            </p>
            <LanguageSwitch />
            <LogoutButton />
          </div>
        </div>
        <SubNavigation
          labelId="sub-nav-label"
          label={t("shell.decisionsNavigation")}
          links={decisionPages.map((page) => ({
            page,
            href: DECISION_PATHS[page],
            text: t(`shell.decisionNav.${page}`),
          }))}
          current={section}
        />
        <SubNavigation
          labelId="programmes-nav-label"
          label={t("shell.programmesNavigation")}
          links={programmePages.map((page) => ({
            page,
            href: PROGRAMME_PATHS[page],
            text: t(`shell.programmeNav.${page}`),
          }))}
          current={section}
        />
        <SubNavigation
          labelId="follow-up-nav-label"
          label={t("shell.followUpNavigation")}
          links={followUpPages.map((page) => ({
            page,
            href: FOLLOW_UP_PATHS[page],
            text: t(`shell.followUpNav.${page}`),
          }))}
          current={section}
        />
        {showPurpose ? (
          <div className="session-bar">
            <p className="session-bar__inner">
              {viewer.purpose ? (
                <span>
                  {t.rich("shell.purpose", {
                    purpose: t(`enums.purpose.${viewer.purpose.code}`),
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                  {viewer.purpose.note ? (
                    <span className="session-bar__note"> ({viewer.purpose.note})</span>
                  ) : null}
                </span>
              ) : (
                <span>{t("shell.noPurpose")}</span>
              )}{" "}
              <Link
                href={purposeHref}
                prefetch={false}
                aria-current={section === "purpose" ? "page" : undefined}
                className="session-bar__link"
              >
                {viewer.purpose ? t("shell.changePurpose") : t("shell.statePurpose")}
              </Link>
            </p>
          </div>
        ) : null}
      </header>
      {needsSecondFactor(viewer) && section !== "second-factor" ? (
        <div className="page-banner" role="note">
          <p>
            {t("shell.secondFactorMissing")}{" "}
            <Link href={withNext("/second-factor", returnTo ?? null)} prefetch={false}>
              {t("shell.secondFactorEnrol")}
            </Link>
          </p>
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      <footer className="app-footer">
        <p>{t("common.fictional")}</p>
      </footer>
    </>
  );
}

/** A labelled navigation of an area's pages, shown when the viewer may use any of them. */
function SubNavigation({
  labelId,
  label,
  links,
  current,
}: {
  labelId: string;
  label: string;
  links: { page: ShellSection; href: string; text: string }[];
  current: ShellSection;
}) {
  if (links.length === 0) return null;
  return (
    <div className="sub-nav">
      <nav aria-labelledby={labelId} className="sub-nav__inner">
        <span id={labelId} className="sub-nav__label">
          {label}
        </span>
        <ul>
          {links.map((link) => (
            <li key={link.page}>
              <Link
                href={link.href}
                prefetch={false}
                aria-current={current === link.page ? "page" : undefined}
              >
                {link.text}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
