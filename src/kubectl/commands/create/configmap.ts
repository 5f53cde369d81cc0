// kubectl create configmap (pkg/cmd/create/create_configmap.go).

import { defineCommand, type Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { CORE } from '../../resource/rest.ts';
import { CREATE_SUBCOMMAND_FLAGS, nameFromArgs } from './flags.ts';
import { finishCreate, prepare } from './run-create.ts';
import { parseLiteralSource, readEnvFile, readFileSource, validateSources } from './sources.ts';
import { isConfigMapKey } from './validation.ts';

export const SOURCE_FLAGS = [
  { name: 'from-file', type: 'stringSlice' },
  { name: 'from-literal', type: 'stringArray' },
  { name: 'from-env-file', type: 'stringSlice' },
  { name: 'append-hash', type: 'bool' },
] as const;

interface Options {
  name: string;
  prepared: ReturnType<typeof prepare>;
}

export const createConfigMap = defineCommand<Options>({
  name: 'configmap',
  aliases: ['cm'],
  flags: [...CREATE_SUBCOMMAND_FLAGS, ...SOURCE_FLAGS],
  complete: (inv) => ({ name: nameFromArgs(inv), prepared: prepare(inv) }),
  validate(o, inv) {
    validateSources(o.name, inv);
  },
  run(o, inv) {
    finishCreate(inv, o.prepared, { ref: CORE('configmaps'), obj: configMapObject(o.name, inv), wrapError: (m) => `failed to create configmap: ${m}` });
  },
});

function configMapObject(name: string, inv: Invocation): KObject {
  const data: Record<string, string> = {};
  const add = (key: string, value: string) => {
    const errs = isConfigMapKey(key);
    if (errs.length > 0) throw new CmdError(`"${key}" is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (key in data) throw new CmdError(`cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`);
    data[key] = value;
  };
  for (const s of inv.flags.strings('from-file')) for (const [k, v] of readFileSource(inv, s)) add(k, v);
  for (const s of inv.flags.strings('from-literal')) add(...parseLiteralSource(s));
  for (const p of inv.flags.strings('from-env-file')) for (const [k, v] of readEnvFile(inv, p)) add(k, v);
  const metadata: KObject['metadata'] = { name };
  if (inv.explicitNamespace) metadata.namespace = inv.namespace;
  const obj: KObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata };
  if (Object.keys(data).length > 0) obj.data = data; // omitempty
  return obj;
}
