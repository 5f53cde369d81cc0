// Expected texts are real kubectl 1.34's (`kubectl create deployment x --image=nginx
// --dry-run=client -o go-template=…`), and the docs' templates.
import { describe, expect, it } from 'vitest';
import { executeGoTemplate, GoTemplateError, parseGoTemplate } from './go-template.ts';

const deploy = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  metadata: { name: 'x', labels: { app: 'x' } },
  spec: {
    replicas: 1000000,
    selector: { matchLabels: { app: 'x' } },
    template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } },
    strategy: {},
  },
  status: {},
};

const run = (t: string, data: unknown = deploy) => executeGoTemplate(parseGoTemplate(t), data);
const parseError = (t: string) => {
  try {
    parseGoTemplate(t);
  } catch (e) {
    if (e instanceof GoTemplateError) return e.message;
    throw e;
  }
  return '';
};

describe('go-template', () => {
  it('prints fields, maps, lists and missing keys as kubectl does', () => {
    expect(run('{{.metadata.name}} {{.spec.replicas}} {{.spec.template.spec.containers}} {{.nope}} {{.metadata.labels}} {{.nope.x}}{{"\\n"}}').out).toBe(
      'x 1000000 [map[image:nginx name:nginx resources:map[]]] <no value> map[app:x] <no value>\n',
    );
  });

  it('index, len, range over maps, with/else, if, printf and pipelines', () => {
    const r = run('{{len .metadata.labels}} {{printf "%d|%v|%s|%q" .spec.replicas .spec.replicas .kind .kind}} {{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}} {{with .nope}}x{{else}}none{{end}} {{if .spec.replicas}}yes{{end}} {{.metadata.labels.app | printf "%s!"}}');
    expect(r.out).toBe('1 1000000|1000000|Deployment|"Deployment" app=x; none yes x!');
    expect(run('{{index .metadata.labels "app"}} {{index .metadata.labels "zz"}} {{(index .spec.template.spec.containers 0).name}}').out).toBe('x <no value> nginx');
  });

  it('whole numbers are int64: eq with an int literal works, with a float literal fails', () => {
    expect(run('{{eq .spec.replicas 1}}', { spec: { replicas: 1 } }).out).toBe('true');
    const r = run('{{.spec.replicas}} {{len .metadata.labels}} {{eq .spec.replicas 1000000.0}}');
    expect(r.out).toBe('1000000 1 ');
    expect(r.error).toBe('template: output:1:46: executing "output" at <eq .spec.replicas 1000000.0>: error calling eq: incompatible types for comparison');
  });

  it('execution errors name the node and its column', () => {
    expect(run('{{.metadata.name.x}}').error).toBe('template: output:1:11: executing "output" at <.metadata.name.x>: can\'t evaluate field x in type interface {}');
    expect(run('{{index .spec.template.spec.containers 3}}').error).toBe(
      'template: output:1:2: executing "output" at <index .spec.template.spec.containers 3>: error calling index: index out of range: 3',
    );
  });

  it('parse errors are text/template\'s', () => {
    expect(parseError('{{.x')).toBe('template: output:1: unclosed action');
    expect(parseError('{{range .x}}')).toBe('template: output:1: unexpected EOF');
    expect(parseError('{{foo}}')).toBe('template: output:1: function "foo" not defined');
    expect(parseError('{{.kind | foo}}')).toBe('template: output:1: function "foo" not defined');
    expect(parseError('{{end}}')).toBe('template: output:1: unexpected {{end}}');
    expect(parseError('{{$x}}')).toBe('template: output:1: undefined variable "$x"');
    expect(parseError('{{.kind}')).toBe("template: output:1: bad character U+007D '}'");
  });

  it('the docs\' templates', () => {
    const pod = { spec: { containers: [{ ports: [{ containerPort: 27017 }] }] } };
    // Use Port Forwarding to Access Applications in a Cluster
    expect(run('{{(index (index .spec.containers 0).ports 0).containerPort}}{{"\\n"}}', pod).out).toBe('27017\n');
    const svc = { spec: { ports: [{ nodePort: 31234, port: 80 }], clusterIP: '10.96.0.7' } };
    expect(run('{{(index .spec.ports 0).nodePort}}', svc).out).toBe('31234');
    expect(run('{{.spec.clusterIP}}', svc).out).toBe('10.96.0.7');
    const list = { items: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }] };
    expect(run('{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}', list).out).toBe('a\nb\n');
    expect(run('{{- range $i, $p := .items }}{{ $i }}:{{ $p.metadata.name }} {{ end -}}', list).out).toBe('0:a 1:b ');
    expect(run('{{$n := len .items}}{{if gt $n 1}}many{{else if eq $n 1}}one{{else}}none{{end}}', list).out).toBe('many');
    expect(run('{{if eq (len .items) 1}}one{{else if eq (len .items) 2}}two{{end}}', list).out).toBe('two');
  });
});
