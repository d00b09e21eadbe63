import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited, UNKNOWN } from "./case-work.js";
import { EMAIL, places } from "./fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp } from "./harness.js";
import { caseWithEveryClass, closeCase, type FullCase } from "./retention-fixtures.js";

// The export of everything held on one person, for an access request: the data-protection officer
// only, audited as a disclosure with its justification.

let app: TestApp;
let dpo: GraphQLClient;
let celex: GraphQLClient;
let subject: FullCase;
let other: FullCase;

beforeAll(async () => {
  app = await startTestApp();
  dpo = await app.login(EMAIL("dpo.reviewer"));
  celex = await app.login(EMAIL("celex.analyst"));
  const at = await places(celex);
  subject = await caseWithEveryClass(app, celex, at, "Exportsubject");
  other = await caseWithEveryClass(app, celex, at, "Exportother");
  await closeCase(app, subject.uuid, "2012-01-10");
});
afterAll(() => app.close());

const EXPORT = `query($personId: ID!, $justification: String!) {
  personRecordExport(personId: $personId, justification: $justification) { generatedAt document } }`;

interface Section {
  dataClass: string;
  section: string;
  records: Record<string, unknown>[];
}
interface ExportShape {
  personRecordExport: {
    generatedAt: string;
    document: { person: { id: string; reference: string }; generatedAt: string; sections: Section[] };
  };
}

const errorCodes = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code);

describe("the export of a person's record", () => {
  it("holds the records of every data class of that person, with readable field names, and no one else's", async () => {
    const { personRecordExport: result } = await dpo.data<ExportShape>(EXPORT, {
      personId: subject.personId,
      justification: "Fictional access request AR-2026-001.",
    });
    const { document } = result;
    expect(document.person.id).toBe(subject.personId);
    expect(document.person.reference).toMatch(/^CX-/);
    expect(document.generatedAt).toBe(result.generatedAt);
    const records = (dataClass: string, section: string) =>
      document.sections.find((s) => s.dataClass === dataClass && s.section === section)?.records ?? [];
    expect(records("IDENTITY", "person")).toEqual([
      expect.objectContaining({ familyName: "Exportsubject", dateOfBirth: "1990-05-17", id: subject.uuid }),
    ]);
    expect(records("IDENTITY", "person")[0]).not.toHaveProperty("searchText");
    const counts = Object.fromEntries(
      document.sections
        .filter((s) => s.records.length > 0)
        .map((s) => [`${s.dataClass}.${s.section}`, s.records.length]),
    );
    expect(counts).toMatchObject({
      "IDENTITY.person": 1,
      "DETENTION.detentionEpisodes": 1,
      "DETENTION.placements": 1,
      "LISTING.screenings": 1,
      "LISTING.listingPeriods": 1,
      "OBSERVATIONS.informationReports": 1,
      "INTELLIGENCE.watchlistEntries": 1,
      "CLINICAL.riskAssessments": 1,
      "CLINICAL.riskAssessmentDetails": 1,
      "PROGRAMME.programmeEnrolments": 1,
      "PROGRAMME.programmeStatusChanges": 1,
      "MEASURES.recommendations": 1,
      "FOLLOW_UP.caseOutcomes": 1,
      "FOLLOW_UP.caseClosures": 1,
    });
    // Release records a residence too, when the release module does.
    expect(counts["RELEASE.residences"]).toBeGreaterThanOrEqual(1);
    expect(records("OBSERVATIONS", "informationReports")[0]).toMatchObject({
      body: "Fictional: Exportsubject was seen.",
      observedOn: "2008-02-01",
    });
    expect(records("DETENTION", "detentionEpisodes")[0]).toMatchObject({
      admittedOn: "2008-01-10",
      releasedOn: "2010-01-10",
    });
    const everything = JSON.stringify(document);
    expect(everything).not.toContain("Exportother");
    expect(everything).not.toContain(other.uuid);
  });

  it("is audited as a disclosure to the officer, with the justification", async () => {
    const rows = await audited(app, () =>
      dpo.data(EXPORT, {
        personId: subject.personId,
        justification: "Fictional access request AR-2026-002.",
      }),
    );
    const disclosures = rows.filter((r) => r.operation === "DISCLOSURE");
    expect(disclosures).toHaveLength(1);
    expect(disclosures[0]).toMatchObject({
      person_id: subject.uuid,
      details: { export: "personRecordExport", justification: "Fictional access request AR-2026-002." },
    });
    expect(disclosures[0]?.recipient_agency_id).toBe(disclosures[0]?.agency_id);
    expect(disclosures[0]?.data_classes).toEqual([
      "CLINICAL",
      "DETENTION",
      "FOLLOW_UP",
      "IDENTITY",
      "INTELLIGENCE",
      "LISTING",
      "MEASURES",
      "OBSERVATIONS",
      "PROGRAMME",
      "RELEASE",
    ]);
  });

  it("is refused to everyone else, and nothing is audited as a disclosure", async () => {
    const rows = await audited(app, async () => {
      for (const account of ["oversight.reviewer", "celex.analyst", "vsse.officer", "cuta.analyst"]) {
        const client = account === "celex.analyst" ? celex : await app.login(EMAIL(account));
        const res = await client.request(EXPORT, { personId: subject.personId, justification: "Fictional." });
        expect(errorCodes(res), account).toEqual(["FORBIDDEN"]);
        expect(res.data).toBeNull();
      }
      expect(
        errorCodes(
          await app.anonymous.request(EXPORT, { personId: subject.personId, justification: "Fictional." }),
        ),
      ).toEqual(["UNAUTHENTICATED"]);
    });
    expect(rows.filter((r) => r.operation === "DISCLOSURE")).toEqual([]);
  });

  it("answers NOT_FOUND for an unknown or malformed ID, and needs a justification", async () => {
    for (const personId of [UNKNOWN("Person"), "not-an-id", other.personId.slice(0, -2)])
      expect(
        errorCodes(await dpo.request(EXPORT, { personId, justification: "Fictional." })),
        personId,
      ).toEqual(["NOT_FOUND"]);
    expect(
      errorCodes(await dpo.request(EXPORT, { personId: subject.personId, justification: "  " })),
    ).toEqual(["BAD_USER_INPUT"]);
  });
});
