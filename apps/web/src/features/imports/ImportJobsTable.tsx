import { useTranslations } from "next-intl";
import type { ImportJobRowFragment } from "@/gql/graphql";
import { Link } from "@/i18n/navigation";
import { DateTimeText } from "../i18n/DateTimeText";
import { ImportStatusBadge } from "./ImportStatusBadge";
import { importsHref } from "./imports-state";

/**
 * The agency's recent import jobs, newest first: file, kind, status, applied of total, when
 * created; each file name links to the job's progress on this page.
 */
export function ImportJobsTable({
  jobs,
  totalCount,
  currentId,
}: {
  jobs: readonly ImportJobRowFragment[];
  totalCount: number;
  currentId: string | null;
}) {
  const t = useTranslations("imports");
  return (
    <section aria-labelledby="imports-list-heading" className="section-gap">
      <div className="page-header">
        <h2 id="imports-list-heading">{t("list.heading")}</h2>
        <p className="count">{t("list.count", { count: totalCount })}</p>
      </div>
      {jobs.length === 0 ? (
        <div className="empty-state">
          <p>{t("list.empty")}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("list.file")}</th>
                <th scope="col">{t("list.recordType")}</th>
                <th scope="col">{t("list.status")}</th>
                <th scope="col">{t("list.applied")}</th>
                <th scope="col">{t("list.created")}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <th scope="row">
                    <Link
                      href={importsHref({ jobId: job.id })}
                      prefetch={false}
                      aria-current={job.id === currentId ? "true" : undefined}
                      aria-label={t("list.show", { fileName: job.fileName })}
                    >
                      {job.fileName}
                    </Link>
                  </th>
                  <td>{t(`recordType.${job.recordType}`)}</td>
                  <td>
                    <ImportStatusBadge status={job.status} />
                  </td>
                  <td className="nowrap">
                    {t("list.appliedOfTotal", { applied: job.applied, total: job.total })}
                  </td>
                  <td className="nowrap">
                    <DateTimeText iso={job.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
