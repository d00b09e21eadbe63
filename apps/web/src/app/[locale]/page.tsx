import { hasLocale } from "next-intl";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

/** /<locale> on its own: the caseload is the portal's home. */
export default async function LocaleHome({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  redirect({
    href: "/caseload",
    locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale,
  });
}
