import type { ImportJobStatus } from "@continuum/domain";
import { useTranslations } from "next-intl";

const TONE: Record<ImportJobStatus, string> = {
  RECEIVING: "badge--neutral",
  RUNNING: "badge--warning",
  SUCCEEDED: "badge--ok",
  INVALID: "badge--danger",
  FAILED: "badge--danger",
};

/** A job's status in words (the colour only repeats it). */
export function ImportStatusBadge({ status }: { status: ImportJobStatus }) {
  const t = useTranslations("imports.status");
  return <span className={`badge ${TONE[status]}`}>{t(status)}</span>;
}
