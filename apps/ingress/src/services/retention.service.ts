import { RETENTION_TARGETS, type Repos, type RetentionTarget } from '@shiplink/db';
import type { Logger } from '@shiplink/logger';
import { metrics } from '@shiplink/telemetry';

const DAY_MS = 86_400_000;

/** Days each target is kept; 0 keeps it forever. */
export type RetentionWindows = Record<RetentionTarget, number>;

export interface RetentionOptions {
  windows: RetentionWindows;
  /** Rows (for timelines, parcels) one statement deletes. */
  batchSize: number;
  /** Pause between statements, so the hot path's writes always get the table in between. */
  pauseMs: number;
}

/** The windows from the ingress's environment. */
export function retentionWindows(env: {
  RETENTION_INBOX_DAYS: number;
  RETENTION_AUDIT_DAYS: number;
  RETENTION_NOTIFICATIONS_DAYS: number;
  RETENTION_TIMELINES_DAYS: number;
  RETENTION_DEAD_LETTERS_DAYS: number;
  RETENTION_SESSIONS_DAYS: number;
}): RetentionWindows {
  return {
    inbox: env.RETENTION_INBOX_DAYS,
    audit: env.RETENTION_AUDIT_DAYS,
    notifications: env.RETENTION_NOTIFICATIONS_DAYS,
    timelines: env.RETENTION_TIMELINES_DAYS,
    deadLetters: env.RETENTION_DEAD_LETTERS_DAYS,
    sessions: env.RETENTION_SESSIONS_DAYS,
  };
}

/**
 * Deletes what has outlived its window, a bounded slice per statement with a pause between,
 * on a timer. Every ingress replica runs one; a database lock lets one of them work at a time.
 */
export class RetentionService {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly repos: Repos,
    private readonly options: RetentionOptions,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number): void {
    const tick = () => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.error('retention failed', { error }))
        .finally(() => {
          this.running = undefined;
        });
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and lets the statement under way finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /**
   * One pass over every target with a window: rows deleted per target, or `undefined` when
   * another process is pruning.
   */
  async runOnce(now = new Date()): Promise<Partial<Record<RetentionTarget, number>> | undefined> {
    const deleted = await this.repos.retention.exclusively(async () => {
      const counts: Partial<Record<RetentionTarget, number>> = {};
      for (const target of RETENTION_TARGETS) {
        const days = this.options.windows[target];
        if (days === 0 || this.stopped) continue;
        counts[target] = await this.prune(target, new Date(now.getTime() - days * DAY_MS));
      }
      return counts;
    });
    const total = Object.values(deleted ?? {}).reduce((sum, count) => sum + count, 0);
    if (total > 0) this.logger.info('retention pruned', { ...deleted });
    return deleted;
  }

  private async prune(target: RetentionTarget, before: Date): Promise<number> {
    const { batchSize, pauseMs } = this.options;
    let total = 0;
    while (!this.stopped) {
      const deleted = await this.repos.retention.pruneBatch(target, before, batchSize);
      total += deleted;
      metrics.retentionDeleted.inc({ target }, deleted);
      if (deleted < batchSize) break;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    return total;
  }
}
