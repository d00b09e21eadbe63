import { placementRecordSchema } from "@continuum/domain";
import { z } from "zod";
import { toGlobalId } from "../../../graphql/global-id.js";
import { openPlacementOf, placementById } from "../../detention/detention.repository.js";
import { recordPlacement } from "../../detention/detention.service.js";
import {
  type Applied,
  ApplyRefused,
  codeSchema,
  externalIdSchema,
  type FieldSpec,
  type LineError,
  outcomeOrRefuse,
  parseWith,
  type RecordFormat,
} from "./format.js";
import { placeErrors, resolveReferences } from "./references.js";

const schema = z
  .object({
    externalId: externalIdSchema,
    episodeExternalId: externalIdSchema,
    establishmentCode: codeSchema,
    unitCode: codeSchema.optional(),
  })
  .and(placementRecordSchema);
type PlacementRecord = z.output<typeof schema>;

const fields: readonly FieldSpec[] = [
  {
    name: "externalId",
    kind: "string",
    required: true,
    description:
      "Your system's ID of the placement (a move); a re-import of the same placement changes nothing.",
    example: "PMS-PL-50311",
  },
  {
    name: "episodeExternalId",
    kind: "string",
    required: true,
    description:
      "The externalId of the DETENTION_EPISODE (imported earlier from the same source system) the move belongs to: the person's current one.",
    example: "PMS-EP-88412",
  },
  {
    name: "establishmentCode",
    kind: "string",
    required: true,
    description: "Code of the establishment moved to.",
    example: "ITT",
  },
  {
    name: "unitCode",
    kind: "string",
    required: false,
    description: "Code of a unit of that establishment; absent for its ordinary regime.",
    example: "ITT-DRX",
  },
  {
    name: "validFrom",
    kind: "date",
    required: true,
    description: "First day in the new place; after the current placement started, not in the future.",
    example: "2025-09-15",
  },
  {
    name: "reason",
    kind: "string",
    required: false,
    description: "Why (at most 500 characters).",
    example: "Transfer to the D-Rad:Ex unit",
  },
];

export const placementFormat: RecordFormat<PlacementRecord> = {
  recordType: "PLACEMENT",
  action: "DETENTION_RECORD",
  fields,
  parse: (record) => parseWith(schema, record, fields),
  async check(tx, ctx, scope, records) {
    const resolved = await resolveReferences(
      tx,
      scope,
      records.map((r) => r.value),
    );
    return records.flatMap(({ line, value }): LineError[] => [
      ...(resolved.episodesByExternalId.has(value.episodeExternalId)
        ? []
        : [
            {
              line,
              field: "episodeExternalId",
              reason: "no detention episode was imported with this externalId from this source system",
            },
          ]),
      ...placeErrors(resolved, line, value),
      ...(value.validFrom > ctx.today
        ? [{ line, field: "validFrom", reason: "must not be in the future" }]
        : []),
    ]);
  },
  async apply(ctx, scope, value, existing): Promise<Applied> {
    const tx = await ctx.tx.get();
    const resolved = await resolveReferences(tx, scope, [value]);
    const establishmentId = resolved.establishments.get(value.establishmentCode);
    const unitId =
      value.unitCode === undefined
        ? null
        : (resolved.units.get(`${value.establishmentCode}/${value.unitCode}`) ?? null);
    if (existing !== null) {
      const placement = await placementById(tx, existing.recordId);
      if (placement === null)
        throw new ApplyRefused("externalId", "the placement imported earlier is no longer visible to you");
      if (
        placement.establishmentId !== establishmentId ||
        placement.unitId !== unitId ||
        placement.validFrom !== value.validFrom
      )
        throw new ApplyRefused(
          "externalId",
          "a placement imported earlier is not moved by a re-import: import the new move with its own externalId",
        );
      return { ...existing, changed: false };
    }
    const episode = resolved.episodesByExternalId.get(value.episodeExternalId);
    if (episode === undefined)
      throw new ApplyRefused("episodeExternalId", "no detention episode was imported with this externalId");
    if (establishmentId === undefined)
      throw new ApplyRefused("establishmentCode", "is not the code of an establishment");
    const current = await openPlacementOf(tx, episode.personId);
    if (current !== null && current.episodeId !== episode.recordId)
      throw new ApplyRefused("episodeExternalId", "is not the person's current detention episode");
    const moved = outcomeOrRefuse(
      await recordPlacement(ctx, {
        personId: toGlobalId("Person", episode.personId),
        establishmentId: toGlobalId("Establishment", establishmentId),
        unitId: unitId === null ? null : toGlobalId("EstablishmentUnit", unitId),
        validFrom: value.validFrom,
        reason: value.reason,
      }),
      "episodeExternalId",
    );
    return { ...moved, changed: true };
  },
};
