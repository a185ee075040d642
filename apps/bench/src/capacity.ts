/** One run of a flow at an offered rate: its end-to-end latencies and whether it kept up. */
export interface RateRun {
  latenciesMs: number[];
  /** Every item offered came out the other end (none lost, none still queued at the deadline). */
  completed: boolean;
}

export interface RateStep {
  rate: number;
  seconds: number;
  p99Ms: number;
  held: boolean;
}

export interface Capacity {
  /** The highest offered rate held for the whole hold with p99 within the limit (0: none). */
  rate: number;
  p99Ms: number;
  limitMs: number;
  holdSeconds: number;
  steps: RateStep[];
}

export interface RampOptions {
  limitMs: number;
  startRate: number;
  maxRate: number;
  probeSeconds: number;
  holdSeconds: number;
  /** Bisections between the last rate held and the first one missed. */
  refinements?: number;
  /** Awaited before each step: the work one step left behind is not the next one's. */
  settle?: () => Promise<void>;
  /** Told of each step as it ends (the ramp takes minutes). */
  onStep?: (step: RateStep) => void;
}

export function p99(values: number[]): number {
  if (values.length === 0) return Number.POSITIVE_INFINITY;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]!;
}

/**
 * The flow's capacity: short probes double the offered rate until one misses the p99 limit (or
 * does not keep up), bisect between the last held and the first missed, then hold the best rate
 * for `holdSeconds`; a hold that misses steps down by a fifth and holds again (up to eight times).
 */
export async function findCapacity(
  runAt: (rate: number, seconds: number) => Promise<RateRun>,
  options: RampOptions,
): Promise<Capacity> {
  const steps: RateStep[] = [];
  const attempt = async (rate: number, seconds: number): Promise<boolean> => {
    await options.settle?.();
    const run = await runAt(rate, seconds);
    const step = { rate, seconds, p99Ms: p99(run.latenciesMs), held: false };
    step.held = run.completed && step.p99Ms <= options.limitMs;
    steps.push(step);
    options.onStep?.(step);
    return step.held;
  };
  let held = 0;
  let missed = 0;
  let rate = options.startRate;
  while (rate <= options.maxRate) {
    if (await attempt(rate, options.probeSeconds)) {
      held = rate;
      rate *= 2;
    } else {
      missed = rate;
      break;
    }
  }
  if (held === 0 && missed > 0) {
    // Missed at the starting rate: come down until a rate holds, or give up near zero.
    for (let lower = missed / 2; lower >= options.startRate / 16; lower /= 2) {
      if (await attempt(lower, options.probeSeconds)) {
        held = lower;
        break;
      }
      missed = lower;
    }
  }
  for (let i = 0; held > 0 && missed > 0 && i < (options.refinements ?? 2); i++) {
    const middle = Math.round((held + missed) / 2);
    if (middle === held || middle === missed) break;
    if (await attempt(middle, options.probeSeconds)) held = middle;
    else missed = middle;
  }
  for (let tries = 0; held >= options.startRate / 16 && tries < 8; tries++) {
    if (await attempt(held, options.holdSeconds)) {
      const last = steps[steps.length - 1]!;
      return {
        rate: held,
        p99Ms: last.p99Ms,
        limitMs: options.limitMs,
        holdSeconds: options.holdSeconds,
        steps,
      };
    }
    held = Math.floor(held * 0.8);
  }
  return {
    rate: 0,
    p99Ms: Number.NaN,
    limitMs: options.limitMs,
    holdSeconds: options.holdSeconds,
    steps,
  };
}

export function describeCapacity(
  capacity: Capacity,
  fmt: (value: number, digits?: number) => string,
): string {
  if (capacity.rate === 0) return `none held (p99 ≤ ${capacity.limitMs} ms)`;
  return `${fmt(capacity.rate, 0)}/s (p99 ${fmt(capacity.p99Ms)} ms over ${capacity.holdSeconds} s)`;
}

/** The probes behind a capacity, for the reader who wants to see the ramp. */
export function describeSteps(
  capacity: Capacity,
  fmt: (value: number, digits?: number) => string,
): string {
  return capacity.steps
    .map(
      (step) =>
        `${fmt(step.rate, 0)}/s×${step.seconds}s→${Number.isFinite(step.p99Ms) ? fmt(step.p99Ms, 0) : '∞'}${step.held ? '✓' : '✗'}`,
    )
    .join(' ');
}

/** A flow's capacity beside its bare reference's, with the ratio and both ramps. */
export function capacityRows(
  flow: string,
  bare: Capacity,
  ours: Capacity,
  fmt: (value: number, digits?: number) => string,
  reference: string,
): string[] {
  const ratio = bare.rate > 0 ? ours.rate / bare.rate : Number.NaN;
  return [
    `| ${flow} capacity: highest rate held ${ours.holdSeconds} s with p99 ≤ ${ours.limitMs} ms (${reference} beside) | ${describeCapacity(bare, fmt)} | ${describeCapacity(ours, fmt)} (${fmt(ratio, 2)} of bare) |`,
    `|   ramps (rate×seconds→p99 ms) | ${describeSteps(bare, fmt)} | ${describeSteps(ours, fmt)} |`,
  ];
}

/** A flow with no bare reference: its capacity and its ramp. */
export function capacityRow(
  flow: string,
  capacity: Capacity,
  fmt: (value: number, digits?: number) => string,
): string {
  return `| ${flow} capacity: highest rate held ${capacity.holdSeconds} s with p99 ≤ ${capacity.limitMs} ms | — | ${describeCapacity(capacity, fmt)}; ramp ${describeSteps(capacity, fmt)} |`;
}
