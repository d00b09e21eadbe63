import type { Sex } from "@continuum/domain";
import type { Tx } from "../../db/client.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { lockUnit, unitPeakOccupancyFrom } from "../detention/detention.repository.js";
import { type EstablishmentRecord, listEstablishments, type UnitRecord } from "./establishment.repository.js";

export function allEstablishments(tx: Tx): Promise<EstablishmentRecord[]> {
  return listEstablishments(tx);
}

export interface Place {
  establishment: EstablishmentRecord;
  unit: UnitRecord | null;
}

/**
 * Resolves and checks where a person is to be held on a date: the establishment exists and is open,
 * the unit belongs to it and has room, and it can hold the person (women only where women are held,
 * men never in a women's unit). Problems are reported on `<prefix>establishmentId` / `unitId`.
 */
export async function resolvePlace(
  ctx: RequestContext,
  tx: Tx,
  request: { establishmentId: string; unitId: string | null; on: string; sex: Sex; fieldPrefix: string },
): Promise<Place> {
  const f = (name: string) => `${request.fieldPrefix}${name}`;
  const establishmentUuid = uuidOf(request.establishmentId, "Establishment");
  const establishment =
    establishmentUuid === null ? null : await ctx.loaders.establishment.load(establishmentUuid);
  if (establishment === null)
    return reject(f("establishmentId"), "no establishment with this ID", UserErrorCode.NOT_FOUND);
  if (establishment.openedOn !== null && request.on < establishment.openedOn)
    reject(
      f("establishmentId"),
      `the establishment opened on ${establishment.openedOn}`,
      UserErrorCode.RULE_VIOLATION,
    );
  if (establishment.closedOn !== null && request.on >= establishment.closedOn)
    reject(
      f("establishmentId"),
      `the establishment closed on ${establishment.closedOn}`,
      UserErrorCode.RULE_VIOLATION,
    );
  if (request.sex === "FEMALE" && !establishment.holdsWomen)
    reject(f("establishmentId"), "this establishment does not hold women", UserErrorCode.RULE_VIOLATION);

  let unit: UnitRecord | null = null;
  if (request.unitId !== null) {
    const unitUuid = uuidOf(request.unitId, "EstablishmentUnit");
    unit = unitUuid === null ? null : await ctx.loaders.unit.load(unitUuid);
    if (unit === null || unit.establishmentId !== establishment.id)
      return reject(f("unitId"), "no unit with this ID in that establishment", UserErrorCode.NOT_FOUND);
    if (unit.kind === "WOMEN" && request.sex === "MALE")
      reject(f("unitId"), "a man cannot be placed in a women's unit", UserErrorCode.RULE_VIOLATION);
    if (unit.capacity !== null) {
      await lockUnit(tx, unit.id);
      if ((await unitPeakOccupancyFrom(tx, unit.id, request.on)) >= unit.capacity)
        reject(
          f("unitId"),
          `the unit is full from ${request.on} (${unit.capacity} places)`,
          UserErrorCode.RULE_VIOLATION,
        );
    }
  }
  return { establishment, unit };
}
