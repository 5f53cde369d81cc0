// Teaching hints: printed after kubectl's faithful output, on lines starting with `hint: `.

/** Hints for a command line that failed flag parsing or argument checks. */
export function hintsForArgv(argv: readonly string[], message: string): string[] {
  const hints: string[] = [];
  const dashed = argv.find((a) => /^[\u2013\u2014\u2012\u2212]/.test(a));
  if (dashed)
    hints.push(
      `"${dashed}" starts with a typographic dash (${dashed[0]}), not "--"; text copied from a web page often does this. Type "--${dashed.slice(1)}".`,
    );
  if (/unknown flag: --generator\b/.test(message) || argv.some((a) => a.startsWith('--generator')))
    hints.push('kubectl no longer has --generator (old tutorials use it): `kubectl run` always creates a Pod; use `kubectl create deployment` for a Deployment.');
  return hints;
}
