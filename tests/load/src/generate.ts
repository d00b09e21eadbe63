/**
 * Loads a large fictional data set into Postgres for the benchmarks: the database is reset,
 * migrated by the API's own migrations, seeded with the demo directory (agencies, accounts,
 * establishments), then persons, their case summaries and their history (detention episodes,
 * placements, screenings, listing periods) are streamed in with `COPY … FROM STDIN`, never row by
 * row. Deterministic: one seeded random stream per scale.
 *
 *   node --import @swc-node/register/esm-register src/generate.ts --scale belgium
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  addDaysToDate as addDays,
  addMonthsToDate as addMonths,
  type IsoDate,
  type LegacyCategory,
  type ListingLabel,
  type Sex,
} from "@continuum/domain";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { openDatabase } from "../../../apps/api/src/db/client.js";
import { newId } from "../../../apps/api/src/db/columns.js";
import { foldName } from "../../../apps/api/src/modules/persons/person.repository.js";
import { inventName } from "../../../apps/api/src/seed/population/names.js";
import { Random } from "../../../apps/api/src/seed/population/random.js";
import { seedDemo } from "../../../apps/api/src/seed/seed.js";

export const DEMO_PASSWORD = "continuum-bench";
export const TODAY: IsoDate = "2026-11-27" as IsoDate;

export interface Scale {
  name: string;
  persons: number;
  events: number;
}

export const SCALES: Record<string, Scale> = {
  belgium: { name: "belgium", persons: 600, events: 50_000 },
  europe: { name: "europe", persons: 500_000, events: 10_000_000 },
};

export const DEFAULT_URL = "postgres://continuum_ci:continuum-ci@127.0.0.1:5432/continuum_bench";

/** Tables written with COPY; their forced row-level security is lifted for the load only (owner's right). */
const TABLES = [
  "persons",
  "detention_episodes",
  "placements",
  "screenings",
  "listing_periods",
  "person_case_summaries",
  "security_measures",
  "decisions",
] as const;

/** The triggers keeping the listed persons' stock on insert (migration 0037): the load refreshes it per batch. */
const STOCK_TRIGGERS = [
  { table: "listing_periods", name: "listing_periods_stock_insert" },
  { table: "placements", name: "placements_stock_insert" },
  { table: "person_case_summaries", name: "person_case_summaries_stock_insert" },
] as const;

const CATEGORIES: LegacyCategory[] = ["A", "B", "C", "D", "E"];
const LABELS_BY_CATEGORY: Record<LegacyCategory, ListingLabel[]> = {
  A: ["TERRORIST_CONVICT"],
  B: ["ASSIMILATED"],
  C: ["FOREIGN_FIGHTER"],
  D: ["HATE_PREACHER"],
  E: ["RADICALISED"],
} as Record<LegacyCategory, ListingLabel[]>;
const SOURCES = ["PRISON_STAFF", "PSYCHOSOCIAL_SERVICE", "INTELLIGENCE", "POLICE", "PROSECUTOR"];
const NATIONALITIES = ["BE", "BE", "BE", "MA", "FR", "NL", "TR", "DZ", "TN", "RU"];

/** One value in COPY's text format. */
function cell(value: string | number | boolean | null | readonly string[]): string {
  if (value === null) return "\\N";
  if (Array.isArray(value)) {
    return cell(`{${value.map((v) => `"${String(v).replace(/(["\\])/g, "\\$1")}"`).join(",")}}`);
  }
  if (typeof value === "boolean") return value ? "t" : "f";
  return String(value)
    .replace(/\\/g, "\\\\")
    .replace(/\t/g, "\\t")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r");
}

const line = (values: (string | number | boolean | null | readonly string[])[]) =>
  `${values.map(cell).join("\t")}\n`;

interface Context {
  agencyId: string;
  measureTypes: { id: string; legalBasis: string }[];
  establishments: { id: string; units: string[] }[];
  analystIds: string[];
}

interface Rows {
  persons: string[];
  detention_episodes: string[];
  placements: string[];
  screenings: string[];
  listing_periods: string[];
  person_case_summaries: string[];
  security_measures: string[];
  decisions: string[];
}

const COLUMNS: Record<keyof Rows, string> = {
  persons:
    "id, reference, family_name, given_names, aliases, date_of_birth, sex, nationalities, language_community, returnee, failed_traveller, sort_name, search_text",
  detention_episodes:
    "id, person_id, admitted_on, legal_status, sentence_months, conditional_release_eligible_on, end_of_sentence_on, rule_eligible_on, rule_end_of_sentence_on, released_on, release_type",
  placements: "id, person_id, episode_id, establishment_id, unit_id, valid_from, valid_to",
  screenings:
    "id, person_id, episode_id, screened_on, outcome, category, labels, sources, rationale, next_due_on, agency_id",
  listing_periods: "id, person_id, category, labels, valid_from, valid_to, screening_id",
  person_case_summaries:
    "person_id, detention_status, current_episode_id, admitted_on, establishment_id, unit_id, category, labels, category_since, last_screened_on, next_screening_due_on, released_on, last_category, screening_responsible_id",
  security_measures:
    "id, person_id, measure_type_id, establishment_id, legal_basis, starts_on, ends_on, next_review_on, terms, ended_on",
  decisions:
    "id, person_id, kind, measure_id, reasons, decided_on, effective_on, ends_on, next_review_on, agency_id",
};

const days = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** One person's rows: about `budget` events, spread over one or two detention episodes. */
function personRows(random: Random, index: number, budget: number, ctx: Context, out: Rows): number {
  const personId = newId();
  const sex: Sex = random.chance(0.1) ? "FEMALE" : "MALE";
  const name = inventName(random, sex);
  const born = addDays("1960-01-01" as IsoDate, random.int(0, 16_000));
  out.persons.push(
    line([
      personId,
      `CX-BENCH-${String(index).padStart(7, "0")}`,
      name.familyName,
      name.givenNames,
      name.aliases,
      born,
      sex,
      [random.pick(NATIONALITIES)],
      random.pick(["FR", "NL", "NL", "FR", "DE"]),
      random.chance(0.1),
      random.chance(0.05),
      foldName(`${name.familyName} ${name.givenNames}`),
      foldName([`${name.givenNames} ${name.familyName}`, ...name.aliases].join(" | ")),
    ]),
  );
  let events = 0;
  // History starts up to 12 years ago; 20% of persons had an earlier, ended episode.
  const start = addDays(TODAY, -random.int(60, 4300));
  const twoEpisodes = random.chance(0.2) && days(start, TODAY) > 400;
  const released = random.chance(0.25);
  const episodes: { id: string; from: IsoDate; to: IsoDate | null }[] = [];
  if (twoEpisodes) {
    const firstEnd = addDays(start, random.int(90, Math.floor(days(start, TODAY) / 2)));
    episodes.push({ id: newId(), from: start, to: firstEnd });
    const second = addDays(firstEnd, random.int(30, Math.max(31, days(firstEnd, TODAY) - 60)));
    episodes.push({ id: newId(), from: second, to: null });
  } else {
    episodes.push({ id: newId(), from: start, to: null });
  }
  const last = episodes[episodes.length - 1] as { id: string; from: IsoDate; to: IsoDate | null };
  if (released && days(last.from, TODAY) > 60)
    last.to = addDays(last.from, random.int(30, days(last.from, TODAY) - 1));
  // Events left after the episodes: ~20% placements, ~70% screenings, the rest listing changes.
  const rest = Math.max(3, budget - episodes.length);
  const placementsWanted = Math.max(episodes.length, Math.round(rest * 0.2));
  const screeningsWanted = Math.max(episodes.length, Math.round(rest * 0.85));
  let category: LegacyCategory = random.pick(CATEGORIES);
  let currentEstablishment: { id: string; unit: string | null } | null = null;
  let lastScreened: IsoDate | null = null;
  let nextDue: IsoDate | null = null;
  let openListing: { category: LegacyCategory; since: IsoDate } | null = null;
  let lastCategory: LegacyCategory | null = null;
  for (const [e, episode] of episodes.entries()) {
    const end = episode.to ?? TODAY;
    const span = Math.max(2, days(episode.from, end));
    const sentenced = random.chance(0.7);
    const months = sentenced ? random.int(12, 180) : null;
    const eligible = months === null ? null : addMonths(episode.from, Math.round(months / 3));
    const endOfSentence = months === null ? null : addMonths(episode.from, months);
    out.detention_episodes.push(
      line([
        episode.id,
        personId,
        episode.from,
        sentenced ? "SENTENCED" : "PREVENTIVE_DETENTION",
        months,
        eligible,
        endOfSentence,
        eligible,
        endOfSentence,
        episode.to,
        episode.to === null ? null : random.pick(["CONDITIONAL_RELEASE", "END_OF_SENTENCE"]),
      ]),
    );
    events += 1;
    const share = e === episodes.length - 1 ? 0.8 : 0.2;
    // Placements: consecutive, half-open, inside the episode.
    const placementCount = Math.max(1, Math.min(Math.round(placementsWanted * share), span - 1));
    const cuts = cutPoints(random, episode.from, span, placementCount);
    for (let p = 0; p < cuts.length; p += 1) {
      const establishment = random.pick(ctx.establishments);
      const unit =
        establishment.units.length > 0 && random.chance(0.5) ? random.pick(establishment.units) : null;
      const from = cuts[p] as IsoDate;
      const to = p + 1 < cuts.length ? (cuts[p + 1] as IsoDate) : episode.to;
      out.placements.push(line([newId(), personId, episode.id, establishment.id, unit, from, to]));
      events += 1;
      if (to === null) currentEstablishment = { id: establishment.id, unit };
    }
    // Screenings: the first lists the person, later ones maintain or change the category.
    const screeningCount = Math.max(1, Math.min(Math.round(screeningsWanted * share), span - 1));
    const dates = cutPoints(random, episode.from, span, screeningCount);
    for (const [s, screenedOn] of dates.entries()) {
      const screeningId = newId();
      const change = s > 0 && random.chance(0.1);
      if (change) category = random.pick(CATEGORIES);
      const outcome = s === 0 ? "LISTED" : change ? "CHANGED" : "MAINTAINED";
      const labels = LABELS_BY_CATEGORY[category];
      nextDue = addMonths(screenedOn as IsoDate, 6);
      lastScreened = screenedOn as IsoDate;
      out.screenings.push(
        line([
          screeningId,
          personId,
          episode.id,
          screenedOn,
          outcome,
          category,
          labels,
          [random.pick(SOURCES)],
          "Fictional benchmark screening.",
          nextDue,
          ctx.agencyId,
        ]),
      );
      events += 1;
      if (s === 0 || change) {
        if (openListing !== null) {
          out.listing_periods[out.listing_periods.length - 1] = (
            out.listing_periods[out.listing_periods.length - 1] as string
          ).replace(/\\N\t([^\t]*)\n$/, `${screenedOn}\t$1\n`);
        }
        out.listing_periods.push(
          line([newId(), personId, category, labels, screenedOn as IsoDate, null, screeningId]),
        );
        events += 1;
        openListing = { category, since: screenedOn as IsoDate };
        lastCategory = category;
      }
    }
    if (episode.to !== null && openListing !== null) {
      // A release closes the listing period (valid_to = release date, after its start).
      const lastLine = out.listing_periods[out.listing_periods.length - 1] as string;
      const closeOn = days(openListing.since, episode.to) > 0 ? episode.to : addDays(openListing.since, 1);
      out.listing_periods[out.listing_periods.length - 1] = lastLine.replace(
        /\\N\t([^\t]*)\n$/,
        `${closeOn}\t$1\n`,
      );
      openListing = null;
    }
  }
  const detained = last.to === null;
  // Individual security measures (with the decision imposing each): a third of detained persons.
  if (detained && currentEstablishment !== null && random.chance(0.35)) {
    const count = random.int(1, 3);
    for (let m = 0; m < count; m += 1) {
      const type = random.pick(ctx.measureTypes);
      const startsOn = addDays(TODAY, -random.int(0, 80));
      const endsOn = addMonths(startsOn, 3);
      const review = addMonths(startsOn, 1);
      const measureId = newId();
      out.security_measures.push(
        line([
          measureId,
          personId,
          type.id,
          currentEstablishment.id,
          type.legalBasis,
          startsOn,
          endsOn,
          review,
          null,
          null,
        ]),
      );
      out.decisions.push(
        line([
          newId(),
          personId,
          "MEASURE_IMPOSED",
          measureId,
          "Fictional benchmark decision.",
          startsOn,
          startsOn,
          endsOn,
          review,
          ctx.agencyId,
        ]),
      );
      events += 2;
    }
  }
  out.person_case_summaries.push(
    line([
      personId,
      detained ? "DETAINED" : "RELEASED",
      detained ? last.id : null,
      detained ? last.from : null,
      detained ? (currentEstablishment?.id ?? null) : null,
      detained ? (currentEstablishment?.unit ?? null) : null,
      openListing?.category ?? null,
      openListing === null ? [] : LABELS_BY_CATEGORY[openListing.category],
      openListing?.since ?? null,
      lastScreened,
      detained ? nextDue : null,
      detained ? null : last.to,
      lastCategory,
      random.pick(ctx.analystIds),
    ]),
  );
  return events;
}

/** `count` sorted, distinct dates in [from, from + span), the first being `from`. */
function cutPoints(random: Random, from: IsoDate, span: number, count: number): IsoDate[] {
  const offsets = new Set<number>([0]);
  while (offsets.size < count) offsets.add(random.int(1, span - 1));
  return [...offsets].sort((a, b) => a - b).map((d) => addDays(from, d));
}

async function copyRows(client: pg.PoolClient, table: keyof Rows, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${COLUMNS[table]}) FROM STDIN`));
  await pipeline(Readable.from(chunked(rows)), stream);
}

function* chunked(rows: string[]): Generator<string> {
  for (let i = 0; i < rows.length; i += 2000) yield rows.slice(i, i + 2000).join("");
}

export interface GenerateResult {
  scale: string;
  persons: number;
  events: number;
  rows: Record<string, number>;
  seconds: number;
  /** Set when the load stopped before the scale's target (time budget). */
  partial: boolean;
}

/**
 * Resets the database, migrates and seeds it, then loads `scale` with COPY, in batches of persons
 * (each batch one transaction). Stops early, saying so, after `budgetSeconds`.
 */
export async function generate(url: string, scale: Scale, budgetSeconds = 600): Promise<GenerateResult> {
  const started = Date.now();
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(
    "DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public",
  );
  const database = await openDatabase({ kind: "postgres", url, poolSize: 2 });
  await database.migrate();
  await seedDemo(database, { demoPassword: DEMO_PASSWORD, directoryOnly: true, today: TODAY });
  await database.close();

  const client = await admin.connect();
  const one = async <T>(text: string) => (await client.query(text)).rows as T[];
  const [agency] = await one<{ id: string }>("select id from agencies where code = 'celex'");
  const establishmentRows = await one<{ id: string; units: string[] | null }>(
    `select e.id, array_agg(u.id) filter (where u.id is not null) as units
       from establishments e left join establishment_units u on u.establishment_id = e.id group by e.id order by e.code`,
  );
  const analysts = await one<{ id: string }>(
    `select u.id from users u join agencies a on a.id = u.agency_id where a.code = 'celex' order by u.email`,
  );
  const measureTypes = await one<{ id: string; legal_basis: string }>(
    "select id, legal_basis from measure_types order by code",
  );
  const ctx: Context = {
    agencyId: (agency as { id: string }).id,
    measureTypes: measureTypes.map((t) => ({ id: t.id, legalBasis: t.legal_basis })),
    establishments: establishmentRows.map((e) => ({ id: e.id, units: e.units ?? [] })),
    analystIds: analysts.map((a) => a.id),
  };
  const random = Random.stream(20261127, `bench-${scale.name}`);
  const perPerson = scale.events / scale.persons;
  const totals: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
  let persons = 0;
  let events = 0;
  let partial = false;
  const batch = 5000;
  for (let first = 0; first < scale.persons; first += batch) {
    if ((Date.now() - started) / 1000 > budgetSeconds) {
      partial = true;
      break;
    }
    const rows: Rows = {
      persons: [],
      detention_episodes: [],
      placements: [],
      screenings: [],
      listing_periods: [],
      person_case_summaries: [],
      security_measures: [],
      decisions: [],
    };
    const last = Math.min(scale.persons, first + batch);
    for (let i = first; i < last; i += 1) {
      const budget = Math.max(4, Math.round(perPerson * random.between(0.5, 1.5)));
      events += personRows(random, i + 1, budget, ctx, rows);
    }
    await client.query("BEGIN");
    for (const table of TABLES) await client.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
    for (const trigger of STOCK_TRIGGERS)
      await client.query(`ALTER TABLE ${trigger.table} DISABLE TRIGGER ${trigger.name}`);
    for (const table of TABLES) {
      await copyRows(client, table, rows[table]);
      totals[table] = (totals[table] ?? 0) + rows[table].length;
    }
    // The listed persons' stock of the batch at once, rather than once per COPY.
    const personIds = rows.persons.map((row) => row.slice(0, row.indexOf("\t")));
    await client.query("select app_refresh_listing_stock($1::uuid[])", [personIds]);
    for (const trigger of STOCK_TRIGGERS)
      await client.query(`ALTER TABLE ${trigger.table} ENABLE TRIGGER ${trigger.name}`);
    for (const table of TABLES) await client.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await client.query("COMMIT");
    persons = last;
    process.stderr.write(
      `  ${persons} persons, ${events} events, ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  }
  await client.query("ANALYZE");
  client.release();
  await admin.end();
  return {
    scale: scale.name,
    persons,
    events,
    rows: totals,
    seconds: (Date.now() - started) / 1000,
    partial,
  };
}

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

export function scaleFromArgs(): Scale {
  const name = argument("scale", "belgium");
  const scale = SCALES[name];
  if (scale === undefined) throw new Error(`unknown scale ${name}: ${Object.keys(SCALES).join(", ")}`);
  return scale;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = scaleFromArgs();
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  generate(url, scale, Number(argument("budget", "600")))
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
