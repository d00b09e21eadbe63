import {
  addDaysToDate,
  addMonthsToDate,
  type IsoDate,
  type JudicialDistrict,
  minDate,
  RELEASE_TYPES_WITH_CONDITIONS,
  type ReleaseType,
  type ResponsibilityKind,
} from "@continuum/domain";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { newId } from "../db/columns.js";
import { detentionEpisodes } from "../modules/detention/detention.table.js";
import { caseResponsibilities, residences } from "../modules/follow-up/follow-up.table.js";
import {
  conditionBreaches,
  conditionTypes,
  releaseConditions,
  releaseDateOverrides,
  releasePlans,
} from "../modules/release/release.table.js";

type EpisodeRow = typeof detentionEpisodes.$inferInsert;

export interface ReleaseContext {
  today: IsoDate;
  /** Every episode of the population (with its ID), each person's in order of admission. */
  episodes: readonly EpisodeRow[];
  agencyId(code: string): string;
  userId(agencyCode: string): string;
}

const BATCH = 1000;
/** The local bodies of the demo directory, by the place they cover. */
const TASK_FORCES: Partial<Record<JudicialDistrict, string>> = {
  BRUSSELS: "ltf-brussels",
  ANTWERP: "ltf-antwerp",
};
const LOCAL_CELLS: Record<string, string> = {
  "Molenbeek-Saint-Jean": "lcis-molenbeek",
  Antwerpen: "lcis-antwerpen",
};
const INTENDED = ["Molenbeek-Saint-Jean", "Antwerpen", "Schaerbeek", "Anderlecht", "Brussels"] as const;
const DISTRICT_OF_INTENDED: Record<(typeof INTENDED)[number], JudicialDistrict> = {
  "Molenbeek-Saint-Jean": "BRUSSELS",
  Antwerpen: "ANTWERP",
  Schaerbeek: "BRUSSELS",
  Anderlecht: "BRUSSELS",
  Brussels: "BRUSSELS",
};

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

const hasConditions = (type: ReleaseType | null | undefined) =>
  (RELEASE_TYPES_WITH_CONDITIONS as readonly (ReleaseType | null | undefined)[]).includes(type);

/**
 * The demo's release work, deterministic and fictional: for every release with a municipality the
 * residence and the local bodies responsible (closed at the next release); the preparation of a share
 * of the releases due within 12 months (plans, the LTF informed, conditions proposed, two overrides);
 * and the conditions of conditional releases, supervised by probation Brussels, the LTF of Antwerp or
 * the police, some ended, some lifted, some breached.
 */
export async function writeRelease(tx: Tx, ctx: ReleaseContext): Promise<void> {
  const typeIds = new Map(
    (await tx.select({ id: conditionTypes.id, code: conditionTypes.code }).from(conditionTypes)).map((t) => [
      t.code,
      t.id,
    ]),
  );
  const typeId = (code: string) => typeIds.get(code) as string;
  const celex = ctx.agencyId("celex");
  const celexUser = ctx.userId("celex");
  const residenceRows: (typeof residences.$inferInsert)[] = [];
  const responsibilityRows: (typeof caseResponsibilities.$inferInsert)[] = [];
  const conditionRows: (typeof releaseConditions.$inferInsert & { id: string })[] = [];
  const breachRows: (typeof conditionBreaches.$inferInsert)[] = [];
  const planRows: (typeof releasePlans.$inferInsert)[] = [];
  const overrides: { episode: EpisodeRow; date: IsoDate }[] = [];

  const byPerson = new Map<string, EpisodeRow[]>();
  for (const e of ctx.episodes) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e]);
  let released = 0;
  let dueSoon = 0;
  for (const episodes of byPerson.values()) {
    let open: (typeof caseResponsibilities.$inferInsert)[] = [];
    episodes.forEach((e, i) => {
      const next = episodes[i + 1];
      if (e.releasedOn != null) {
        const on = e.releasedOn;
        for (const r of open) r.validTo = on;
        open = [];
        if (e.releaseMunicipality != null && e.releaseJudicialDistrict != null) {
          const district = e.releaseJudicialDistrict;
          residenceRows.push({
            personId: e.personId,
            municipality: e.releaseMunicipality,
            judicialDistrict: district,
            validFrom: on,
            reason: "Release",
          });
          const bodies: [string | undefined, ResponsibilityKind][] = [
            [TASK_FORCES[district], "SECURITY"],
            [LOCAL_CELLS[e.releaseMunicipality], "SOCIO_PREVENTIVE"],
          ];
          for (const [code, kind] of bodies)
            if (code !== undefined)
              open.push({
                personId: e.personId,
                agencyId: ctx.agencyId(code),
                kind,
                validFrom: on,
                reason: "Release",
              });
          responsibilityRows.push(...open);
        }
        if (hasConditions(e.releaseType)) {
          const supervisor =
            e.releaseJudicialDistrict === "BRUSSELS"
              ? "probation-brussels"
              : e.releaseJudicialDistrict === "ANTWERP"
                ? "ltf-antwerp"
                : "police";
          const planned = addMonthsToDate(on, 24);
          const endsOn = next === undefined ? planned : minDate(planned, next.admittedOn);
          const travelBan = newId();
          const lifted = released % 5 === 4 && addMonthsToDate(on, 6) < minDate(endsOn, ctx.today);
          conditionRows.push(
            {
              id: travelBan,
              personId: e.personId,
              episodeId: e.id as string,
              typeId: typeId("TRAVEL_BAN"),
              supervisingAgencyId: ctx.agencyId(supervisor),
              imposedOn: on,
              endsOn: endsOn > on ? endsOn : addDaysToDate(on, 1),
              liftedOn: lifted ? addMonthsToDate(on, 6) : null,
              liftReason: lifted ? "Fictional: lifted by the sentence implementation court." : null,
              agencyId: celex,
              createdBy: celexUser,
            },
            {
              id: newId(),
              personId: e.personId,
              episodeId: e.id as string,
              typeId: typeId("POLICE_REPORTING"),
              details: "Fictional: report to the local police station every Monday.",
              supervisingAgencyId: ctx.agencyId("police"),
              imposedOn: on,
              endsOn: next?.admittedOn != null && next.admittedOn > on ? next.admittedOn : null,
              agencyId: celex,
              createdBy: celexUser,
            },
          );
          const breachOn = addDaysToDate(on, 30);
          if (released % 4 === 1 && breachOn < minDate(endsOn, ctx.today))
            breachRows.push({
              personId: e.personId,
              conditionId: travelBan,
              occurredOn: breachOn,
              description: "Fictional: bought a plane ticket abroad.",
              response: "Fictional: formal warning by the probation officer.",
              agencyId: ctx.agencyId(supervisor),
            });
          released += 1;
        }
        return;
      }
      const horizon = addMonthsToDate(ctx.today, 12);
      const dates = [e.conditionalReleaseEligibleOn, e.endOfSentenceOn].filter(
        (d): d is string => d != null && d >= ctx.today && d < horizon,
      );
      if (dates.length === 0) return;
      dueSoon += 1;
      if (dueSoon % 3 === 0) return;
      const municipality = INTENDED[dueSoon % INTENDED.length] as (typeof INTENDED)[number];
      planRows.push({
        episodeId: e.id as string,
        personId: e.personId,
        intendedMunicipality: municipality,
        intendedJudicialDistrict: DISTRICT_OF_INTENDED[municipality],
        localTaskForceInformedOn: dueSoon % 2 === 0 ? addDaysToDate(ctx.today, -(dueSoon % 40) - 1) : null,
        note: "Fictional: family support, housing found.",
        agencyId: celex,
        createdBy: celexUser,
      });
      if (dueSoon % 4 === 1)
        conditionRows.push({
          id: newId(),
          personId: e.personId,
          episodeId: e.id as string,
          typeId: typeId("PROGRAMME_PARTICIPATION"),
          supervisingAgencyId: ctx.agencyId("probation-brussels"),
          proposedOn: addDaysToDate(ctx.today, -7),
          agencyId: celex,
          createdBy: celexUser,
        });
      const eligibleOn = e.conditionalReleaseEligibleOn;
      if (overrides.length < 2 && eligibleOn != null && addMonthsToDate(eligibleOn, -1) >= e.admittedOn)
        overrides.push({ episode: e, date: addMonthsToDate(eligibleOn, -1) });
    });
  }

  await insertAll(residenceRows, (b) => tx.insert(residences).values(b));
  await insertAll(responsibilityRows, (b) => tx.insert(caseResponsibilities).values(b));
  await insertAll(conditionRows, (b) => tx.insert(releaseConditions).values(b));
  await insertAll(breachRows, (b) => tx.insert(conditionBreaches).values(b));
  await insertAll(planRows, (b) => tx.insert(releasePlans).values(b));
  for (const { episode, date } of overrides) {
    await tx.insert(releaseDateOverrides).values({
      personId: episode.personId,
      episodeId: episode.id as string,
      kind: "CONDITIONAL_RELEASE_ELIGIBILITY",
      date,
      reason: "Fictional: time spent in detention abroad counts towards the sentence (court ruling).",
      agencyId: celex,
      createdBy: celexUser,
    });
    await tx
      .update(detentionEpisodes)
      .set({ conditionalReleaseEligibleOn: date })
      .where(eq(detentionEpisodes.id, episode.id as string));
  }
}
