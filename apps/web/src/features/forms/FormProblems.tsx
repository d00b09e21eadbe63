"use client";

import { useTranslations } from "next-intl";
import { type MouseEvent, useEffect, useRef } from "react";
import { useIsoDate } from "../i18n/DateText";
import type { Problem } from "./problems";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One problem in the page's language; the API's own explanation (English) follows, marked as such. */
export function ProblemText({ problem }: { problem: Problem }) {
  const t = useTranslations("forms.problems");
  const formatDate = useIsoDate();
  const values = { ...problem.values };
  if (typeof values.date === "string" && ISO_DAY.test(values.date)) values.date = formatDate(values.date);
  return (
    <>
      {t(problem.key, values)}
      {problem.detail ? (
        <>
          {" "}
          (<span lang="en">{problem.detail}</span>)
        </>
      ) : null}
    </>
  );
}

/**
 * The problems of a refused submission, listed at the top of the form, each a link to its field.
 * Announced (role="alert") and focused on every refused submission (`attempt` changes), so that
 * keyboard and screen-reader users start from the list of what to fix.
 */
export function ErrorSummary({
  id,
  problems,
  attempt,
  labelOf,
  targetOf,
}: {
  id: string;
  problems: readonly Problem[];
  /** Increases with every submission; the summary takes focus when it changes and lists problems. */
  attempt: number;
  /** The visible label of a field (for "Field: problem"). */
  labelOf: (field: string) => string;
  /** The id of the control to focus for a field (the first one of a group). */
  targetOf: (field: string) => string;
}) {
  const t = useTranslations("forms");
  const box = useRef<HTMLDivElement>(null);
  const count = problems.length;
  useEffect(() => {
    if (attempt > 0 && count > 0) box.current?.focus();
  }, [attempt, count]);

  function jump(event: MouseEvent<HTMLAnchorElement>, field: string) {
    const target = document.getElementById(targetOf(field));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: "center" });
  }

  return (
    <div
      ref={box}
      id={id}
      role="alert"
      tabIndex={-1}
      aria-labelledby={count > 0 ? `${id}-title` : undefined}
      className={count > 0 ? "error-summary" : "alert-placeholder"}
    >
      {count > 0 ? (
        <>
          <p id={`${id}-title`} className="error-summary__title">
            {t("summaryTitle", { count })}
          </p>
          <ul className="error-summary__list">
            {problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own; the list is replaced as a whole
              <li key={index}>
                {problem.field === "" ? (
                  <ProblemText problem={problem} />
                ) : (
                  <a href={`#${targetOf(problem.field)}`} onClick={(event) => jump(event, problem.field)}>
                    {labelOf(problem.field)}: <ProblemText problem={problem} />
                  </a>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** A field's problems, under its label; the control points at this with aria-describedby. */
export function FieldProblems({ id, problems }: { id: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field-problems">
      {problems.map((problem, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: see ErrorSummary
        <li key={index}>
          <ProblemText problem={problem} />
        </li>
      ))}
    </ul>
  );
}

/** aria-describedby from the ids that apply (hint, problems), or undefined when none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}
