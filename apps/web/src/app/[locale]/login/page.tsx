import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { afterLoginPath, safeNextPath, withNext } from "@/features/access/access";
import { LoginForm } from "@/features/auth/LoginForm";
import { currentViewer } from "@/features/auth/viewer";
import { localeOfLanguage } from "@/i18n/locale";
import { Link, redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/login">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "login" });
  return { title: t("title") };
}

export default async function LoginPage({ params, searchParams }: PageProps<"/[locale]/login">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const next = safeNextPath((await searchParams).next);

  // Already signed in: nothing to do here. If the API cannot say, show the form all the same.
  const viewer = await currentViewer().catch(() => null);
  if (viewer)
    redirect({ href: afterLoginPath(viewer, next), locale: localeOfLanguage(viewer.user.language) });

  const t = await getTranslations("login");
  const common = await getTranslations("common");
  const languages = await getTranslations("languages");
  const shell = await getTranslations("shell");
  return (
    <main id="main" tabIndex={-1} className="page page--login">
      <div className="login-card">
        <p className="brand brand--large">Continuum</p>
        <h1>{t("heading")}</h1>
        <p className="muted">{t("intro")}</p>
        <LoginForm next={next} />
        <p className="muted small">{common("fictional")}</p>
        <nav aria-label={shell("languageSwitch")} className="login-languages">
          <ul>
            {routing.locales.map((l) => (
              <li key={l}>
                <Link
                  href={withNext("/login", next)}
                  locale={l}
                  lang={l}
                  hrefLang={l}
                  aria-current={l === locale ? "true" : undefined}
                >
                  {languages(l)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </main>
  );
}
