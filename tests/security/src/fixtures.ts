import type { ActorProfile, HandlingCode, PersonFacts } from "@continuum/domain";
import { caseStageOf } from "@continuum/domain";
import { type SQL, sql } from "drizzle-orm";
import { enterActorSession } from "../../../apps/api/src/access/database-session.js";
import type { Actor } from "../../../apps/api/src/auth/actor.js";
import { queryRows } from "../../../apps/api/src/db/client.js";
import { newId } from "../../../apps/api/src/db/columns.js";
import { refreshSummaries } from "../../../apps/api/src/modules/persons/person-summary.js";
import { admit, EMAIL, places } from "../../../apps/api/test/fixtures.js";
import type { GraphQLClient, TestApp } from "../../../apps/api/test/harness.js";

export { EMAIL };

/** Every demo account, one per agency and role (the service account has no password). */
export const ACCOUNTS = [
  "celex.analyst",
  "celex.statistician",
  "dgepi.director",
  "prison-ittre.director",
  "prison-ittre.officer",
  "prison-hasselt.director",
  "prison-hasselt.officer",
  "psd-ittre.psychologist",
  "psd-hasselt.psychologist",
  "vsse.officer",
  "vsse.analyst",
  "police.officer",
  "prosecutor.officer",
  "cuta.analyst",
  "cuta.statistician",
  "caprev.counsellor",
  "flemish-disengagement.counsellor",
  "probation-brussels.officer",
  "ltf-brussels.member",
  "ltf-brussels.chair",
  "ltf-antwerp.member",
  "lcis-molenbeek.member",
  "lcis-molenbeek.chair",
  "lcis-antwerpen.member",
  "oversight.reviewer",
  "dpo.reviewer",
  "admin",
] as const;

export interface FixturePerson {
  label: string;
  id: string;
  uuid: string;
  episodeId: string;
}

const RELEASE = `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`;
const SCREEN = `mutation($input: ScreeningRecordInput!) { screeningRecord(input: $input) { userErrors { message } } }`;

export function uuidOf(globalId: string): string {
  return Buffer.from(globalId, "base64url").toString("utf8").split(":")[1] as string;
}

/**
 * A small population that covers every stage and place of the matrix: in prison in Ittre and in
 * Hasselt, released into Brussels (Molenbeek) and into Antwerp, enrolled with CAPREV, and closed.
 * Names start with "Secfix" so that list queries can be narrowed to them.
 */
export async function buildPopulation(app: TestApp, celex: GraphQLClient): Promise<FixturePerson[]> {
  const at = await places(celex);
  const made: FixturePerson[] = [];
  const make = async (label: string, establishment: string) => {
    const { personId, episodeId } = await admit(celex, at, {
      familyName: `Secfix${label}`,
      establishment,
      admittedOn: "2024-01-10",
    });
    await celex.data(SCREEN, {
      input: {
        personId,
        screenedOn: "2024-01-12",
        outcome: "LISTED",
        category: "C",
        sources: ["PRISON_STAFF"],
        rationale: "Fictional.",
      },
    });
    const person = { label, id: personId, uuid: uuidOf(personId), episodeId };
    made.push(person);
    return person;
  };
  await make("Ittre", "ITT");
  await make("Hasselt", "HAS");
  const molenbeek = await make("Molenbeek", "ITT");
  const antwerp = await make("Antwerp", "HAS");
  const enrolled = await make("Enrolled", "ITT");
  const closed = await make("Closed", "HAS");
  for (const [person, municipality] of [
    [molenbeek, "Molenbeek-Saint-Jean"],
    [antwerp, "Antwerpen"],
    [closed, "Gent"],
  ] as const)
    await celex.data(RELEASE, {
      input: {
        episodeId: person.episodeId,
        releasedOn: "2024-06-03",
        releaseType: "END_OF_SENTENCE",
        releaseMunicipality: municipality,
      },
    });
  // The enrolment and the closure are written as their tables hold them (the summary derives from them).
  const db = app.database.db;
  await db.execute(sql`insert into programme_enrolments (id, person_id, provider_agency_id, enrolled_on)
    select ${newId()}, ${enrolled.uuid}::uuid, id, '2024-02-01' from agencies where code = 'caprev'`);
  await db.execute(sql`insert into case_closures (id, person_id, closed_on, reason, agency_id)
    select ${newId()}, ${closed.uuid}::uuid, '2025-01-01', 'FOLLOW_UP_ENDED', id from agencies where code = 'cuta'`);
  await refreshSummaries(db, [enrolled.uuid, closed.uuid]);
  return made;
}

/** The actor profile of a demo account and the case facts of the fixtures, read as the database owner. */
export async function actorProfile(app: TestApp, local: string): Promise<ActorProfile> {
  const [row] = await queryRows<{
    agency_id: string;
    kind: ActorProfile["agencyKind"];
    roles: ActorProfile["roles"];
    establishment_id: string | null;
    judicial_district: ActorProfile["judicialDistrict"];
    municipality: string | null;
  }>(
    app.database.db,
    sql`select a.id as agency_id, a.kind, u.roles, a.establishment_id, a.judicial_district, a.municipality
        from users u join agencies a on a.id = u.agency_id where u.email = ${EMAIL(local)}`,
  );
  if (row === undefined) throw new Error(`no account ${local}`);
  return {
    agencyId: row.agency_id,
    agencyKind: row.kind,
    roles: row.roles,
    establishmentId: row.establishment_id,
    judicialDistrict: row.judicial_district,
    municipality: row.municipality,
  };
}

export async function personFacts(app: TestApp, uuid: string): Promise<PersonFacts> {
  const [row] = await queryRows<{
    detention_status: "DETAINED" | "RELEASED" | "NOT_DETAINED";
    closed_on: string | null;
    establishment_id: string | null;
    release_judicial_district: PersonFacts["releaseJudicialDistrict"];
    release_municipality: string | null;
    enrolled_with: string[];
  }>(app.database.db, sql`select * from person_case_summaries where person_id = ${uuid}::uuid`);
  if (row === undefined) throw new Error(`no summary for ${uuid}`);
  return {
    stage: caseStageOf({ detentionStatus: row.detention_status, closedOn: row.closed_on }),
    establishmentId: row.establishment_id,
    releaseJudicialDistrict: row.release_judicial_district,
    releaseMunicipality: row.release_municipality,
    enrolledWith: row.enrolled_with,
  };
}

/** A report filed on a fixture person, as the matrix test needs it to predict who reads it. */
export interface FixtureReport {
  person: string;
  title: string;
  id: string;
  /** The filing account. */
  by: string;
  handlingCode: HandlingCode;
  /** The account whose agency a NO_FURTHER_DISSEMINATION report is addressed to. */
  addressedTo: string | null;
  dataClass: "OBSERVATIONS" | "INTELLIGENCE";
}

const FILE = `mutation($input: ReportFileInput!) { reportFile(input: $input) { report { id } userErrors { message } } }`;

/** The reports every fixture person gets: each handling code, from CelEx, intelligence and the police. */
const REPORT_KINDS = [
  {
    kind: "obs-shared",
    by: "celex.analyst",
    classification: "UNCLASSIFIED",
    handlingCode: "SHARE_LAW_ENFORCEMENT",
  },
  {
    kind: "obs-originator",
    by: "celex.analyst",
    classification: "UNCLASSIFIED",
    handlingCode: "ORIGINATOR_ONLY",
  },
  {
    kind: "intel-conditions",
    by: "vsse.officer",
    classification: "SECRET",
    handlingCode: "SHARE_WITH_CONDITIONS",
  },
  { kind: "intel-originator", by: "vsse.officer", classification: "SECRET", handlingCode: "ORIGINATOR_ONLY" },
  {
    kind: "intel-for-ltf",
    by: "vsse.officer",
    classification: "SECRET",
    handlingCode: "NO_FURTHER_DISSEMINATION",
    addressedTo: "ltf-brussels.member",
  },
  {
    kind: "police-for-celex",
    by: "police.officer",
    classification: "UNCLASSIFIED",
    handlingCode: "NO_FURTHER_DISSEMINATION",
    addressedTo: "celex.analyst",
  },
] as const;

async function agencyGlobalId(client: GraphQLClient): Promise<string> {
  const data = await client.data<{ viewer: { user: { agency: { id: string } } } }>(
    "{ viewer { user { agency { id } } } }",
  );
  return data.viewer.user.agency.id;
}

/** Files one report of each kind on every fixture person (each filer knows of every case: a hit or more). */
export async function fileFixtureReports(
  app: TestApp,
  population: FixturePerson[],
): Promise<FixtureReport[]> {
  const clients = new Map<string, GraphQLClient>();
  const client = async (account: string) => {
    let c = clients.get(account);
    if (c === undefined) {
      c = await app.login(EMAIL(account));
      clients.set(account, c);
    }
    return c;
  };
  const reports: FixtureReport[] = [];
  for (const person of population)
    for (const r of REPORT_KINDS) {
      const addressedTo = "addressedTo" in r ? r.addressedTo : null;
      const title = `${person.label}:${r.kind}`;
      const res = await (await client(r.by)).data<{
        reportFile: { report: { id: string } | null; userErrors: unknown[] };
      }>(FILE, {
        input: {
          personId: person.id,
          observedOn: "2024-06-10",
          title,
          body: "Fictional security fixture.",
          sourceReliability: "C",
          informationCredibility: 3,
          classification: r.classification,
          handlingCode: r.handlingCode,
          addressedToAgencyId: addressedTo === null ? null : await agencyGlobalId(await client(addressedTo)),
          sourceDetails: "Fixture source",
          handlingConditions: r.handlingCode === "SHARE_WITH_CONDITIONS" ? "Fixture conditions." : null,
        },
      });
      if (res.reportFile.report === null)
        throw new Error(`${title}: ${JSON.stringify(res.reportFile.userErrors)}`);
      reports.push({
        person: person.label,
        title,
        id: res.reportFile.report.id,
        by: r.by,
        handlingCode: r.handlingCode,
        addressedTo,
        // The intelligence service's reports here are all classified: the classification decides.
        dataClass: r.classification === "UNCLASSIFIED" ? "OBSERVATIONS" : "INTELLIGENCE",
      });
    }
  return reports;
}

/** Every required indicator of VERA-2R, rated ABSENT. */
export async function veraRatings(
  client: GraphQLClient,
): Promise<{ instrumentId: string; ratings: unknown[] }> {
  const data = await client.data<{
    assessmentInstruments: {
      id: string;
      code: string;
      domains: { indicators: { code: string; required: boolean }[] }[];
    }[];
  }>("{ assessmentInstruments { id code domains { indicators { code required } } } }");
  const vera = data.assessmentInstruments.find((i) => i.code === "VERA-2R");
  if (vera === undefined) throw new Error("no VERA-2R");
  return {
    instrumentId: vera.id,
    ratings: vera.domains.flatMap((d) =>
      d.indicators.filter((i) => i.required).map((i) => ({ indicatorCode: i.code, rating: "ABSENT" })),
    ),
  };
}

/** A VERA-2R assessment by the psychosocial service of the person's prison; returns its global ID. */
export async function recordFixtureAssessment(
  psychologist: GraphQLClient,
  personId: string,
): Promise<string> {
  const { instrumentId, ratings } = await veraRatings(psychologist);
  const res = await psychologist.data<{
    riskAssessmentRecord: { riskAssessment: { id: string } | null; userErrors: unknown[] };
  }>(
    `mutation($input: RiskAssessmentRecordInput!) { riskAssessmentRecord(input: $input) {
       riskAssessment { id } userErrors { field message } } }`,
    {
      input: {
        personId,
        instrumentId,
        assessedOn: "2024-06-01",
        finalJudgement: "HIGH",
        narrative: "Fictional fixture narrative.",
        nextReviewOn: "2024-12-01",
        ratings,
        domainSummaries: [{ domainCode: "BAI", summary: "Fictional fixture summary." }],
      },
    },
  );
  if (res.riskAssessmentRecord.riskAssessment === null)
    throw new Error(`assessment refused: ${JSON.stringify(res.riskAssessmentRecord.userErrors)}`);
  return res.riskAssessmentRecord.riskAssessment.id;
}

/** The request actor of a demo account, as the API builds it, for querying the tables directly. */
export async function databaseActor(app: TestApp, local: string): Promise<Actor> {
  return {
    ...(await actorProfile(app, local)),
    kind: "USER",
    userId: "00000000-0000-7000-8000-000000000000",
    email: EMAIL(local),
    displayName: local,
    language: "EN",
    agencyCode: local.split(".")[0] as string,
    sessionId: null,
    tokenId: null,
    scopes: ["READ"],
    trustedOperationsOnly: false,
    purpose: { code: "CASE_MANAGEMENT", note: null },
    breakGlassPersonIds: [],
    mfaSatisfied: true,
    secondFactorMissing: false,
  };
}

/** Runs raw SQL as the API would for this actor, without any of the API's own filters; rolls back. */
export async function asActor<T>(app: TestApp, who: Actor, query: SQL): Promise<T[]> {
  let rows: T[] = [];
  await app.database.db
    .transaction(async (tx) => {
      await enterActorSession(tx, who);
      rows = await queryRows<T>(tx, query);
      tx.rollback();
    })
    .catch(() => undefined);
  return rows;
}
