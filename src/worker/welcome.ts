// The first terminal's greeting: what to try first. Lines fit in 50 columns, so they do not wrap
// mid-word in a split pane.

const cmd = (s: string) => `\x1b[36m${s}\x1b[0m`;

export const WELCOME =
  '\x1b[1mKube Sandbox\x1b[0m: a Kubernetes cluster in this page.\n' +
  `Try ${cmd('kubectl create deployment nginx --image=nginx')}\n` +
  `then ${cmd('kubectl get pods')}, or type ${cmd('help')}.\n\n`;
