import type { IndicatorRating, MeasureTypeRules } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.js";
import { newId } from "../db/columns.js";
import {
  assessmentInstruments,
  instrumentDomains,
  instrumentIndicators,
} from "../modules/assessments/assessment.table.js";
import { measureTypes } from "../modules/measures/measure.table.js";
import { observationIndicators } from "../modules/reports/report.table.js";
import { ensureFollowUpReferenceData } from "./follow-up-reference.js";

interface InstrumentSpec {
  code: string;
  version: string;
  name: string;
  ratingScale: IndicatorRating[];
  domains: { code: string; name: string; indicators: number; required: boolean }[];
}

/**
 * The structure of the instruments in use: codes, domains and neutral short names only. The licensed
 * item texts are not ours to ship; an administrator loads them (instrumentTextsLoad).
 */
export const INSTRUMENTS: readonly InstrumentSpec[] = [
  {
    code: "VERA-2R",
    version: "2.0",
    name: "Violent Extremism Risk Assessment, version 2 revised",
    ratingScale: ["PRESENT", "ABSENT"],
    domains: [
      { code: "BAI", name: "Beliefs, attitudes and ideology", indicators: 7, required: true },
      { code: "SCI", name: "Social context and intention", indicators: 8, required: true },
      { code: "HAC", name: "History, action and capacity", indicators: 6, required: true },
      { code: "CM", name: "Commitment and motivation", indicators: 7, required: true },
      { code: "PRM", name: "Protective and risk-mitigating", indicators: 6, required: true },
      { code: "CH", name: "Additional: criminal history", indicators: 3, required: false },
      { code: "PH", name: "Additional: personal history", indicators: 3, required: false },
      { code: "MD", name: "Additional: mental disorder", indicators: 5, required: false },
    ],
  },
  {
    code: "ERG22+",
    version: "1.0",
    name: "Extremism Risk Guidance 22+",
    ratingScale: ["PRESENT", "PARTLY_PRESENT", "ABSENT"],
    domains: [
      { code: "ENG", name: "Engagement", indicators: 13, required: true },
      { code: "INT", name: "Intent", indicators: 6, required: true },
      { code: "CAP", name: "Capability", indicators: 3, required: true },
    ],
  },
  {
    code: "TRAP-18",
    version: "1.0",
    name: "Terrorist Radicalization Assessment Protocol",
    ratingScale: ["PRESENT", "ABSENT"],
    domains: [
      { code: "PWB", name: "Proximal warning behaviours", indicators: 8, required: true },
      { code: "DC", name: "Distal characteristics", indicators: 10, required: true },
    ],
  },
];

/** Behaviours staff were asked to observe: general, neutral wording, administered as data. */
export const OBSERVATION_INDICATORS = [
  {
    code: "OBS-01",
    nameEn: "Marked change in behaviour",
    nameFr: "Changement marqué de comportement",
    nameNl: "Opvallende gedragsverandering",
  },
  {
    code: "OBS-02",
    nameEn: "Withdrawal from other inmates",
    nameFr: "Retrait par rapport aux autres détenus",
    nameNl: "Terugtrekking van andere gedetineerden",
  },
  {
    code: "OBS-03",
    nameEn: "Attempts to influence or recruit other inmates",
    nameFr: "Tentatives d'influencer ou de recruter d'autres détenus",
    nameNl: "Pogingen om andere gedetineerden te beïnvloeden of te rekruteren",
  },
  {
    code: "OBS-04",
    nameEn: "Possession of extremist material",
    nameFr: "Possession de matériel extrémiste",
    nameNl: "Bezit van extremistisch materiaal",
  },
  {
    code: "OBS-05",
    nameEn: "Justification of violence",
    nameFr: "Justification de la violence",
    nameNl: "Rechtvaardiging van geweld",
  },
  {
    code: "OBS-06",
    nameEn: "Hostility towards staff on ideological grounds",
    nameFr: "Hostilité envers le personnel pour des motifs idéologiques",
    nameNl: "Vijandigheid tegenover personeel om ideologische redenen",
  },
  {
    code: "OBS-07",
    nameEn: "Pressure on other inmates' beliefs or practices",
    nameFr: "Pression sur les convictions ou pratiques d'autres détenus",
    nameNl: "Druk op overtuigingen of praktijken van andere gedetineerden",
  },
  {
    code: "OBS-08",
    nameEn: "Contact with persons known for extremism",
    nameFr: "Contacts avec des personnes connues pour extrémisme",
    nameNl: "Contact met personen gekend voor extremisme",
  },
] as const;

const PRISON_ACT = "Prison Act of 12 January 2005 (loi de principes / basiswet)";
const director = (maxMonths: number) => ({
  agencyKind: "PRISON" as const,
  role: "DIRECTOR" as const,
  maxMonths,
});
const directorGeneral = (maxMonths: number) => ({
  agencyKind: "DG_EPI" as const,
  role: "DIRECTOR" as const,
  maxMonths,
});
const monthlyPsychosocial = {
  agencyKind: "PSYCHOSOCIAL_SERVICE" as const,
  role: "PSYCHOLOGIST" as const,
  everyDays: 30,
};

/**
 * The measure types in use and their rules. The individual special security regime follows the
 * paper: the local director imposes it for up to one month (the Director General, on a CelEx
 * recommendation, for up to two), only the Director General prolongs it, by
 * periods of at most two months, with a monthly psychosocial evaluation. The other durations are
 * defaults an administrator adjusts (measureTypeDefine) to the rules in force.
 */
/** Monthly review; the prison director imposes for a month, the Director General for two. */
function rules(prolongedBy: "DIRECTOR_OR_DG" | "DG_ONLY", evaluated: boolean): MeasureTypeRules {
  return {
    impose: [director(1), directorGeneral(2)],
    prolong: prolongedBy === "DG_ONLY" ? [directorGeneral(2)] : [director(1), directorGeneral(2)],
    reviewWithinMonths: 1,
    evaluations: evaluated ? [monthlyPsychosocial] : [],
  };
}

export const MEASURE_TYPES: readonly (typeof measureTypes.$inferInsert)[] = [
  {
    code: "CELL_SEARCHES",
    name: "More frequent cell searches",
    description: "The inmate's cell is searched more often than the establishment's routine.",
    legalBasis: `${PRISON_ACT}, art. 112 (individual special security measures)`,
    rules: rules("DIRECTOR_OR_DG", false),
  },
  {
    code: "BODY_SEARCHES",
    name: "Body searches",
    description: "Searches of the person beyond the routine ones.",
    legalBasis: `${PRISON_ACT}, art. 108 and 112`,
    rules: rules("DIRECTOR_OR_DG", false),
  },
  {
    code: "VISIT_RESTRICTION",
    name: "Restriction on visitors",
    description: "Visits limited to named persons, or behind a partition.",
    legalBasis: `${PRISON_ACT}, art. 112`,
    rules: rules("DG_ONLY", false),
  },
  {
    code: "TELEPHONE_RESTRICTION",
    name: "Restriction on telephone",
    description: "Calls limited to named numbers, or listened to.",
    legalBasis: `${PRISON_ACT}, art. 112`,
    rules: rules("DG_ONLY", false),
  },
  {
    code: "CONTACT_RESTRICTION",
    name: "Restriction on contact with other inmates",
    description: "No or supervised contact with named inmates or groups (e.g. during walks, work, worship).",
    legalBasis: `${PRISON_ACT}, art. 112`,
    rules: rules("DG_ONLY", true),
  },
  {
    code: "INDIVIDUAL_SPECIAL_SECURITY_REGIME",
    name: "Individual special security regime",
    description: "A regime apart from the other inmates, with restricted activities and contacts.",
    legalBasis: `${PRISON_ACT}, art. 116 to 118`,
    rules: rules("DG_ONLY", true),
  },
];

/** Writes the reference data every deployment needs, once: instruments, observation indicators, measure types, release and follow-up types. */
export async function ensureReferenceData(db: Db): Promise<void> {
  await db
    .insert(observationIndicators)
    .values([...OBSERVATION_INDICATORS])
    .onConflictDoNothing();
  await db
    .insert(measureTypes)
    .values([...MEASURE_TYPES])
    .onConflictDoNothing();
  await ensureFollowUpReferenceData(db);
  for (const spec of INSTRUMENTS) {
    const [existing] = await queryRows(
      db,
      sql`select 1 from assessment_instruments where code = ${spec.code} and version = ${spec.version}`,
    );
    if (existing !== undefined) continue;
    const instrumentId = newId();
    await db.insert(assessmentInstruments).values({
      id: instrumentId,
      code: spec.code,
      version: spec.version,
      name: spec.name,
      ratingScale: spec.ratingScale,
    });
    for (const [position, domain] of spec.domains.entries()) {
      const domainId = newId();
      await db
        .insert(instrumentDomains)
        .values({ id: domainId, instrumentId, code: domain.code, name: domain.name, position });
      await db.insert(instrumentIndicators).values(
        Array.from({ length: domain.indicators }, (_, i) => ({
          domainId,
          code: `${domain.code}-${i + 1}`,
          name: `${domain.name}, item ${i + 1}`,
          required: domain.required,
          position: i,
        })),
      );
    }
  }
}
