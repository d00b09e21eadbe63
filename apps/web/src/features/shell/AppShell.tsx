import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ShellUserFragment } from "@/gql/graphql";
import { Link } from "@/i18n/navigation";
import { LanguageSwitch } from "./LanguageSwitch";
import { LogoutButton } from "./LogoutButton";

export type ShellSection = "caseload" | "case-file";

/**
 * The frame of every signed-in page: product, navigation, who is signed in and for which agency,
 * the language switch and logout; then the page's own content in the main landmark.
 */
export function AppShell({
  user,
  section,
  children,
}: {
  user: ShellUserFragment;
  section: ShellSection;
  children: ReactNode;
}) {
  const t = useTranslations();
  return (
    <>
      <header className="app-header">
        <div className="app-header__inner">
          <Link href="/caseload" prefetch={false} className="brand" aria-label={t("shell.home")}>
            {t("meta.product")}
          </Link>
          <nav aria-label={t("shell.mainNavigation")} className="main-nav">
            <ul>
              <li>
                <Link
                  href="/caseload"
                  prefetch={false}
                  aria-current={section === "caseload" ? "page" : undefined}
                >
                  {t("shell.caseload")}
                </Link>
              </li>
            </ul>
          </nav>
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
      </header>
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      <footer className="app-footer">
        <p>{t("common.fictional")}</p>
      </footer>
    </>
  );
}
