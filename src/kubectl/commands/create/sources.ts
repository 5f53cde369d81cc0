// --from-literal, --from-file and --from-env-file for configmaps and secrets
// (pkg/util: ParseLiteralSource, ParseFileSource; cmdutil.AddFromEnvFile), reading the
// learner's files through the shell's virtual file system.

import type { Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { isEnvVarName } from './validation.ts';

export function parseLiteralSource(source: string): [string, string] {
  const i = source.indexOf('=');
  if (i <= 0) throw new CmdError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, i), source.slice(i + 1)];
}

export function parseFileSource(source: string): [key: string, path: string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [baseName(source), source];
  if (n === 1 && source.startsWith('=')) throw new CmdError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new CmdError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new CmdError("key names or file paths cannot contain '='");
  const [k, p] = source.split('=');
  return [k, p];
}

/** Go's path.Base. */
function baseName(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Every (key, content) a --from-file source names: a file, or each regular file of a directory. */
export function readFileSource(inv: Invocation, source: string): Array<[string, string]> {
  const [key, path] = parseFileSource(source);
  const fs = inv.ctx.fs;
  if (!fs.exists(path)) throw new CmdError(`error reading ${path}: no such file or directory`);
  if (fs.isDir(path)) {
    if (source.includes('=')) throw new CmdError('cannot give a key name for a directory path');
    return fs
      .readdir(path)
      .sort()
      .filter((n) => fs.isFile(`${path}/${n}`))
      .map((n) => [n, fs.readFile(`${path}/${n}`)]);
  }
  return [[key, fs.readFile(path)]];
}

/** cmdutil.AddFromEnvFile: KEY=VALUE lines, `#` comments, a bare KEY takes its value from the environment. */
export function readEnvFile(inv: Invocation, path: string): Array<[string, string]> {
  const fs = inv.ctx.fs;
  if (!fs.exists(path)) throw new CmdError(`error reading ${path}: no such file or directory`);
  if (fs.isDir(path)) throw new CmdError('env config file cannot be a directory');
  const out: Array<[string, string]> = [];
  const lines = fs.readFile(path).split('\n');
  lines.forEach((raw, i) => {
    let line = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    line = line.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trimStart();
    if (!isEnvVarName(key)) throw new CmdError(`"${key}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`);
    if (eq < 0) {
      const v = inv.ctx.env[key];
      if (v !== undefined) out.push([key, v]);
      return;
    }
    out.push([key, line.slice(eq + 1)]);
  });
  return out;
}

/** ConfigMapOptions.Validate and CreateSecretOptions.Validate: a name, and --from-env-file alone. */
export function validateSources(name: string, inv: Invocation): void {
  if (name === '') throw new CmdError('name must be specified');
  const f = inv.flags;
  if (f.strings('from-env-file').length > 0 && (f.strings('from-file').length > 0 || f.strings('from-literal').length > 0))
    throw new CmdError('from-env-file cannot be combined with from-file or from-literal');
  if (f.bool('append-hash')) throw new CmdError('--append-hash is not available in this sandbox');
}
