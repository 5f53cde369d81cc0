// curl's progress meter (lib/progress.c): shown on stderr when the body does not go to the
// terminal and -s is not given. Transfers in the sandbox finish at once, so it is drawn once.

/** max5data(): at most five columns, with k/M/G suffixes. */
function max5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}`.padStart(4) + 'k';
  if (n < 100 * 1024 * 1024) return `${Math.floor(n / 1048576)}`.padStart(2) + '.' + Math.floor((n % 1048576) / 104858) + 'M';
  return `${Math.floor(n / 1048576)}`.padStart(4) + 'M';
}

/** time2str(): "--:--:--" for zero, else H:MM:SS in eight columns. */
function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function progressHeader(): string {
  return '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' + '                                 Dload  Upload   Total   Spent    Left  Speed\n';
}

/** The meter's line for `received` of `total` bytes after `elapsedMs` (one final update). */
export function progressLine(total: number, received: number, elapsedMs: number): string {
  const pct = total > 0 ? Math.floor((received * 100) / total) : 0;
  const speed = received ? Math.floor((received * 1000) / Math.max(1, elapsedMs)) : 0;
  const spent = Math.floor(elapsedMs / 1000);
  // Real curl redraws this line with CR; drawn once, only the final state is shown, and no raw
  // CR reaches the terminal (the shell shows control characters visibly).
  return (
    `${String(pct).padStart(3)} ${max5(total)}  ${String(pct).padStart(3)} ${max5(received)}    0 ${max5(0)}  ` +
    `${max5(speed)}  ${max5(0)} ${time2str(0)} ${time2str(spent)} ${time2str(0)} ${max5(speed)}`
  );
}
