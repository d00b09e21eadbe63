/**
 * The information card: the fixed, short, unclassified extract that the lowest tier that shows
 * anything (local cells, mayors) gets. Defined once here; the API's InformationCard type has
 * exactly these fields (a test checks it) and docs/access.md describes them.
 */
export const INFORMATION_CARD_FIELDS = [
  "familyName",
  "givenNames",
  "dateOfBirth",
  "sex",
  "photoReference",
  "category",
  "detentionStatus",
  "threatLevel",
  "responsibleAgency",
  "contactEmail",
  "measuresToKnow",
] as const;
export type InformationCardField = (typeof INFORMATION_CARD_FIELDS)[number];

export const INFORMATION_CARD_FIELD_DESCRIPTIONS: Record<InformationCardField, string> = {
  familyName: "Family name.",
  givenNames: "Given names.",
  dateOfBirth: "Date of birth.",
  sex: "Sex as recorded.",
  photoReference: "Reference of the photograph held by the responsible agency (never the image itself).",
  category: "CelEx category now, or at release.",
  detentionStatus: "Detained or released.",
  threatLevel: "CUTA threat level (1–4) when the common database has one.",
  responsibleAgency: "The agency responsible for the person now.",
  contactEmail: "How to reach that agency.",
  measuresToKnow: "Measures and conditions a local actor must know.",
};
