import { TransactionRollbackError } from "drizzle-orm";
import type { Db, Tx } from "./client.js";

export type IsolationLevel = "read committed" | "repeatable read";

/**
 * One database transaction per GraphQL request, opened on first use and ended once the response is
 * ready; the request's audit entries commit with it. Queries run at REPEATABLE READ, so a page, its
 * totalCount and its nested fields come from one snapshot; mutations at READ COMMITTED, serialised
 * per case by row locks. Drizzle only offers callback-style transactions (the only kind PGlite's
 * single connection can share safely), so the callback is held open until `end` is called.
 */
export class RequestTransaction {
  private opened: Promise<Tx> | null = null;
  private settle: ((commit: boolean) => void) | null = null;
  private finished: Promise<void> = Promise.resolve();
  /** Set by the server once the operation is known, before the transaction opens. */
  isolationLevel: IsolationLevel = "read committed";

  constructor(
    private readonly db: Db,
    private readonly prepare: (tx: Tx) => Promise<void>,
  ) {}

  get isOpen(): boolean {
    return this.opened !== null;
  }

  /** The request's transaction, opened on the first call. */
  get(): Promise<Tx> {
    if (this.opened === null) {
      this.opened = new Promise<Tx>((resolveTx, rejectTx) => {
        this.finished = this.db
          .transaction(
            async (tx) => {
              await this.prepare(tx);
              const commit = await new Promise<boolean>((resolveEnd) => {
                this.settle = resolveEnd;
                resolveTx(tx);
              });
              if (!commit) tx.rollback();
            },
            { isolationLevel: this.isolationLevel },
          )
          .catch((error: unknown) => {
            rejectTx(error);
            if (!(error instanceof TransactionRollbackError)) throw error;
          });
      });
    }
    return this.opened;
  }

  /** Runs `work` in a savepoint: if it throws, only its own writes are undone. */
  async savepoint<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = await this.get();
    return tx.transaction(work);
  }

  /** Commits (or rolls back) and waits until the transaction is over. A commit failure is thrown. */
  async end(commit: boolean): Promise<void> {
    if (this.opened === null) return;
    try {
      await this.opened;
    } catch {
      // Opening failed; `finished` carries the error.
    }
    this.settle?.(commit);
    this.settle = null;
    await this.finished;
  }
}
