// Layout from kubectl 1.34's explain v2 plaintext template (pkg/explain/v2/templates/plaintext.tmpl);
// descriptions are upstream's (the schema module carries k8s.io/api's text).
import { describe, expect, test } from 'vitest';
import { sandbox } from '../../testing/harness.ts';
import { indent, wrap } from './render.ts';

const e = sandbox();

describe('kubectl explain', () => {
  test('a kind: header, description, then every field with its type and description', async () => {
    const r = await e.kubectl('explain service');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^KIND: {7}Service\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}Service is a named abstraction of software service \(for example, mysql\)\n {4}consisting of local port \(for example 3306\) that the proxy listens on, and\n {4}the selector that determines which pods will answer requests sent through\n {4}the proxy.\n {4}\nFIELDS:\n {2}apiVersion\t<string>\n/,
    );
    expect(r.stdout).toContain('\n  spec\t<ServiceSpec>\n    Spec defines the behavior of a service.\n');
    expect(r.stdout).toContain('\n  metadata\t<ObjectMeta>\n');
  });

  test('a group kind shows GROUP first', async () => {
    expect((await e.kubectl('explain deployments')).stdout).toMatch(/^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\n/);
  });

  test('a field path: FIELD line with its type, then the field and its type described', async () => {
    const r = await e.kubectl('explain svc.spec');
    expect(r.stdout).toMatch(/^KIND: {7}Service\nVERSION: {4}v1\n\nFIELD: spec <ServiceSpec>\n\n\nDESCRIPTION:\n {4}Spec defines the behavior of a service.\n/);
    expect(r.stdout).toContain('\n  type\t<string>\n  enum: ClusterIP, ExternalName, LoadBalancer, NodePort\n');
    expect(r.stdout).toContain('\n  ports\t<[]ServicePort>\n');
  });

  test('through arrays: pod.spec.containers.ports', async () => {
    const r = await e.kubectl('explain pod.spec.containers.ports');
    expect(r.stdout).toMatch(/FIELD: ports <\[\]ContainerPort>\n/);
    expect(r.stdout).toContain('  containerPort\t<integer> -required-\n');
    expect(r.stdout).toContain('  protocol\t<string>\n  enum: SCTP, TCP, UDP\n');
  });

  test('--recursive lists field names only, nested by two spaces', async () => {
    const r = await e.kubectl('explain svc.spec.ports --recursive');
    expect(r.stdout.slice(r.stdout.indexOf('FIELDS:'))).toBe(
      'FIELDS:\n  appProtocol\t<string>\n  name\t<string>\n  nodePort\t<integer>\n  port\t<integer> -required-\n  protocol\t<string>\n  enum: SCTP, TCP, UDP\n  targetPort\t<IntOrString>\n\n',
    );
    const s = await e.kubectl('explain service --recursive');
    expect(s.stdout).toContain('\n  spec\t<ServiceSpec>\n    allocateLoadBalancerNodePorts\t<boolean>\n');
  });

  test('errors', async () => {
    // Real kubectl 1.34 (fidelity suite): the header is already out when the field is missing.
    expect(await e.kubectl('explain svc.spec.foo')).toMatchObject({ code: 1, stdout: 'KIND:       Service\nVERSION:    v1\n\n', stderr: 'error: field "foo" does not exist\n' });
    expect((await e.kubectl('explain')).stderr).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect((await e.kubectl('explain foo')).stderr).toBe('the server doesn\'t have a resource type "foo"\n');
  });
});

describe('sprig wrap and indent', () => {
  test('wraps at spaces only; a long word runs on to the next space', () => {
    expect(wrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrap('x https://example.com/very/long z', 8)).toBe('x\nhttps://example.com/very/long\nz');
    expect(indent('a\nb', 4)).toBe('    a\n    b');
  });
});
