import type { ActorProfile, PersonFacts } from "@continuum/domain";
import { caseStageOf } from "@continuum/domain";
import { sql } from "drizzle-orm";
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
        releaseType: "CONDITIONAL_RELEASE",
        releaseMunicipality: municipality,
      },
    });
  // Programmes and case closure come with later capabilities: written here as their tables hold them.
  const db = app.database.db;
  await db.execute(sql`insert into programme_enrolments (id, person_id, provider_agency_id, enrolled_on)
    select ${newId()}, ${enrolled.uuid}::uuid, id, '2024-02-01' from agencies where code = 'caprev'`);
  await refreshSummaries(db, [enrolled.uuid]);
  await db.execute(
    sql`update person_case_summaries set closed_on = '2025-01-01' where person_id = ${closed.uuid}::uuid`,
  );
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
