import type { DataClass } from "@continuum/domain";
import type { Tx } from "../db/client.js";
import { auditEvents } from "./audit.table.js";

export type AuditOperation =
  | "READ"
  | "SEARCH"
  | "CREATE"
  | "UPDATE"
  | "LOGIN"
  | "LOGIN_FAILED"
  | "LOGOUT"
  | "TOKEN_CREATE"
  | "TOKEN_REVOKE";

export interface AuditEvent {
  operation: AuditOperation;
  personId?: string | null;
  dataClasses?: readonly DataClass[];
  details?: Record<string, unknown>;
}

export interface AuditActor {
  userId: string | null;
  tokenId: string | null;
  agencyId: string | null;
}

/**
 * Collects a request's audit entries in memory and writes them in one statement, in the request's
 * transaction: reads are merged per person (one entry per person and request, with every data class
 * read), changes and searches are kept one by one.
 */
export class AuditLog {
  private readonly reads = new Map<string, Set<DataClass>>();
  private readonly events: AuditEvent[] = [];
  private actor: AuditActor;

  constructor(
    private readonly requestId: string,
    actor: AuditActor,
  ) {
    this.actor = actor;
  }

  /** Who the entries are attributed to; a login changes it mid-request. */
  attributeTo(actor: AuditActor): void {
    this.actor = actor;
  }

  read(personId: string, dataClasses: readonly DataClass[]): void {
    let classes = this.reads.get(personId);
    if (classes === undefined) {
      classes = new Set();
      this.reads.set(personId, classes);
    }
    for (const c of dataClasses) classes.add(c);
  }

  readMany(personIds: Iterable<string>, dataClasses: readonly DataClass[]): void {
    for (const id of personIds) this.read(id, dataClasses);
  }

  record(event: AuditEvent): void {
    this.events.push(event);
  }

  get isEmpty(): boolean {
    return this.reads.size === 0 && this.events.length === 0;
  }

  async flush(tx: Tx): Promise<void> {
    if (this.isEmpty) return;
    const base = {
      requestId: this.requestId,
      actorUserId: this.actor.userId,
      actorTokenId: this.actor.tokenId,
      agencyId: this.actor.agencyId,
    };
    const rows = [
      ...[...this.reads].map(([personId, classes]) => ({
        ...base,
        operation: "READ" as const,
        personId,
        dataClasses: [...classes].sort(),
        details: {},
      })),
      ...this.events.map((e) => ({
        ...base,
        operation: e.operation,
        personId: e.personId ?? null,
        dataClasses: [...(e.dataClasses ?? [])],
        details: e.details ?? {},
      })),
    ];
    await tx.insert(auditEvents).values(rows);
    this.reads.clear();
    this.events.length = 0;
  }
}
