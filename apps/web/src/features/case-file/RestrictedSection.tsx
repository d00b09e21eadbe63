import { useTranslations } from "next-intl";
import type { CaseFileSection } from "@/features/access/access";

/** A part of the case file the user may not see: its heading, and a short note saying so. */
export function RestrictedSection({ section }: { section: CaseFileSection }) {
  const t = useTranslations("caseFile");
  return (
    <section aria-labelledby={`${section}-heading`} className="card card--restricted">
      <h2 id={`${section}-heading`}>{t(`sections.${section}`)}</h2>
      <p className="muted">{t("restricted")}</p>
    </section>
  );
}
