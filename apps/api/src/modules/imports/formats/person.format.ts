import { personRegisterSchema } from "@continuum/domain";
import { requireAction, requireFeed, viewerScope } from "../../../access/policy.js";
import { toGlobalId } from "../../../graphql/global-id.js";
import { runMutation } from "../../../graphql/mutation.js";
import { reject } from "../../../graphql/user-error.js";
import { parseInput } from "../../../graphql/validate.js";
import { lockCaseForChange } from "../../detention/detention.service.js";
import { foldName } from "../../persons/person.repository.js";
import { registerPerson, registerPersons } from "../../persons/person.service.js";
import { refreshSummaries } from "../../persons/person-summary.js";
import { personById, updatePersonIdentity } from "../import.repository.js";
import {
  type Applied,
  externalIdSchema,
  type FieldSpec,
  outcomeOrRefuse,
  parseWith,
  type RecordFormat,
  WHOLE_LINE,
} from "./format.js";

const schema = personRegisterSchema.extend({ externalId: externalIdSchema });
type PersonRecord = ReturnType<typeof schema.parse>;

const fields: readonly FieldSpec[] = [
  {
    name: "externalId",
    kind: "string",
    required: true,
    description:
      "Your system's ID of the person (1 to 100 characters); a re-import with it updates the person.",
    example: "PMS-100231",
  },
  {
    name: "familyName",
    kind: "string",
    required: true,
    description: "1 to 100 characters.",
    example: "Verhoeven",
  },
  {
    name: "givenNames",
    kind: "string",
    required: true,
    description: "1 to 100 characters.",
    example: "Jonas Pieter",
  },
  {
    name: "aliases",
    kind: "list",
    required: false,
    description: "Other names, at most 20, each 1 to 100 characters.",
    example: "Jo V.;Abu Yunus",
  },
  {
    name: "dateOfBirth",
    kind: "date",
    required: true,
    description: "YYYY-MM-DD; not in the future.",
    example: "1994-03-12",
  },
  {
    name: "sex",
    kind: "string",
    required: true,
    description: "MALE, FEMALE or OTHER, as in the prison register.",
    example: "MALE",
  },
  {
    name: "nationalities",
    kind: "list",
    required: true,
    description: "ISO 3166-1 alpha-2 codes, 1 to 5 (XX when unknown).",
    example: "BE;MA",
  },
  { name: "languageCommunity", kind: "string", required: true, description: "FR, NL or DE.", example: "NL" },
  {
    name: "returnee",
    kind: "boolean",
    required: false,
    description: "Returned foreign fighter (default false).",
    example: "false",
  },
  {
    name: "failedTraveller",
    kind: "boolean",
    required: false,
    description: "Prevented from travelling to a conflict zone (default false).",
    example: "true",
  },
  {
    name: "ideology",
    kind: "string",
    required: false,
    description: "JIHADIST, FAR_RIGHT, FAR_LEFT or OTHER, when known.",
    example: "JIHADIST",
  },
];

function identityOf(p: PersonRecord) {
  return {
    familyName: p.familyName,
    givenNames: p.givenNames,
    aliases: p.aliases,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    nationalities: p.nationalities,
    languageCommunity: p.languageCommunity,
    returnee: p.returnee,
    failedTraveller: p.failedTraveller,
    ideology: p.ideology,
  };
}

/** A re-imported person: the identity as the source states it now, with the rights of a registration. */
async function updatePerson(
  ctx: Parameters<RecordFormat<PersonRecord>["apply"]>[0],
  personId: string,
  p: PersonRecord,
) {
  requireAction(ctx, "PERSON_REGISTER");
  return runMutation(ctx, async (tx) => {
    const visible = await lockCaseForChange(
      ctx,
      tx,
      personId,
      "externalId",
      "the person imported earlier is no longer visible to you",
    );
    requireFeed(ctx, visible, "IDENTITY");
    const identity = parseInput(personRegisterSchema, identityOf(p));
    if (identity.dateOfBirth > ctx.today) reject("dateOfBirth", "must not be in the future");
    const current = await personById(tx, personId);
    if (current === null) return reject("externalId", "the person imported earlier no longer exists");
    const before = JSON.stringify(identityOf({ ...current, externalId: p.externalId } as PersonRecord));
    if (before === JSON.stringify(identity)) return false;
    await updatePersonIdentity(tx, personId, {
      ...identity,
      sortName: foldName(`${identity.familyName} ${identity.givenNames}`),
      searchText: foldName([identity.familyName, identity.givenNames, ...identity.aliases].join(" | ")),
    });
    await refreshSummaries(tx, [personId]);
    ctx.audit.record({
      operation: "UPDATE",
      personId,
      dataClasses: ["IDENTITY"],
      details: { mutation: "importJob", person: toGlobalId("Person", personId) },
    });
    return true;
  });
}

export const personFormat: RecordFormat<PersonRecord> = {
  recordType: "PERSON",
  action: "PERSON_REGISTER",
  fields,
  parse: (record) => parseWith(schema, record, fields),
  async check(_tx, ctx, _scope, records) {
    // As personRegister: an agency that only sees persons placed with it registers them with an admission.
    const seesAll = viewerScope(ctx.actor).stages.IN_PRISON.places.includes("ANY");
    return records.flatMap(({ line, value }) => [
      ...(value.dateOfBirth > ctx.today
        ? [{ line, field: "dateOfBirth", reason: "must not be in the future" }]
        : []),
      ...(seesAll
        ? []
        : [
            {
              line,
              field: WHOLE_LINE,
              reason:
                "your agency only sees persons placed with it: register them with their admission (personRegister)",
            },
          ]),
    ]);
  },
  async apply(ctx, _scope, value, existing): Promise<Applied> {
    if (existing !== null) {
      const changed = outcomeOrRefuse(await updatePerson(ctx, existing.personId, value));
      return { ...existing, changed };
    }
    const id = outcomeOrRefuse(await registerPerson(ctx, { ...identityOf(value), admission: null }));
    return { recordId: id, personId: id, changed: true };
  },
  async applyNew(ctx, _scope, values) {
    const ids = await registerPersons(ctx, values.map(identityOf));
    return ids.map((id) => ({ recordId: id, personId: id, changed: true }));
  },
};
