/** What Next.js passes as `searchParams`, or a URLSearchParams. */
export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function allParams(params: RawSearchParams, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function firstParam(params: RawSearchParams, key: string): string | undefined {
  return allParams(params, key)[0];
}

/** Opaque cursors and global IDs are base64url-ish text; anything else is dropped, not sent. */
export const TOKEN = /^[A-Za-z0-9_=+/-]{1,512}$/;

/** Beyond this many pages a trail of cursors is dropped (keeps URLs bounded). */
export const MAX_TRAIL = 200;

/** The cursors of the pages before this one (the API pages forward only), oldest first. */
export function readTrail(params: RawSearchParams, key: string): string[] {
  const trail = allParams(params, key).filter((c) => TOKEN.test(c));
  return trail.length > MAX_TRAIL ? [] : trail;
}

export function readToken(params: RawSearchParams, key: string): string | null {
  const value = firstParam(params, key)?.trim() ?? "";
  return TOKEN.test(value) ? value : null;
}

/** A link to `pathname` with these parameters (none: the bare path). */
export function hrefWith(pathname: string, params: URLSearchParams, hash = ""): string {
  const query = params.toString();
  return `${query === "" ? pathname : `${pathname}?${query}`}${hash}`;
}
