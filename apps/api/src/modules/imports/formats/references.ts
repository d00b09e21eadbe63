import type { Tx } from "../../../db/client.js";
import {
  agenciesByCodes,
  establishmentsByCodes,
  externalRefs,
  personsByReferences,
  unitsByCodes,
} from "../import.repository.js";
import type { ExternalRef, JobScope, LineError } from "./format.js";

export interface NamesPerson {
  personExternalId?: string | undefined;
  personReference?: string | undefined;
}

export interface NamesPlace {
  establishmentCode?: string | undefined;
  unitCode?: string | undefined;
}

/** What a set of records refers to, resolved in a few statements (as the actor: row-level security applies). */
export interface Resolved {
  personsByExternalId: Map<string, ExternalRef>;
  personsByReference: Map<string, string>;
  episodesByExternalId: Map<string, ExternalRef>;
  establishments: Map<string, string>;
  units: Map<string, string>;
  agencies: Map<string, string>;
}

export async function resolveReferences(
  tx: Tx,
  scope: JobScope,
  records: readonly (NamesPerson &
    NamesPlace & { episodeExternalId?: string; addressedToAgencyCode?: string | undefined })[],
): Promise<Resolved> {
  const present = <T>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);
  return {
    personsByExternalId: await externalRefs(
      tx,
      { ...scope, recordType: "PERSON" },
      present(records.map((r) => r.personExternalId)),
    ),
    personsByReference: await personsByReferences(tx, present(records.map((r) => r.personReference))),
    episodesByExternalId: await externalRefs(
      tx,
      { ...scope, recordType: "DETENTION_EPISODE" },
      present(records.map((r) => r.episodeExternalId)),
    ),
    establishments: await establishmentsByCodes(tx, present(records.map((r) => r.establishmentCode))),
    units: await unitsByCodes(tx, present(records.map((r) => r.unitCode))),
    agencies: await agenciesByCodes(tx, present(records.map((r) => r.addressedToAgencyCode))),
  };
}

/** The person a record names, or null (with the field to blame) when it names no person the actor sees. */
export function personOf(resolved: Resolved, value: NamesPerson): { personId: string | null; field: string } {
  if (value.personExternalId !== undefined)
    return {
      personId: resolved.personsByExternalId.get(value.personExternalId)?.personId ?? null,
      field: "personExternalId",
    };
  return {
    personId:
      value.personReference === undefined
        ? null
        : (resolved.personsByReference.get(value.personReference) ?? null),
    field: "personReference",
  };
}

export function personErrors(resolved: Resolved, line: number, value: NamesPerson): LineError[] {
  const { personId, field } = personOf(resolved, value);
  if (personId !== null) return [];
  return [
    {
      line,
      field,
      reason:
        field === "personExternalId"
          ? "no person was imported with this externalId from this source system"
          : "no person with this case reference that you can see",
    },
  ];
}

export function placeErrors(resolved: Resolved, line: number, value: NamesPlace): LineError[] {
  const errors: LineError[] = [];
  if (value.establishmentCode !== undefined && !resolved.establishments.has(value.establishmentCode))
    errors.push({ line, field: "establishmentCode", reason: "is not the code of an establishment" });
  if (
    value.unitCode !== undefined &&
    !resolved.units.has(`${value.establishmentCode ?? ""}/${value.unitCode}`)
  )
    errors.push({ line, field: "unitCode", reason: "is not the code of a unit of that establishment" });
  return errors;
}
