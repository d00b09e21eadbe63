import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/client.js";
import { uuidOf } from "./case-work.js";
import { admit, type Places } from "./fixtures.js";
import type { GraphQLClient, TestApp } from "./harness.js";

// Helpers shared by the follow-up suites: a person admitted and released into a municipality, with
// the local bodies of the district and the municipality responsible for them.

const RELEASE = `mutation($input: DetentionEpisodeReleaseInput!) {
  detentionEpisodeRelease(input: $input) { userErrors { field message } } }`;

const BODIES: Record<string, { ltf: string; lcis: string }> = {
  "Molenbeek-Saint-Jean": { ltf: "ltf-brussels", lcis: "lcis-molenbeek" },
  Antwerpen: { ltf: "ltf-antwerp", lcis: "lcis-antwerpen" },
};

/**
 * Opens the responsibilities of the Local Task Force and the Local Cell, as release does, where
 * release has not opened them (through the owner connection).
 */
async function openResponsibilities(app: TestApp, personUuid: string, municipality: string, on: string) {
  const bodies = BODIES[municipality];
  if (bodies === undefined) return;
  for (const [code, kind] of [
    [bodies.ltf, "SECURITY"],
    [bodies.lcis, "SOCIO_PREVENTIVE"],
  ] as const)
    await app.database.db.execute(sql`
      insert into case_responsibilities (id, person_id, agency_id, kind, valid_from, reason)
      select gen_random_uuid(), ${personUuid}, a.id, ${kind}, ${on}::date, 'Fictional: release.'
      from agencies a where a.code = ${code}
        and not exists (select 1 from case_responsibilities r
                        where r.person_id = ${personUuid} and r.kind = ${kind} and r.valid_to is null)`);
}

/** Registers, admits and releases (end of sentence) a fictional person into a municipality. */
export async function released(
  app: TestApp,
  celex: GraphQLClient,
  at: Places,
  c: { familyName: string; admittedOn: string; releasedOn: string; municipality: string },
): Promise<{ personId: string; episodeId: string }> {
  const admitted = await admit(celex, at, { familyName: c.familyName, admittedOn: c.admittedOn });
  const res = await celex.data<{ detentionEpisodeRelease: { userErrors: unknown[] } }>(RELEASE, {
    input: {
      episodeId: admitted.episodeId,
      releasedOn: c.releasedOn,
      releaseType: "END_OF_SENTENCE",
      releaseMunicipality: c.municipality,
    },
  });
  if (res.detentionEpisodeRelease.userErrors.length > 0)
    throw new Error(`release refused: ${JSON.stringify(res.detentionEpisodeRelease.userErrors)}`);
  await openResponsibilities(app, uuidOf(admitted.personId), c.municipality, c.releasedOn);
  return admitted;
}

/** The open responsibilities of a person: which agency (by code), since when. */
export async function openResponsibilitiesOf(app: TestApp, personId: string) {
  return queryRows<{ code: string; valid_from: string; valid_to: string | null }>(
    app.database.db,
    sql`select a.code, r.valid_from::text, r.valid_to::text from case_responsibilities r
        join agencies a on a.id = r.agency_id where r.person_id = ${uuidOf(personId)} order by a.code`,
  );
}
