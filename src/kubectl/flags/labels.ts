// generate.ParseLabels (k8s.io/kubectl/pkg/generate): `k=v,k2=v2` from --labels and --selector
// of run and expose, with its messages.

import { CmdError } from '../errors.ts';

export function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new CmdError(`unexpected label spec: ${item}`);
    if (kv[0] === '') throw new CmdError('unexpected empty label key');
    out[kv[0]] = kv[1];
  }
  return out;
}
