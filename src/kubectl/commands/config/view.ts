// kubectl config view (pkg/cmd/config/view.go): the kubeconfig as YAML (keys sorted, as
// JSONToYAML writes them) or as JSON in clientcmd's v1 struct order; --minify keeps only what
// the current context uses, which for the sandbox's one-context kubeconfig is everything.

import { defineCommand } from '../../command.ts';
import { kubeconfigObject } from '../../kubeconfig-file.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { parseOutput, printObject } from '../../printers/printflags.ts';

const CONFIG_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

export const configView = defineCommand<void>({
  name: 'view',
  flags: [
    { name: 'output', shorthand: 'o', type: 'string', default: 'yaml' },
    { name: 'minify', type: 'bool' },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'merge', type: 'string', default: 'true' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
  ],
  run(_o, inv) {
    const f = parseOutput(inv.flags.string('output'), CONFIG_FORMATS, {
      template: inv.flags.string('template'),
      readFile: (p) => (inv.ctx.fs.isFile(p) ? inv.ctx.fs.readFile(p) : undefined),
    });
    const obj = kubeconfigObject(inv.config);
    // JSON keeps clientcmd's struct order; the other printers see the same object.
    if (f.kind === 'json') inv.stdout.write(JSON.stringify(obj, null, 4) + '\n');
    else inv.stdout.write(printObject(f, obj as unknown as KObject));
  },
});
