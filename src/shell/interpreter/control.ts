// Control flow that unwinds the interpreter. These are the only exceptions the shell throws on
// purpose; a program's failure is an exit status, never an exception.

/** `exit N`: ends the current shell (a subshell ends only itself). */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** `break N` / `continue N`. */
export class LoopControl {
  constructor(
    readonly kind: 'break' | 'continue',
    readonly levels: number,
  ) {}
}

/** Ctrl+C reached a loop or list between commands. */
export class Interrupted {}
