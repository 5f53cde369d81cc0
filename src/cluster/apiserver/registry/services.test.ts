import { describe, expect, it } from 'vitest';
import type { KObject } from '../types.ts';
import { kit } from './testkit.ts';

const SVC = '/api/v1/namespaces/default/services';
const svc = (name: string, spec: Record<string, unknown>) => ({ metadata: { name }, spec });

describe('services registry', () => {
  it('defaults a ClusterIP Service as SetDefaults_Service and alloc.go do', () => {
    const k = kit();
    const o = k.make(SVC, svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(o.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(o.spec.externalTrafficPolicy).toBeUndefined();
    expect(o.spec.clusterIPs).toEqual([o.spec.clusterIP]);
    expect(o.status).toEqual({ loadBalancer: {} });
  });

  it('picks ClusterIPs from the dynamic band of 10.96.0.0/12 (above 10.96.1.0)', () => {
    const k = kit();
    for (let i = 0; i < 20; i++) {
      const ip: string = k.make(SVC, svc(`s${i}`, { ports: [{ port: 80 }] })).spec.clusterIP;
      const [a, b, c] = ip.split('.').map(Number);
      expect(a).toBe(10);
      expect(b! >= 96 && b! <= 111).toBe(true);
      expect(b! > 96 || c! >= 1).toBe(true);
    }
  });

  it('honours an explicit ClusterIP and refuses one already allocated, with the upstream text', () => {
    const k = kit();
    k.make('/api/v1/namespaces/kube-system/services', { metadata: { name: 'kube-dns' }, spec: { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] } });
    const r = k.create(SVC, svc('dns2', { clusterIP: '10.96.0.10', ports: [{ port: 53 }] }));
    expect(r.status).toBe(422);
    // Recent apimachinery prints non-scalar bad values as JSON.
    expect(k.error(r)).toBe('Service "dns2" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated');
    const out = k.create(SVC, svc('far', { clusterIP: '10.200.0.1', ports: [{ port: 80 }] }));
    expect(k.error(out)).toBe(
      'Service "far" is invalid: spec.clusterIPs: Invalid value: ["10.200.0.1"]: failed to allocate IP 10.200.0.1: the provided IP (10.200.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('leaves headless Services without an address', () => {
    const k = kit();
    const o = k.make(SVC, svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }));
    expect(o.spec.clusterIPs).toEqual(['None']);
    expect(o.spec.ipFamilyPolicy).toBe('SingleStack');
    expect(k.table(SVC + '/db').rows[0]!.cells.slice(1, 5)).toEqual(['ClusterIP', 'None', '<none>', '5432/TCP']);
  });

  it('gives TCP and UDP ports of one number the same NodePort (initNodePorts)', () => {
    const k = kit();
    const o = k.make(SVC, svc('dns', { type: 'NodePort', ports: [{ name: 'tcp', port: 53 }, { name: 'udp', port: 53, protocol: 'UDP' }] }));
    expect(o.spec.ports[0].nodePort).toBe(o.spec.ports[1].nodePort);
  });
});

describe('service validation messages (pkg/apis/core/validation)', () => {
  it('requires names on multi-port Services', () => {
    const k = kit();
    const r = k.create(SVC, svc('two', { ports: [{ name: 'http', port: 80 }, { port: 443 }] }));
    expect(k.error(r)).toBe('Service "two" is invalid: spec.ports[1].name: Required value');
  });

  it('checks port numbers and the Service name as a DNS-1035 label', () => {
    const k = kit();
    expect(k.error(k.create(SVC, svc('p', { ports: [{ port: 0 }] })))).toBe(
      'Service "p" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]',
    );
    expect(k.error(k.create(SVC, svc('1web', { ports: [{ port: 80 }] })))).toBe(
      `Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    );
  });

  it('requires ports, and externalName for ExternalName Services', () => {
    const k = kit();
    expect(k.error(k.create(SVC, svc('none', {})))).toBe('Service "none" is invalid: spec.ports: Required value');
    expect(k.error(k.create(SVC, svc('ext', { type: 'ExternalName' })))).toBe('Service "ext" is invalid: spec.externalName: Required value');
    const ok = k.make(SVC, svc('ext2', { type: 'ExternalName', externalName: 'example.com' }));
    expect(ok.spec.clusterIP).toBeUndefined();
    expect(ok.spec.ipFamilies).toBeUndefined();
    expect(k.table(SVC + '/ext2').rows[0]!.cells.slice(1, 5)).toEqual(['ExternalName', '<none>', 'example.com', '<none>']);
  });

  it('rejects an unknown type with the supported list', () => {
    const k = kit();
    expect(k.error(k.create(SVC, svc('t', { type: 'Public', ports: [{ port: 80 }] })))).toBe(
      'Service "t" is invalid: spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
  });

  it('forbids nodePort on ClusterIP Services', () => {
    const k = kit();
    expect(k.error(k.create(SVC, svc('c', { ports: [{ port: 80, nodePort: 30001 }] })))).toBe(
      "Service \"c\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
  });

  it('reports duplicate port/protocol pairs with the Go key as JSON', () => {
    const k = kit();
    expect(k.error(k.create(SVC, svc('d', { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] })))).toBe(
      'Service "d" is invalid: spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    );
  });
});

describe('NodePorts', () => {
  const np = (name: string, nodePort?: number) => svc(name, { type: 'NodePort', selector: { app: name }, ports: [{ port: 80, ...(nodePort ? { nodePort } : {}) }] });

  it('allocates from the range, prefers the upper band, and prints port:nodePort/TCP', () => {
    const k = kit();
    const o = k.make(SVC, np('web'));
    const port: number = o.spec.ports[0].nodePort;
    expect(port >= 30086 && port <= 32767).toBe(true);
    expect(o.spec.externalTrafficPolicy).toBe('Cluster');
    expect(k.table(SVC + '/web').rows[0]!.cells[4]).toBe(`80:${port}/TCP`);
  });

  it('rejects a port outside the range and one already taken', () => {
    const k = kit();
    expect(k.error(k.create(SVC, np('low', 80)))).toBe(
      'Service "low" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    k.make(SVC, np('a', 30080));
    expect(k.error(k.create(SVC, np('b', 30080)))).toBe('Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
  });

  it('releases ports on delete and when a failed create took none', () => {
    const k = kit();
    k.make(SVC, np('a', 30080));
    k.api.request({ method: 'DELETE', path: SVC + '/a' });
    expect(k.make(SVC, np('b', 30080)).spec.ports[0].nodePort).toBe(30080);
  });

  it('allocates on ClusterIP→NodePort, releases on NodePort→ClusterIP, clears on →ExternalName', () => {
    const k = kit();
    const o = k.make(SVC, svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    const ip = o.spec.clusterIP;
    const patch = (body: unknown) =>
      k.api.request({ method: 'PATCH', path: SVC + '/web', headers: { 'content-type': 'application/merge-patch+json' }, body });
    const up = patch({ spec: { type: 'NodePort' } });
    expect(up.status).toBe(200);
    const n = (up.body as KObject).spec.ports[0].nodePort;
    expect(n).toBeGreaterThanOrEqual(30000);
    expect((up.body as KObject).spec.clusterIP).toBe(ip);
    const down = patch({ spec: { type: 'ClusterIP' } }).body as KObject;
    expect(down.spec.ports[0].nodePort).toBeUndefined();
    expect(down.spec.externalTrafficPolicy).toBeUndefined();
    expect(k.make(SVC, np('other', n)).spec.ports[0].nodePort).toBe(n);
    const ext = patch({ spec: { type: 'ExternalName', externalName: 'example.com' } }).body as KObject;
    expect(ext.spec.clusterIP).toBeUndefined();
    expect(ext.spec.clusterIPs).toBeUndefined();
  });

  it('keeps the ClusterIP across an update that omits it, and refuses to change it', () => {
    const k = kit();
    const o = k.make(SVC, svc('web', { ports: [{ port: 80 }] }));
    const put = k.api.request({ method: 'PUT', path: SVC + '/web', body: { metadata: { name: 'web' }, spec: { ports: [{ port: 8080 }] } } });
    expect((put.body as KObject).spec.clusterIP).toBe(o.spec.clusterIP);
    const change = k.api.request({
      method: 'PATCH',
      path: SVC + '/web',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { spec: { clusterIP: '10.96.5.5' } },
    });
    expect(k.error(change)).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.5.5"]: may not change once set');
  });

  it('shows <pending> for a LoadBalancer without an address', () => {
    const k = kit();
    const o = k.make(SVC, svc('lb', { type: 'LoadBalancer', selector: { app: 'lb' }, ports: [{ port: 80 }] }));
    expect(o.spec.allocateLoadBalancerNodePorts).toBe(true);
    const row = k.table(SVC + '/lb').rows[0]!.cells;
    expect(row[3]).toBe('<pending>');
    expect(row[4]).toBe(`80:${o.spec.ports[0].nodePort}/TCP`);
    expect(row[6]).toBe('app=lb');
  });
});
