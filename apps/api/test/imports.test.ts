import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { failInterruptedImports, importRunnerOf } from "../src/modules/imports/import.runner.js";
import { caseRowCounts, countRows, EMAIL, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp } from "./harness.js";

const SAMPLES = new URL("../src/modules/imports/samples/", import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, SAMPLES), "utf8");

const JOB_FIELDS = `id recordType format sourceSystem fileName status total applied invalid recordsPerMinute
  estimatedCompletionAt startedAt finishedAt createdAt failure lineErrors(first: 1000) { line field reason }`;

interface Job {
  id: string;
  status: string;
  total: number;
  applied: number;
  invalid: number;
  recordsPerMinute: number | null;
  estimatedCompletionAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  failure: string | null;
  lineErrors: { line: number; field: string; reason: string }[];
}

interface Payload {
  importJob: Job | null;
  userErrors: { field: string | null; message: string; code: string }[];
}

type RecordType = "PERSON" | "DETENTION_EPISODE" | "PLACEMENT" | "INFORMATION_REPORT";

async function createJob(
  client: GraphQLClient,
  input: {
    recordType: RecordType;
    format: "NDJSON" | "CSV";
    sourceSystem: string;
    content: string;
    fileName?: string;
  },
) {
  return client.request<{ importJobCreate: Payload }>(
    `mutation($input: ImportJobCreateInput!) { importJobCreate(input: $input) { importJob { ${JOB_FIELDS} } userErrors { field message code } } }`,
    { input: { fileName: "records.txt", ...input } },
  );
}

async function startJob(client: GraphQLClient, importJobId: string): Promise<Payload> {
  const data = await client.data<{ importJobStart: Payload }>(
    `mutation($id: ID!) { importJobStart(input: { importJobId: $id }) { importJob { ${JOB_FIELDS} } userErrors { field message code } } }`,
    { id: importJobId },
  );
  return data.importJobStart;
}

async function readJob(client: GraphQLClient, id: string): Promise<Job | null> {
  const data = await client.data<{ importJob: Job | null }>(
    `query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`,
    {
      id,
    },
  );
  return data.importJob;
}

/** Polls the job until it stops running. */
async function settled(client: GraphQLClient, id: string): Promise<Job> {
  for (let i = 0; i < 600; i += 1) {
    const job = await readJob(client, id);
    if (job === null) throw new Error("job not visible");
    if (job.status !== "RUNNING") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the job did not finish");
}

/** Creates, starts and waits for a job; fails the test on user errors. */
async function importFile(
  client: GraphQLClient,
  input: {
    recordType: RecordType;
    format: "NDJSON" | "CSV";
    sourceSystem: string;
    content: string;
    fileName?: string;
  },
): Promise<Job> {
  const created = await createJob(client, input);
  const job = created.data?.importJobCreate.importJob;
  if (!job) throw new Error(`create failed: ${JSON.stringify(created.errors ?? created.data)}`);
  const started = await startJob(client, job.id);
  expect(started.userErrors).toEqual([]);
  return started.importJob?.status === "RUNNING" ? settled(client, job.id) : (started.importJob as Job);
}

const ndjson = (records: Record<string, unknown>[]) =>
  `${records.map((r) => JSON.stringify(r)).join("\n")}\n`;

const personRecord = (externalId: string, familyName: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  familyName,
  givenNames: "Testa",
  dateOfBirth: "1990-02-03",
  sex: "MALE",
  nationalities: ["BE"],
  languageCommunity: "NL",
  ...extra,
});

async function refs(app: TestApp, sourceSystem: string, recordType: RecordType) {
  return queryRows<{ external_id: string; record_id: string; person_id: string }>(
    app.database.db,
    sql`select external_id, record_id::text, person_id::text from external_references
        where source_system = ${sourceSystem} and record_type = ${recordType} order by external_id`,
  );
}

let app: TestApp;
let analyst: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp();
  analyst = await app.login(EMAIL("celex.analyst"));
});
afterAll(() => app.close());

describe("sample files", () => {
  it("import in order (persons, episodes, placements, reports), NDJSON and CSV, and the records exist", async () => {
    const files: [RecordType, string][] = [
      ["PERSON", "persons"],
      ["DETENTION_EPISODE", "detention-episodes"],
      ["PLACEMENT", "placements"],
      ["INFORMATION_REPORT", "information-reports"],
    ];
    for (const [recordType, name] of files)
      for (const format of ["NDJSON", "CSV"] as const) {
        const fileName = `${name}.${format.toLowerCase()}`;
        const job = await importFile(analyst, {
          recordType,
          format,
          sourceSystem: "PMS-SAMPLES",
          fileName,
          content: sample(fileName),
        });
        expect({ fileName, status: job.status, failure: job.failure, errors: job.lineErrors }).toEqual({
          fileName,
          status: "SUCCEEDED",
          failure: null,
          errors: [],
        });
        expect(job.applied).toBe(job.total);
        expect(job.total).toBeGreaterThanOrEqual(10);
      }
    expect((await refs(app, "PMS-SAMPLES", "PERSON")).length).toBe(22);
    expect((await refs(app, "PMS-SAMPLES", "DETENTION_EPISODE")).length).toBe(22);
    expect((await refs(app, "PMS-SAMPLES", "PLACEMENT")).length).toBe(20);
    expect((await refs(app, "PMS-SAMPLES", "INFORMATION_REPORT")).length).toBe(20);
    expect(await countRows(app, "persons")).toBe(22);
    expect(await countRows(app, "detention_episodes")).toBe(22);
    // One placement per admission and one per imported move.
    expect(await countRows(app, "placements")).toBe(42);
    expect(await countRows(app, "information_reports")).toBe(20);

    // As the portal shows them: Jasper Vandermeulen is back in the ordinary regime of Hasselt.
    const { persons } = await analyst.data<{
      persons: {
        edges: {
          node: {
            familyName: string;
            aliases: string[];
            detentionStatus: string;
            currentPlacement: { establishment: { code: string }; unit: { code: string } | null } | null;
          };
        }[];
      };
    }>(
      `{ persons(first: 5, filter: { search: "Vandermeulen" }) { edges { node { familyName aliases detentionStatus
         currentPlacement { establishment { code } unit { code } } } } } }`,
    );
    expect(persons.edges.map((e) => e.node)).toEqual([
      {
        familyName: "Vandermeulen",
        aliases: ["J. Vdm"],
        detentionStatus: "DETAINED",
        currentPlacement: { establishment: { code: "HAS" }, unit: null },
      },
    ]);
    // The released ones are released, with their residence.
    const [released] = await queryRows<{ n: string }>(
      app.database.db,
      sql`select count(*)::text as n from detention_episodes where released_on is not null`,
    );
    expect(Number(released?.n)).toBe(3);
  });
});

describe("re-import", () => {
  it("updates the records it created before and never duplicates them", async () => {
    const source = "IDEMPOTENT";
    const file = ndjson([
      personRecord("ID-1", "Aerts"),
      personRecord("ID-2", "Bosmans", { aliases: ["Bos"] }),
      personRecord("ID-3", "Cools"),
    ]);
    const first = await importFile(analyst, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: source,
      content: file,
    });
    expect(first.status).toBe("SUCCEEDED");
    const before = await refs(app, source, "PERSON");
    const personsBefore = await countRows(app, "persons");

    const again = await importFile(analyst, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: source,
      content: file,
    });
    expect(again).toMatchObject({ status: "SUCCEEDED", applied: 3, total: 3 });
    expect(await refs(app, source, "PERSON")).toEqual(before);
    expect(await countRows(app, "persons")).toBe(personsBefore);

    // Changed values: the same persons, updated.
    const changed = ndjson([
      personRecord("ID-1", "Aerts", { givenNames: "Marie Louise", sex: "FEMALE" }),
      personRecord("ID-2", "Bosmans-Peeters", { aliases: ["Bos", "B.P."] }),
      personRecord("ID-3", "Cools"),
    ]);
    const third = await importFile(analyst, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: source,
      content: changed,
    });
    expect(third.status).toBe("SUCCEEDED");
    expect(await refs(app, source, "PERSON")).toEqual(before);
    expect(await countRows(app, "persons")).toBe(personsBefore);
    const rows = await queryRows<{
      family_name: string;
      given_names: string;
      sex: string;
      aliases: string[];
    }>(
      app.database.db,
      sql`select family_name, given_names, sex, aliases from persons
          where id in (select person_id from external_references where source_system = ${source}) order by family_name`,
    );
    expect(rows).toEqual([
      { family_name: "Aerts", given_names: "Marie Louise", sex: "FEMALE", aliases: [] },
      { family_name: "Bosmans-Peeters", given_names: "Testa", sex: "MALE", aliases: ["Bos", "B.P."] },
      { family_name: "Cools", given_names: "Testa", sex: "MALE", aliases: [] },
    ]);

    // Episodes: the same file twice is one episode each; a release added later ends it.
    const episode = {
      externalId: "EP-1",
      personExternalId: "ID-3",
      admittedOn: "2025-01-06",
      legalStatus: "SENTENCED",
      sentenceMonths: 24,
      establishmentCode: "ITT",
    };
    for (let i = 0; i < 2; i += 1)
      expect(
        (
          await importFile(analyst, {
            recordType: "DETENTION_EPISODE",
            format: "NDJSON",
            sourceSystem: source,
            content: ndjson([episode]),
          })
        ).status,
      ).toBe("SUCCEEDED");
    const released = await importFile(analyst, {
      recordType: "DETENTION_EPISODE",
      format: "CSV",
      sourceSystem: source,
      content:
        "externalId,personExternalId,admittedOn,legalStatus,sentenceMonths,establishmentCode,releasedOn,releaseType,releaseMunicipality\n" +
        "EP-1,ID-3,2025-01-06,SENTENCED,24,ITT,2026-09-01,END_OF_SENTENCE,Nivelles\n",
    });
    expect(released.status).toBe("SUCCEEDED");
    const episodes = await queryRows<{ released_on: string | null; release_type: string | null }>(
      app.database.db,
      sql`select released_on::text, release_type from detention_episodes where person_id =
          (select person_id from external_references where source_system = ${source} and external_id = 'ID-3' and record_type = 'PERSON')`,
    );
    expect(episodes).toEqual([{ released_on: "2026-09-01", release_type: "END_OF_SENTENCE" }]);
  });

  it("creates a batch's new persons together, beside the known one it updates, each a full registration", async () => {
    const source = "TOGETHER";
    await importFile(analyst, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: source,
      content: ndjson([personRecord("TG-1", "Dewulf")]),
    });
    const job = await importFile(analyst, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: source,
      content: ndjson([
        personRecord("TG-2", "Engelsvoort"),
        personRecord("TG-1", "Dewulf-Maes"),
        personRecord("TG-3", "Fierensdal", { aliases: ["Fiero"] }),
      ]),
    });
    expect(job).toMatchObject({ status: "SUCCEEDED", applied: 3, total: 3 });
    const imported = await refs(app, source, "PERSON");
    expect(imported.map((r) => r.external_id)).toEqual(["TG-1", "TG-2", "TG-3"]);
    const rows = await queryRows<{
      reference: string;
      family_name: string;
      search_text: string;
      summarized: boolean;
    }>(
      app.database.db,
      sql`select p.reference, p.family_name, p.search_text, s.person_id is not null as summarized
          from persons p left join person_case_summaries s on s.person_id = p.id
          where p.id = any(${`{${imported.map((r) => r.person_id).join(",")}}`}::uuid[]) order by p.family_name`,
    );
    expect(rows.map((r) => r.family_name)).toEqual(["Dewulf-Maes", "Engelsvoort", "Fierensdal"]);
    expect(rows.every((r) => r.summarized && /^CX-\d{4}-\d{4,}$/.test(r.reference))).toBe(true);
    expect(new Set(rows.map((r) => r.reference)).size).toBe(3);
    // Found by the caseload's search, aliases included, like a person registered in the portal.
    const found = await analyst.data<{ persons: { edges: { node: { familyName: string } }[] } }>(
      `{ persons(first: 5, filter: { search: "fiero" }) { edges { node { familyName } } } }`,
    );
    expect(found.persons.edges.map((e) => e.node.familyName)).toEqual(["Fierensdal"]);
  });
});

describe("re-imported reports", () => {
  it("file a correcting version in the same lineage when the content changed, nothing when it did not", async () => {
    const source = "REPORTS";
    await importFile(analyst, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: source,
      content: ndjson([personRecord("RP-1", "Reported")]),
    });
    const report = {
      externalId: "IR-1",
      personExternalId: "RP-1",
      observedOn: "2026-10-01",
      title: "Visit by an unknown contact",
      body: "Fictional: a visitor not on the list.",
      sourceReliability: "B",
      informationCredibility: 2,
      classification: "UNCLASSIFIED",
      handlingCode: "SHARE_LAW_ENFORCEMENT",
    };
    const versions = async () =>
      queryRows<{ version: number; title: string; correction_reason: string | null }>(
        app.database.db,
        sql`select version, title, correction_reason from information_reports where lineage_id =
            (select record_id from external_references where source_system = ${source} and external_id = 'IR-1')
            order by version`,
      );
    for (const content of [
      report,
      report,
      { ...report, title: "Visit by a listed contact" },
      { ...report, title: "Visit by a listed contact" },
    ]) {
      const job = await importFile(analyst, {
        recordType: "INFORMATION_REPORT",
        format: "NDJSON",
        sourceSystem: source,
        content: ndjson([content]),
      });
      expect(job.status).toBe("SUCCEEDED");
    }
    const written = await versions();
    expect(written.map((v) => [v.version, v.title])).toEqual([
      [1, "Visit by an unknown contact"],
      [2, "Visit by a listed contact"],
    ]);
    expect(written[1]?.correction_reason).toMatch(/^Corrected by a re-import from REPORTS \(import job /);
    expect((await refs(app, source, "INFORMATION_REPORT")).length).toBe(1);
  });
});

describe("a restart", () => {
  it("marks the jobs left running FAILED, to be resumed", async () => {
    const created = await createJob(analyst, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: "RESTART",
      content: ndjson([personRecord("RS-1", "Restarta"), personRecord("RS-2", "Restartb")]),
    });
    const id = created.data?.importJobCreate.importJob?.id as string;
    // As a process that stopped while the job ran would have left it.
    await app.database.db.execute(
      sql`update import_jobs set status = 'RUNNING', started_at = now() where source_system = 'RESTART'`,
    );
    expect(await failInterruptedImports(app.database)).toBe(1);
    expect(await readJob(analyst, id)).toMatchObject({
      status: "FAILED",
      applied: 0,
      failure: "interrupted by a restart of the API: resume the job to continue",
    });
    await analyst.data(
      `mutation($id: ID!) { importJobResume(input: { importJobId: $id }) { userErrors { message } } }`,
      {
        id,
      },
    );
    expect(await settled(analyst, id)).toMatchObject({ status: "SUCCEEDED", applied: 2 });
  });
});

describe("validation", () => {
  it("reports every bad line with its number, field and reason, and writes nothing", async () => {
    const counts = await caseRowCounts(app);
    const reports = await countRows(app, "information_reports");
    const csv = [
      "externalId,familyName,givenNames,dateOfBirth,sex,nationalities,languageCommunity,nickname",
      "BAD-1,Valid,Anna,1990-01-01,FEMALE,BE,NL,",
      "BAD-2,,Bob,1990-01-01,MALE,BE,NL,",
      "BAD-3,Carl,Dee,2999-01-01,MALE,BE,NL,",
      "BAD-1,Dup,Dup,1990-01-01,MALE,BE,NL,",
      "BAD-5,Eve,Fay,1990-01-01,ALIEN,BE;XYZ,NL,",
      'BAD-6,Gus,"Multi',
      'line",1990-01-01,MALE,BE,NL,',
      "BAD-7,Hal,Ian,1990-01-01,MALE,BE",
      "BAD-8,Ivo,Jan,1990-01-01,MALE,BE,NL,Jimmy",
      "",
    ].join("\n");
    const job = await importFile(analyst, {
      recordType: "PERSON",
      format: "CSV",
      sourceSystem: "BAD",
      content: csv,
    });
    expect(job.status).toBe("INVALID");
    expect(job.total).toBe(8);
    expect(job.invalid).toBe(7);
    expect(job.applied).toBe(0);
    const byLine = job.lineErrors.map((e) => [e.line, e.field]);
    expect(byLine).toEqual([
      [3, "familyName"],
      [4, "dateOfBirth"],
      [5, "externalId"],
      [6, "sex"],
      [6, "nationalities.1"],
      [7, "givenNames"],
      [9, "(line)"],
      [10, "nickname"],
    ]);
    const reason = (line: number, field: string) =>
      job.lineErrors.find((e) => e.line === line && e.field === field)?.reason;
    expect(reason(3, "familyName")).toBe("is required");
    expect(reason(4, "dateOfBirth")).toBe("must not be in the future");
    expect(reason(6, "nationalities.1")).toBe("must be a two-letter ISO 3166-1 country code, e.g. BE");
    // A quoted cell over two lines: the record is numbered by its first line.
    expect(reason(7, "givenNames")).toBe("must not contain control characters");
    expect(reason(5, "externalId")).toBe("is already the externalId of line 2");
    expect(reason(9, "(line)")).toBe("has 6 cells where the header has 8");
    expect(reason(10, "nickname")).toBe("is not a field of this record type");

    // References that resolve to nothing, unknown codes and unreadable lines.
    const episodes = [
      '{"externalId":"E-1","personExternalId":"NOBODY","admittedOn":"2025-01-01","legalStatus":"SENTENCED","sentenceMonths":12,"establishmentCode":"ITT"}',
      '{"externalId":"E-2","personReference":"CX-1999-0001","admittedOn":"2025-01-01","legalStatus":"PREVENTIVE_DETENTION","establishmentCode":"XXX"}',
      "{not json",
      '{"externalId":"E-4","personExternalId":"ID-1","personReference":"CX-2026-5000","admittedOn":"2025-01-01","legalStatus":"SENTENCED","establishmentCode":"ITT","unitCode":"HAS-DRX"}',
    ].join("\n");
    const invalid = await importFile(analyst, {
      recordType: "DETENTION_EPISODE",
      format: "NDJSON",
      sourceSystem: "IDEMPOTENT",
      content: episodes,
    });
    expect(invalid).toMatchObject({ status: "INVALID", total: 4, invalid: 4 });
    expect(invalid.lineErrors.map((e) => [e.line, e.field, e.reason])).toEqual([
      [1, "personExternalId", "no person was imported with this externalId from this source system"],
      [2, "personReference", "no person with this case reference that you can see"],
      [2, "establishmentCode", "is not the code of an establishment"],
      [3, "(line)", expect.stringMatching(/^is not valid JSON/)],
      [4, "sentenceMonths", "is required for a sentenced person"],
      [4, "personExternalId", "give personExternalId or personReference, not both"],
    ]);
    expect(await caseRowCounts(app)).toEqual(counts);
    expect(await countRows(app, "information_reports")).toBe(reports);
  });

  it("refuses a CSV without its header, a job beyond the limit, and a second start", async () => {
    const noHeader = await createJob(analyst, {
      recordType: "PERSON",
      format: "CSV",
      sourceSystem: "X",
      content: "",
    });
    expect(noHeader.data?.importJobCreate.userErrors).toEqual([
      {
        field: "content",
        message: "the CSV header (the field names, on the first line) is missing",
        code: "INVALID",
      },
    ]);
    // Over 1 MB per request: the server refuses the body (files are sent in parts).
    const tooBig = await createJob(analyst, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: "X",
      content: "x".repeat(1_100_000),
    });
    expect(tooBig.status).toBe(413);
  });

  it("takes a file in parts, numbering lines across them", async () => {
    const header = "externalId,familyName,givenNames,dateOfBirth,sex,nationalities,languageCommunity\n";
    const created = await createJob(analyst, {
      recordType: "PERSON",
      format: "CSV",
      sourceSystem: "PARTS",
      content: `${header}P-1,Part,One,1990-01-01,MALE,BE,NL\n\n`,
    });
    const id = created.data?.importJobCreate.importJob?.id as string;
    const appended = await analyst.data<{ importJobAppend: Payload }>(
      `mutation($id: ID!, $c: String!) { importJobAppend(input: { importJobId: $id, content: $c }) { importJob { total } userErrors { field message } } }`,
      { id, c: "P-2,Part,Two,2999-01-01,MALE,BE,NL\n" },
    );
    expect(appended.importJobAppend).toEqual({ importJob: { total: 2 }, userErrors: [] });
    const started = await startJob(analyst, id);
    expect(started.importJob?.status).toBe("INVALID");
    expect(started.importJob?.lineErrors).toEqual([
      { line: 4, field: "dateOfBirth", reason: "must not be in the future" },
    ]);
  });
});

describe("failure and resume", () => {
  it("a batch refused at apply time stops the job; once fixed, resume finishes it without doubles", async () => {
    const runner = importRunnerOf(app.database);
    if (runner === undefined) throw new Error("no runner");
    runner.batchSize = 2;
    try {
      const source = "RESUME";
      const persons = ["R-1", "R-2", "R-3", "R-4", "R-5"].map((id, i) => personRecord(id, `Resume${i + 1}`));
      expect(
        (
          await importFile(analyst, {
            recordType: "PERSON",
            format: "NDJSON",
            sourceSystem: source,
            content: ndjson(persons),
          })
        ).status,
      ).toBe("SUCCEEDED");
      const [r3] = (await refs(app, source, "PERSON")).filter((r) => r.external_id === "R-3");
      const personId = toGlobalId("Person", r3?.person_id as string);
      // Between the file's making and its import, R-3 was admitted by hand: line 3 will be refused.
      const at = await places(analyst);
      const opened = await analyst.data<{
        detentionEpisodeOpen: { episode: { id: string } | null; userErrors: unknown[] };
      }>(
        `mutation($input: DetentionEpisodeOpenInput!) { detentionEpisodeOpen(input: $input) { episode { id } userErrors { field message } } }`,
        {
          input: {
            personId,
            admittedOn: "2025-01-06",
            legalStatus: "PREVENTIVE_DETENTION",
            establishmentId: at.establishment("ITT"),
          },
        },
      );
      expect(opened.detentionEpisodeOpen.userErrors).toEqual([]);

      const episodes = ["R-1", "R-2", "R-3", "R-4", "R-5"].map((p, i) => ({
        externalId: `REP-${i + 1}`,
        personExternalId: p,
        admittedOn: "2025-06-02",
        legalStatus: "PREVENTIVE_DETENTION",
        establishmentCode: "HAS",
      }));
      const failed = await importFile(analyst, {
        recordType: "DETENTION_EPISODE",
        format: "NDJSON",
        sourceSystem: source,
        content: ndjson(episodes),
      });
      expect(failed).toMatchObject({
        status: "FAILED",
        total: 5,
        applied: 2,
        failure: "Line 3: personExternalId: the person is already detained: record a transfer instead",
      });
      expect((await refs(app, source, "DETENTION_EPISODE")).map((r) => r.external_id)).toEqual([
        "REP-1",
        "REP-2",
      ]);

      // Fix the cause: the hand-made episode ends before the imported admission.
      const released = await analyst.data<{ detentionEpisodeRelease: { userErrors: unknown[] } }>(
        `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { field message } } }`,
        {
          input: {
            episodeId: opened.detentionEpisodeOpen.episode?.id,
            releasedOn: "2025-03-03",
            releaseType: "END_OF_PREVENTIVE_DETENTION",
            releaseMunicipality: "Nivelles",
          },
        },
      );
      expect(released.detentionEpisodeRelease.userErrors).toEqual([]);

      const resumed = await analyst.data<{ importJobResume: Payload }>(
        `mutation($id: ID!) { importJobResume(input: { importJobId: $id }) { importJob { status failure } userErrors { field message } } }`,
        { id: failed.id },
      );
      expect(resumed.importJobResume).toEqual({
        importJob: { status: "RUNNING", failure: null },
        userErrors: [],
      });
      const done = await settled(analyst, failed.id);
      expect(done).toMatchObject({ status: "SUCCEEDED", applied: 5, total: 5, failure: null });
      const imported = await refs(app, source, "DETENTION_EPISODE");
      expect(imported.map((r) => r.external_id)).toEqual(["REP-1", "REP-2", "REP-3", "REP-4", "REP-5"]);
      const perPerson = await queryRows<{ n: string }>(
        app.database.db,
        sql`select count(*)::text as n from detention_episodes e join external_references r
            on r.person_id = e.person_id and r.record_type = 'PERSON' and r.source_system = ${source}
            group by e.person_id order by count(*) desc`,
      );
      expect(perPerson.map((r) => Number(r.n))).toEqual([2, 1, 1, 1, 1]);
      // The payloads are emptied once the job has succeeded.
      const [left] = await queryRows<{ n: string }>(
        app.database.db,
        sql`select count(*)::text as n from import_job_lines l join import_jobs j on j.id = l.job_id
            where j.source_system = ${source} and j.status = 'SUCCEEDED' and l.payload <> '{}'::jsonb`,
      );
      expect(Number(left?.n)).toBe(0);
      // A job that is not FAILED is not resumed.
      const again = await analyst.data<{ importJobResume: Payload }>(
        `mutation($id: ID!) { importJobResume(input: { importJobId: $id }) { importJob { status } userErrors { field code } } }`,
        { id: failed.id },
      );
      expect(again.importJobResume.userErrors).toEqual([{ field: "importJobId", code: "RULE_VIOLATION" }]);
    } finally {
      runner.batchSize = 200;
    }
  });
});

describe("progress", () => {
  it("shows records done and total, the rate and, while running, the expected end", async () => {
    const runner = importRunnerOf(app.database);
    if (runner === undefined) throw new Error("no runner");
    runner.batchSize = 3;
    try {
      const persons = Array.from({ length: 12 }, (_, i) => personRecord(`PG-${i + 1}`, `Progress${i + 1}`));
      const created = await createJob(analyst, {
        recordType: "PERSON",
        format: "NDJSON",
        sourceSystem: "PROGRESS",
        content: ndjson(persons),
      });
      const id = created.data?.importJobCreate.importJob?.id as string;
      expect(created.data?.importJobCreate.importJob).toMatchObject({
        status: "RECEIVING",
        total: 12,
        applied: 0,
        recordsPerMinute: null,
        estimatedCompletionAt: null,
        startedAt: null,
      });
      await startJob(analyst, id);
      const seen: Job[] = [];
      let job = (await readJob(analyst, id)) as Job;
      while (job.status === "RUNNING") {
        seen.push(job);
        job = (await readJob(analyst, id)) as Job;
      }
      for (const running of seen.filter((j) => j.applied > 0)) {
        expect(running.recordsPerMinute).toBeGreaterThan(0);
        expect(Date.parse(running.estimatedCompletionAt as string)).toBeGreaterThanOrEqual(
          Date.parse(running.startedAt as string),
        );
      }
      expect(job).toMatchObject({ status: "SUCCEEDED", applied: 12, total: 12, estimatedCompletionAt: null });
      expect(job.recordsPerMinute).toBeGreaterThan(0);
      expect(Date.parse(job.finishedAt as string)).toBeGreaterThanOrEqual(
        Date.parse(job.startedAt as string),
      );
      const list = await analyst.data<{
        importJobs: { totalCount: number; edges: { node: { id: string } }[] };
      }>("{ importJobs(first: 1) { totalCount edges { node { id } } } }");
      expect(list.importJobs.edges.map((e) => e.node.id)).toEqual([id]);
      expect(list.importJobs.totalCount).toBeGreaterThan(1);
    } finally {
      runner.batchSize = 200;
    }
  });
});

describe("access", () => {
  it("needs the record type's action, shows a job to its agency only, and refuses read-only tokens", async () => {
    const police = await app.login(EMAIL("police.officer"));
    const refused = await createJob(police, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: "POLICE",
      content: ndjson([personRecord("PO-1", "Nope")]),
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const job = await importFile(analyst, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: "ACCESS",
      content: ndjson([personRecord("AC-1", "Access")]),
    });
    expect(job.status).toBe("SUCCEEDED");
    expect(await readJob(police, job.id)).toBeNull();
    const listed = await police.data<{ importJobs: { totalCount: number } }>(
      "{ importJobs(first: 10) { totalCount } }",
    );
    expect(listed.importJobs.totalCount).toBe(0);
    const node = await police.data<{ node: unknown }>("query($id: ID!) { node(id: $id) { id } }", {
      id: job.id,
    });
    expect(node.node).toBeNull();
    // Nor does a prison.
    const prison = await app.login(EMAIL("prison-ittre.officer"));
    expect(await readJob(prison, job.id)).toBeNull();

    const admin = await app.login(EMAIL("admin"));
    const users = await admin.data<{ users: { edges: { node: { id: string; email: string } }[] } }>(
      'query { users(first: 5, search: "celex.integration") { edges { node { id email } } } }',
    );
    const account = users.users.edges[0]?.node.id;
    const token = async (scopes: string[]) => {
      const created = await admin.data<{ apiTokenCreate: { token: string } }>(
        `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token } }`,
        {
          input: {
            userId: account,
            name: `Import ${scopes.join("+")}`,
            scopes,
            expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
            purpose: { code: "SYSTEM_INTEGRATION", note: "Prison management system import" },
          },
        },
      );
      return app.withToken(created.apiTokenCreate.token);
    };
    const reader = await token(["READ"]);
    const readOnly = await createJob(reader, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: "TOKEN",
      content: ndjson([personRecord("TK-1", "Token")]),
    });
    expect(readOnly.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    // A writing token imports; the job runs as the token, audited as it.
    const writer = await token(["READ", "WRITE"]);
    const byToken = await importFile(writer, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: "TOKEN",
      content: ndjson([personRecord("TK-1", "Token")]),
    });
    expect(byToken.status).toBe("SUCCEEDED");
    const entries = await queryRows<{ actor_token_id: string | null; purpose_code: string }>(
      app.database.db,
      sql`select actor_token_id::text, purpose_code from audit_events where details->>'importJobId' = ${byToken.id}`,
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.actor_token_id !== null && e.purpose_code === "SYSTEM_INTEGRATION")).toBe(
      true,
    );
  });
});

describe("audit", () => {
  it("writes entries for every batch with the job as their source", async () => {
    const job = await importFile(analyst, {
      recordType: "PERSON",
      format: "NDJSON",
      sourceSystem: "AUDIT",
      content: ndjson([personRecord("AU-1", "Audit"), personRecord("AU-2", "Audited")]),
    });
    const entries = await queryRows<{
      operation: string;
      person_id: string | null;
      details: { importJobId: string; lines: number[]; line: number; mutation?: string };
      actor_user_id: string | null;
      purpose_code: string | null;
    }>(
      app.database.db,
      sql`select operation, person_id::text, details, actor_user_id::text, purpose_code from audit_events
          where details->>'importJobId' = ${job.id} order by id`,
    );
    const [au1, au2] = await refs(app, "AUDIT", "PERSON");
    expect(entries.map((e) => [e.operation, e.person_id, e.details.lines, e.details.line])).toEqual([
      ["SEARCH", null, 2, undefined],
      ["CREATE", au1?.person_id, [1, 2], 1],
      ["CREATE", au2?.person_id, [1, 2], 2],
      ["UPDATE", null, [1, 2], 0],
    ]);
    expect(entries.every((e) => e.actor_user_id !== null && e.purpose_code !== null)).toBe(true);
  });
});
