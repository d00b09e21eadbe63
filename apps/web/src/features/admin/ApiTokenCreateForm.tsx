"use client";

import { useMutation } from "@apollo/client/react";
import { DataClass } from "@continuum/domain";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { ApiTokenCreateDocument, type ApiTokenScope, type PurposeCode } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { PURPOSE_NOTE_MAX, TOKEN_NAME_MAX } from "@/lib/limits/limits";
import { expiryFromDay } from "./admin-state";
import { IssuedToken } from "./IssuedToken";

export interface Option<T extends string = string> {
  value: T;
  label: string;
}

const SCOPES: readonly ApiTokenScope[] = ["READ", "WRITE"];
/** Every record names its person: a token always reads identities. */
const REQUIRED_CLASS: DataClass = "IDENTITY";

/**
 * Issues an API token for an account, with its scopes, expiry and the purpose recorded with every
 * read it makes. The token itself is in the answer once and never stored: it is shown here once,
 * with a warning and a copy button, until the administrator dismisses it.
 */
export function ApiTokenCreateForm({
  accounts,
  purposes,
  defaultExpiry,
  minExpiry,
  maxExpiry,
}: {
  accounts: readonly Option[];
  purposes: readonly Option<PurposeCode>[];
  defaultExpiry: string;
  minExpiry: string;
  maxExpiry: string;
}) {
  const t = useTranslations("admin.tokens");
  const tEnums = useTranslations("enums");
  const router = useRouter();
  const id = useId();
  const [create] = useMutation(ApiTokenCreateDocument);
  const [pending, setPending] = useState(false);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [issued, setIssued] = useState<{ token: string; name: string } | null>(null);
  const form = useRef<HTMLFormElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const scopes = SCOPES.filter((s) => data.getAll("scope").includes(s));
    const dataClasses = Object.values(DataClass).filter(
      (c) => c === REQUIRED_CLASS || data.getAll("dataClass").includes(c),
    );
    const expiresAt = expiryFromDay(String(data.get("expiresOn") ?? ""));
    const name = String(data.get("name") ?? "").trim();
    const note = String(data.get("purposeNote") ?? "").trim();
    const local: string[] = [];
    if (scopes.length === 0) local.push(t("errors.scopes"));
    if (expiresAt === null) local.push(t("errors.expiresAt"));
    if (local.length > 0 || expiresAt === null) {
      setProblems(local);
      return;
    }
    setPending(true);
    setProblems(null);
    try {
      const result = await create({
        variables: {
          input: {
            userId: String(data.get("userId") ?? ""),
            name,
            scopes,
            dataClasses,
            trustedOperationsOnly: data.get("trustedOperationsOnly") === "on",
            expiresAt,
            purpose: {
              code: String(data.get("purpose") ?? "") as PurposeCode,
              note: note === "" ? null : note,
            },
          },
        },
      });
      const payload = result.data?.apiTokenCreate;
      if (payload && payload.userErrors.length > 0) {
        setProblems(
          payload.userErrors.map((e) => t("errors.field", { field: e.field ?? "—", message: e.message })),
        );
        setPending(false);
        return;
      }
      if (!payload?.token) throw new Error("refused");
      setIssued({ token: payload.token, name });
      form.current?.reset();
    } catch {
      setProblems([t("errors.failed")]);
    }
    setPending(false);
    router.refresh();
  }

  return (
    <>
      {issued ? (
        <IssuedToken name={issued.name} token={issued.token} onDismiss={() => setIssued(null)} />
      ) : null}
      <form
        ref={form}
        method="post"
        className="form-card"
        onSubmit={onSubmit}
        aria-describedby={`${id}-error`}
      >
        <div
          id={`${id}-error`}
          role="alert"
          className={problems ? "alert alert--error" : "alert-placeholder"}
        >
          {problems ? (
            <>
              <p>{t("errors.heading")}</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-account`}>{t("account")}</label>
            <select id={`${id}-account`} name="userId" required defaultValue={accounts[0]?.value ?? ""}>
              {accounts.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t("name")}</label>
            <input
              id={`${id}-name`}
              name="name"
              type="text"
              required
              maxLength={TOKEN_NAME_MAX}
              autoComplete="off"
              aria-describedby={`${id}-name-hint`}
            />
            <p id={`${id}-name-hint`} className="hint">
              {t("nameHint")}
            </p>
          </div>
        </div>
        <div className="form-row">
          <fieldset className="field">
            <legend>{t("scopes")}</legend>
            <ul className="checkbox-list">
              {SCOPES.map((scope) => (
                <li key={scope}>
                  <input
                    id={`${id}-scope-${scope}`}
                    type="checkbox"
                    name="scope"
                    value={scope}
                    defaultChecked={scope === "READ"}
                  />
                  <label htmlFor={`${id}-scope-${scope}`}>{t(`scope.${scope}`)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-expires`}>{t("expiresOn")}</label>
            <input
              id={`${id}-expires`}
              name="expiresOn"
              type="date"
              required
              defaultValue={defaultExpiry}
              min={minExpiry}
              max={maxExpiry}
              aria-describedby={`${id}-expires-hint`}
            />
            <p id={`${id}-expires-hint`} className="hint">
              {t("expiresHint")}
            </p>
          </div>
        </div>
        <div className="form-row">
          <fieldset className="field">
            <legend>{t("dataClasses")}</legend>
            <p id={`${id}-classes-hint`} className="hint">
              {t("dataClassesHint")}
            </p>
            <ul className="checkbox-list" aria-describedby={`${id}-classes-hint`}>
              {Object.values(DataClass).map((dataClass) => (
                <li key={dataClass}>
                  <input
                    id={`${id}-class-${dataClass}`}
                    type="checkbox"
                    name="dataClass"
                    value={dataClass}
                    defaultChecked
                    disabled={dataClass === REQUIRED_CLASS}
                  />
                  <label htmlFor={`${id}-class-${dataClass}`}>{tEnums(`dataClass.${dataClass}`)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="field">
            <input
              id={`${id}-trusted`}
              type="checkbox"
              name="trustedOperationsOnly"
              aria-describedby={`${id}-trusted-hint`}
            />
            <label htmlFor={`${id}-trusted`}>{t("trustedOperationsOnly")}</label>
            <p id={`${id}-trusted-hint`} className="hint">
              {t("trustedOperationsOnlyHint")}
            </p>
          </div>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-purpose`}>{t("purpose")}</label>
            <select id={`${id}-purpose`} name="purpose" required defaultValue="SYSTEM_INTEGRATION">
              {purposes.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-purpose-note`}>{t("purposeNote")}</label>
            <input
              id={`${id}-purpose-note`}
              name="purposeNote"
              type="text"
              maxLength={PURPOSE_NOTE_MAX}
              autoComplete="off"
            />
          </div>
        </div>
        <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
          {pending ? t("creating") : t("create")}
        </button>
      </form>
    </>
  );
}
