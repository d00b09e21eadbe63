import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/features/auth/require-user";
import { DetentionSection } from "@/features/case-file/DetentionSection";
import { IdentitySection } from "@/features/case-file/IdentitySection";
import { ListingSection } from "@/features/case-file/ListingSection";
import { loadCaseFile } from "@/features/case-file/load-case-file";
import { ScreeningSection } from "@/features/case-file/ScreeningSection";
import { Timeline } from "@/features/case-file/Timeline";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import { AppShell } from "@/features/shell/AppShell";
import { routing } from "@/i18n/routing";
import { type ApiError, ApiRequestError, hasCode } from "@/lib/graphql/errors";

/** Unknown, malformed and out-of-scope IDs all read as "not found", never "forbidden". */
function isNotFound(errors: readonly ApiError[]): boolean {
  return hasCode(errors, "NOT_FOUND", "person") || hasCode(errors, "BAD_USER_INPUT", "person");
}

export async function generateMetadata({ params }: PageProps<"/[locale]/persons/[id]">): Promise<Metadata> {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const { data } = await loadCaseFile(id);
  if (!data?.person) {
    const t = await getTranslations({ locale, namespace: "notFound" });
    return { title: t("title") };
  }
  // The reference, not the name: titles end up in browser history and window lists.
  const t = await getTranslations({ locale, namespace: "caseFile" });
  return { title: t("title", { reference: data.person.reference }) };
}

export default async function CaseFilePage({ params }: PageProps<"/[locale]/persons/[id]">) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const { data, errors } = await loadCaseFile(id);
  const user = requireUser(data?.me, errors, locale);
  if (isNotFound(errors) || (data && data.person === null && errors.length === 0)) notFound();
  const person = data?.person;
  if (!person || errors.length > 0) throw new ApiRequestError(errors);

  const t = await getTranslations("caseFile");
  return (
    <AppShell user={user} section="case-file">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link href={`/${locale}/caseload`} prefetch={false}>
              {t("backToCaseload")}
            </Link>
          </li>
          <li aria-current="page">{person.reference}</li>
        </ol>
      </nav>
      <div className="page-header page-header--case">
        <h1>
          {person.familyName}, {person.givenNames}
        </h1>
        <p className="muted mono">{t("reference", { reference: person.reference })}</p>
        {person.listing ? <CategoryBadge category={person.listing.category} /> : null}
      </div>
      <div className="case-grid">
        <div className="case-grid__main">
          <IdentitySection person={person} locale={locale} />
          <DetentionSection person={person} locale={locale} />
          <ListingSection person={person} />
        </div>
        <div className="case-grid__side">
          <ScreeningSection person={person} />
          <Timeline events={person.timeline} locale={locale} />
        </div>
      </div>
    </AppShell>
  );
}
