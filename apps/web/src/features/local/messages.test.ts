import {
  ActionItemStatus,
  ClosureReason,
  CommonDatabaseCategory,
  EntryBasis,
  LocalBodyKind,
  MeetingKind,
  OutcomeKind,
  ResponsibilityKind,
  RetentionAction,
  RetentionStatus,
} from "@continuum/domain";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import fr from "../../../messages/fr.json";
import nl from "../../../messages/nl.json";
import { CLOSURE_REASONS, COMMON_DATABASE_CATEGORIES, ENTRY_BASES, OUTCOME_KINDS } from "./follow-up-form";
import { MEETING_KINDS } from "./local-form";

/** The follow-up enums the portal names, in every language (the shared test lists the older ones). */
const ENUMS: Record<string, Record<string, string>> = {
  meetingKind: MeetingKind,
  actionItemStatus: ActionItemStatus,
  commonDatabaseCategory: CommonDatabaseCategory,
  entryBasis: EntryBasis,
  outcomeKind: OutcomeKind,
  closureReason: ClosureReason,
  retentionAction: RetentionAction,
  retentionStatus: RetentionStatus,
  responsibilityKind: ResponsibilityKind,
  localBodyKind: LocalBodyKind,
};

describe("follow-up enum names", () => {
  it("name every value of the domain's follow-up enums in every language", () => {
    for (const [locale, catalogue] of Object.entries({ en, fr, nl })) {
      const enums = catalogue.enums as unknown as Record<string, Record<string, string>>;
      for (const [group, values] of Object.entries(ENUMS))
        expect(Object.keys(enums[group] ?? {}).sort(), `${locale} ${group}`).toEqual(
          Object.values(values).sort(),
        );
    }
  });
  it("offer every value in the forms", () => {
    expect([...MEETING_KINDS].sort()).toEqual(Object.values(MeetingKind).sort());
    expect([...COMMON_DATABASE_CATEGORIES].sort()).toEqual(Object.values(CommonDatabaseCategory).sort());
    expect([...ENTRY_BASES].sort()).toEqual(Object.values(EntryBasis).sort());
    expect([...OUTCOME_KINDS].sort()).toEqual(Object.values(OutcomeKind).sort());
    expect([...CLOSURE_REASONS].sort()).toEqual(Object.values(ClosureReason).sort());
  });
});
