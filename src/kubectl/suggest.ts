// cobra's "Did you mean this?" (command.go SuggestionsFor): Levenshtein distance ≤ 2 ignoring
// case, or the typed text is a prefix of the command's name.

export function levenshtein(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let j = 1; j <= b.length; j++)
    for (let i = 1; i <= a.length; i++)
      d[i][j] = a[i - 1] === b[j - 1] ? d[i - 1][j - 1] : Math.min(d[i - 1][j], d[i][j - 1], d[i - 1][j - 1]) + 1;
  return d[a.length][b.length];
}

export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  return names.filter((n) => levenshtein(typed, n) <= 2 || n.toLowerCase().startsWith(typed.toLowerCase()));
}

/** cobra's findSuggestions text, appended to the unknown-command error. */
export function suggestionText(typed: string, names: readonly string[]): string {
  const s = suggestionsFor(typed, names);
  return s.length ? '\n\nDid you mean this?\n' + s.map((n) => `\t${n}\n`).join('') : '';
}
