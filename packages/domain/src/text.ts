import { z } from "zod";

/** Free text that must be given: trimmed, not empty (`missing` says what to write), at most `max` characters. */
export function requiredText(missing: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, { message: missing })
    .max(max, { message: `must be at most ${max} characters` });
}

/** Free text that may be left out: trimmed, at most `max` characters; empty becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .nullable()
    .transform((v) => (v === null || v === "" ? null : v));
}
