import { describe, expect, it } from "vitest";
import type { EstablishmentNamesFragment, TimelineItemFragment } from "@/gql/graphql";
import { describeEvent, type TimelineVocabulary, timelineNewestFirst } from "./timeline";

const ittre: EstablishmentNamesFragment = {
  id: "E1",
  nameFr: "Prison d'Ittre",
  nameNl: "Gevangenis van Itter",
  judicialDistrict: "WALLOON_BRABANT",
};

const words: TimelineVocabulary = {
  establishment: (e) => e.nameFr,
  unitKind: (kind) => `unit:${kind}`,
  category: (c) => c,
  outcome: (o) => `outcome:${o}`,
  releaseType: (r) => `release:${r}`,
};

function event(partial: Partial<TimelineItemFragment> & Pick<TimelineItemFragment, "kind" | "occurredOn">) {
  return { episode: null, placement: null, screening: null, listingPeriod: null, ...partial };
}

describe("describeEvent", () => {
  it("names the establishment of an admission, and a special unit of a transfer", () => {
    expect(
      describeEvent(
        event({
          kind: "ADMISSION",
          occurredOn: "2020-01-01",
          placement: { id: "P1", establishment: ittre, unit: null },
        }),
        words,
      ),
    ).toEqual({ message: "admission", values: { establishment: "Prison d'Ittre" } });
    expect(
      describeEvent(
        event({
          kind: "TRANSFER",
          occurredOn: "2020-02-01",
          placement: { id: "P2", establishment: ittre, unit: { id: "U1", kind: "DRADEX" } },
        }),
        words,
      ),
    ).toEqual({ message: "transfer", values: { establishment: "Prison d'Ittre (unit:DRADEX)" } });
  });

  it("says how a release happened when it is known", () => {
    const episode = { id: "D1", legalStatus: "SENTENCED" as const, releaseType: "END_OF_SENTENCE" as const };
    expect(describeEvent(event({ kind: "RELEASE", occurredOn: "2021-01-01", episode }), words)).toEqual({
      message: "release",
      values: { releaseType: "release:END_OF_SENTENCE" },
    });
    expect(describeEvent(event({ kind: "RELEASE", occurredOn: "2021-01-01" }), words).message).toBe(
      "releaseUnknown",
    );
  });

  it("describes screenings with or without a category, and listing changes", () => {
    expect(
      describeEvent(
        event({
          kind: "SCREENING",
          occurredOn: "2020-01-02",
          screening: { id: "S1", outcome: "LISTED", category: "C" },
        }),
        words,
      ),
    ).toEqual({ message: "screeningWithCategory", values: { outcome: "outcome:LISTED", category: "C" } });
    expect(
      describeEvent(
        event({
          kind: "SCREENING",
          occurredOn: "2020-01-02",
          screening: { id: "S2", outcome: "NOT_LISTED", category: null },
        }),
        words,
      ),
    ).toEqual({ message: "screening", values: { outcome: "outcome:NOT_LISTED" } });
    expect(
      describeEvent(
        event({
          kind: "CATEGORY_CHANGED",
          occurredOn: "2020-03-01",
          listingPeriod: { id: "L2", category: "B" },
        }),
        words,
      ),
    ).toEqual({ message: "categoryChanged", values: { category: "B" } });
    expect(describeEvent(event({ kind: "DELISTED", occurredOn: "2020-04-01" }), words).message).toBe(
      "delisted",
    );
  });
});

describe("timelineNewestFirst", () => {
  it("reverses the API's oldest-first order, with unique keys", () => {
    const entries = timelineNewestFirst(
      [
        event({
          kind: "ADMISSION",
          occurredOn: "2020-01-01",
          placement: { id: "P1", establishment: ittre, unit: null },
        }),
        event({ kind: "LISTED", occurredOn: "2020-01-02", listingPeriod: { id: "L1", category: "C" } }),
        event({
          kind: "SCREENING",
          occurredOn: "2020-01-02",
          screening: { id: "S1", outcome: "LISTED", category: "C" },
        }),
      ],
      words,
    );
    expect(entries.map((e) => e.kind)).toEqual(["SCREENING", "LISTED", "ADMISSION"]);
    expect(new Set(entries.map((e) => e.key)).size).toBe(3);
  });
});
