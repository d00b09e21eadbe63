import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/client.js";
import { refreshSummaries } from "../src/modules/persons/person-summary.js";
import { addDays, fileReport, screen, uuidOf } from "./case-work.js";
import { admit, type Places } from "./fixtures.js";
import type { GraphQLClient, TestApp } from "./harness.js";

// Helpers shared by the retention and export suites: a case with records of every data class, and
// its closure. The identity, detention, listing and reports go through the API; the records of
// other modules are written through the owner connection, as those modules would write them.

export const RELEASE = `mutation($input: DetentionEpisodeReleaseInput!) {
  detentionEpisodeRelease(input: $input) { userErrors { field message } } }`;

export interface FullCase {
  personId: string;
  uuid: string;
}

/** Registers, screens, reports on and releases a person, and adds one record of every other class. */
export async function caseWithEveryClass(
  app: TestApp,
  celex: GraphQLClient,
  at: Places,
  familyName: string,
): Promise<FullCase> {
  const { personId, episodeId } = await admit(celex, at, { familyName, admittedOn: "2008-01-10" });
  await screen(celex, personId, { screenedOn: "2008-01-12" });
  await fileReport(celex, personId, { observedOn: "2008-02-01", body: `Fictional: ${familyName} was seen.` });
  const released = await celex.data<{ detentionEpisodeRelease: { userErrors: unknown[] } }>(RELEASE, {
    input: {
      episodeId,
      releasedOn: "2010-01-10",
      releaseType: "END_OF_SENTENCE",
      releaseMunicipality: "Molenbeek-Saint-Jean",
    },
  });
  if (released.detentionEpisodeRelease.userErrors.length > 0)
    throw new Error(`release refused: ${JSON.stringify(released.detentionEpisodeRelease.userErrors)}`);
  const uuid = uuidOf(personId);
  const agency = (code: string) => sql`(select id from agencies where code = ${code})`;
  const statements = [
    sql`insert into watchlist_entries (id, person_id, status, valid_from, agency_id)
        values (gen_random_uuid(), ${uuid}, 'RADICALISED', '2008-03-01', ${agency("vsse")})`,
    sql`insert into risk_assessments (id, person_id, instrument_id, agency_id, assessed_on, final_judgement, next_review_on)
        select ${uuid}::uuid, ${uuid}, (select id from assessment_instruments order by code limit 1),
               ${agency("psd-ittre")}, '2008-04-01', 'MODERATE', '2009-04-01'`,
    sql`insert into risk_assessment_details (assessment_id, person_id, narrative)
        values (${uuid}, ${uuid}, ${`Fictional narrative about ${familyName}.`})`,
    sql`insert into programme_enrolments (id, person_id, provider_agency_id, enrolled_on, ended_on, status)
        values (${uuid}, ${uuid}, ${agency("caprev")}, '2008-05-01', '2009-05-01', 'COMPLETED')`,
    sql`insert into programme_status_changes (id, enrolment_id, person_id, status, "on", note, agency_id)
        values (gen_random_uuid(), ${uuid}, ${uuid}, 'COMPLETED', '2009-05-01',
                ${`Fictional: ${familyName} completed.`}, ${agency("caprev")})`,
    sql`insert into recommendations (id, person_id, kind, establishment_id, rationale, recommended_on, agency_id)
        values (gen_random_uuid(), ${uuid}, 'TRANSFER', (select id from establishments where code = 'HAS'),
                ${`Fictional: ${familyName} may move.`}, '2008-06-01', ${agency("celex")})`,
    sql`insert into residences (id, person_id, municipality, judicial_district, valid_from, reason)
        values (gen_random_uuid(), ${uuid}, 'Molenbeek-Saint-Jean', 'BRUSSELS', '2010-01-10', 'Fictional: release.')`,
    sql`insert into case_outcomes (id, person_id, kind, occurred_on, note, agency_id)
        values (gen_random_uuid(), ${uuid}, 'MOVED_ABROAD', '2011-01-01', ${`Fictional: ${familyName} left.`},
                ${agency("cuta")})`,
  ];
  for (const statement of statements) await app.database.db.execute(statement);
  return { personId, uuid };
}

/** Closes the case on that day, as the outcome module does (through the owner connection). */
export async function closeCase(app: TestApp, uuid: string, closedOn: string): Promise<void> {
  await app.database.db.execute(sql`
    insert into case_closures (id, person_id, closed_on, reason, note, agency_id)
    values (gen_random_uuid(), ${uuid}, ${closedOn}, 'MOVED_ABROAD', 'Fictional: moved abroad.',
            (select id from agencies where code = 'cuta'))`);
  await refreshSummaries(app.database.db, [uuid]);
}

/** Reopens a case: the closure is withdrawn, as a re-admission would (through the owner connection). */
export async function reopenCase(app: TestApp, uuid: string): Promise<void> {
  await app.database.db.execute(sql`delete from case_closures where person_id = ${uuid}`);
  await refreshSummaries(app.database.db, [uuid]);
}

export async function rowsOf(app: TestApp, table: string, uuid: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where person_id = ${uuid}`,
  );
  return row?.n ?? 0;
}

/** The day `years` years before `date`. */
export function yearsBefore(date: string, years: number): string {
  return addDays(`${Number(date.slice(0, 4)) - years}${date.slice(4)}`, date.slice(5) === "02-29" ? -1 : 0);
}
