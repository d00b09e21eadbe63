import { expect } from "vitest";
import type { UserErrorShape } from "./case-work.js";
import { EMAIL, type Places, REGISTER } from "./fixtures.js";
import type { GraphQLClient, TestApp } from "./harness.js";

// Helpers shared by the release suites (pipeline, conditions, hand-over).

export const RELEASE_TABLES = [
  "release_date_overrides",
  "release_plans",
  "release_conditions",
  "condition_breaches",
  "residences",
  "case_responsibilities",
  "detention_episodes",
];

export async function loginAll<A extends string>(app: TestApp, accounts: readonly A[]) {
  const clients = {} as Record<A, GraphQLClient>;
  for (const account of accounts) clients[account] = await app.login(EMAIL(account));
  return clients;
}

/** Agency global IDs by code. */
export async function agencyIds(client: GraphQLClient): Promise<(code: string) => string> {
  const { agencies } = await client.data<{ agencies: { id: string; code: string }[] }>(
    "{ agencies { id code } }",
  );
  return (code) => {
    const found = agencies.find((a) => a.code === code);
    if (found === undefined) throw new Error(`no agency ${code}`);
    return found.id;
  };
}

export interface Admission {
  familyName: string;
  admittedOn: string;
  sentenceMonths?: number;
  recidivism?: string;
  legalStatus?: string;
  establishment?: string;
  extra?: Record<string, unknown>;
}

interface RegisterPayload {
  personRegister: {
    person: { id: string; currentEpisode: { id: string } } | null;
    userErrors: UserErrorShape[];
  };
}

export function registerInput(at: Places, a: Admission) {
  const sentenced = (a.legalStatus ?? "SENTENCED") === "SENTENCED";
  return {
    familyName: a.familyName,
    givenNames: "Testo",
    dateOfBirth: "1990-05-17",
    sex: "MALE",
    nationalities: ["BE"],
    languageCommunity: "FR",
    admission: {
      admittedOn: a.admittedOn,
      legalStatus: a.legalStatus ?? "SENTENCED",
      sentenceMonths: sentenced ? (a.sentenceMonths ?? 60) : null,
      ...(a.recidivism === undefined ? {} : { recidivism: a.recidivism }),
      establishmentId: at.establishment(a.establishment ?? "ITT"),
      ...a.extra,
    },
  };
}

export async function register(celex: GraphQLClient, at: Places, a: Admission) {
  return (await celex.data<RegisterPayload>(REGISTER, { input: registerInput(at, a) })).personRegister;
}

/** Registers and admits a sentenced person; fails the test if refused. */
export async function admitSentenced(
  celex: GraphQLClient,
  at: Places,
  a: Admission,
): Promise<{ personId: string; episodeId: string }> {
  const res = await register(celex, at, a);
  expect(res.userErrors).toEqual([]);
  const person = res.person as { id: string; currentEpisode: { id: string } };
  return { personId: person.id, episodeId: person.currentEpisode.id };
}

export const RELEASE = `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) {
  episode { id releasedOn } userErrors { field message code } } }`;

export async function release(
  client: GraphQLClient,
  input: Record<string, unknown>,
): Promise<UserErrorShape[]> {
  const res = await client.data<{ detentionEpisodeRelease: { userErrors: UserErrorShape[] } }>(RELEASE, {
    input,
  });
  return res.detentionEpisodeRelease.userErrors;
}

export const PROPOSE = `mutation($input: ReleaseConditionProposeInput!) { releaseConditionPropose(input: $input) {
  condition { id status version proposedOn imposedOn type { code } supervisingAgency { code } }
  userErrors { field message code } } }`;

export interface ConditionShape {
  id: string;
  status: string;
  version: number;
  proposedOn: string | null;
  imposedOn: string | null;
  type: { code: string };
  supervisingAgency: { code: string } | null;
}

export async function propose(
  client: GraphQLClient,
  input: Record<string, unknown>,
): Promise<{ condition: ConditionShape | null; userErrors: UserErrorShape[] }> {
  return (
    await client.data<{
      releaseConditionPropose: { condition: ConditionShape | null; userErrors: UserErrorShape[] };
    }>(PROPOSE, { input })
  ).releaseConditionPropose;
}
