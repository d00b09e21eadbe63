import type { AnalyticsDimension } from "@/gql/graphql";

/**
 * What a figure's cell keys stand for, in the page's language: enum values through the message
 * catalogue, establishment and D-Rad:Ex unit codes through the establishments' names, provider
 * codes through the agencies' names, years as they are. A key the portal does not know is shown as
 * the API gives it. Pure, tested.
 */

export interface CellLabelSources {
  /** analytics.cells: ageBand, nationalityGroup, sentenceBand, list, provider, outcome, signs, none. */
  cells: Record<string, Record<string, string> | string>;
  /** enums.category and enums.sex. */
  category: Record<string, string>;
  sex: Record<string, string>;
  /** Establishment code → its name in the page's language. */
  establishments: ReadonlyMap<string, string>;
  /** "ESTABLISHMENT/UNIT" code → the unit's name (its establishment's name and "D-Rad:Ex"). */
  units: ReadonlyMap<string, string>;
  /** Agency code → its name. */
  agencies: ReadonlyMap<string, string>;
}

const GROUP: Partial<Record<AnalyticsDimension, string>> = {
  AGE_BAND: "ageBand",
  NATIONALITY_GROUP: "nationalityGroup",
  SENTENCE_BAND: "sentenceBand",
  LIST: "list",
  OUTCOME: "outcome",
  DISENGAGEMENT_SIGNS: "signs",
};

function lookup(map: Record<string, string> | string | undefined, key: string): string | undefined {
  return typeof map === "object" ? map[key] : undefined;
}

/** A function naming each key of `dimension`'s cells. */
export function cellLabeller(
  dimension: AnalyticsDimension | null,
  sources: CellLabelSources,
): (key: string) => string {
  const none = typeof sources.cells.none === "string" ? sources.cells.none : "—";
  return (key) => {
    switch (dimension) {
      case "CATEGORY":
        return sources.category[key] ?? (key === "NONE" ? none : key);
      case "SEX":
        return sources.sex[key] ?? (key === "NONE" ? none : key);
      case "ESTABLISHMENT":
        if (key === "NONE") return lookup(sources.cells.establishment, "NONE") ?? none;
        return sources.establishments.get(key) ?? key;
      case "UNIT":
        return sources.units.get(key) ?? key;
      case "PROVIDER":
        return lookup(sources.cells.provider, key) ?? sources.agencies.get(key) ?? key;
      case "YEAR":
        return key;
      default: {
        const group = dimension === null ? undefined : GROUP[dimension];
        const label = group === undefined ? undefined : lookup(sources.cells[group], key);
        return label ?? (key === "NONE" ? none : key);
      }
    }
  };
}

/** Units' names: "<establishment> — <unit kind>", keyed "ESTABLISHMENT/UNIT" as the API's cells are. */
export function unitNames(
  establishments: readonly { code: string; units: readonly { code: string; kind: string }[] }[],
  establishmentLabel: (code: string) => string,
  unitKindLabel: (kind: string) => string,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of establishments)
    for (const unit of e.units)
      names.set(`${e.code}/${unit.code}`, `${establishmentLabel(e.code)} — ${unitKindLabel(unit.kind)}`);
  return names;
}
