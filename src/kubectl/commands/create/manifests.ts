// -f FILE|DIR|- for the write commands (cli-runtime resource.Builder's FilenameParam with
// Unstructured objects): YAML or JSON, several documents per file, `kind: List` flattened,
// each object mapped to its API resource through discovery.

import { parseAllDocuments } from 'yaml';
import type { Invocation } from '../../command.ts';
import { CmdError, KubectlError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import type { ApiResource } from '../../resource/discovery.ts';
import { isUrl, readUrl } from '../../resource/urls.ts';

export interface Manifest {
  /** The file name as given (`-` reads stdin and reports `STDIN`). */
  source: string;
  obj: KObject;
  mapping: ApiResource;
  /** Namespace to use: the object's own, else the command's. Empty for cluster-scoped kinds. */
  namespace: string;
}

/** Read every object the -f arguments name. Per-object errors come back beside the good ones, as ContinueOnError does. */
export async function readManifests(inv: Invocation, filenames: string[], recursive = false): Promise<{ items: Manifest[]; errors: Error[] }> {
  const items: Manifest[] = [];
  const errors: Error[] = [];
  for (const name of filenames) {
    for (const [source, text] of await readSources(inv, name, recursive)) {
      let docs: unknown[];
      try {
        docs = parseDocs(text);
      } catch (e) {
        errors.push(new CmdError(`error parsing ${source}: error converting YAML to JSON: yaml: ${(e as Error).message}`));
        continue;
      }
      for (const doc of docs.flatMap(flattenList)) {
        try {
          items.push(toManifest(inv, source, doc));
        } catch (e) {
          if (!(e instanceof KubectlError)) throw e;
          errors.push(e);
        }
      }
    }
  }
  return { items, errors };
}

async function readSources(inv: Invocation, name: string, recursive: boolean): Promise<Array<[string, string]>> {
  if (name === '-') return [['STDIN', await inv.ctx.stdin.readAll()]];
  if (isUrl(name)) return [[name, readUrl(name)]];
  const fs = inv.ctx.fs;
  if (!fs.exists(name)) throw new CmdError(`the path "${name}" does not exist`);
  if (!fs.isDir(name)) return [[name, fs.readFile(name)]];
  const out: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const n of fs.readdir(dir).sort()) {
      const p = `${dir.replace(/\/$/, '')}/${n}`;
      if (fs.isDir(p)) {
        if (recursive) walk(p);
        continue;
      }
      if (/\.(json|yaml|yml)$/.test(n)) out.push([p, fs.readFile(p)]);
    }
  };
  walk(name);
  return out;
}

function parseDocs(text: string): unknown[] {
  const docs = parseAllDocuments(text, { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: unknown[] = [];
  for (const d of list) {
    if (d.errors.length > 0) throw new Error(d.errors[0].message.split('\n')[0]);
    const v = d.toJS();
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

function flattenList(doc: unknown): unknown[] {
  const o = doc as { kind?: string; items?: unknown[] };
  if (o && typeof o === 'object' && typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) return o.items.flatMap(flattenList);
  return [doc];
}

function toManifest(inv: Invocation, source: string, doc: unknown): Manifest {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new CmdError(`error validating "${source}": error validating data: invalid object; if you choose to ignore these errors, turn validation off with --validate=false`);
  const obj = doc as KObject;
  if (!obj.apiVersion) throw new CmdError(`error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`);
  if (!obj.kind) throw new CmdError(`error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`);
  obj.metadata ??= {};
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  const mapping = inv.discovery().resources().find((r) => r.kind === obj.kind && r.group === group && r.version === version);
  if (!mapping)
    throw new CmdError(
      `resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${obj.metadata.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
    );
  let namespace = '';
  if (mapping.namespaced) {
    const own = obj.metadata.namespace;
    if (own && inv.explicitNamespace && own !== inv.namespace)
      throw new CmdError(`the namespace from the provided object "${own}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
    namespace = own || inv.namespace;
    obj.metadata.namespace = namespace;
  }
  return { source, obj, mapping, namespace };
}
