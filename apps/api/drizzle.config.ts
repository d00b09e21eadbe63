import { defineConfig } from "drizzle-kit";

// Migrations are generated from the table definitions and committed; they are never pushed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./src/db/migrations",
  casing: "snake_case",
});
