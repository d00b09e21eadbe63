import type { ImportFormat } from "@continuum/domain";
import Papa from "papaparse";
import { type FieldSpec, fromCsvCell, WHOLE_LINE } from "./formats/format.js";
import type { MetaPayload, NewLine } from "./import.repository.js";

export interface ParsedPart {
  lines: NewLine[];
  meta: MetaPayload;
  /** A problem with the part as a whole (a CSV without its header): nothing of it is kept. */
  problem: string | null;
}

/** How many lines of the file a part holds: it ends at a line boundary (a last line may lack its newline). */
function lineCount(text: string): number {
  if (text === "") return 0;
  const newlines = text.split("\n").length - 1;
  return text.endsWith("\n") ? newlines : newlines + 1;
}

/** Half of a UTF-16 surrogate pair on its own: Postgres refuses it in JSON (jsonb), so a line carrying one is refused. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** JSON.parse's message quotes the line and may cut a character in half: what is kept must be storable. */
const storable = (message: string) => message.replace(new RegExp(LONE_SURROGATE, "g"), "\uFFFD");

function parseNdjson(text: string, firstLine: number): NewLine[] {
  const lines: NewLine[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") return;
    const lineNumber = firstLine + index;
    try {
      let malformedText = false;
      const value: unknown = JSON.parse(line, (key, v: unknown) => {
        if (LONE_SURROGATE.test(key) || (typeof v === "string" && LONE_SURROGATE.test(v)))
          malformedText = true;
        return v;
      });
      if (malformedText)
        lines.push({
          lineNumber,
          payload: {},
          errors: [{ field: WHOLE_LINE, reason: "contains an unpaired UTF-16 surrogate (\\uD800-\\uDFFF)" }],
        });
      else if (value === null || typeof value !== "object" || Array.isArray(value))
        lines.push({
          lineNumber,
          payload: {},
          errors: [{ field: WHOLE_LINE, reason: "must be a JSON object" }],
        });
      else lines.push({ lineNumber, payload: value as Record<string, unknown>, errors: null });
    } catch (error) {
      lines.push({
        lineNumber,
        payload: {},
        errors: [{ field: WHOLE_LINE, reason: `is not valid JSON (${storable((error as Error).message)})` }],
      });
    }
  });
  return lines;
}

/** CSV (RFC 4180, through papaparse): quoted cells may span lines; a record is numbered by its first line. */
function parseCsv(
  text: string,
  firstLine: number,
  header: string[] | undefined,
  fields: readonly FieldSpec[],
): { lines: NewLine[]; header: string[] | undefined } {
  const kinds = new Map(fields.map((f) => [f.name, f.kind]));
  const lines: NewLine[] = [];
  let columns = header;
  let start = 0;
  let counted = 0;
  let newlinesBefore = 0;
  Papa.parse<string[]>(text, {
    step: (row) => {
      for (let i = counted; i < start; i += 1) if (text.charCodeAt(i) === 10) newlinesBefore += 1;
      counted = start;
      const lineNumber = firstLine + newlinesBefore;
      start = row.meta.cursor;
      const cells = row.data;
      if (cells.length === 1 && (cells[0] ?? "").trim() === "") return;
      if (columns === undefined) {
        columns = cells.map((c) => c.trim());
        return;
      }
      const parseError = row.errors[0];
      if (parseError !== undefined) {
        lines.push({
          lineNumber,
          payload: {},
          errors: [{ field: WHOLE_LINE, reason: `is not valid CSV (${parseError.message})` }],
        });
        return;
      }
      if (cells.length !== columns.length) {
        lines.push({
          lineNumber,
          payload: {},
          errors: [
            { field: WHOLE_LINE, reason: `has ${cells.length} cells where the header has ${columns.length}` },
          ],
        });
        return;
      }
      const payload: Record<string, unknown> = {};
      columns.forEach((name, i) => {
        const cell = cells[i] ?? "";
        if (cell.trim() !== "") payload[name] = fromCsvCell(kinds.get(name), cell);
      });
      lines.push({ lineNumber, payload, errors: null });
    },
  });
  return { lines, header: columns };
}

/** Reads one part of a file: its records, numbered after the lines received before it. */
export function parsePart(
  format: ImportFormat,
  content: string,
  meta: MetaPayload,
  fields: readonly FieldSpec[],
): ParsedPart {
  const firstLine = meta.lines + 1;
  const lines = lineCount(content);
  if (format === "NDJSON")
    return { lines: parseNdjson(content, firstLine), meta: { lines: meta.lines + lines }, problem: null };
  if (LONE_SURROGATE.test(content))
    return {
      lines: [],
      meta,
      problem: "the content contains an unpaired UTF-16 surrogate (\\uD800-\\uDFFF)",
    };
  const parsed = parseCsv(content, firstLine, meta.header, fields);
  if (parsed.header === undefined || parsed.header.every((c) => c === ""))
    return { lines: [], meta, problem: "the CSV header (the field names, on the first line) is missing" };
  const duplicate = parsed.header.find((name, i) => parsed.header?.indexOf(name) !== i);
  if (duplicate !== undefined) return { lines: [], meta, problem: `the CSV header names ${duplicate} twice` };
  return { lines: parsed.lines, meta: { header: parsed.header, lines: meta.lines + lines }, problem: null };
}
