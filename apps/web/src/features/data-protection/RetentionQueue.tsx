"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import {
  RetentionCarryOutDocument,
  type RetentionItemRowFragment,
  RetentionPostponeDocument,
  RetentionSweepDocument,
} from "@/gql/graphql";
import { Link } from "@/i18n/navigation";
import { FormFrame } from "../decisions/FormFrame";
import { describedBy, FieldProblems } from "../forms/FormProblems";
import { TextAreaField } from "../forms/fields";
import { fieldDomId, problemsOf, problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { DateText } from "../i18n/DateText";
import {
  CARRY_OUT_FIELDS,
  type CarryOutValues,
  carryOutFieldOf,
  carryOutInput,
  checkCarryOut,
  checkPostpone,
  POSTPONE_FIELDS,
  postponeFieldOf,
  postponeInput,
  RETENTION_BATCH_MAX,
  RETENTION_TEXT_MAX,
} from "./data-protection-form";

/**
 * One page of the retention items of one status. Waiting and postponed ones are selected (a
 * checkbox per row, or all those of the page at once) and carried out together with one
 * justification; a waiting one may be postponed with a reason. Carried-out ones show who approved
 * them and how many records changed. `wholeList`: the page holds every item of the status.
 */
export function RetentionQueue({
  items,
  wholeList,
  caption,
  returnTo,
}: {
  items: readonly RetentionItemRowFragment[];
  wholeList: boolean;
  caption: string;
  returnTo: string;
}) {
  const t = useTranslations("dataProtection.queue");
  const tClass = useTranslations("enums.dataClass");
  const tAction = useTranslations("enums.retentionAction");
  const formId = useId();
  const [carryOut] = useMutation(RetentionCarryOutDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<CarryOutValues>(
    () => ({ itemIds: [], justification: "" }),
    returnTo,
  );
  const decidable = items.filter((item) => item.status !== "CARRIED_OUT");
  const selectable = decidable.length > 0;
  // "Select all" takes the items of this page, at most one batch: the API carries out up to
  // RETENTION_BATCH_MAX at once.
  const batch = decidable.slice(0, RETENTION_BATCH_MAX);
  const allSelected = selectable && batch.every((item) => values.itemIds.includes(item.id));
  const labels = { itemIds: t("select"), justification: t("justification") };
  const selectionProblems = problemsOf(problems, "itemIds");
  const selectionErrorId = `${fieldDomId(formId, "itemIds")}-error`;

  function toggle(id: string, checked: boolean) {
    update({ itemIds: checked ? [...values.itemIds, id] : values.itemIds.filter((v) => v !== id) });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const done = await submit(checkCarryOut(values), async () => {
      const { data } = await carryOut({ variables: { input: carryOutInput(values) } });
      return problemsOfPayload(data?.retentionCarryOut, carryOutFieldOf);
    });
    if (done) setValues({ itemIds: [], justification: "" });
  }

  return (
    <>
      {selectable ? (
        <>
          <FieldProblems id={selectionErrorId} problems={selectionProblems} />
          <div className="checkbox checkbox--standalone no-print">
            <input
              id={`${formId}-all`}
              type="checkbox"
              checked={allSelected}
              onChange={(event) =>
                update({ itemIds: event.target.checked ? batch.map((item) => item.id) : [] })
              }
            />
            <label htmlFor={`${formId}-all`}>
              {batch.length < decidable.length
                ? t("selectBatch", { count: batch.length })
                : wholeList
                  ? t("selectAll", { count: decidable.length })
                  : t("selectPage", { count: decidable.length })}
            </label>
          </div>
        </>
      ) : null}
      <div className="table-scroll">
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {selectable ? (
                <th scope="col" className="select-cell no-print">
                  <span className="sr-only">{t("select")}</span>
                </th>
              ) : null}
              <th scope="col">{t("reference")}</th>
              <th scope="col">{t("dataClass")}</th>
              <th scope="col">{t("action")}</th>
              <th scope="col">{t("closedOn")}</th>
              <th scope="col">{t("dueOn")}</th>
              <th scope="col">{t("decision")}</th>
              <th scope="col" className="no-print">
                {t("export")}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => {
              const name = `${item.personReference}, ${tClass(item.dataClass)}`;
              return (
                <tr key={item.id}>
                  {selectable ? (
                    <td className="select-cell no-print">
                      {item.status !== "CARRIED_OUT" ? (
                        <>
                          <input
                            id={index === 0 ? fieldDomId(formId, "itemIds") : `${formId}-item-${index}`}
                            type="checkbox"
                            checked={values.itemIds.includes(item.id)}
                            onChange={(event) => toggle(item.id, event.target.checked)}
                            aria-describedby={describedBy(selectionProblems.length > 0 && selectionErrorId)}
                            aria-invalid={selectionProblems.length > 0 || undefined}
                          />
                          <label
                            htmlFor={index === 0 ? fieldDomId(formId, "itemIds") : `${formId}-item-${index}`}
                            className="sr-only"
                          >
                            {t("selectItem", { item: name })}
                          </label>
                        </>
                      ) : null}
                    </td>
                  ) : null}
                  <th scope="row" className="mono">
                    {item.personReference}
                  </th>
                  <td>{tClass(item.dataClass)}</td>
                  <td>{tAction(item.action)}</td>
                  <td className="nowrap">
                    {item.closedOn ? (
                      <DateText iso={item.closedOn} />
                    ) : (
                      <span className="muted">{t("reopened")}</span>
                    )}
                  </td>
                  <td className="nowrap">
                    <DateText iso={item.dueOn} />
                    <span className="block small muted">
                      {t("listedOn")} <DateText iso={item.listedOn} />
                    </span>
                  </td>
                  <td>
                    {item.status === "POSTPONED" ? (
                      <>
                        {t("postponedBecause")} {item.postponeReason}
                      </>
                    ) : null}
                    {item.status === "CARRIED_OUT"
                      ? t("carriedOut", { count: item.rowsAffected ?? 0 })
                      : null}
                    {item.decidedBy ? (
                      <span className="block small muted">{item.decidedBy.displayName}</span>
                    ) : null}
                    {item.status === "PENDING" ? (
                      <details className="form-disclosure no-print">
                        <summary>
                          {t("postpone")}
                          <span className="sr-only">: {name}</span>
                        </summary>
                        <PostponeForm itemId={item.id} returnTo={returnTo} />
                      </details>
                    ) : null}
                  </td>
                  <td className="no-print">
                    <Link
                      href={`/data-protection?${new URLSearchParams({ export: item.personId }).toString()}#export-heading`}
                      prefetch={false}
                    >
                      {t("exportLink")}
                      <span className="sr-only">: {item.personReference}</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {selectable ? (
        <div className="no-print">
          <FormFrame
            formId={`${formId}-carry`}
            problems={problems}
            attempt={attempt}
            state={state}
            fields={CARRY_OUT_FIELDS}
            labels={labels}
            done={t("done")}
            submit={t("submit", { count: values.itemIds.length })}
            onSubmit={onSubmit}
          >
            <p className="notice notice--warning">{t("warning")}</p>
            <TextAreaField
              formId={`${formId}-carry`}
              field="justification"
              label={labels.justification}
              hint={t("justificationHint")}
              problems={problems}
              value={values.justification}
              rows={3}
              maxLength={RETENTION_TEXT_MAX}
              onChange={(justification) => update({ justification })}
            />
          </FormFrame>
        </div>
      ) : null}
    </>
  );
}

/** Postpones a waiting item, with the reason (for example a pending court case). */
function PostponeForm({ itemId, returnTo }: { itemId: string; returnTo: string }) {
  const t = useTranslations("dataProtection.postponeForm");
  const formId = useId();
  const [postpone] = useMutation(RetentionPostponeDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues(
    () => ({ reason: "" }),
    returnTo,
  );
  const labels = { reason: t("reason") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(checkPostpone(values), async () => {
      const { data } = await postpone({ variables: { input: postponeInput(itemId, values) } });
      return problemsOfPayload(data?.retentionPostpone, postponeFieldOf);
    });
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={POSTPONE_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <TextAreaField
        formId={formId}
        field="reason"
        label={labels.reason}
        hint={t("reasonHint")}
        problems={problems}
        value={values.reason}
        rows={2}
        maxLength={RETENTION_TEXT_MAX}
        onChange={(reason) => update({ reason })}
      />
    </FormFrame>
  );
}

/** Runs the daily retention job now, and says what it listed and dropped. */
export function SweepButton({ returnTo }: { returnTo: string }) {
  const t = useTranslations("dataProtection.sweep");
  const [sweep] = useMutation(RetentionSweepDocument);
  const [result, setResult] = useState<{ listed: number; dropped: number } | null>(null);
  const { problems, attempt, state, submit } = useFormValues(() => ({}), returnTo);
  const formId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    await submit([], async () => {
      const { data } = await sweep();
      const payload = data?.retentionSweep;
      if (payload && payload.userErrors.length === 0)
        setResult({ listed: payload.listed, dropped: payload.dropped });
      return problemsOfPayload(payload, () => null);
    });
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={[]}
      labels={{}}
      done={result ? t("done", { listed: result.listed, dropped: result.dropped }) : t("doneNothing")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <p className="hint">{t("hint")}</p>
    </FormFrame>
  );
}
