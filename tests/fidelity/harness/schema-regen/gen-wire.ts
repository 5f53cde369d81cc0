// Extracts protobuf field numbers, pointer-ness and omitempty for the fields in our schema from
// k8s.io/api and apimachinery types.go (v0.34.5) and writes schema/wire.ts.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { structuralDefinitions } from '../../../../src/cluster/apiserver/schema/definitions.ts';
const [API, AM, TAG = 'v0.34.5'] = process.argv.slice(2); // git dirs of kubernetes/api and kubernetes/apimachinery
const show = (repo: string, f: string) => execSync(`git -C ${repo} show ${TAG}:${f}`, { maxBuffer: 1 << 26 }).toString();
const pkgs: Record<string, string> = {
  'io.k8s.api.core.v1.': show(API, 'core/v1/types.go'), 'io.k8s.api.apps.v1.': show(API, 'apps/v1/types.go'),
  'io.k8s.api.discovery.v1.': show(API, 'discovery/v1/types.go'), 'io.k8s.api.networking.v1.': show(API, 'networking/v1/types.go'),
  'io.k8s.apimachinery.pkg.apis.meta.v1.': show(AM, 'pkg/apis/meta/v1/types.go'),
};
type Wire = { n: number; json: string; ptr?: 1; omit?: 1; inline?: string };
const out: Record<string, Wire[]> = {};
const problems: string[] = [];
function fieldsOf(prefix: string, type: string): Wire[] {
  const body = new RegExp(`\\ntype ${type} struct \\{([\\s\\S]*?)\\n\\}`).exec(pkgs[prefix])?.[1];
  if (!body) { problems.push(`no struct ${prefix}${type}`); return []; }
  const res: Wire[] = [];
  for (const line of body.split('\n')) {
    const m = /^\s*(\w+)?\s*(\S+)?\s*`json:"([^"]*)"[^`]*protobuf:"(\w+),(\d+),/.exec(line);
    if (!m) continue;
    const [, gname, gtype, jsonTag, , num] = m;
    const [json, ...opts] = jsonTag.split(',');
    if (opts.includes('inline')) {
      const emb = (gtype ?? gname)!.replace(/^\*/, '').replace(/^metav1\./, '');
      const name = prefix + emb;
      res.push({ n: +num, json: '', inline: name });
      if (!out[name]) out[name] = fieldsOf(prefix, emb);
      continue;
    }
    const w: Wire = { n: +num, json };
    if (gtype?.startsWith('*')) w.ptr = 1;
    if (opts.includes('omitempty')) w.omit = 1;
    res.push(w);
  }
  return res;
}
for (const d of structuralDefinitions) {
  const prefix = Object.keys(pkgs).find((p) => d.name.startsWith(p) && !d.name.slice(p.length).includes('.'));
  if (!prefix || d.alias || !d.properties) continue;
  const type = d.name.slice(prefix.length);
  if (type === 'FieldsV1') continue;
  const all = fieldsOf(prefix, type);
  // keep fields we model, and inline embeddings
  const flat = (ws: Wire[]): string[] => ws.flatMap((w) => (w.inline ? flat(out[w.inline] ?? []) : [w.json]));
  for (const f of Object.keys(d.properties)) if (!['apiVersion', 'kind'].includes(f) && !flat(all).includes(f)) problems.push(`no wire field ${d.name}.${f}`);
  out[d.name] = all.filter((w) => w.inline || w.json in d.properties!);
}
for (const [k, ws] of Object.entries(out)) if (!structuralDefinitions.some((d) => d.name === k)) out[k] = ws; // inline types keep all fields
console.error(problems.join('\n'));
let s = `// Protobuf field numbers of the fields in definitions.ts, with what the Go types say about them:
// ptr (a pointer: sent only when set, so a zero value is meant) and omit (json omitempty: a zero
// value of a non-pointer is dropped, as the API server's JSON encoding would). Inline embeddings
// (LocalObjectReference, ProbeHandler, VolumeSource …) are nested messages merged into the parent.
// Generated from k8s.io/api and k8s.io/apimachinery v0.34.5 types.go protobuf tags; kubectl's
// typed clients send protobuf (see cli/serve/protobuf.ts). Regenerate: tests/fidelity/harness/schema-regen/.

export interface WireField {
  n: number;
  json: string;
  ptr?: 1;
  omit?: 1;
  inline?: string;
}

export const wire: Record<string, WireField[]> = {\n`;
for (const k of Object.keys(out).sort()) s += `  ${JSON.stringify(k)}: [${out[k].map((w) => JSON.stringify(w).replace(/"(\w+)":/g, '$1: ').replace(/,(\w+): /g, ', $1: ')).join(', ')}],\n`;
s += '};\n';
writeFileSync(new URL('../../../../src/cluster/apiserver/schema/wire.ts', import.meta.url), s);
