// A small seeded generator for property tests, so a failure names the case that caused it.

/** A whole number in [0, limit). */
export type Random = (limit: number) => number;

export function seeded(seed: number): Random {
  let state = seed;
  return (limit) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * limit);
  };
}
