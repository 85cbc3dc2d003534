/**
 * Folds written changes into the last-known-state table lazily: a batch carries the jar rows
 * only every `intervalMs` (updating them with every batch nearly doubled the writes); between
 * updates `currentJar` replays the newer changes from the log (schema.ts).
 */
import type { JarUpdate } from './batch';
import { foldIntoJar, type JarRow, type StoredChange } from './schema';

export class JarFold {
  private pending = new Map<string, JarRow | null>();
  private highWater = 0;
  private lastWrite: number;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {
    this.lastWrite = now();
  }

  /** Forgets what was not written yet (the log and its jar were cleared). */
  reset(): void {
    this.pending.clear();
    this.highWater = 0;
  }

  /**
   * The jar update to commit with a batch of `changes` (undefined when not due yet), and what to
   * call once that batch is durable. A failed batch calls nothing, so its changes fold in again.
   */
  plan(changes: readonly StoredChange[]): { update: JarUpdate | undefined; committed: () => void } {
    const rows = new Map(this.pending);
    const highWater = Math.max(this.highWater, foldIntoJar(rows, changes));
    const due = this.now() - this.lastWrite >= this.intervalMs;
    return {
      update: due ? { rows, highWater } : undefined,
      committed: () => {
        this.highWater = highWater;
        if (due) {
          this.pending.clear();
          this.lastWrite = this.now();
        } else {
          this.pending = rows;
        }
      },
    };
  }
}
