// The line client-go's runtime.HandleError writes through klog in kubectl 1.34:
// `E0102 15:04:05.000000   12345 portforward.go:424] "Unhandled Error" err="…"`.
// The header is klog's (severity, MMDD, time with microseconds, thread id, file:line).

const PID = 52718; // any stable thread id: the real one varies per run

export function klogError(at: number, message: string): string {
  const d = new Date(at);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000`;
  return `E${stamp} ${String(PID).padStart(7)} portforward.go:424] "Unhandled Error" err=${JSON.stringify(message)}\n`;
}
