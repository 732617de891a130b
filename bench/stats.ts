/** Small statistics for the benchmarks: medians and ranges of repeated, alternated measurements. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    median,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: sorted.length,
  };
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** `1.23× (1.10–1.40, n=5)` */
export function formatRatio(s: Spread): string {
  return `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)}, n=${s.n})`;
}

/** `123 ms (110–140, n=5)` */
export function formatMs(s: Spread): string {
  return `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)}, n=${s.n})`;
}

/**
 * Runs each variant `rounds` times, alternating (A B A B … with the order flipped every other round so
 * neither always runs first), and returns each variant's times in ms, round by round. Ratios taken round
 * by round then see the same machine load on both sides.
 */
export async function alternate(
  rounds: number,
  variants: Record<string, () => unknown | Promise<unknown>>,
): Promise<Record<string, number[]>> {
  return (await alternateClocks(rounds, variants)).wall;
}

/**
 * `alternate` with the process's CPU time (user + system, all threads: GC, and an in-process emulator)
 * next to the wall-clock time. On a machine shared with other work the CPU time moves far less.
 */
export async function alternateClocks(
  rounds: number,
  variants: Record<string, () => unknown | Promise<unknown>>,
): Promise<{ wall: Record<string, number[]>; cpu: Record<string, number[]> }> {
  const names = Object.keys(variants);
  const wall: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      await variants[name]?.();
      const usage = process.cpuUsage(startCpu);
      wall[name]?.push(performance.now() - start);
      cpu[name]?.push((usage.user + usage.system) / 1000);
    }
  }
  return { wall, cpu };
}

/** Round-by-round ratios a[i] / b[i]. */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((x, i) => x / (b[i] ?? Number.NaN));
}

/** The 1-minute load average and core count, to read the figures against. */
export async function loadNote(): Promise<string> {
  const os = await import('node:os');
  const [one] = os.loadavg();
  return `load average ${one?.toFixed(2)} on ${os.cpus().length} cores`;
}
