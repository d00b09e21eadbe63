import type { Problem } from "./problems";

/** A free-text field: required (when asked) and at most `max` characters once trimmed. */
export function checkText(problems: Problem[], field: string, value: string, max: number, required: boolean) {
  const text = value.trim();
  if (required && text === "") problems.push({ field, key: "required" });
  else if (text.length > max) problems.push({ field, key: "tooLong", values: { max } });
}

/** An optional text as the API takes it: trimmed, and null when empty. */
export const optional = (value: string) => (value.trim() === "" ? null : value.trim());
