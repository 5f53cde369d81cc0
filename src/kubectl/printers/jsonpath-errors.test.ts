// JSONPath failures as kubectl 1.34 reports them. Expected strings were printed by the real binary
// against the emulator (tests/fidelity), for the same templates and objects.

import { describe, expect, it } from 'vitest';
import { CmdError } from '../errors.ts';
import { executeJsonPath } from './jsonpath.ts';
import { parseOutput, printObject } from './printflags.ts';
import { goSharpV } from './gosyntax.ts';
import type { KObject } from '../../cluster/apiserver/types.ts';

const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CmdError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('jsonpath errors', () => {
  it('reports parse errors with the template as given', () => {
    expect(message(() => parseOutput('jsonpath={.spec.clusterIP'))).toBe('error parsing jsonpath {.spec.clusterIP, unclosed action\n');
    expect(message(() => parseOutput('jsonpath={.a[x]}'))).toBe('error parsing jsonpath {.a[x]}, invalid array index x\n');
  });

  it('treats out-of-range indexes as errors even with missing keys allowed (client-go evalArray)', () => {
    const doc = { items: [{ n: 'a' }, { n: 'b' }, { n: 'c' }] };
    expect(executeJsonPath('{.items[1:].n}', doc)).toBe('b c');
    expect(executeJsonPath('{.items[-1].n}', doc)).toBe('c');
    expect(() => executeJsonPath('{.items[5]}', doc)).toThrow('array index out of bounds: index 5, length 3');
    expect(() => executeJsonPath('{.items[2:1]}', doc)).toThrow('starting index 2 is greater than ending index 1');
    expect(() => executeJsonPath('{.items[0].n}', { items: [] })).toThrow('array index out of bounds: index 0, length 0');
  });

  it('prints execution errors with the object in Go %#v form', () => {
    const list = {
      apiVersion: 'v1',
      items: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { creationTimestamp: '2025-12-31T23:50:00Z', labels: { component: 'apiserver', provider: 'kubernetes' }, name: 'kubernetes', namespace: 'default', resourceVersion: '1007', uid: 'b3dc12b0-cf5e-4da7-9963-2fa09922f407' },
          spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }], sessionAffinity: 'None', type: 'ClusterIP' },
          status: { loadBalancer: {} },
        },
      ],
      kind: 'List',
      metadata: { resourceVersion: '' },
    } as unknown as KObject;
    const real =
      'error executing jsonpath "{.items[5]}": Error executing template: array index out of bounds: index 5, length 1. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[5]}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{map[string]interface {}{"apiVersion":"v1", "kind":"Service", "metadata":map[string]interface {}{"creationTimestamp":"2025-12-31T23:50:00Z", "labels":map[string]interface {}{"component":"apiserver", "provider":"kubernetes"}, "name":"kubernetes", "namespace":"default", "resourceVersion":"1007", "uid":"b3dc12b0-cf5e-4da7-9963-2fa09922f407"}, "spec":map[string]interface {}{"clusterIP":"10.96.0.1", "clusterIPs":[]interface {}{"10.96.0.1"}, "internalTrafficPolicy":"Cluster", "ipFamilies":[]interface {}{"IPv4"}, "ipFamilyPolicy":"SingleStack", "ports":[]interface {}{map[string]interface {}{"name":"https", "port":443, "protocol":"TCP", "targetPort":8443}}, "sessionAffinity":"None", "type":"ClusterIP"}, "status":map[string]interface {}{"loadBalancer":map[string]interface {}{}}}}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n\n\n';
    expect(message(() => printObject(parseOutput('jsonpath={.items[5]}'), list))).toBe(real);
  });

  // fmt/print.go printValue: a nil interface under %#v is "interface {}(nil)".
  it('writes nil and booleans as Go does', () => {
    expect(goSharpV({ a: null, b: true, c: [] })).toBe('map[string]interface {}{"a":interface {}(nil), "b":true, "c":[]interface {}{}}');
  });
});
