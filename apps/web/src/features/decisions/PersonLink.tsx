import Link from "next/link";
import { useTranslations } from "next-intl";
import { personName } from "./standing";

/** The inmate a row is about: a link to the case file (never prefetched: reads are audited). */
export function PersonLink({
  person,
  locale,
  hash = "#decisions-heading",
}: {
  person: {
    id: string;
    familyName?: string | null;
    givenNames?: string | null;
    reference?: string | null;
  } | null;
  locale: string;
  hash?: string;
}) {
  const t = useTranslations("caseFile");
  if (person === null) return <span className="muted">—</span>;
  return (
    <>
      <Link href={`/${locale}/persons/${encodeURIComponent(person.id)}${hash}`} prefetch={false}>
        {personName(person, t("unnamed"))}
      </Link>
      {person.reference && (person.familyName || person.givenNames) ? (
        <span className="block small muted mono">{person.reference}</span>
      ) : null}
    </>
  );
}
