import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { ApolloProvider } from "@/lib/apollo/ApolloProvider";
import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    title: { template: `%s — ${t("product")}`, default: t("product") },
    description: t("description"),
    robots: { index: false, follow: false },
  };
}

/** Only what client components translate goes to the browser, not the whole catalogue. */
const CLIENT_NAMESPACES = [
  "common",
  "languages",
  "shell",
  "login",
  "error",
  "purpose",
  "secondFactor",
  "lookup",
  "breakGlass",
  "oversight",
  "admin",
  "forms",
  "screeningForm",
  "screeningAssign",
  "reportForm",
  "assessmentForm",
  "decisionForms",
  "programmeForms",
  "release",
  "local",
  "followUp",
  "dataProtection",
  "measureTypeNames",
  "enums",
] as const;

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const messages = await getMessages();
  const t = await getTranslations("common");
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));

  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={clientMessages}>
          <ApolloProvider>{children}</ApolloProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
