// The variables, working directory and last status of one shell. Subshells (`( … )`, `$( … )`,
// pipeline stages) work on a copy, so `cd` or `x=1` inside them does not reach the parent.

export interface Variable {
  value: string;
  exported: boolean;
}

export class ShellState {
  vars = new Map<string, Variable>();
  cwd = '/root';
  lastStatus = 0;
  /** `$!`: the pid of the last background job. */
  lastBackgroundPid: number | null = null;
  /** True for copies: job notices and `[1] 123` lines only come from the top-level shell. */
  subshell = false;

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  set(name: string, value: string, exported?: boolean): void {
    const prev = this.vars.get(name);
    this.vars.set(name, { value, exported: exported ?? prev?.exported ?? false });
  }

  export(name: string, value?: string): void {
    const prev = this.vars.get(name);
    this.vars.set(name, { value: value ?? prev?.value ?? '', exported: true });
  }

  unset(name: string): void {
    this.vars.delete(name);
  }

  /** The environment a program sees: exported variables only. */
  env(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return env;
  }

  clone(): ShellState {
    const s = new ShellState();
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.cwd = this.cwd;
    s.lastStatus = this.lastStatus;
    s.lastBackgroundPid = this.lastBackgroundPid;
    s.subshell = true;
    return s;
  }
}
