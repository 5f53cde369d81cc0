// kubectl version (kubectl pkg/cmd/version/version.go): client and kustomize lines, then the
// server's GET /version; -o json (2-space indent) or yaml.

import { defineCommand } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { toYaml } from '../../printers/yaml.ts';

/** Recorded from the real binary: `kubectl version --client -o json`. */
export const CLIENT_VERSION = {
  major: '1',
  minor: '34',
  gitVersion: 'v1.34.5',
  gitCommit: 'ebfac057369b21558006b8815821ab2fb1e29f2d',
  gitTreeState: 'clean',
  buildDate: '2026-02-26T20:06:18Z',
  goVersion: 'go1.24.13',
  compiler: 'gc',
  platform: 'linux/amd64',
};
export const KUSTOMIZE_VERSION = 'v5.7.1';

interface Options {
  client: boolean;
  output: string;
}

export default defineCommand<Options>({
  name: 'version',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
  ],
  complete: (inv) => ({ client: inv.flags.bool('client'), output: inv.flags.string('output') }),
  validate(o) {
    if (o.output !== '' && o.output !== 'yaml' && o.output !== 'json') throw new CmdError("--output must be 'yaml' or 'json'");
  },
  run(o, inv) {
    const v: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
    let serverErr: unknown;
    if (!o.client) {
      try {
        v.serverVersion = inv.rest().get('/version');
      } catch (e) {
        serverErr = e;
      }
    }
    if (o.output === 'json') inv.stdout.write(JSON.stringify(v, null, 2) + '\n');
    else if (o.output === 'yaml') inv.stdout.write(toYaml(v) + '\n');
    else {
      inv.stdout.write(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      const sv = v.serverVersion as { gitVersion?: string } | undefined;
      if (sv) inv.stdout.write(`Server Version: ${sv.gitVersion ?? ''}\n`);
    }
    if (serverErr) throw serverErr;
  },
});
