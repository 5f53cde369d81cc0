// A seeded random source. The same seed and commands give the same names, IPs and routing
// choices, which is what makes a sandbox replayable from {lesson, seed, command log}.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/** mulberry32: small, fast, and good enough for names and load-balancing choices. */
export class SeededRandom implements Random {
  #state: number;

  constructor(seed = 1) {
    this.#state = seed >>> 0;
  }

  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

// Models k8s.io/apimachinery/pkg/util/rand: the alphabet without vowels and easily confused
// characters, so generated names never spell words.
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The 5-character suffix of generateName (names.SimpleNameGenerator). */
export function randomSuffix(rng: Random, n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += NAME_ALPHABET[rng.int(NAME_ALPHABET.length)];
  return s;
}
