import type { LegacyCategory } from "@continuum/domain";
import { useTranslations } from "next-intl";

/** A CelEx category as a compact badge; the full meaning is in its accessible name and tooltip. */
export function CategoryBadge({ category }: { category: LegacyCategory }) {
  const t = useTranslations("enums.category");
  const label = t(category);
  return (
    <span className={`badge badge--category badge--category-${category.toLowerCase()}`} title={label}>
      <span aria-hidden="true">{category}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
