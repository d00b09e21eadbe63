import type { IsoDate } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { AuditLog } from "../../access/audit.js";
import { APP_ROLE } from "../../access/database-session.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import { type SweepOutcome, sweepRetention } from "./retention.service.js";

/**
 * The daily sweep, as the system: the application's role with nothing but the data-protection
 * agency kind set, so row-level security and the definer-rights functions let it list retention
 * items and nothing else. Audited without a user.
 */
export function runRetentionSweep(database: Database, today: IsoDate): Promise<SweepOutcome> {
  const audit = new AuditLog(newId(), { userId: null, tokenId: null, agencyId: null, purpose: null });
  return database.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${APP_ROLE}, true), set_config('app.agency_kind', 'DATA_PROTECTION', true)`,
    );
    const outcome = await sweepRetention(tx, audit, today, null);
    await audit.flush(tx);
    return outcome;
  });
}
