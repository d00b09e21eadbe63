import type { UnitKind } from "@/gql/graphql";
import type { UnitOption } from "./recommendation-form";

/** A unit as the forms offer it: its kind and establishment, and a label in the page's language. */
export interface UnitChoice extends UnitOption {
  code: string;
  label: string;
}

/** An establishment as the forms offer it, with its units. */
export interface PlaceOption {
  id: string;
  label: string;
  units: UnitChoice[];
}

/**
 * The establishments and their units as options, labelled on the server (names per language), in
 * alphabetical order of the labels.
 */
export function placeOptions<
  E extends { id: string; units: readonly { id: string; code: string; kind: UnitKind }[] },
>(
  establishments: readonly E[],
  labelOf: (establishment: E) => string,
  unitLabelOf: (unit: { code: string; kind: UnitKind }) => string,
  locale: string,
): PlaceOption[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return establishments
    .map((e) => ({
      id: e.id,
      label: labelOf(e),
      units: e.units.map((u) => ({
        id: u.id,
        code: u.code,
        kind: u.kind,
        establishmentId: e.id,
        label: unitLabelOf(u),
      })),
    }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** Every unit of every establishment. */
export function allUnits(places: readonly PlaceOption[]): UnitChoice[] {
  return places.flatMap((p) => p.units);
}
