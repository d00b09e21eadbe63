import type { ImportFormat } from "@continuum/domain";

/**
 * A file to import, cut into the parts the API takes one request at a time (`importJobCreate` with
 * the first, `importJobAppend` with each of the others). Pure, tested.
 */

/**
 * The most a part may weigh once written into a request (UTF-8 bytes of its JSON string): the
 * API refuses bodies over 1 MB, so a part stays well under it, with room for the operation. Bytes
 * of the JSON string, not characters: accents and escaped quotes weigh more than one.
 */
export const PART_MAX_BYTES = 700_000;

/** The format a file's name suggests (`.csv`, `.ndjson`, `.jsonl`), or null when it says nothing. */
export function formatOfFileName(name: string): ImportFormat | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name.trim())?.[1]?.toLowerCase();
  if (extension === "csv") return "CSV";
  if (extension === "ndjson" || extension === "jsonl") return "NDJSON";
  return null;
}

/** How much a piece of text weighs in a JSON request body (UTF-8 bytes, escapes included). */
export function requestWeight(text: string): number {
  const encoded = JSON.stringify(text);
  let bytes = encoded.length - 2;
  for (let i = 1; i < encoded.length - 1; i++) {
    const code = encoded.charCodeAt(i);
    if (code >= 0x80) {
      if (code < 0x800) bytes += 1;
      // A surrogate pair is two UTF-16 units and four bytes: two more than counted.
      else if (code >= 0xd800 && code <= 0xdfff) bytes += 1;
      else bytes += 2;
    }
  }
  return bytes;
}

/**
 * The records of a file, each with its line ending: a line, or for CSV the lines of one record (a
 * quoted field may hold line breaks, RFC 4180). Joined, they give the file back unchanged.
 */
export function recordsOf(text: string, format: ImportFormat): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (format === "CSV" && char === 0x22 /* " */) quoted = !quoted;
    else if (char === 0x0a /* \n */ && !quoted) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * The file in parts of at most `maxBytes` each (`requestWeight`), cut only between records, in
 * order: concatenated they are the file exactly (line numbers stay the file's). For CSV the header
 * is the file's first line, so it is in the first part only. A single record heavier than
 * `maxBytes` is a part of its own (the API then says what is wrong with it).
 */
export function splitIntoParts(text: string, format: ImportFormat, maxBytes = PART_MAX_BYTES): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let weight = 0;
  for (const record of recordsOf(text, format)) {
    const recordWeight = requestWeight(record);
    if (current.length > 0 && weight + recordWeight > maxBytes) {
      parts.push(current.join(""));
      current = [];
      weight = 0;
    }
    current.push(record);
    weight += recordWeight;
  }
  if (current.length > 0 || parts.length === 0) parts.push(current.join(""));
  return parts;
}
