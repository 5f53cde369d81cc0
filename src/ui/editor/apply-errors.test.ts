// Inputs are kubectl 1.34's texts (k8s.io/apimachinery StatusError printing, kubectl's
// "error when creating" wrapper, cmdutil.CheckErr for invalid objects, sigs.k8s.io/yaml errors).

import { describe, expect, it } from 'vitest';
import { applyProblems } from './apply-errors.ts';

describe('applyProblems', () => {
  it('reads one field error', () => {
    expect(applyProblems('The Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n')).toEqual([
      { kind: 'Service', name: 'web', field: 'spec.type', message: 'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' },
    ]);
  });

  it('reads the "* field" list kubectl prints for several errors', () => {
    const out = 'The Service "web5" is invalid: \n* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n';
    expect(applyProblems(out).map((p) => [p.name, p.field, p.message])).toEqual([
      ['web5', 'spec.ports[0].port', 'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive'],
      ['web5', 'spec.ports[0].targetPort', 'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ]);
  });

  it('reads the bracketed list inside "error when creating", and an unknown kind', () => {
    const out =
      'resource mapping not found for name: "x" namespace: "" from "bad.yaml": no matches for kind "Banana" in version "v1"\nensure CRDs are installed first\n' +
      'Error from server (Invalid): error when creating "bad.yaml": Service "web" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]\n';
    expect(applyProblems(out)).toEqual([
      { name: 'x', kind: 'Banana', field: 'kind', message: 'no matches for kind "Banana" in version "v1"' },
      { kind: 'Service', name: 'web', field: 'spec.ports[0].port', message: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive' },
      { kind: 'Service', name: 'web', field: 'spec.type', message: 'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' },
    ]);
  });

  it('reads YAML syntax errors with their line, and unknown fields', () => {
    expect(applyProblems('error: error parsing d.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n')).toEqual([
      { line: 4, message: 'yaml: line 4: did not find expected key' },
    ]);
    expect(applyProblems('Warning: unknown field "spec.portz"\nservice/web created\n')).toEqual([{ field: 'spec.portz', message: 'unknown field "spec.portz"' }]);
    expect(
      applyProblems('Error from server (BadRequest): error when creating "c.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.portz"\n'),
    ).toEqual([{ kind: 'Service', field: 'spec.portz', message: 'unknown field "spec.portz"' }]);
  });

  it('finds nothing in a clean apply', () => {
    expect(applyProblems('service/web created\ndeployment.apps/web unchanged\n')).toEqual([]);
  });
});
