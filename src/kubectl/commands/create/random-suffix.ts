// utilrand.String(5)'s alphabet (no vowels, no confusable digits). kubectl draws the suffix at
// random; we derive it from the input instead, so that replaying a sandbox's command log gives
// the same names.

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function suffixFor(seed: string, n = 5): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    out += ALPHABET[h % ALPHABET.length];
  }
  return out;
}
