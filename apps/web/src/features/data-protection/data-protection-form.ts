import type {
  DataClass,
  RetentionAction,
  RetentionCarryOutInput,
  RetentionPostponeInput,
  RetentionRuleSetInput,
  RetentionStatus,
} from "@/gql/graphql";
import { firstParam, hrefWith, type RawSearchParams, readTrail } from "@/lib/url/params";
import { type FieldResolver, type Problem, topLevelFields } from "../forms/problems";
import { checkText } from "../forms/text-checks";

/**
 * The data-protection officer's forms: a data class's retention rule, the approval of retention
 * items (carried out with a justification), their postponement, and the export of everything held
 * on one person. Values, the portal's own checks (the API checks again) and the inputs; and the
 * export's document as a readable page. Pure and safe for the browser.
 */

export const DATA_CLASSES: readonly DataClass[] = [
  "IDENTITY",
  "DETENTION",
  "LISTING",
  "OBSERVATIONS",
  "INTELLIGENCE",
  "CLINICAL",
  "MEASURES",
  "PROGRAMME",
  "RELEASE",
  "FOLLOW_UP",
];
export const RETENTION_ACTIONS: readonly RetentionAction[] = ["DELETE", "ANONYMISE"];
export const RETENTION_STATUSES: readonly RetentionStatus[] = ["PENDING", "POSTPONED", "CARRIED_OUT"];
export const RETENTION_YEARS_MAX = 100;
export const RETENTION_BATCH_MAX = 100;
export const RETENTION_TEXT_MAX = 2000;

/** The actions a class may take: the identity is only ever anonymised. */
export function actionsFor(dataClass: string): readonly RetentionAction[] {
  return dataClass === "IDENTITY" ? ["ANONYMISE"] : RETENTION_ACTIONS;
}

/** `status=PENDING|POSTPONED|CARRIED_OUT`; anything else is the default, PENDING. */
export function parseRetentionStatus(raw: string | undefined): RetentionStatus {
  return (RETENTION_STATUSES as readonly string[]).includes(raw ?? "") ? (raw as RetentionStatus) : "PENDING";
}

// --- The queue's place in the URL ---------------------------------------------------------------------

/** The queue shows this many items at a time (within one carry-out batch, so "select all" is one). */
export const RETENTION_PAGE_SIZE = 50;

/** The queue's state in the URL: status=POSTPONED|CARRIED_OUT (waiting by default), after=<cursor>… */
export interface RetentionQueueState {
  status: RetentionStatus;
  trail: string[];
}

export function parseRetentionQueue(params: RawSearchParams): RetentionQueueState {
  return { status: parseRetentionStatus(firstParam(params, "status")), trail: readTrail(params, "after") };
}

/** A link to the queue in this state (defaults left out), optionally to a part of the page. */
export function retentionQueueHref(path: string, state: RetentionQueueState, hash = ""): string {
  const params = new URLSearchParams();
  if (state.status !== "PENDING") params.set("status", state.status);
  for (const cursor of state.trail) params.append("after", cursor);
  return hrefWith(path, params, hash);
}

// --- A class's rule -------------------------------------------------------------------------------------

export const RULE_FIELDS = ["dataClass", "yearsAfterClosure", "action"] as const;

export interface RuleValues {
  dataClass: string;
  yearsAfterClosure: string;
  action: string;
}

export const emptyRule = (): RuleValues => ({ dataClass: "", yearsAfterClosure: "", action: "" });

/** The form for a class starts from its rule as it stands. */
export function ruleValuesOf(rule: {
  dataClass: string;
  yearsAfterClosure: number;
  action: string;
}): RuleValues {
  return {
    dataClass: rule.dataClass,
    yearsAfterClosure: String(rule.yearsAfterClosure),
    action: rule.action,
  };
}

export function checkRule(values: RuleValues): Problem[] {
  const problems: Problem[] = [];
  if (!(DATA_CLASSES as readonly string[]).includes(values.dataClass))
    problems.push({ field: "dataClass", key: "chooseOne" });
  const years = values.yearsAfterClosure.trim();
  if (!(/^\d{1,3}$/.test(years) && Number(years) <= RETENTION_YEARS_MAX))
    problems.push({
      field: "yearsAfterClosure",
      key: "between",
      values: { min: 0, max: RETENTION_YEARS_MAX },
    });
  if (!(actionsFor(values.dataClass) as readonly string[]).includes(values.action))
    problems.push({ field: "action", key: "chooseOne" });
  return problems;
}

export function ruleInput(values: RuleValues): RetentionRuleSetInput {
  return {
    dataClass: values.dataClass as DataClass,
    yearsAfterClosure: Number(values.yearsAfterClosure.trim()),
    action: values.action as RetentionAction,
  };
}

export const ruleFieldOf: FieldResolver = topLevelFields(RULE_FIELDS);

// --- Carrying out retention items -----------------------------------------------------------------------

export const CARRY_OUT_FIELDS = ["itemIds", "justification"] as const;

export interface CarryOutValues {
  itemIds: string[];
  justification: string;
}

export function checkCarryOut(values: CarryOutValues): Problem[] {
  const problems: Problem[] = [];
  if (values.itemIds.length === 0) problems.push({ field: "itemIds", key: "chooseAtLeastOne" });
  else if (values.itemIds.length > RETENTION_BATCH_MAX)
    problems.push({ field: "itemIds", key: "tooMany", values: { max: RETENTION_BATCH_MAX } });
  checkText(problems, "justification", values.justification, RETENTION_TEXT_MAX, true);
  return problems;
}

export function carryOutInput(values: CarryOutValues): RetentionCarryOutInput {
  return { itemIds: [...new Set(values.itemIds)], justification: values.justification.trim() };
}

export const carryOutFieldOf: FieldResolver = topLevelFields(CARRY_OUT_FIELDS);

// --- Postponing one ------------------------------------------------------------------------------------

export const POSTPONE_FIELDS = ["reason"] as const;

export function checkPostpone(values: { reason: string }): Problem[] {
  const problems: Problem[] = [];
  checkText(problems, "reason", values.reason, RETENTION_TEXT_MAX, true);
  return problems;
}

export function postponeInput(itemId: string, values: { reason: string }): RetentionPostponeInput {
  return { itemId, reason: values.reason.trim() };
}

export const postponeFieldOf: FieldResolver = topLevelFields(POSTPONE_FIELDS);

// --- The export of everything held on one person -----------------------------------------------------------

export const EXPORT_FIELDS = ["personId", "justification"] as const;

export interface ExportValues {
  personId: string;
  justification: string;
}

const GLOBAL_ID = /^[A-Za-z0-9_-]{8,200}={0,2}$/;

/**
 * The case ID the officer entered: the ID itself, or a case file's address pasted whole
 * (`…/persons/<id>…`). Null when it is not an ID.
 */
export function caseIdOf(text: string): string | null {
  const trimmed = text.trim();
  const fromPath = /\/persons\/([^/?#\s]+)/.exec(trimmed);
  let candidate = trimmed;
  if (fromPath?.[1]) {
    try {
      candidate = decodeURIComponent(fromPath[1]);
    } catch {
      return null;
    }
  }
  return GLOBAL_ID.test(candidate) ? candidate : null;
}

export function checkExport(values: ExportValues): Problem[] {
  const problems: Problem[] = [];
  if (values.personId.trim() === "") problems.push({ field: "personId", key: "required" });
  else if (caseIdOf(values.personId) === null) problems.push({ field: "personId", key: "INVALID" });
  checkText(problems, "justification", values.justification, RETENTION_TEXT_MAX, true);
  return problems;
}

export function exportVariables(values: ExportValues): { personId: string; justification: string } {
  return {
    personId: caseIdOf(values.personId) ?? values.personId.trim(),
    justification: values.justification.trim(),
  };
}

/** One section of the export, as a table: the records' fields (in order of appearance) and their values. */
export interface ExportSectionView {
  dataClass: string;
  section: string;
  columns: string[];
  rows: string[][];
}

export interface ExportView {
  personId: string;
  reference: string | null;
  generatedAt: string;
  sections: ExportSectionView[];
  /** How many records the export holds in all. */
  recordCount: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A value as text: empty for null, JSON for nested values, as is otherwise. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** The export's document (`person`, `generatedAt`, `sections` of records) as a readable page. */
export function exportView(document: Record<string, unknown>): ExportView {
  const person = isRecord(document.person) ? document.person : {};
  const sections: ExportSectionView[] = [];
  let recordCount = 0;
  for (const raw of Array.isArray(document.sections) ? document.sections : []) {
    if (!isRecord(raw)) continue;
    const records = (Array.isArray(raw.records) ? raw.records : []).filter(isRecord);
    const columns: string[] = [];
    for (const record of records)
      for (const key of Object.keys(record)) if (!columns.includes(key)) columns.push(key);
    recordCount += records.length;
    sections.push({
      dataClass: cellText(raw.dataClass),
      section: cellText(raw.section),
      columns,
      rows: records.map((record) => columns.map((column) => cellText(record[column]))),
    });
  }
  return {
    personId: cellText(person.id),
    reference: typeof person.reference === "string" ? person.reference : null,
    generatedAt: cellText(document.generatedAt),
    sections,
    recordCount,
  };
}

/** "record-CX-2016-0042-2025-06-10.json": the reference (or "person") and the day of the export. */
export function exportFileName(view: Pick<ExportView, "reference" | "generatedAt">): string {
  const who = (view.reference ?? "person").replace(/[^A-Za-z0-9_-]/g, "_");
  const day = /^\d{4}-\d{2}-\d{2}/.exec(view.generatedAt)?.[0] ?? "export";
  return `record-${who}-${day}.json`;
}

/** The document as the downloaded file holds it: the same content, indented. */
export const exportJson = (document: Record<string, unknown>) => `${JSON.stringify(document, null, 2)}\n`;
