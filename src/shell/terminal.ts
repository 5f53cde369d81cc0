// The port between a shell and whatever shows it: xterm.js in the browser (through the worker),
// the real TTY in the CLI, or an in-memory script in tests. Line editing (arrows, history, Ctrl+R,
// completion) happens on the other side of this port, so keystrokes echo without a round trip.

export interface Terminal {
  /** Output to the screen. Callers pass text already sanitised of control characters from user data. */
  write(data: string): void;
  /**
   * Wait for the next line the user enters. `prompt` is shown first (the line editor owns the line,
   * so it redraws the prompt itself). Resolves null on end of input (Ctrl+D on an empty line).
   * Pasting several lines delivers them one readLine at a time.
   */
  readLine(prompt: string): Promise<string | null>;
  /** Ctrl+C. Returns a function that removes the listener. */
  onInterrupt(listener: () => void): () => void;
  /** Clear the screen (Ctrl+L, `clear`). */
  clear(): void;
  /** Width in columns, for programs that wrap or truncate. */
  readonly columns: number;
}
