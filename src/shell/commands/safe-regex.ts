// Regular expressions that cannot freeze the sandbox. JavaScript's engine backtracks: a pattern
// like `(a+)+$` on a long line runs for minutes, and nothing can interrupt it (Ctrl+C included).
// GNU grep and sed use automata and answer at once. Patterns with a quantified group that itself
// contains a quantifier (the shape that backtracks catastrophically) run on RE2 (re2js, linear
// time, loaded only when such a pattern appears); all others keep JavaScript's engine, which also
// has the back-references and lookarounds RE2 lacks.

export interface Matcher {
  test(line: string): boolean;
  /** Every non-overlapping match, left to right. */
  matches(line: string): string[];
}

/** A group with a quantifier inside, itself quantified: (x+)+, (x*)*, (x+){2,}, (?:a|aa)+ … */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,?\d*\})/;
const QUANTIFIED_ALTERNATION = /\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,?\d*\})/;

export function isBacktrackingRisk(source: string): boolean {
  return NESTED_QUANTIFIER.test(source) || QUANTIFIED_ALTERNATION.test(source);
}

export async function compileSafe(source: string, ignoreCase: boolean): Promise<Matcher> {
  if (isBacktrackingRisk(source)) {
    try {
      const { RE2JS } = await import('re2js');
      const re = RE2JS.compile(source, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
      return {
        test: (line) => re.matcher(line).find(),
        matches: (line) => {
          const m = re.matcher(line);
          const out: string[] = [];
          while (m.find()) out.push(m.group() ?? '');
          return out;
        },
      };
    } catch {
      // RE2 cannot express it (back-references, lookarounds): fall back to JavaScript's engine.
    }
  }
  const re = new RegExp(source, ignoreCase ? 'gi' : 'g');
  return {
    test: (line) => {
      re.lastIndex = 0;
      return re.test(line);
    },
    matches: (line) => {
      re.lastIndex = 0; // matchAll starts where the last test() stopped
      return [...line.matchAll(re)].map((m) => m[0]);
    },
  };
}
