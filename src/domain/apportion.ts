// Rounding the parts of a total so that, as shown, they add up to the total as shown: rounded
// one by one, 46.414 + 0.294 gives 46.41 + 0.29 = 46.70 under a headline of 46.71.
import { round2 } from './derive';

/** x × 100 without the binary noise of the product (0.29 × 100 = 28.999999999999996). */
function centsOf(x: number): number {
  return Number((x * 100).toPrecision(15));
}

/**
 * `parts` (which add up to `total`) in hundredths, by largest remainder: each part is cut to
 * its hundredth and the hundredths the cut parts lack from the rounded total go to the parts with
 * the largest remainders (the earlier part on a tie). Returns the rounded total and parts.
 */
export function apportion2(total: number, parts: readonly number[]): { total: number; parts: number[] } {
  // The total as fixed2 shows it (round2), so that the headline and its parts are one rounding.
  const target = Math.round(round2(total) * 100);
  const cents = parts.map(centsOf);
  const floors = cents.map(Math.floor);
  let left = target - floors.reduce((a, b) => a + b, 0);
  // Remainders to 1e-9, so that equal ones (46.414 and 0.294) tie instead of differing by noise.
  const restOf = (i: number) => Math.round((cents[i]! - floors[i]!) * 1e9);
  const order = cents.map((_, i) => ({ i, rest: restOf(i) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  return { total: target / 100, parts: floors.map((c) => c / 100) };
}
