import {
  detentionEpisodeOpenSchema,
  detentionEpisodeReleaseSchema,
  judicialDistrictOfMunicipality,
} from "@continuum/domain";
import { z } from "zod";
import { toGlobalId } from "../../../graphql/global-id.js";
import { episodeById } from "../../detention/detention.repository.js";
import { openEpisode, releaseFromEpisode } from "../../detention/detention.service.js";
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
    establishmentCode: codeSchema,
    unitCode: codeSchema.optional(),
    releasedOn: detentionEpisodeReleaseSchema.shape.releasedOn.optional(),
    releaseType: detentionEpisodeReleaseSchema.shape.releaseType.optional(),
    releaseMunicipality: z.string().trim().min(1).max(100).optional(),
  })
  .and(detentionEpisodeOpenSchema)
  .superRefine((value, ctx) => {
    checkPersonNamed(value, ctx);
    if ((value.releasedOn === undefined) !== (value.releaseType === undefined))
      ctx.addIssue({
        code: "custom",
        path: [value.releasedOn === undefined ? "releasedOn" : "releaseType"],
        message: "a release needs both releasedOn and releaseType",
      });
  });
type EpisodeRecord = z.output<typeof schema>;

const fields: readonly FieldSpec[] = [
  {
    name: "externalId",
    kind: "string",
    required: true,
    description:
      "Your system's ID of the detention episode; a re-import with it updates the episode (adds its release).",
    example: "PMS-EP-88412",
  },
  ...personFields,
  {
    name: "admittedOn",
    kind: "date",
    required: true,
    description: "Admission date; not in the future, after any earlier release.",
    example: "2025-02-03",
  },
  {
    name: "legalStatus",
    kind: "string",
    required: true,
    description: "PREVENTIVE_DETENTION, SENTENCED or INTERNED.",
    example: "SENTENCED",
  },
  {
    name: "sentenceMonths",
    kind: "integer",
    required: "when SENTENCED",
    description: "1 to 720 months.",
    example: "48",
  },
  {
    name: "recidivism",
    kind: "string",
    required: false,
    description: "NONE or LEGAL_RECIDIVIST (eligible after two thirds); default NONE.",
    example: "NONE",
  },
  {
    name: "establishmentCode",
    kind: "string",
    required: true,
    description: "Code of the establishment admitted to.",
    example: "HAS",
  },
  {
    name: "unitCode",
    kind: "string",
    required: false,
    description: "Code of a unit of that establishment; absent for its ordinary regime.",
    example: "HAS-DRX",
  },
  {
    name: "releasedOn",
    kind: "date",
    required: "with releaseType",
    description: "Release date, when the episode has ended.",
    example: "2026-06-30",
  },
  {
    name: "releaseType",
    kind: "string",
    required: "with releasedOn",
    description:
      "END_OF_SENTENCE, END_OF_PREVENTIVE_DETENTION, TRANSFER_ABROAD or DEATH_IN_CUSTODY (releases with conditions are recorded in the portal).",
    example: "END_OF_SENTENCE",
  },
  {
    name: "releaseMunicipality",
    kind: "string",
    required: "for a release, unless transferred abroad or deceased",
    description: "Municipality of intended residence, one Continuum knows.",
    example: "Hasselt",
  },
];

export const episodeFormat: RecordFormat<EpisodeRecord> = {
  recordType: "DETENTION_EPISODE",
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
      ...personErrors(resolved, line, value),
      ...placeErrors(resolved, line, value),
      ...(value.admittedOn > ctx.today
        ? [{ line, field: "admittedOn", reason: "must not be in the future" }]
        : []),
      ...(value.releasedOn !== undefined && value.releasedOn < value.admittedOn
        ? [
            {
              line,
              field: "releasedOn",
              reason: `must not be before the admission date (${value.admittedOn})`,
            },
          ]
        : []),
      ...(value.releaseMunicipality !== undefined &&
      judicialDistrictOfMunicipality(value.releaseMunicipality) === null
        ? [{ line, field: "releaseMunicipality", reason: "is not a municipality Continuum knows" }]
        : []),
    ]);
  },
  async apply(ctx, scope, value, existing): Promise<Applied> {
    const tx = await ctx.tx.get();
    const resolved = await resolveReferences(tx, scope, [value]);
    const { personId, field } = personOf(resolved, value);
    let episodeId: string;
    let changed = false;
    let owner: string;
    if (existing === null) {
      if (personId === null) throw new ApplyRefused(field, "no longer names a person you can see");
      const establishmentId = resolved.establishments.get(value.establishmentCode);
      if (establishmentId === undefined)
        throw new ApplyRefused("establishmentCode", "is not the code of an establishment");
      const unitId =
        value.unitCode === undefined
          ? undefined
          : resolved.units.get(`${value.establishmentCode}/${value.unitCode}`);
      const opened = outcomeOrRefuse(
        await openEpisode(ctx, {
          personId: toGlobalId("Person", personId),
          admittedOn: value.admittedOn,
          legalStatus: value.legalStatus,
          sentenceMonths: value.sentenceMonths,
          recidivism: value.recidivism,
          establishmentId: toGlobalId("Establishment", establishmentId),
          unitId: unitId === undefined ? null : toGlobalId("EstablishmentUnit", unitId),
        }),
        field,
      );
      episodeId = opened.recordId;
      owner = opened.personId;
      changed = true;
    } else {
      const episode = await episodeById(tx, existing.recordId);
      if (episode === null)
        throw new ApplyRefused("externalId", "the episode imported earlier is no longer visible to you");
      if (personId !== null && personId !== episode.personId)
        throw new ApplyRefused(
          field,
          "the episode imported earlier with this externalId is another person's",
        );
      for (const [name, was, now] of [
        ["admittedOn", episode.admittedOn, value.admittedOn],
        ["legalStatus", episode.legalStatus, value.legalStatus],
        ["sentenceMonths", episode.sentenceMonths, value.sentenceMonths],
        ["recidivism", episode.recidivism, value.recidivism],
      ] as const)
        if (was !== now)
          throw new ApplyRefused(
            name,
            `differs from the episode imported earlier (${was ?? "none"}): an admission is not changed by a re-import`,
          );
      if (value.releasedOn !== undefined && episode.releasedOn !== null) {
        if (episode.releasedOn !== value.releasedOn || episode.releaseType !== value.releaseType)
          throw new ApplyRefused(
            "releasedOn",
            `the episode already ended on ${episode.releasedOn} (${episode.releaseType})`,
          );
      }
      episodeId = episode.id;
      owner = episode.personId;
      changed = value.releasedOn !== undefined && episode.releasedOn === null;
      if (!changed) return { recordId: episodeId, personId: owner, changed: false };
    }
    if (value.releasedOn !== undefined && value.releaseType !== undefined)
      outcomeOrRefuse(
        await releaseFromEpisode(ctx, {
          episodeId: toGlobalId("DetentionEpisode", episodeId),
          releasedOn: value.releasedOn,
          releaseType: value.releaseType,
          releaseMunicipality: value.releaseMunicipality ?? null,
          conditions: [],
        }),
      );
    return { recordId: episodeId, personId: owner, changed };
  },
};
