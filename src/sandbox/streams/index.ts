// The kubelet's streaming endpoints, served for the sandbox's cluster: pods/exec and pods/attach
// run a shell of the Pod's image (the sandbox knows the images' toolboxes), pods/portforward
// opens listeners on the learner's machine (which the sandbox also owns).

import type { Sandbox } from '../sandbox.ts';
import { attachHandler, execHandler } from './exec.ts';
import { portForwardHandler } from './portforward.ts';

export function registerStreams(sandbox: Sandbox): void {
  const api = sandbox.cluster.api;
  api.handleStream('', 'pods', 'exec', execHandler(sandbox));
  api.handleStream('', 'pods', 'attach', attachHandler(sandbox));
  api.handleStream('', 'pods', 'portforward', portForwardHandler(sandbox));
}
