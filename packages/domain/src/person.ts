import { z } from "zod";
import { isoDateSchema } from "./dates.js";
import { defineEnum, type EnumValue } from "./enum.js";
import { Ideology } from "./listing.js";

export const Sex = defineEnum(["FEMALE", "MALE", "OTHER"] as const);
export type Sex = EnumValue<typeof Sex>;

/** Belgium's language communities; they decide, for example, which disengagement service offers a programme. */
export const LanguageCommunity = defineEnum(["FR", "NL", "DE"] as const);
export type LanguageCommunity = EnumValue<typeof LanguageCommunity>;

export const NAME_MAX_LENGTH = 100;
export const ALIAS_MAX_COUNT = 20;
export const NATIONALITY_MAX_COUNT = 5;

// Control characters have no place in a name (and NUL is refused by Postgres).
const CONTROL_CHARACTERS = /\p{Cc}/u;

const nameSchema = z
  .string()
  .trim()
  .min(1, { message: "must not be empty" })
  .max(NAME_MAX_LENGTH, { message: `must be at most ${NAME_MAX_LENGTH} characters` })
  .refine((name) => !CONTROL_CHARACTERS.test(name), { message: "must not contain control characters" });

/** ISO 3166-1 alpha-2 country code, upper case (e.g. BE, MA). */
export const nationalitySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: "must be a two-letter ISO 3166-1 country code, e.g. BE" });

export const personRegisterSchema = z.object({
  familyName: nameSchema,
  givenNames: nameSchema,
  aliases: z
    .array(nameSchema)
    .max(ALIAS_MAX_COUNT, { message: `at most ${ALIAS_MAX_COUNT} aliases` })
    .default([]),
  dateOfBirth: isoDateSchema,
  sex: z.enum(Sex),
  nationalities: z
    .array(nationalitySchema)
    .min(1, { message: "at least one nationality (use XX when unknown)" })
    .max(NATIONALITY_MAX_COUNT, { message: `at most ${NATIONALITY_MAX_COUNT} nationalities` }),
  languageCommunity: z.enum(LanguageCommunity),
  returnee: z.boolean().default(false),
  failedTraveller: z.boolean().default(false),
  ideology: z.enum(Ideology).nullable().default(null),
});
export type PersonRegisterInput = z.infer<typeof personRegisterSchema>;
