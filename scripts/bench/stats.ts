/** Order statistics for the benchmarks' figures. */

/** The value at quantile q (0–1) of the numbers: the one at floor(q·n) once sorted; NaN for none. */
export function quantile(xs: readonly number[], q: number): number {
  return [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
}

/** The median as the benchmarks report it: quantile 0.5. */
export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}
