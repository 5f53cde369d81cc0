// kubectl's resource.Builder for -f: files, directories (-R) and stdin, split into YAML documents
// (YAMLReader), each decoded, validated (ParamVerifyingSchema: kind and apiVersion), flattened
// when it is a List, mapped to an API resource and given a namespace (NamespaceParam,
// DefaultNamespace, RequireNamespace). As with ContinueOnError, a bad document is an error in the
// list and the others go on; a syntax or validation error ends the rest of its own file.

import type { KObject } from '../../cluster/apiserver/types.ts';
import type { Invocation } from '../command.ts';
import { CmdError, KubectlError } from '../errors.ts';
import { goJson } from '../printers/json.ts';
import type { ApiResource } from './discovery.ts';
import { YamlSyntaxError, yamlToJson } from './yaml-decode.ts';
import { isUrl, readUrl } from './urls.ts';

export interface Manifest {
  /** `x.yaml`, `dir/x.yaml` or `STDIN`, as kubectl names sources in messages. */
  source: string;
  object: KObject;
  mapping: ApiResource;
  /** Where the object goes ('' for cluster-scoped kinds). */
  namespace: string;
}

export interface ManifestOptions {
  filenames: string[];
  recursive: boolean;
  /** --validate: strict | warn | ignore (true/false already mapped). */
  validation: 'Strict' | 'Warn' | 'Ignore';
}

/** The options FILENAME_FLAGS give (-f, -R), with the command's validation directive. */
export function manifestOptions(inv: Invocation, validation: ManifestOptions['validation']): ManifestOptions {
  return { filenames: inv.flags.strings('filename'), recursive: inv.flags.bool('recursive'), validation };
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];
const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** A fmt.Errorf of the builder: `error: ` alone, bare inside an aggregate (CmdError's rule). */
export class SourceError extends CmdError {}

interface RawDoc {
  source: string;
  text: string;
}

/** Every source's documents, in kubectl's visiting order; throws the builder's up-front errors. */
export async function readSources(inv: Invocation, o: ManifestOptions): Promise<Array<{ source: string; docs: string[] }>> {
  const fs = inv.ctx.fs;
  const out: Array<{ source: string; docs: string[] }> = [];
  for (const name of o.filenames) {
    if (name === '-') {
      out.push({ source: 'STDIN', docs: splitDocuments(await inv.ctx.stdin.readAll()) });
      continue;
    }
    if (isUrl(name)) {
      out.push({ source: name, docs: splitDocuments(readUrl(name)) });
      continue;
    }
    if (!fs.exists(name)) throw new CmdError(`the path "${name}" does not exist`);
    if (!fs.isDir(name)) {
      out.push({ source: name, docs: splitDocuments(fs.readFile(name)) });
      continue;
    }
    const files = walk(inv, name, o.recursive);
    if (files.length === 0) throw new CmdError(`error reading [${name}]: recognized file extensions are [${EXTENSIONS.join(' ')}]`);
    for (const f of files) out.push({ source: f, docs: splitDocuments(fs.readFile(f)) });
  }
  return out;
}

/** filepath.Walk order (lexical), files with a manifest extension; subdirectories only with -R. */
function walk(inv: Invocation, dir: string, recursive: boolean): string[] {
  const fs = inv.ctx.fs;
  const out: string[] = [];
  const base = dir.replace(/\/+$/, '') || '/';
  for (const n of fs.readdir(dir).sort()) {
    const p = base === '/' ? `/${n}` : `${base}/${n}`;
    if (fs.isDir(p)) {
      if (recursive) out.push(...walk(inv, p, true));
    } else if (EXTENSIONS.some((e) => n.endsWith(e))) out.push(p);
  }
  return out;
}

/** YAMLReader: a line starting with `---` (then nothing but a comment) separates documents. */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest === '' || rest.startsWith('#')) {
        docs.push(cur.join('\n'));
        cur = [];
        continue;
      }
    }
    cur.push(line);
  }
  docs.push(cur.join('\n'));
  return docs.filter((d) => d.trim() !== '');
}

/** getObjectKind of kubectl's validation package. */
function kindErrors(obj: unknown): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return ['invalid object to validate'];
  const o = obj as Record<string, unknown>;
  const errs: string[] = [];
  if (o.apiVersion === undefined || o.apiVersion === null) errs.push('apiVersion not set');
  else if (typeof o.apiVersion !== 'string') errs.push("apiVersion isn't string type");
  if (o.kind === undefined || o.kind === null) errs.push('kind not set');
  else if (typeof o.kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

/** Decode, validate, flatten and map every document. */
export async function readManifests(inv: Invocation, o: ManifestOptions): Promise<{ items: Manifest[]; errors: Error[] }> {
  const sources = await readSources(inv, o);
  const items: Manifest[] = [];
  const errors: Error[] = [];
  for (const { source, docs } of sources) {
    for (const text of docs) {
      let obj: unknown;
      try {
        obj = yamlToJson(text);
      } catch (e) {
        if (!(e instanceof YamlSyntaxError)) throw e;
        errors.push(new SourceError(`error parsing ${source}: ${e.message}`));
        break;
      }
      if (obj === null) continue;
      if (o.validation !== 'Ignore') {
        const errs = kindErrors(obj);
        if (errs.length) {
          const what = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
          errors.push(new SourceError(`error validating ${JSON.stringify(source)}: error validating data: ${what}; ${STOP_VALIDATE}`));
          break;
        }
      }
      for (const r of flatten(obj as KObject)) {
        try {
          items.push(toManifest(inv, source, r));
        } catch (e) {
          if (!(e instanceof KubectlError)) throw e;
          errors.push(e);
        }
      }
    }
  }
  return { items, errors };
}

/** A `kind: List` (or any *List with items) stands for its items. */
function flatten(obj: KObject): KObject[] {
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) return (obj.items as KObject[]).flatMap(flatten);
  return [obj];
}

function toManifest(inv: Invocation, source: string, obj: KObject): Manifest {
  const q = JSON.stringify;
  if (typeof obj !== 'object' || obj === null) throw new SourceError(`unable to decode ${q(source)}: json: cannot unmarshal ${typeof obj} into Go value of type map[string]interface {}`);
  if (!obj.kind) throw new SourceError(`unable to decode ${q(source)}: Object 'Kind' is missing in '${goJson(obj, '')}'`);
  obj.metadata ??= {};
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  const mapping = inv
    .discovery()
    .resources()
    .find((r) => r.kind === obj.kind && r.group === group && r.version === version);
  const name = String(obj.metadata.name ?? '');
  const given = String(obj.metadata.namespace ?? '');
  if (!mapping)
    throw new SourceError(
      `resource mapping not found for name: ${q(name)} namespace: ${q(given)} from ${q(source)}: no matches for kind ${q(obj.kind)} in version ${q(apiVersion)}\nensure CRDs are installed first`,
    );
  let namespace = '';
  if (mapping.namespaced) {
    if (inv.explicitNamespace && given && given !== inv.namespace)
      throw new SourceError(
        `the namespace from the provided object ${q(given)} does not match the namespace ${q(inv.namespace)}. You must pass '--namespace=${given}' to perform this operation.`,
      );
    namespace = given || inv.namespace;
    obj.metadata.namespace = namespace;
  }
  return { source, object: obj, mapping, namespace };
}
