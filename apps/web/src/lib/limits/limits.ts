/**
 * Input limits the API enforces (packages/domain), repeated here so that client components do not
 * pull the domain package (and its validation library) into the browser. A unit test checks that
 * they match.
 */
export const PURPOSE_NOTE_MAX = 500;
export const JUSTIFICATION_MIN = 20;
export const JUSTIFICATION_MAX = 2000;
export const REVIEW_NOTE_MAX = 2000;
export const BREAK_GLASS_HOURS = 4;
export const TOKEN_NAME_MAX = 100;
export const TOKEN_MAX_DAYS = 366;
