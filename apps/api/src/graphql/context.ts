import type { IsoDate } from "@continuum/domain";
import type { AuditLog } from "../access/audit.js";
import type { Actor } from "../auth/actor.js";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { RequestTransaction } from "../db/request-transaction.js";
import type { Loaders } from "./loaders.js";

/** Everything a resolver and a service know about the request they serve. */
export interface RequestContext {
  requestId: string;
  /** Null for an anonymous request; set by login during the request. */
  actor: Actor | null;
  ip: string;
  userAgent: string | null;
  /** The calendar date the request runs on (UTC): "today" for queues and rules. */
  today: IsoDate;
  config: Config;
  database: Database;
  tx: RequestTransaction;
  audit: AuditLog;
  loaders: Loaders;
  /** Set-Cookie header values to send with the response. */
  responseCookies: string[];
}
