/**
 * An audit entry's details (free-form JSON) as one short line: `key: value` pairs, nested values
 * as JSON, cut at `max` characters. Shown to oversight only.
 */
export function summarizeDetails(details: Record<string, unknown>, max = 160): string {
  const parts = Object.entries(details).map(([key, value]) => {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return `${key}: ${text}`;
  });
  const line = parts.join("; ");
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
