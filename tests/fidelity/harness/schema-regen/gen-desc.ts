import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { structuralDefinitions } from '../../../../src/cluster/apiserver/schema/definitions.ts';
const [API, AM, TAG = 'v0.34.5'] = process.argv.slice(2); // git dirs of kubernetes/api and kubernetes/apimachinery
const show = (repo: string, f: string) => execSync(`git -C ${repo} show ${TAG}:${f}`, { maxBuffer: 1 << 26 }).toString();
const pkgs: Record<string, [string, string]> = {
  'io.k8s.api.core.v1.': [API, 'core/v1'], 'io.k8s.api.apps.v1.': [API, 'apps/v1'],
  'io.k8s.api.discovery.v1.': [API, 'discovery/v1'], 'io.k8s.api.networking.v1.': [API, 'networking/v1'],
  'io.k8s.apimachinery.pkg.apis.meta.v1.': [AM, 'pkg/apis/meta/v1'],
};
const docs: Record<string, Record<string, Record<string, string>>> = {};
const structs: Record<string, string> = {};
for (const [prefix, [repo, dir]] of Object.entries(pkgs)) {
  const src = show(repo, `${dir}/types_swagger_doc_generated.go`);
  const maps: Record<string, Record<string, string>> = {};
  for (const m of src.matchAll(/var map_(\w+) = map\[string\]string\{\n([\s\S]*?)\n\}/g)) {
    const entries: Record<string, string> = {};
    for (const line of m[2].split('\n')) {
      const mm = /^\s*"([^"]*)":\s*(".*"),?$/.exec(line);
      if (mm) entries[mm[1]] = JSON.parse(mm[2]);
    }
    maps[m[1]] = entries;
  }
  docs[prefix] = maps;
  structs[prefix] = show(repo, `${dir}/types.go`) + (dir === 'pkg/apis/meta/v1' ? '' : '');
}
const out: Record<string, string> = {};
const problems: string[] = [];
for (const d of structuralDefinitions) {
  const prefix = Object.keys(pkgs).find((p) => d.name.startsWith(p) && !d.name.slice(p.length).includes('.'));
  if (!prefix) continue;
  const type = d.name.slice(prefix.length);
  const map = docs[prefix][type];
  if (!map) { problems.push(`no swagger doc for ${d.name}`); continue; }
  if (map['']) out[d.name] = map[''];
  // struct body in types.go
  const body = new RegExp(`type ${type} struct \\{([\\s\\S]*?)\\n\\}`).exec(structs[prefix])?.[1] ?? '';
  for (const [f, spec] of Object.entries(d.properties ?? {})) {
    const emb: Record<string,string> = {ConfigMapKeySelector:"LocalObjectReference",SecretKeySelector:"LocalObjectReference",ConfigMapEnvSource:"LocalObjectReference",SecretEnvSource:"LocalObjectReference",ConfigMapVolumeSource:"LocalObjectReference",Probe:"ProbeHandler",Volume:"VolumeSource",IngressRule:"IngressRuleValue"};
    const text = map[f] ?? (emb[type] ? docs[prefix][emb[type]]?.[f] : undefined) ?? (f === 'apiVersion' || f === 'kind' ? docs['io.k8s.apimachinery.pkg.apis.meta.v1.'].TypeMeta[f] : undefined);
    if (text) out[`${d.name}.${f}`] = text; else problems.push(`no description for ${d.name}.${f}`);
    const tag = new RegExp('`json:"' + f + '[,"][^`]*`').exec(body)?.[0];
    if (!tag && f !== 'apiVersion' && f !== 'kind' && !emb[type]) { problems.push(`no go field ${d.name}.${f}`); continue; }
    if (!tag) continue;
    const ps = /patchStrategy:"([^"]*)"/.exec(tag)?.[1], pk = /patchMergeKey:"([^"]*)"/.exec(tag)?.[1];
    if ((ps ?? '') !== (spec.patchStrategy ?? '') || (pk ?? '') !== (spec.patchMergeKey ?? '')) problems.push(`patch meta ${d.name}.${f}: go ${ps}/${pk} ours ${spec.patchStrategy}/${spec.patchMergeKey}`);
  }
}
console.log(problems.join('\n'));
writeFileSync('/tmp/descriptions.json', JSON.stringify(out, null, 1));
console.log(Object.keys(out).length, 'descriptions');
