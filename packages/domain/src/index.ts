export * from "./access.js";
export * from "./agency.js";
export * from "./dates.js";
export * from "./detention.js";
export * from "./enum.js";
export * from "./listing.js";
export * from "./person.js";
export * from "./screening.js";
