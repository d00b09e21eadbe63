"use client";

import { useApolloClient } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { PersonLookupDocument, type PersonLookupQuery } from "@/gql/graphql";
import { Link, useRouter } from "@/i18n/navigation";
import { apolloErrors } from "@/lib/apollo/errors";
import { PURPOSE_REQUIRED, SECOND_FACTOR_REQUIRED } from "@/lib/graphql/classify";
import { withNext } from "../access/access";
import { BreakGlassForm } from "../break-glass/BreakGlassForm";

type Result = PersonLookupQuery["personLookup"];

const RETURN_TO = "/lookup";

/**
 * Hit / no-hit: exact family name, given names and date of birth. Asked from the browser, not
 * through the URL, so that the names stay out of addresses and history. The answer is "known —
 * contact …" or "not known"; when known, the case file if the user may already open it, or the
 * break-the-glass request.
 */
export function LookupForm() {
  const t = useTranslations("lookup");
  const client = useApolloClient();
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      familyName: String(form.get("familyName") ?? "").trim(),
      givenNames: String(form.get("givenNames") ?? "").trim(),
      dateOfBirth: String(form.get("dateOfBirth") ?? ""),
    };
    setPending(true);
    setFailed(false);
    setResult(null);
    try {
      const { data } = await client.query({
        query: PersonLookupDocument,
        variables: { input },
        fetchPolicy: "no-cache",
      });
      if (!data) throw new Error("no answer");
      setResult(data.personLookup);
    } catch (error) {
      const errors = apolloErrors(error);
      if (errors.some((e) => e.reason === SECOND_FACTOR_REQUIRED)) {
        router.push(withNext("/second-factor", RETURN_TO));
        return;
      }
      if (errors.some((e) => e.reason === PURPOSE_REQUIRED)) {
        router.push(withNext("/purpose", RETURN_TO));
        return;
      }
      setFailed(true);
    }
    setPending(false);
  }

  return (
    <>
      <form method="post" className="form-card" onSubmit={onSubmit} aria-describedby={`${id}-error`}>
        <div id={`${id}-error`} role="alert" className={failed ? "alert alert--error" : "alert-placeholder"}>
          {failed ? t("failed") : null}
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-family`}>{t("familyName")}</label>
            <input
              id={`${id}-family`}
              name="familyName"
              type="text"
              required
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-given`}>{t("givenNames")}</label>
            <input
              id={`${id}-given`}
              name="givenNames"
              type="text"
              required
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-dob`}>{t("dateOfBirth")}</label>
            <input
              id={`${id}-dob`}
              name="dateOfBirth"
              type="date"
              required
              aria-describedby={`${id}-dob-hint`}
            />
            <p id={`${id}-dob-hint`} className="hint">
              {t("dateOfBirthHint")}
            </p>
          </div>
        </div>
        <p className="hint">{t("exactHint")}</p>
        <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
          {pending ? t("searching") : t("submit")}
        </button>
      </form>
      {result ? (
        <section aria-labelledby={`${id}-result`} className="card lookup-result">
          <h2 id={`${id}-result`} ref={resultHeading} tabIndex={-1}>
            {result.known ? t("known") : t("notKnown")}
          </h2>
          {result.known ? (
            <>
              <p>
                {result.contact
                  ? t.rich("contact", {
                      agency: result.contact.name,
                      strong: (chunks) => <strong>{chunks}</strong>,
                    })
                  : t("noContact")}
                {result.contact?.contactEmail ? (
                  <>
                    {" "}
                    <a href={`mailto:${result.contact.contactEmail}`}>{result.contact.contactEmail}</a>
                  </>
                ) : null}
              </p>
              {result.personId && result.accessible ? (
                <p>
                  <Link
                    href={`/persons/${encodeURIComponent(result.personId)}`}
                    prefetch={false}
                    className="button button--primary"
                  >
                    {t("open")}
                  </Link>
                </p>
              ) : result.personId ? (
                <>
                  <h3>{t("requestHeading")}</h3>
                  <BreakGlassForm personId={result.personId} returnTo={RETURN_TO} />
                </>
              ) : null}
            </>
          ) : (
            <p>{t("notKnownBody")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
