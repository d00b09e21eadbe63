import { addMonthsToDate, releaseDatesOf } from "@continuum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDays,
  audited,
  expectNothingWritten,
  screen,
  UNKNOWN,
  type UserErrorShape,
  uuidOf,
} from "./case-work.js";
import { type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "./harness.js";
import { admitSentenced, agencyIds, loginAll, propose, RELEASE_TABLES, register } from "./release-helpers.js";

// The release pipeline: release dates from the rule at admission, overrides with their reason,
// release plans, and the release calendar with each person's preparation state.

const ACCOUNTS = [
  "celex.analyst",
  "dgepi.director",
  "prison-ittre.director",
  "prison-ittre.officer",
  "psd-ittre.psychologist",
  "psd-hasselt.psychologist",
  "ltf-brussels.member",
] as const;
let app: TestApp;
let at: Places;
let as: Record<(typeof ACCOUNTS)[number], GraphQLClient>;
let agency: (code: string) => string;
const celex = () => as["celex.analyst"];

beforeAll(async () => {
  app = await startTestApp();
  as = await loginAll(app, ACCOUNTS);
  at = await places(celex());
  agency = await agencyIds(celex());
});
afterAll(() => app.close());

const ADMITTED = addDays(TODAY, -100);
const EPISODE = `query($id: ID!) { person(id: $id) { currentEpisode {
  id recidivism conditionalReleaseEligibleOn endOfSentenceOn
  releaseDateOverrides { kind date reason agency { code } }
  releasePlan { intendedMunicipality intendedJudicialDistrict localTaskForceInformedOn note version } } } }`;

interface Episode {
  id: string;
  recidivism: string;
  conditionalReleaseEligibleOn: string | null;
  endOfSentenceOn: string | null;
  releaseDateOverrides: { kind: string; date: string; reason: string; agency: { code: string } }[];
  releasePlan: {
    intendedMunicipality: string | null;
    intendedJudicialDistrict: string | null;
    localTaskForceInformedOn: string | null;
    note: string | null;
    version: number;
  } | null;
}

async function episodeOf(personId: string, who: GraphQLClient = celex()): Promise<Episode> {
  return (await who.data<{ person: { currentEpisode: Episode } }>(EPISODE, { id: personId })).person
    .currentEpisode;
}

describe("release dates at admission", () => {
  it("follow the rule: one third, or two thirds in legal recidivism", async () => {
    const first = await admitSentenced(celex(), at, { familyName: "Ruleone", admittedOn: ADMITTED });
    expect(await episodeOf(first.personId)).toMatchObject({
      recidivism: "NONE",
      ...releaseDatesOf({ admittedOn: ADMITTED, sentenceMonths: 60, recidivism: "NONE" }),
    });
    const again = await admitSentenced(celex(), at, {
      familyName: "Ruletwo",
      admittedOn: ADMITTED,
      recidivism: "LEGAL_RECIDIVIST",
    });
    expect(await episodeOf(again.personId)).toMatchObject({
      recidivism: "LEGAL_RECIDIVIST",
      ...releaseDatesOf({ admittedOn: ADMITTED, sentenceMonths: 60, recidivism: "LEGAL_RECIDIVIST" }),
    });
    const preventive = await admitSentenced(celex(), at, {
      familyName: "Rulethree",
      admittedOn: ADMITTED,
      legalStatus: "PREVENTIVE_DETENTION",
    });
    expect(await episodeOf(preventive.personId)).toMatchObject({
      conditionalReleaseEligibleOn: null,
      endOfSentenceOn: null,
    });
  });

  it("accept the deprecated dates only when they repeat the rule; otherwise nothing is written", async () => {
    const rule = releaseDatesOf({ admittedOn: ADMITTED, sentenceMonths: 60, recidivism: "NONE" });
    const same = await register(celex(), at, { familyName: "Rulefour", admittedOn: ADMITTED, extra: rule });
    expect(same.userErrors).toEqual([]);
    await expectNothingWritten(app, ["persons", ...RELEASE_TABLES], async () => {
      const res = await register(celex(), at, {
        familyName: "Rulefive",
        admittedOn: ADMITTED,
        extra: { endOfSentenceOn: addDays(rule.endOfSentenceOn, 1) },
      });
      expect(res.userErrors).toEqual([
        {
          field: "admission.endOfSentenceOn",
          message: `differs from the rule (${rule.endOfSentenceOn}): admit without it, then record an override with its reason`,
          code: "RULE_VIOLATION",
        },
      ]);
    });
  });
});

const OVERRIDE = `mutation($input: ReleaseDateOverrideInput!) { releaseDateOverride(input: $input) {
  episode { endOfSentenceOn conditionalReleaseEligibleOn } userErrors { field message code } } }`;

async function override(who: GraphQLClient, input: Record<string, unknown>) {
  return who.request<{
    releaseDateOverride: {
      episode: { endOfSentenceOn: string; conditionalReleaseEligibleOn: string } | null;
      userErrors: UserErrorShape[];
    } | null;
  }>(OVERRIDE, { input });
}

describe("overriding a release date", () => {
  it("sets the episode's date, keeps the history with its reason, and is audited", async () => {
    const { personId, episodeId } = await admitSentenced(celex(), at, {
      familyName: "Overone",
      admittedOn: ADMITTED,
    });
    const rows = await audited(app, async () => {
      const res = await override(celex(), {
        episodeId,
        kind: "END_OF_SENTENCE",
        date: addDays(ADMITTED, 1000),
        reason: "Fictional: the court counted the sentence from another date.",
      });
      expect(res.data?.releaseDateOverride?.userErrors).toEqual([]);
      expect(res.data?.releaseDateOverride?.episode?.endOfSentenceOn).toBe(addDays(ADMITTED, 1000));
    });
    expect(rows.filter((r) => r.operation === "UPDATE").map((r) => [r.person_id, r.data_classes])).toEqual([
      [uuidOf(personId), ["RELEASE"]],
    ]);
    const later = await override(as["psd-ittre.psychologist"], {
      episodeId,
      kind: "CONDITIONAL_RELEASE_ELIGIBILITY",
      date: addDays(ADMITTED, 400),
      reason: "Fictional: a ruling of the sentence implementation court.",
    });
    expect(later.data?.releaseDateOverride?.userErrors).toEqual([]);
    const episode = await episodeOf(personId);
    expect(episode.endOfSentenceOn).toBe(addDays(ADMITTED, 1000));
    expect(episode.conditionalReleaseEligibleOn).toBe(addDays(ADMITTED, 400));
    expect(episode.releaseDateOverrides.map((o) => [o.kind, o.agency.code])).toEqual([
      ["CONDITIONAL_RELEASE_ELIGIBILITY", "psd-ittre"],
      ["END_OF_SENTENCE", "celex"],
    ]);
  });

  it("refuses dates out of order, a missing reason and a person without a sentence; nothing is written", async () => {
    const { episodeId } = await admitSentenced(celex(), at, { familyName: "Overtwo", admittedOn: ADMITTED });
    const rule = releaseDatesOf({ admittedOn: ADMITTED, sentenceMonths: 60, recidivism: "NONE" });
    const preventive = await admitSentenced(celex(), at, {
      familyName: "Overthree",
      admittedOn: ADMITTED,
      legalStatus: "PREVENTIVE_DETENTION",
    });
    const reason = "Fictional reason.";
    const cases: [Record<string, unknown>, UserErrorShape][] = [
      [
        { episodeId, kind: "END_OF_SENTENCE", date: addDays(ADMITTED, -1), reason },
        {
          field: "date",
          message: `must not be before the admission date (${ADMITTED})`,
          code: "RULE_VIOLATION",
        },
      ],
      [
        {
          episodeId,
          kind: "CONDITIONAL_RELEASE_ELIGIBILITY",
          date: addDays(rule.endOfSentenceOn, 1),
          reason,
        },
        {
          field: "date",
          message: `must not be after the end of the sentence (${rule.endOfSentenceOn})`,
          code: "RULE_VIOLATION",
        },
      ],
      [
        { episodeId, kind: "END_OF_SENTENCE", date: TODAY, reason: "  " },
        {
          field: "reason",
          message: "give the reason for the override (for example the court's ruling)",
          code: "INVALID",
        },
      ],
      [
        { episodeId: preventive.episodeId, kind: "END_OF_SENTENCE", date: TODAY, reason },
        {
          field: "episodeId",
          message: "the person is not sentenced: there are no release dates",
          code: "RULE_VIOLATION",
        },
      ],
    ];
    await expectNothingWritten(app, RELEASE_TABLES, async () => {
      for (const [input, error] of cases)
        expect((await override(celex(), input)).data?.releaseDateOverride?.userErrors).toEqual([error]);
    });
  });

  it("answers NOT_FOUND outside the actor's sight and FORBIDDEN to roles that do not prepare releases", async () => {
    const { episodeId } = await admitSentenced(celex(), at, { familyName: "Overfour", admittedOn: ADMITTED });
    const input = { episodeId, kind: "END_OF_SENTENCE", date: TODAY, reason: "Fictional." };
    await expectNothingWritten(app, RELEASE_TABLES, async () => {
      for (const who of [as["psd-hasselt.psychologist"], celex()]) {
        const res = await override(
          who,
          who === celex() ? { ...input, episodeId: UNKNOWN("DetentionEpisode") } : input,
        );
        expect(res.data?.releaseDateOverride?.userErrors).toEqual([
          { field: "episodeId", message: "no detention episode with this ID", code: "NOT_FOUND" },
        ]);
      }
      for (const who of [
        as["prison-ittre.officer"],
        as["prison-ittre.director"],
        as["ltf-brussels.member"],
      ]) {
        const res = await override(who, input);
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      }
    });
  });
});

const PLAN = `mutation($input: ReleasePlanRecordInput!) { releasePlanRecord(input: $input) {
  episode { releasePlan { intendedMunicipality intendedJudicialDistrict localTaskForceInformedOn note version } }
  userErrors { field message code } } }`;

async function plan(who: GraphQLClient, input: Record<string, unknown>) {
  return (
    await who.data<{
      releasePlanRecord: {
        episode: { releasePlan: Episode["releasePlan"] } | null;
        userErrors: UserErrorShape[];
      };
    }>(PLAN, { input })
  ).releasePlanRecord;
}

describe("the release plan", () => {
  it("is recorded, then changed at the version read; a stale version is a conflict", async () => {
    const { episodeId } = await admitSentenced(celex(), at, { familyName: "Planone", admittedOn: ADMITTED });
    const first = await plan(celex(), {
      episodeId,
      intendedMunicipality: "Molenbeek-Saint-Jean",
      note: "Fictional.",
    });
    expect(first).toEqual({
      episode: {
        releasePlan: {
          intendedMunicipality: "Molenbeek-Saint-Jean",
          intendedJudicialDistrict: "BRUSSELS",
          localTaskForceInformedOn: null,
          note: "Fictional.",
          version: 1,
        },
      },
      userErrors: [],
    });
    const second = await plan(celex(), {
      episodeId,
      intendedMunicipality: "Antwerpen",
      localTaskForceInformedOn: TODAY,
      version: 1,
    });
    expect(second.episode?.releasePlan).toMatchObject({ intendedJudicialDistrict: "ANTWERP", version: 2 });
    await expectNothingWritten(app, RELEASE_TABLES, async () => {
      expect((await plan(celex(), { episodeId, note: "Stale.", version: 1 })).userErrors).toEqual([
        { field: "version", message: "the plan changed meanwhile; reload and try again", code: "CONFLICT" },
      ]);
      expect((await plan(celex(), { episodeId, note: "Without a version." })).userErrors).toEqual([
        { field: "version", message: "give the version of the plan you are changing", code: "INVALID" },
      ]);
      expect(
        (await plan(celex(), { episodeId, intendedMunicipality: "Atlantis", version: 2 })).userErrors,
      ).toEqual([
        {
          field: "intendedMunicipality",
          message: "is not a municipality Continuum knows",
          code: "NOT_FOUND",
        },
      ]);
      expect(
        (await plan(celex(), { episodeId, localTaskForceInformedOn: addDays(TODAY, 1), version: 2 }))
          .userErrors,
      ).toEqual([
        { field: "localTaskForceInformedOn", message: "must not be in the future", code: "INVALID" },
      ]);
    });
  });
});

describe("the release calendar", () => {
  // Long sentences put these persons' dates years ahead, in a window no other test reaches.
  const BASE = addDays(TODAY, -10);
  const FROM = addMonthsToDate(BASE, 120);
  const persons: Record<string, string> = {};
  const CALENDAR = `query($from: Date, $months: Int!, $first: Int!, $after: String, $establishmentId: ID,
      $judicialDistrict: JudicialDistrict, $category: LegacyCategory) {
    releaseCalendar(from: $from, months: $months, first: $first, after: $after, establishmentId: $establishmentId,
      judicialDistrict: $judicialDistrict, category: $category) {
      totalCount countsByKind { kind count }
      pageInfo { hasNextPage endCursor }
      edges { node { kind date person { familyName } episode { id } establishment { code } intendedMunicipality
        intendedJudicialDistrict category conditionsProposed localTaskForceInformedOn } } } }`;
  interface Calendar {
    totalCount: number;
    countsByKind: { kind: string; count: number }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: Record<string, unknown> & { person: { familyName: string }; kind: string; date: string };
    }[];
  }
  const calendar = async (who: GraphQLClient, vars: Record<string, unknown>) =>
    (await who.data<{ releaseCalendar: Calendar }>(CALENDAR, { from: FROM, first: 50, ...vars }))
      .releaseCalendar;
  const names = (c: Calendar) => c.edges.map((e) => `${e.node.person.familyName} ${e.node.kind}`);

  beforeAll(async () => {
    const add = async (familyName: string, sentenceMonths: number, extra: Record<string, unknown> = {}) => {
      persons[familyName] = (
        await admitSentenced(celex(), at, { familyName, admittedOn: BASE, sentenceMonths, ...extra })
      ).personId;
    };
    await add("Calone", 360);
    await add("Calthree", 180, { recidivism: "LEGAL_RECIDIVIST" });
    await add("Caltwo", 363, { establishment: "HAS" });
    await add("Calfour", 121);
    await add("Calfive", 375);
    const episode = await episodeOf(persons.Calone as string);
    await plan(celex(), {
      episodeId: episode.id,
      intendedMunicipality: "Molenbeek-Saint-Jean",
      localTaskForceInformedOn: TODAY,
    });
    const proposed = await propose(celex(), {
      personId: persons.Calone,
      conditionType: "TRAVEL_BAN",
      supervisingAgencyId: agency("probation-brussels"),
    });
    expect(proposed.userErrors).toEqual([]);
    await screen(celex(), persons.Calthree as string, { screenedOn: TODAY, category: "B" });
  });

  it("lists each date reached in the window, by date, with the preparation state", async () => {
    const c = await calendar(celex(), { months: 3 });
    expect(names(c)).toEqual([
      "Calone CONDITIONAL_RELEASE_ELIGIBILITY",
      "Calthree CONDITIONAL_RELEASE_ELIGIBILITY",
      "Caltwo CONDITIONAL_RELEASE_ELIGIBILITY",
      "Calfour END_OF_SENTENCE",
    ]);
    expect(c.edges[0]?.node).toMatchObject({
      date: FROM,
      establishment: { code: "ITT" },
      intendedMunicipality: "Molenbeek-Saint-Jean",
      intendedJudicialDistrict: "BRUSSELS",
      conditionsProposed: 1,
      localTaskForceInformedOn: TODAY,
      category: null,
    });
    expect(c.edges[1]?.node).toMatchObject({
      category: "B",
      conditionsProposed: 0,
      intendedMunicipality: null,
    });
    expect(c.totalCount).toBe(4);
    expect(c.countsByKind).toEqual([
      { kind: "CONDITIONAL_RELEASE_ELIGIBILITY", count: 3 },
      { kind: "END_OF_SENTENCE", count: 1 },
    ]);
    expect(names(await calendar(celex(), { months: 6 }))).toContain(
      "Calfive CONDITIONAL_RELEASE_ELIGIBILITY",
    );
    const res = await celex().request(CALENDAR, { from: FROM, months: 4, first: 10 });
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field ?? e.message])).toHaveLength(1);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // A date beyond any plausible year is refused as input, not left to fail in the database.
    const far = await celex().request(CALENDAR, { from: "9999-12-01", months: 12, first: 10 });
    expect(far.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(far.errors?.[0]?.message).toContain("between the years 1900 and 2999");
  });

  it("pages by keyset and filters by establishment, intended district and category", async () => {
    const first = await calendar(celex(), { months: 3, first: 2 });
    expect(names(first)).toEqual([
      "Calone CONDITIONAL_RELEASE_ELIGIBILITY",
      "Calthree CONDITIONAL_RELEASE_ELIGIBILITY",
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await calendar(celex(), { months: 3, first: 2, after: first.pageInfo.endCursor });
    expect(names(next)).toEqual(["Caltwo CONDITIONAL_RELEASE_ELIGIBILITY", "Calfour END_OF_SENTENCE"]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    // A forged cursor (a kind of date that does not exist) is the client's error, not the database's.
    const forged = Buffer.from(
      JSON.stringify(["2026-12-01", "PAROLE", "0190f0e0-0000-7000-8000-000000000000"]),
    ).toString("base64url");
    const refused = await celex().request(CALENDAR, { months: 3, first: 2, after: forged });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect(names(await calendar(celex(), { months: 3, establishmentId: at.establishment("HAS") }))).toEqual([
      "Caltwo CONDITIONAL_RELEASE_ELIGIBILITY",
    ]);
    expect(names(await calendar(celex(), { months: 3, judicialDistrict: "BRUSSELS" }))).toEqual([
      "Calone CONDITIONAL_RELEASE_ELIGIBILITY",
    ]);
    const byCategory = await calendar(celex(), { months: 3, category: "B" });
    expect([names(byCategory), byCategory.totalCount]).toEqual([
      ["Calthree CONDITIONAL_RELEASE_ELIGIBILITY"],
      1,
    ]);
  });

  it("shows each actor only the persons whose detention and release data they read", async () => {
    const seen = async (who: GraphQLClient) =>
      names(await calendar(who, { months: 3 })).map((n) => n.split(" ")[0]);
    expect(await seen(as["dgepi.director"])).toEqual(["Calone", "Calthree", "Caltwo", "Calfour"]);
    expect(await seen(as["prison-ittre.director"])).toEqual(["Calone", "Calthree", "Calfour"]);
    expect(await seen(as["psd-hasselt.psychologist"])).toEqual(["Caltwo"]);
    expect(await seen(as["prison-ittre.officer"])).toEqual([]);
    expect(await seen(as["ltf-brussels.member"])).toEqual([]);
    expect((await calendar(as["prison-ittre.officer"], { months: 3 })).totalCount).toBe(0);
  });

  it("audits a read of each person listed", async () => {
    const rows = await audited(app, () => calendar(as["psd-hasselt.psychologist"], { months: 3 }));
    const reads = rows.filter((r) => r.operation === "READ");
    expect(reads.map((r) => r.person_id)).toEqual([uuidOf(persons.Caltwo as string)]);
    expect(reads[0]?.data_classes).toEqual(expect.arrayContaining(["DETENTION", "RELEASE"]));
  });
});
