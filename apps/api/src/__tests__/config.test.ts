import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config.js";

describe("loadConfig", () => {
  it("runs on embedded PGlite with demo data when no DATABASE_URL is set", () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: "pglite", dataDir: "./.data" });
    expect(config.seedDemo).toBe(true);
    expect(config.port).toBe(4000);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", API_PORT: "" }).database.kind).toBe("pglite");
  });

  it("uses Postgres, without demo data, when DATABASE_URL is set", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://u:p@db:5432/continuum" });
    expect(config.database).toMatchObject({ kind: "postgres", url: "postgres://u:p@db:5432/continuum" });
    expect(config.seedDemo).toBe(false);
  });

  it("lists every bad variable with a clear message", () => {
    expect(() => loadConfig({ API_PORT: "seventy", DATABASE_URL: "mysql://x", SEED_DEMO: "maybe" })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ API_PORT: "seventy", DATABASE_URL: "mysql://x", SEED_DEMO: "maybe" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("API_PORT:");
      expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
      expect(message).toContain("SEED_DEMO: must be true or false");
    }
  });
});
