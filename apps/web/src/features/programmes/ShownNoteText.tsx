import { useTranslations } from "next-intl";
import type { ShownNote } from "./programme-view";

/** A programme note: its text, "not shown to your service" when withheld, or nothing. */
export function ShownNoteText({ note, className }: { note: ShownNote; className?: string }) {
  const t = useTranslations("programmes");
  if (note.kind === "none") return null;
  if (note.kind === "withheld") return <span className="muted restricted">{t("noteWithheld")}</span>;
  return <span className={className}>{note.text}</span>;
}
