import { defineEnum, type EnumValue } from "@continuum/domain";

/** What an API token may do on behalf of its account. */
export const ApiTokenScope = defineEnum(["READ", "WRITE"] as const);
export type ApiTokenScope = EnumValue<typeof ApiTokenScope>;
