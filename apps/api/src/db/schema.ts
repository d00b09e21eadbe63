// Every table, for drizzle-kit and the relational query builder.
export * from "../access/audit.table.js";
export * from "../access/break-glass.table.js";
export * from "../auth/auth.table.js";
export * from "../modules/agencies/agency.table.js";
export * from "../modules/assessments/assessment.table.js";
export * from "../modules/detention/detention.table.js";
export * from "../modules/establishments/establishment.table.js";
export * from "../modules/evaluations/evaluation.table.js";
export * from "../modules/incidents/incident.table.js";
export * from "../modules/measures/measure.table.js";
export * from "../modules/persons/person.table.js";
export * from "../modules/programmes/programme.table.js";
export * from "../modules/reports/report.table.js";
export * from "../modules/screening/screening.table.js";
export * from "../modules/screening/watchlist.table.js";
export * from "../modules/users/user.table.js";
