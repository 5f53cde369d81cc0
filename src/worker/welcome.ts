// The first terminal's greeting: what to try first. Short lines, so it does not wrap mid-word in a
// split pane.

const cmd = (s: string) => `\x1b[36m${s}\x1b[0m`;

export const WELCOME =
  '\x1b[1mKube Sandbox\x1b[0m: a Kubernetes cluster in your browser.\n' +
  `Try:  ${cmd('kubectl create deployment nginx --image=nginx')}\n` +
  `      ${cmd('kubectl get pods')}\n` +
  `Type ${cmd('help')} to see what else works.\n\n`;
