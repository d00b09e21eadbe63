import {
  BREAK_GLASS_HOURS as DOMAIN_BREAK_GLASS_HOURS,
  JUSTIFICATION_MAX_LENGTH,
  JUSTIFICATION_MIN_LENGTH,
  PURPOSE_NOTE_MAX_LENGTH,
} from "@continuum/domain";
import { describe, expect, it } from "vitest";
import { BREAK_GLASS_HOURS, JUSTIFICATION_MAX, JUSTIFICATION_MIN, PURPOSE_NOTE_MAX } from "./limits";

describe("input limits", () => {
  it("match the domain's", () => {
    expect(PURPOSE_NOTE_MAX).toBe(PURPOSE_NOTE_MAX_LENGTH);
    expect(JUSTIFICATION_MIN).toBe(JUSTIFICATION_MIN_LENGTH);
    expect(JUSTIFICATION_MAX).toBe(JUSTIFICATION_MAX_LENGTH);
    expect(BREAK_GLASS_HOURS).toBe(DOMAIN_BREAK_GLASS_HOURS);
  });
});
