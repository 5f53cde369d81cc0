// The two ways a line can fail to parse. `IncompleteInput` is not an error to the learner: the REPL
// asks for another line with the PS2 prompt (`> `), as bash does after `for x in a; do`.

export type IncompleteReason = 'quote' | 'heredoc' | 'compound' | 'operator' | 'backslash' | 'substitution';

export class IncompleteInput extends Error {
  constructor(readonly reason: IncompleteReason) {
    super(`incomplete input (${reason})`);
    this.name = 'IncompleteInput';
  }
}

export class ShellSyntaxError extends Error {
  /** `token` is as bash names it: `;;`, `newline`, `fi`. */
  constructor(readonly token: string) {
    super(`syntax error near unexpected token \`${token}'`);
    this.name = 'ShellSyntaxError';
  }
}

/** `$(` nested deeper than the parser allows (see MAX_NESTING in parser.ts); reported like a syntax error. */
export class NestingTooDeep extends ShellSyntaxError {
  constructor() {
    super('$(');
    this.message = 'syntax error: command substitution nested too deeply';
    this.name = 'NestingTooDeep';
  }
}
