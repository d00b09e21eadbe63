import type { DataClass, RetentionAction } from "@continuum/domain";
import type { Db } from "../db/client.js";
import { followUpMeasureTypes } from "../modules/follow-up/follow-up.table.js";
import { conditionTypes } from "../modules/release/release.table.js";
import { retentionRules } from "../modules/retention/retention.table.js";

/** Release conditions of the Act of 17 May 2006 (art. 55 and 56); an administrator adds more. */
export const CONDITION_TYPES: readonly (typeof conditionTypes.$inferInsert)[] = [
  {
    code: "PROGRAMME_PARTICIPATION",
    nameEn: "Take part in a disengagement programme",
    nameFr: "Suivre un programme de désengagement",
    nameNl: "Deelnemen aan een disengagementprogramma",
    requiresDetails: false,
    shownOnInformationCard: true,
  },
  {
    code: "PSYCHOSOCIAL_MEETINGS",
    nameEn: "Meet psychosocial workers",
    nameFr: "Rencontrer des intervenants psychosociaux",
    nameNl: "Psychosociale hulpverleners ontmoeten",
    requiresDetails: false,
    shownOnInformationCard: false,
  },
  {
    code: "POLICE_REPORTING",
    nameEn: "Report to the police",
    nameFr: "Se présenter à la police",
    nameNl: "Zich melden bij de politie",
    requiresDetails: true,
    shownOnInformationCard: true,
  },
  {
    code: "RESIDENCE",
    nameEn: "Live at a fixed address",
    nameFr: "Résider à une adresse fixe",
    nameNl: "Op een vast adres verblijven",
    requiresDetails: false,
    shownOnInformationCard: true,
  },
  {
    code: "TRAVEL_BAN",
    nameEn: "Not leave the country",
    nameFr: "Interdiction de quitter le territoire",
    nameNl: "Verbod het grondgebied te verlaten",
    requiresDetails: false,
    shownOnInformationCard: true,
  },
  {
    code: "NO_CONTACT",
    nameEn: "No contact with named persons",
    nameFr: "Aucun contact avec des personnes nommées",
    nameNl: "Geen contact met bepaalde personen",
    requiresDetails: true,
    shownOnInformationCard: true,
  },
];

/** What a Local Task Force (security) or a Local Cell (support) may start for a person. */
export const FOLLOW_UP_MEASURE_TYPES: readonly (typeof followUpMeasureTypes.$inferInsert)[] = [
  {
    code: "POLICE_VISITS",
    body: "LOCAL_TASK_FORCE",
    nameEn: "Regular visits by the local police",
    nameFr: "Visites régulières de la police locale",
    nameNl: "Regelmatige bezoeken van de lokale politie",
    shownOnInformationCard: true,
  },
  {
    code: "DISCREET_SURVEILLANCE",
    body: "LOCAL_TASK_FORCE",
    nameEn: "Discreet surveillance",
    nameFr: "Surveillance discrète",
    nameNl: "Discrete observatie",
    shownOnInformationCard: false,
  },
  {
    code: "ADMINISTRATIVE_CHECKS",
    body: "LOCAL_TASK_FORCE",
    nameEn: "Administrative checks (address, permits)",
    nameFr: "Contrôles administratifs (adresse, autorisations)",
    nameNl: "Administratieve controles (adres, vergunningen)",
    shownOnInformationCard: true,
  },
  {
    code: "SOCIAL_SUPPORT",
    body: "LOCAL_CELL",
    nameEn: "Support by a social worker",
    nameFr: "Accompagnement par un travailleur social",
    nameNl: "Begeleiding door een maatschappelijk werker",
    shownOnInformationCard: true,
  },
  {
    code: "HOUSING_AND_WORK",
    body: "LOCAL_CELL",
    nameEn: "Help with housing, training and work",
    nameFr: "Aide au logement, à la formation et à l'emploi",
    nameNl: "Hulp bij huisvesting, opleiding en werk",
    shownOnInformationCard: true,
  },
];

/**
 * Default retention after closure (the data-protection officer sets the real periods): what
 * identifies a person is anonymised so that the figures keep their history; the rest is deleted.
 */
export const RETENTION_RULES: readonly {
  dataClass: DataClass;
  yearsAfterClosure: number;
  action: RetentionAction;
}[] = [
  { dataClass: "IDENTITY", yearsAfterClosure: 10, action: "ANONYMISE" },
  { dataClass: "DETENTION", yearsAfterClosure: 10, action: "ANONYMISE" },
  { dataClass: "LISTING", yearsAfterClosure: 10, action: "ANONYMISE" },
  { dataClass: "OBSERVATIONS", yearsAfterClosure: 5, action: "DELETE" },
  { dataClass: "INTELLIGENCE", yearsAfterClosure: 5, action: "DELETE" },
  { dataClass: "CLINICAL", yearsAfterClosure: 5, action: "DELETE" },
  { dataClass: "PROGRAMME", yearsAfterClosure: 5, action: "DELETE" },
  { dataClass: "MEASURES", yearsAfterClosure: 10, action: "DELETE" },
  { dataClass: "RELEASE", yearsAfterClosure: 10, action: "ANONYMISE" },
  { dataClass: "FOLLOW_UP", yearsAfterClosure: 10, action: "DELETE" },
];

/** Writes the release and follow-up reference data once: condition types, follow-up measure types, retention rules. */
export async function ensureFollowUpReferenceData(db: Db): Promise<void> {
  await db
    .insert(conditionTypes)
    .values([...CONDITION_TYPES])
    .onConflictDoNothing();
  await db
    .insert(followUpMeasureTypes)
    .values([...FOLLOW_UP_MEASURE_TYPES])
    .onConflictDoNothing();
  await db
    .insert(retentionRules)
    .values([...RETENTION_RULES])
    .onConflictDoNothing();
}
