import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit, caseRowCounts, EMAIL, type Places, places, REGISTER } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp } from "./harness.js";

let app: TestApp;
let celex: GraphQLClient;
let at: Places;

beforeAll(async () => {
  app = await startTestApp();
  celex = await app.login(EMAIL("celex.analyst"));
  at = await places(celex);
});
afterAll(() => app.close());

const SCREEN = `
  mutation Screen($input: ScreeningRecordInput!) {
    screeningRecord(input: $input) {
      screening { id outcome category labels nextDueOn }
      person { listing { category labels since previous { category } } nextScreeningDueOn screeningState }
      userErrors { field message code }
    }
  }`;

const TRANSFER = `
  mutation Transfer($input: PlacementRecordInput!) {
    placementRecord(input: $input) {
      placement { validFrom establishment { code } unit { kind } }
      person { currentPlacement { establishment { code } } }
      userErrors { field message code }
    }
  }`;

const RELEASE = `
  mutation Release($input: DetentionEpisodeReleaseInput!) {
    detentionEpisodeRelease(input: $input) {
      episode { releasedOn releaseType releaseJudicialDistrict }
      person { detentionStatus currentPlacement { id } listing { category } nextScreeningDueOn }
      userErrors { field message code }
    }
  }`;

type Payload<K extends string, T> = {
  [key in K]: T & { userErrors: { field: string | null; message: string; code: string }[] };
};

function screening(personId: string, over: Record<string, unknown> = {}) {
  return {
    input: {
      personId,
      screenedOn: "2024-01-12",
      outcome: "LISTED",
      category: "C",
      labels: ["FOREIGN_FIGHTER"],
      sources: ["PRISON_STAFF", "INTELLIGENCE"],
      rationale: "Fictional test rationale.",
      ...over,
    },
  };
}

describe("a case from registration to release", () => {
  it("registers and admits a person, who then appears in the caseload with the next screening due on admission", async () => {
    const { personId } = await admit(celex, at, { familyName: "Quendimar", admittedOn: "2024-01-10" });
    const data = await celex.data<{
      person: {
        reference: string;
        detentionStatus: string;
        nextScreeningDueOn: string;
        screeningState: string;
        currentPlacement: { establishment: { code: string }; validFrom: string };
      };
    }>(
      `query($id: ID!) { person(id: $id) { reference detentionStatus nextScreeningDueOn screeningState
         currentPlacement { validFrom establishment { code } } } }`,
      { id: personId },
    );
    expect(data.person.reference).toMatch(/^CX-2024-\d{4}$/);
    expect(data.person.detentionStatus).toBe("DETAINED");
    expect(data.person.currentPlacement).toEqual({ validFrom: "2024-01-10", establishment: { code: "ITT" } });
    expect(data.person.nextScreeningDueOn).toBe("2024-01-10");
    expect(data.person.screeningState).toBe("OVERDUE");
  });

  it("lists, changes category and delists through screenings, keeping the history and answering as of a past date", async () => {
    const { personId } = await admit(celex, at, { familyName: "Varlosk", admittedOn: "2024-01-10" });
    const listed = await celex.data<
      Payload<
        "screeningRecord",
        { person: { listing: { category: string; since: string }; nextScreeningDueOn: string } }
      >
    >(SCREEN, screening(personId));
    expect(listed.screeningRecord.userErrors).toEqual([]);
    expect(listed.screeningRecord.person.listing).toMatchObject({ category: "C", since: "2024-01-12" });
    expect(listed.screeningRecord.person.nextScreeningDueOn).toBe("2024-03-12");

    const changed = await celex.data<
      Payload<
        "screeningRecord",
        { person: { listing: { category: string; previous: { category: string } } } }
      >
    >(
      SCREEN,
      screening(personId, {
        screenedOn: "2024-03-01",
        outcome: "CHANGED",
        category: "A",
        labels: ["TERRORIST_CONVICT", "FOREIGN_FIGHTER"],
        nextDueOn: "2024-04-01",
      }),
    );
    expect(changed.screeningRecord.userErrors).toEqual([]);
    expect(changed.screeningRecord.person.listing).toMatchObject({
      category: "A",
      previous: { category: "C" },
    });

    const history = await celex.data<{
      person: {
        listingHistory: { category: string; labels: string[]; validFrom: string; validTo: string | null }[];
        on: { category: string } | null;
        before: null;
        nextScreeningDueOn: string;
      };
    }>(
      `query($id: ID!) { person(id: $id) {
         listingHistory { category labels validFrom validTo }
         on: listingOn(date: "2024-02-15") { category }
         before: listingOn(date: "2024-01-11") { category }
         nextScreeningDueOn } }`,
      { id: personId },
    );
    expect(history.person.listingHistory).toEqual([
      { category: "C", labels: ["FOREIGN_FIGHTER"], validFrom: "2024-01-12", validTo: "2024-03-01" },
      {
        category: "A",
        labels: ["FOREIGN_FIGHTER", "TERRORIST_CONVICT"],
        validFrom: "2024-03-01",
        validTo: null,
      },
    ]);
    expect(history.person.on).toEqual({ category: "C" });
    expect(history.person.before).toBeNull();
    expect(history.person.nextScreeningDueOn).toBe("2024-04-01");

    const delisted = await celex.data<Payload<"screeningRecord", { person: { listing: null } }>>(
      SCREEN,
      screening(personId, { screenedOn: "2024-04-01", outcome: "DELISTED", category: null, labels: [] }),
    );
    expect(delisted.screeningRecord.userErrors).toEqual([]);
    expect(delisted.screeningRecord.person.listing).toBeNull();
  });

  it("transfers a person to a D-Rad:Ex unit, then releases them; the timeline tells it in order", async () => {
    const { personId, episodeId } = await admit(celex, at, {
      familyName: "Tremaskor",
      admittedOn: "2023-06-01",
      establishment: "LAN",
    });
    await celex.data(SCREEN, screening(personId, { screenedOn: "2023-06-05" }));
    const moved = await celex.data<
      Payload<"placementRecord", { placement: { establishment: { code: string }; unit: { kind: string } } }>
    >(TRANSFER, {
      input: {
        personId,
        establishmentId: at.establishment("ITT"),
        unitId: at.unit("ITT-DRX"),
        validFrom: "2023-09-01",
        reason: "Proactive recruitment",
      },
    });
    expect(moved.placementRecord.userErrors).toEqual([]);
    expect(moved.placementRecord.placement).toMatchObject({
      establishment: { code: "ITT" },
      unit: { kind: "DRADEX" },
    });

    const released = await celex.data<
      Payload<
        "detentionEpisodeRelease",
        {
          episode: { releaseJudicialDistrict: string };
          person: {
            detentionStatus: string;
            currentPlacement: null;
            listing: null;
            nextScreeningDueOn: null;
          };
        }
      >
    >(RELEASE, {
      input: {
        episodeId,
        releasedOn: "2024-02-01",
        releaseType: "END_OF_SENTENCE",
        releaseMunicipality: "Molenbeek-Saint-Jean",
      },
    });
    expect(released.detentionEpisodeRelease.userErrors).toEqual([]);
    expect(released.detentionEpisodeRelease.episode.releaseJudicialDistrict).toBe("BRUSSELS");
    expect(released.detentionEpisodeRelease.person).toEqual({
      detentionStatus: "RELEASED",
      currentPlacement: null,
      listing: null,
      nextScreeningDueOn: null,
    });

    const timeline = await celex.data<{
      person: {
        timeline: { occurredOn: string; kind: string }[];
        placements: { validFrom: string; validTo: string | null }[];
      };
    }>(
      `query($id: ID!) { person(id: $id) { timeline { occurredOn kind } placements { validFrom validTo } } }`,
      { id: personId },
    );
    expect(timeline.person.timeline).toEqual([
      { occurredOn: "2023-06-01", kind: "ADMISSION" },
      { occurredOn: "2023-06-05", kind: "SCREENING" },
      { occurredOn: "2023-06-05", kind: "LISTED" },
      { occurredOn: "2023-09-01", kind: "TRANSFER" },
      { occurredOn: "2024-02-01", kind: "RELEASE" },
    ]);
    expect(timeline.person.placements).toEqual([
      { validFrom: "2023-06-01", validTo: "2023-09-01" },
      { validFrom: "2023-09-01", validTo: "2024-02-01" },
    ]);
  });

  it("re-admits a released person in a new episode, screened again from the new admission", async () => {
    const { personId, episodeId } = await admit(celex, at, {
      familyName: "Oblinvar",
      admittedOn: "2022-01-03",
    });
    await celex.data(RELEASE, {
      input: {
        episodeId,
        releasedOn: "2022-06-01",
        releaseType: "END_OF_SENTENCE",
        releaseMunicipality: "Liège",
      },
    });
    const reopened = await celex.data<
      Payload<
        "detentionEpisodeOpen",
        {
          person: {
            detentionStatus: string;
            nextScreeningDueOn: string;
            detentionEpisodes: { admittedOn: string }[];
          };
        }
      >
    >(
      `mutation($input: DetentionEpisodeOpenInput!) { detentionEpisodeOpen(input: $input) {
         person { detentionStatus nextScreeningDueOn detentionEpisodes { admittedOn } } userErrors { field message code } } }`,
      {
        input: {
          personId,
          admittedOn: "2023-03-15",
          legalStatus: "PREVENTIVE_DETENTION",
          establishmentId: at.establishment("HAS"),
        },
      },
    );
    expect(reopened.detentionEpisodeOpen.userErrors).toEqual([]);
    expect(reopened.detentionEpisodeOpen.person).toEqual({
      detentionStatus: "DETAINED",
      nextScreeningDueOn: "2023-03-15",
      detentionEpisodes: [{ admittedOn: "2022-01-03" }, { admittedOn: "2023-03-15" }],
    });
  });
});

describe("bad input is refused with a specific error and writes nothing", () => {
  async function expectNothingWritten(run: () => Promise<void>) {
    const before = await caseRowCounts(app);
    await run();
    expect(await caseRowCounts(app)).toEqual(before);
  }

  it("an unknown or malformed person ID", async () => {
    await expectNothingWritten(async () => {
      const res = await celex.request<Payload<"screeningRecord", object>>(
        SCREEN,
        screening("UGVyc29uOjAxOTAwMDAwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMA"),
      );
      expect(res.data?.screeningRecord.userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
      const malformed = await celex.request(`query { person(id: "not-an-id") { id } }`);
      expect(malformed.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    });
  });

  it("a release before admission", async () => {
    const { episodeId } = await admit(celex, at, { familyName: "Prevalin", admittedOn: "2024-02-01" });
    await expectNothingWritten(async () => {
      const res = await celex.data<Payload<"detentionEpisodeRelease", object>>(RELEASE, {
        input: {
          episodeId,
          releasedOn: "2024-01-15",
          releaseType: "END_OF_SENTENCE",
          releaseMunicipality: "Gent",
        },
      });
      expect(res.detentionEpisodeRelease.userErrors).toEqual([
        {
          field: "releasedOn",
          message: "must not be before the admission date (2024-02-01)",
          code: "RULE_VIOLATION",
        },
      ]);
    });
  });

  it("a release on or before the day the current listing started", async () => {
    const { personId, episodeId } = await admit(celex, at, {
      familyName: "Earlyleave",
      admittedOn: "2024-02-01",
    });
    await celex.data(SCREEN, screening(personId, { screenedOn: "2024-02-10" }));
    await expectNothingWritten(async () => {
      const res = await celex.data<Payload<"detentionEpisodeRelease", object>>(RELEASE, {
        input: {
          episodeId,
          releasedOn: "2024-02-10",
          releaseType: "END_OF_SENTENCE",
          releaseMunicipality: "Gent",
        },
      });
      expect(res.detentionEpisodeRelease.userErrors).toEqual([
        {
          field: "releasedOn",
          message: "must be after the start of the current CelEx listing (2024-02-10)",
          code: "RULE_VIOLATION",
        },
      ]);
    });
  });

  it("a name with control characters", async () => {
    await expectNothingWritten(async () => {
      const res = await celex.data<Payload<"personRegister", object>>(REGISTER, {
        input: {
          familyName: "Tab\tname",
          givenNames: "Ok",
          dateOfBirth: "1990-01-01",
          sex: "MALE",
          nationalities: ["BE"],
          languageCommunity: "NL",
        },
      });
      expect(res.personRegister.userErrors).toEqual([
        { field: "familyName", message: "must not contain control characters", code: "INVALID" },
      ]);
    });
  });

  it("overlapping placements", async () => {
    const { personId } = await admit(celex, at, { familyName: "Korvendal", admittedOn: "2024-02-01" });
    await celex.data(TRANSFER, {
      input: { personId, establishmentId: at.establishment("GEN"), validFrom: "2024-03-01" },
    });
    await expectNothingWritten(async () => {
      const res = await celex.data<Payload<"placementRecord", object>>(TRANSFER, {
        input: { personId, establishmentId: at.establishment("BRU"), validFrom: "2024-02-15" },
      });
      expect(res.placementRecord.userErrors).toEqual([
        {
          field: "validFrom",
          message: "overlaps the current placement, which started on 2024-03-01: a move must start after it",
          code: "CONFLICT",
        },
      ]);
    });
  });

  it("a screening dated in the future", async () => {
    const { personId } = await admit(celex, at, { familyName: "Futurel", admittedOn: "2024-02-01" });
    await expectNothingWritten(async () => {
      const res = await celex.data<Payload<"screeningRecord", object>>(
        SCREEN,
        screening(personId, { screenedOn: "2999-01-01" }),
      );
      expect(res.screeningRecord.userErrors).toContainEqual({
        field: "screenedOn",
        message: "must not be in the future",
        code: "INVALID",
      });
    });
  });

  it("a category that does not exist", async () => {
    const { personId } = await admit(celex, at, { familyName: "Categor", admittedOn: "2024-02-01" });
    await expectNothingWritten(async () => {
      const res = await celex.request(SCREEN, screening(personId, { category: "Z" }));
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message).toMatch(/LegacyCategory/);
    });
  });

  it("an over-long name, naming the field", async () => {
    await expectNothingWritten(async () => {
      const res = await celex.data<Payload<"personRegister", object>>(REGISTER, {
        input: {
          familyName: "x".repeat(101),
          givenNames: "Ok",
          dateOfBirth: "1990-01-01",
          sex: "MALE",
          nationalities: ["BE"],
          languageCommunity: "NL",
        },
      });
      expect(res.personRegister.userErrors).toEqual([
        { field: "familyName", message: "must be at most 100 characters", code: "INVALID" },
      ]);
    });
  });

  it("a rule problem inside a nested admission is reported on its path, and the person is not created either", async () => {
    await expectNothingWritten(async () => {
      const res = await celex.data<Payload<"personRegister", object>>(REGISTER, {
        input: {
          familyName: "Halfway",
          givenNames: "Ok",
          dateOfBirth: "1990-01-01",
          sex: "FEMALE",
          nationalities: ["BE"],
          languageCommunity: "NL",
          admission: {
            admittedOn: "2024-01-01",
            legalStatus: "SENTENCED",
            sentenceMonths: 12,
            establishmentId: at.establishment("ITT"),
          },
        },
      });
      expect(res.personRegister.userErrors).toEqual([
        {
          field: "admission.establishmentId",
          message: "this establishment does not hold women",
          code: "RULE_VIOLATION",
        },
      ]);
    });
  });

  it("delisting someone not listed, and a listing change dated before the last one", async () => {
    const { personId } = await admit(celex, at, { familyName: "Nolistra", admittedOn: "2024-01-10" });
    await expectNothingWritten(async () => {
      const res = await celex.data<Payload<"screeningRecord", object>>(
        SCREEN,
        screening(personId, { outcome: "DELISTED", category: null, labels: [] }),
      );
      expect(res.screeningRecord.userErrors).toEqual([
        {
          field: "outcome",
          message: "the person is not listed, so cannot be delisted",
          code: "RULE_VIOLATION",
        },
      ]);
    });
    await celex.data(SCREEN, screening(personId, { screenedOn: "2024-02-01" }));
    await expectNothingWritten(async () => {
      const res = await celex.data<Payload<"screeningRecord", object>>(
        SCREEN,
        screening(personId, {
          screenedOn: "2024-01-20",
          outcome: "CHANGED",
          category: "B",
          labels: ["ASSIMILATED"],
        }),
      );
      expect(res.screeningRecord.userErrors).toEqual([
        {
          field: "screenedOn",
          message: "a change of listing must come after the last one (2024-02-01)",
          code: "CONFLICT",
        },
      ]);
    });
  });

  it("a full D-Rad:Ex unit refuses one more placement", async () => {
    const first = await admit(celex, at, {
      familyName: "Filler",
      admittedOn: "2024-01-02",
      establishment: "HAS",
    });
    await celex.data(TRANSFER, {
      input: {
        personId: first.personId,
        establishmentId: at.establishment("HAS"),
        unitId: at.unit("HAS-DRX"),
        validFrom: "2024-01-03",
      },
    });
    // Fill the other 19 places directly through the API.
    for (let i = 0; i < 19; i += 1) {
      const p = await admit(celex, at, {
        familyName: `Filler${i}`,
        admittedOn: "2024-01-02",
        establishment: "HAS",
      });
      await celex.data(TRANSFER, {
        input: {
          personId: p.personId,
          establishmentId: at.establishment("HAS"),
          unitId: at.unit("HAS-DRX"),
          validFrom: "2024-01-03",
        },
      });
    }
    const last = await admit(celex, at, {
      familyName: "OneTooMany",
      admittedOn: "2024-01-02",
      establishment: "HAS",
    });
    await expectNothingWritten(async () => {
      const res = await celex.data<Payload<"placementRecord", object>>(TRANSFER, {
        input: {
          personId: last.personId,
          establishmentId: at.establishment("HAS"),
          unitId: at.unit("HAS-DRX"),
          validFrom: "2024-01-04",
        },
      });
      expect(res.placementRecord.userErrors).toEqual([
        { field: "unitId", message: "the unit is full from 2024-01-04 (20 places)", code: "RULE_VIOLATION" },
      ]);
    });
  });
});
