// Go's time.Duration.String for durations the kubelet prints (truncated to milliseconds first):
// 812ms, 1.234s, 2m3.5s.

export function goDuration(ms: number): string {
  ms = Math.trunc(ms);
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const sMs = ms % 60_000;
  const secs = `${Math.floor(sMs / 1000)}${sMs % 1000 ? '.' + String(sMs % 1000).padStart(3, '0').replace(/0+$/, '') : ''}s`;
  if (h) return `${h}h${m}m${secs}`;
  if (m) return `${m}m${secs}`;
  return secs;
}
