/** Builds a frozen enum object from a list of SCREAMING_CASE values, with the union type beside it. */
export function defineEnum<const T extends readonly string[]>(values: T): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { readonly [K in T[number]]: K };
}

export type EnumValue<E> = E[keyof E];
