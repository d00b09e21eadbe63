import { checkReport, informationReportSchema } from "@continuum/domain";
import { z } from "zod";
import { toGlobalId } from "../../../graphql/global-id.js";
import { observationIndicatorsByCodes, reportsByLineageIds } from "../../reports/report.repository.js";
import { correctReport, fileReport } from "../../reports/report.service.js";
import {
  type Applied,
  ApplyRefused,
  checkPersonNamed,
  codeSchema,
  externalIdSchema,
  type FieldSpec,
  type LineError,
  outcomeOrRefuse,
  parseWith,
  personFields,
  type RecordFormat,
} from "./format.js";
import { personErrors, personOf, placeErrors, resolveReferences } from "./references.js";

const schema = z
  .object({
    externalId: externalIdSchema,
    personExternalId: externalIdSchema.optional(),
    personReference: codeSchema.optional(),
    establishmentCode: codeSchema.optional(),
    addressedToAgencyCode: codeSchema.optional(),
    informationCredibility: z
      .number({ message: "must be a credibility grade from 1 to 6" })
      .int({ message: "must be a credibility grade from 1 to 6" })
      .min(1, { message: "must be a credibility grade from 1 to 6" })
      .max(6, { message: "must be a credibility grade from 1 to 6" }),
  })
  .and(informationReportSchema.omit({ informationCredibility: true }))
  .superRefine(checkPersonNamed);
type ReportRecord = z.output<typeof schema>;

const fields: readonly FieldSpec[] = [
  {
    name: "externalId",
    kind: "string",
    required: true,
    description: "Your system's ID of the report; a re-import with other content files a correcting version.",
    example: "POL-IR-2026-0412",
  },
  ...personFields,
  {
    name: "observedOn",
    kind: "date",
    required: true,
    description: "When it was observed or learnt; not in the future.",
    example: "2026-10-02",
  },
  {
    name: "establishmentCode",
    kind: "string",
    required: false,
    description:
      "Where it was observed (prisons and psychosocial services report for their own establishment).",
    example: "ITT",
  },
  {
    name: "title",
    kind: "string",
    required: true,
    description: "Short title, 1 to 200 characters.",
    example: "Visit by an unknown contact",
  },
  {
    name: "body",
    kind: "string",
    required: true,
    description: "What was observed or learnt, 1 to 10000 characters.",
    example: "During the Sunday visit …",
  },
  {
    name: "sourceDetails",
    kind: "string",
    required: false,
    description: "What identifies the source: seen by your agency only, never disclosed.",
    example: "Registered source 17",
  },
  {
    name: "sourceReliability",
    kind: "string",
    required: true,
    description: "Reliability of the source, A to F.",
    example: "B",
  },
  {
    name: "informationCredibility",
    kind: "integer",
    required: true,
    description: "Credibility of the information, 1 (confirmed) to 6 (cannot be judged).",
    example: "2",
  },
  {
    name: "classification",
    kind: "string",
    required: true,
    description:
      "UNCLASSIFIED, RESTRICTED, CONFIDENTIAL or SECRET (anything but UNCLASSIFIED is INTELLIGENCE data).",
    example: "UNCLASSIFIED",
  },
  {
    name: "handlingCode",
    kind: "string",
    required: true,
    description: "SHARE_LAW_ENFORCEMENT, SHARE_WITH_CONDITIONS, ORIGINATOR_ONLY or NO_FURTHER_DISSEMINATION.",
    example: "SHARE_LAW_ENFORCEMENT",
  },
  {
    name: "handlingConditions",
    kind: "string",
    required: "for SHARE_WITH_CONDITIONS",
    description: "Conditions of use, at most 1000 characters.",
    example: "Not to be used in court",
  },
  {
    name: "addressedToAgencyCode",
    kind: "string",
    required: "for NO_FURTHER_DISSEMINATION",
    description: "Code of the agency the report is addressed to.",
    example: "celex",
  },
  {
    name: "sensitive",
    kind: "boolean",
    required: false,
    description: "Flag the report as sensitive (default false).",
    example: "false",
  },
  {
    name: "indicatorCodes",
    kind: "list",
    required: false,
    description: "Codes of active observation indicators, at most as many as a report allows.",
    example: "OBS-01;OBS-04",
  },
];

/** The content of a report as the portal's input states it (IDs, not codes). */
function contentOf(
  value: ReportRecord,
  ids: { establishmentId: string | null; addressedToAgencyId: string | null },
) {
  return {
    observedOn: value.observedOn,
    establishmentId: ids.establishmentId === null ? null : toGlobalId("Establishment", ids.establishmentId),
    title: value.title,
    body: value.body,
    sourceDetails: value.sourceDetails,
    sourceReliability: value.sourceReliability,
    informationCredibility: value.informationCredibility,
    classification: value.classification,
    handlingCode: value.handlingCode,
    handlingConditions: value.handlingConditions,
    addressedToAgencyId:
      ids.addressedToAgencyId === null ? null : toGlobalId("Agency", ids.addressedToAgencyId),
    sensitive: value.sensitive,
    indicatorCodes: value.indicatorCodes,
    links: [],
  };
}

export const reportFormat: RecordFormat<ReportRecord> = {
  recordType: "INFORMATION_REPORT",
  action: "REPORT_FILE",
  fields,
  parse: (record) => parseWith(schema, record, fields),
  async check(tx, ctx, scope, records) {
    const values = records.map((r) => r.value);
    const resolved = await resolveReferences(tx, scope, values);
    const active = new Set(
      (await observationIndicatorsByCodes(tx, [...new Set(values.flatMap((v) => v.indicatorCodes))]))
        .filter((i) => i.active)
        .map((i) => i.code),
    );
    return records.flatMap(({ line, value }): LineError[] => [
      ...personErrors(resolved, line, value),
      ...placeErrors(resolved, line, value),
      ...(value.addressedToAgencyCode !== undefined && !resolved.agencies.has(value.addressedToAgencyCode)
        ? [{ line, field: "addressedToAgencyCode", reason: "is not the code of an agency" }]
        : []),
      ...value.indicatorCodes.flatMap((code, index) =>
        active.has(code)
          ? []
          : [{ line, field: `indicatorCodes.${index}`, reason: `${code} is not an active indicator` }],
      ),
      ...checkReport(
        { ...value, informationCredibility: String(value.informationCredibility) as never },
        { today: ctx.today, addressedToAgencyId: value.addressedToAgencyCode ?? null },
      ).map((issue) => ({
        line,
        field: issue.field === "addressedToAgencyId" ? "addressedToAgencyCode" : issue.field,
        reason: issue.message,
      })),
    ]);
  },
  async apply(ctx, scope, value, existing): Promise<Applied> {
    const tx = await ctx.tx.get();
    const resolved = await resolveReferences(tx, scope, [value]);
    const content = contentOf(value, {
      establishmentId:
        value.establishmentCode === undefined
          ? null
          : (resolved.establishments.get(value.establishmentCode) ?? null),
      addressedToAgencyId:
        value.addressedToAgencyCode === undefined
          ? null
          : (resolved.agencies.get(value.addressedToAgencyCode) ?? null),
    });
    const { personId, field } = personOf(resolved, value);
    if (existing === null) {
      if (personId === null) throw new ApplyRefused(field, "no longer names a person you know of");
      const id = outcomeOrRefuse(
        await fileReport(ctx, { ...content, personId: toGlobalId("Person", personId) }),
        field,
      );
      return { recordId: id, personId, changed: true };
    }
    const versions = await reportsByLineageIds(tx, [existing.recordId]);
    const latest = versions.at(-1);
    if (latest === undefined || latest.version !== latest.latestVersion)
      throw new ApplyRefused("externalId", "the report imported earlier is no longer readable to you");
    const same =
      latest.observedOn === value.observedOn &&
      latest.title === value.title &&
      latest.body === value.body &&
      (latest.sourceDetails ?? null) === (value.sourceDetails ?? null) &&
      latest.sourceReliability === value.sourceReliability &&
      String(latest.informationCredibility) === String(value.informationCredibility) &&
      latest.classification === value.classification &&
      latest.handlingCode === value.handlingCode &&
      (latest.handlingConditions ?? null) === (value.handlingConditions ?? null) &&
      latest.sensitive === value.sensitive &&
      [...latest.indicatorCodes].sort().join(";") === [...new Set(value.indicatorCodes)].sort().join(";") &&
      (value.establishmentCode === undefined ||
        resolved.establishments.get(value.establishmentCode) === latest.establishmentId) &&
      (value.addressedToAgencyCode === undefined
        ? latest.addressedToAgencyId === null
        : resolved.agencies.get(value.addressedToAgencyCode) === latest.addressedToAgencyId);
    if (same) return { ...existing, changed: false };
    outcomeOrRefuse(
      await correctReport(ctx, {
        ...content,
        reportId: toGlobalId("InformationReport", latest.id),
        expectedVersion: latest.version,
        correctionReason: `Corrected by a re-import from ${scope.sourceSystem} (import job ${scope.jobId}).`,
      }),
      field,
    );
    return { ...existing, changed: true };
  },
};
