// Seeded randomness and the summary figures every section reports. Machines are noisy, so each
// figure is a median with its spread, and each comparison is a ratio taken within one round.
import { performance } from 'node:perf_hooks';

/** mulberry32: a tiny seeded generator, so the same seed always yields the same app. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}

export interface Summary {
  median: number;
  p25: number;
  p75: number;
  p95: number;
  min: number;
  max: number;
  count: number;
}

/** Linear interpolation between closest ranks, as most tools compute percentiles. */
function percentile(sorted: readonly number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summarize needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 0.5),
    p25: percentile(sorted, 0.25),
    p75: percentile(sorted, 0.75),
    p95: percentile(sorted, 0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    count: sorted.length,
  };
}

export function timeMs(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * Runs every task once per round, rotating which goes first, so that warm-up, GC debt and
 * frequency drift fall on all of them alike. Warm-up rounds are run and discarded.
 */
export function interleave(tasks: readonly (() => unknown)[], rounds: number, warmup: number): number[][] {
  const times = tasks.map((): number[] => []);
  for (let round = 0; round < warmup + rounds; round++) {
    for (let step = 0; step < tasks.length; step++) {
      const index = (round + step) % tasks.length;
      const elapsed = timeMs(tasks[index]);
      if (round >= warmup) times[index].push(elapsed);
    }
  }
  return times;
}

/** Per-round ratios a[i] / b[i]: each pair was measured side by side. */
export function ratios(numerators: readonly number[], denominators: readonly number[]): number[] {
  return numerators.map((value, index) => value / denominators[index]);
}
