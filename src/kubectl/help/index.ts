// Help texts of real kubectl, loaded on first use (they are large and rarely needed).

/** The text `kubectl <path> --help` prints ('' is the root), or undefined when not recorded. */
export async function helpText(path: string, home: string): Promise<string | undefined> {
  const { HELP_TEXTS, HOME_MARK } = await import('./texts.ts');
  const text = HELP_TEXTS[path];
  return text?.replaceAll(HOME_MARK, home);
}
