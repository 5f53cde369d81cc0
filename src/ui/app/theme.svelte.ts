// Light or dark: the page's ?theme=, else the learner's choice (kept in localStorage), else the
// system's preference.

export type ThemeName = 'light' | 'dark';

const STORAGE_KEY = 'kube-sandbox:theme';

function stored(): ThemeName | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // storage blocked (embedded in a sandboxed iframe)
  }
}

export class Theme {
  #chosen: ThemeName | null = $state(stored());
  #system: ThemeName = $state('light');

  /** `fixed`: the page's ?theme=, which wins over a stored choice for this visit (and is not stored). */
  constructor(fixed: ThemeName | null = null) {
    if (fixed) this.#chosen = fixed;
    const query = matchMedia('(prefers-color-scheme: dark)');
    this.#system = query.matches ? 'dark' : 'light';
    query.addEventListener('change', (e) => (this.#system = e.matches ? 'dark' : 'light'));
  }

  get current(): ThemeName {
    return this.#chosen ?? this.#system;
  }

  get dark(): boolean {
    return this.current === 'dark';
  }

  toggle(): void {
    this.#chosen = this.dark ? 'light' : 'dark';
    try {
      localStorage.setItem(STORAGE_KEY, this.#chosen);
    } catch {
      // Not persisted; the choice still holds for this visit.
    }
  }
}
