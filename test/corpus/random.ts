// A small seeded PRNG (mulberry32) so that every generated corpus and fuzz input can be replayed
// from its seed alone.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
  /** Picks 1..max distinct items. */
  some<T>(items: readonly T[], max?: number): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return {
    next,
    int,
    pick,
    chance: (p) => next() < p,
    some: <T>(items: readonly T[], max = items.length): T[] => {
      const pool = [...items];
      const count = int(1, Math.min(max, pool.length));
      const chosen: T[] = [];
      for (let i = 0; i < count; i++) chosen.push(pool.splice(int(0, pool.length - 1), 1)[0]);
      return chosen;
    },
  };
}
