import { describe, expect, it } from "vitest";
import { formatOfFileName, recordsOf, requestWeight, splitIntoParts } from "./file-parts";

const HEADER = "externalId,familyName,givenNames,dateOfBirth\n";
const csvLine = (n: number) =>
  `P-${String(n).padStart(4, "0")},Fictif,Jean-Élie,1990-01-${String((n % 28) + 1).padStart(2, "0")}\n`;
const csv = (records: number) => HEADER + Array.from({ length: records }, (_, i) => csvLine(i + 1)).join("");

describe("formatOfFileName", () => {
  it("preselects the format from the file's extension", () => {
    expect(formatOfFileName("persons.csv")).toBe("CSV");
    expect(formatOfFileName("PERSONS.CSV")).toBe("CSV");
    expect(formatOfFileName("episodes.ndjson")).toBe("NDJSON");
    expect(formatOfFileName("episodes.jsonl")).toBe("NDJSON");
    expect(formatOfFileName("notes.txt")).toBeNull();
    expect(formatOfFileName("no-extension")).toBeNull();
  });
});

describe("splitIntoParts", () => {
  it("keeps a small file in one part, unchanged", () => {
    const text = csv(30);
    expect(splitIntoParts(text, "CSV")).toEqual([text]);
    expect(splitIntoParts("", "NDJSON")).toEqual([""]);
  });

  it("cuts only at line ends, each part within the limit, the parts giving back the file", () => {
    const text = csv(500);
    const parts = splitIntoParts(text, "CSV", 2_000);
    expect(parts.length).toBeGreaterThanOrEqual(10);
    expect(parts.join("")).toBe(text);
    for (const part of parts) {
      expect(part.endsWith("\n")).toBe(true);
      expect(requestWeight(part)).toBeLessThanOrEqual(2_000);
      expect(part.length).toBeLessThanOrEqual(2_000);
    }
  });

  it("puts the CSV header in the first part only", () => {
    const parts = splitIntoParts(csv(500), "CSV", 2_000);
    expect(parts[0]?.startsWith(HEADER)).toBe(true);
    for (const part of parts.slice(1)) {
      expect(part.includes("externalId,familyName")).toBe(false);
      expect(part.startsWith("P-")).toBe(true);
    }
  });

  it("stays under 700 000 characters per part by default, for a file of several megabytes", () => {
    const text = csv(60_000);
    expect(text.length).toBeGreaterThan(2_000_000);
    const parts = splitIntoParts(text, "CSV");
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(parts.join("")).toBe(text);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(700_000);
      // What travels in the request (UTF-8, escapes) stays under the API's 1 MB body limit.
      expect(Buffer.byteLength(JSON.stringify(part), "utf8")).toBeLessThan(1_000_000);
    }
  });

  it("keeps a CSV record whose quoted field holds a line break in one part", () => {
    const quoted = 'P-0002,"Fictif\nDeux","Ann ""Annie""",1991-02-02\n';
    const text = `${HEADER}P-0001,Fictif,Un,1990-01-01\n${quoted}P-0003,Fictif,Trois,1992-03-03\n`;
    expect(recordsOf(text, "CSV")).toEqual([
      HEADER,
      "P-0001,Fictif,Un,1990-01-01\n",
      quoted,
      "P-0003,Fictif,Trois,1992-03-03\n",
    ]);
    const parts = splitIntoParts(text, "CSV", requestWeight(quoted) + 5);
    expect(parts).toContain(quoted);
    expect(parts.join("")).toBe(text);
  });

  it("cuts NDJSON at every line end (quotes are JSON's own), counting escapes and accents", () => {
    const line = `${JSON.stringify({ externalId: "P-1", familyName: 'Émile "Test"', givenNames: "Zoë" })}\n`;
    const text = line.repeat(10);
    expect(recordsOf(text, "NDJSON")).toHaveLength(10);
    const weight = requestWeight(line);
    expect(weight).toBe(Buffer.byteLength(JSON.stringify(line), "utf8") - 2);
    const parts = splitIntoParts(text, "NDJSON", weight * 3);
    expect(parts).toEqual([line.repeat(3), line.repeat(3), line.repeat(3), line]);
  });

  it("keeps a last line without a line end, and blank lines (the API's line numbers stay the file's)", () => {
    const text = `${HEADER}P-1,A,B,1990-01-01\n\nP-2,A,B,1990-01-02`;
    const parts = splitIntoParts(text, "CSV", requestWeight("P-1,A,B,1990-01-01\n"));
    expect(parts.join("")).toBe(text);
    expect(parts).toEqual([HEADER, "P-1,A,B,1990-01-01\n", "\nP-2,A,B,1990-01-02"]);
    expect(recordsOf(text, "CSV").slice(2)).toEqual(["\n", "P-2,A,B,1990-01-02"]);
  });

  it("sends a record heavier than the limit as a part of its own", () => {
    const long = `${"x".repeat(50)}\n`;
    expect(splitIntoParts(`a\n${long}b\n`, "NDJSON", 10)).toEqual(["a\n", long, "b\n"]);
  });
});
