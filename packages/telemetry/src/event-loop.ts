import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * Watches the event loop's delay over a rolling window. A loop blocked outright cannot answer
 * `/livez` at all (the probe times out); this also catches one that answers, but far too late.
 */
export class EventLoopWatch {
  private readonly histogram: IntervalHistogram;
  private readonly timer: NodeJS.Timeout;
  private lastMaxMs = 0;

  constructor(windowMs = 10_000) {
    this.histogram = monitorEventLoopDelay({ resolution: 20 });
    this.histogram.enable();
    this.timer = setInterval(() => {
      this.lastMaxMs = this.histogram.max / 1e6;
      this.histogram.reset();
    }, windowMs);
    this.timer.unref();
  }

  /** The longest delay seen in the current or last full window, in milliseconds. */
  maxDelayMs(): number {
    return Math.max(this.lastMaxMs, this.histogram.max / 1e6);
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}
