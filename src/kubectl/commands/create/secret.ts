// kubectl create secret generic|tls|docker-registry (pkg/cmd/create/create_secret.go,
// create_secret_tls.go, create_secret_docker.go).

import { defineCommand, type Command, type Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { CORE } from '../../resource/rest.ts';
import { SOURCE_FLAGS } from './configmap.ts';
import { CREATE_SUBCOMMAND_FLAGS, nameFromArgs } from './flags.ts';
import { finishCreate, prepare } from './run-create.ts';
import { parseLiteralSource, readEnvFile, readFileSource, validateSources } from './sources.ts';
import { checkKeyPair } from './tls.ts';
import { isConfigMapKey } from './validation.ts';

interface Options {
  name: string;
  prepared: ReturnType<typeof prepare>;
}

/** Secret data is base64 of the bytes; our files and literals are text, encoded as UTF-8. */
export function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function secretObject(name: string, type: string, inv: Invocation): KObject {
  const metadata: KObject['metadata'] = { name };
  if (inv.explicitNamespace) metadata.namespace = inv.namespace;
  const obj: KObject = { kind: 'Secret', apiVersion: 'v1', metadata, data: {} };
  if (type) obj.type = type;
  return obj;
}

const createSecretGeneric = defineCommand<Options>({
  name: 'generic',
  flags: [...CREATE_SUBCOMMAND_FLAGS, ...SOURCE_FLAGS, { name: 'type', type: 'string' }],
  complete: (inv) => ({ name: nameFromArgs(inv), prepared: prepare(inv) }),
  validate(o, inv) {
    validateSources(o.name, inv);
  },
  run(o, inv) {
    const secret = secretObject(o.name, inv.flags.string('type'), inv);
    const data = secret.data as Record<string, string>;
    const add = (key: string, value: string) => {
      const errs = isConfigMapKey(key);
      if (errs.length > 0) throw new CmdError(`"${key}" is not valid key name for a Secret ${errs.join(';')}`);
      if (key in data) throw new CmdError(`cannot add key ${key}, another key by that name already exists`);
      data[key] = base64(value);
    };
    for (const s of inv.flags.strings('from-literal')) add(...parseLiteralSource(s));
    for (const s of inv.flags.strings('from-file')) for (const [k, v] of readFileSource(inv, s)) add(k, v);
    for (const p of inv.flags.strings('from-env-file')) for (const [k, v] of readEnvFile(inv, p)) add(k, v);
    if (Object.keys(data).length === 0) delete secret.data;
    finishCreate(inv, o.prepared, { ref: CORE('secrets'), obj: secret, wrapError: (m) => `failed to create secret ${m}` });
  },
});

const createSecretTls = defineCommand<Options>({
  name: 'tls',
  flags: [...CREATE_SUBCOMMAND_FLAGS, { name: 'cert', type: 'string' }, { name: 'key', type: 'string' }, { name: 'append-hash', type: 'bool' }],
  complete: (inv) => ({ name: nameFromArgs(inv), prepared: prepare(inv) }),
  validate(_o, inv) {
    if (inv.flags.string('key') === '' || inv.flags.string('cert') === '') throw new CmdError('key and cert must be specified');
    if (inv.flags.bool('append-hash')) throw new CmdError('--append-hash is not available in this sandbox');
  },
  run(o, inv) {
    const cert = readFile(inv, inv.flags.string('cert'));
    const key = readFile(inv, inv.flags.string('key'));
    checkKeyPair(cert, key);
    const secret = secretObject(o.name, 'kubernetes.io/tls', inv);
    secret.data = { 'tls.crt': base64(cert), 'tls.key': base64(key) };
    finishCreate(inv, o.prepared, { ref: CORE('secrets'), obj: secret, wrapError: (m) => `failed to create secret ${m}` });
  },
});

/** Go's json.Marshal of a DockerConfigJSON: struct order, omitempty, HTML characters escaped. */
function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Record<string, string> = {};
  if (username) entry.username = username;
  if (password) entry.password = password;
  if (email) entry.email = email;
  const auth = base64(`${username}:${password}`);
  if (auth) entry.auth = auth;
  return JSON.stringify({ auths: { [server]: entry } }).replace(/[<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const createSecretDockerRegistry = defineCommand<Options>({
  name: 'docker-registry',
  flags: [
    ...CREATE_SUBCOMMAND_FLAGS,
    { name: 'docker-username', type: 'string' },
    { name: 'docker-password', type: 'string' },
    { name: 'docker-email', type: 'string' },
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
    { name: 'from-file', type: 'stringSlice' },
    { name: 'append-hash', type: 'bool' },
  ],
  complete: (inv) => ({ name: nameFromArgs(inv), prepared: prepare(inv) }),
  validate(o, inv) {
    const f = inv.flags;
    if (o.name === '') throw new CmdError('name must be specified');
    if (f.strings('from-file').length === 0 && (!f.string('docker-username') || !f.string('docker-password') || !f.string('docker-server')))
      throw new CmdError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    if (f.bool('append-hash')) throw new CmdError('--append-hash is not available in this sandbox');
  },
  run(o, inv) {
    const f = inv.flags;
    const secret = secretObject(o.name, 'kubernetes.io/dockerconfigjson', inv);
    const data = secret.data as Record<string, string>;
    if (f.strings('from-file').length > 0) {
      for (const s of f.strings('from-file'))
        for (const [k, v] of readFileSource(inv, s)) {
          if (k in data) throw new CmdError(`cannot add key ${k}, another key by that name already exists`);
          data[k] = base64(v);
        }
    } else {
      data['.dockerconfigjson'] = base64(dockerConfigJson(f.string('docker-username'), f.string('docker-password'), f.string('docker-email'), f.string('docker-server')));
    }
    finishCreate(inv, o.prepared, { ref: CORE('secrets'), obj: secret, wrapError: (m) => `failed to create secret ${m}` });
  },
});

function readFile(inv: Invocation, path: string): string {
  const fs = inv.ctx.fs;
  if (!fs.exists(path)) throw new CmdError(`Cannot read file ${path}, open ${path}: no such file or directory`);
  if (fs.isDir(path)) throw new CmdError(`Cannot read file ${path}, read ${path}: is a directory`);
  return fs.readFile(path);
}

export const createSecret: Command = {
  name: 'secret',
  subcommands: [createSecretDockerRegistry, createSecretGeneric, createSecretTls],
};
