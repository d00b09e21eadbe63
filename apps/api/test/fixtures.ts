import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/client.js";
import type { GraphQLClient, TestApp } from "./harness.js";

export const EMAIL = (local: string) => `${local}@continuum.example`;

export interface Places {
  establishment(code: string): string;
  unit(code: string): string;
}

/** Global IDs of establishments and units by code (ITT, HAS, …; units ITT-DRX, LAN-WOM, …). */
export async function places(client: GraphQLClient): Promise<Places> {
  const data = await client.data<{
    establishments: {
      edges: { node: { id: string; code: string; units: { id: string; code: string }[] } }[];
    };
  }>("{ establishments(first: 100, includeClosed: true) { edges { node { id code units { id code } } } } }");
  const establishments = new Map<string, string>();
  const units = new Map<string, string>();
  for (const { node } of data.establishments.edges) {
    establishments.set(node.code, node.id);
    for (const u of node.units) units.set(u.code, u.id);
  }
  const get = (map: Map<string, string>, code: string) => {
    const id = map.get(code);
    if (id === undefined) throw new Error(`no establishment or unit ${code}`);
    return id;
  };
  return { establishment: (code) => get(establishments, code), unit: (code) => get(units, code) };
}

export const REGISTER = `
  mutation Register($input: PersonRegisterInput!) {
    personRegister(input: $input) {
      person { id reference familyName detentionStatus currentEpisode { id } currentPlacement { establishment { code } } }
      userErrors { field message code }
    }
  }`;

export interface NewCase {
  familyName: string;
  givenNames?: string;
  sex?: "MALE" | "FEMALE";
  admittedOn?: string;
  establishment?: string;
  unit?: string | null;
}

/** Registers and admits a fictional person as the given client; returns their global ID and episode ID. */
export async function admit(
  client: GraphQLClient,
  at: Places,
  c: NewCase,
): Promise<{ personId: string; episodeId: string }> {
  const data = await client.data<{
    personRegister: {
      person: { id: string; currentEpisode: { id: string } } | null;
      userErrors: { field: string; message: string }[];
    };
  }>(REGISTER, {
    input: {
      familyName: c.familyName,
      givenNames: c.givenNames ?? "Testo",
      dateOfBirth: "1990-05-17",
      sex: c.sex ?? "MALE",
      nationalities: ["BE"],
      languageCommunity: "FR",
      admission: {
        admittedOn: c.admittedOn ?? "2024-01-10",
        legalStatus: "SENTENCED",
        sentenceMonths: 60,
        establishmentId: at.establishment(c.establishment ?? "ITT"),
        unitId: c.unit ? at.unit(c.unit) : null,
      },
    },
  });
  const person = data.personRegister.person;
  if (person === null) throw new Error(`register failed: ${JSON.stringify(data.personRegister.userErrors)}`);
  return { personId: person.id, episodeId: person.currentEpisode.id };
}

/** How many rows a table holds: tests use it to prove a refused change wrote nothing. */
export async function countRows(app: TestApp, table: string): Promise<number> {
  const [row] = await queryRows<{ n: string }>(
    app.database.db,
    sql.raw(`select count(*)::text as n from ${table}`),
  );
  return Number(row?.n);
}

export const CASE_TABLES = [
  "persons",
  "detention_episodes",
  "placements",
  "screenings",
  "listing_periods",
] as const;

export async function caseRowCounts(app: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of CASE_TABLES) counts[t] = await countRows(app, t);
  return counts;
}
