// ingress-nginx end to end on the virtual clock: the addon, ADDRESS, routing by host and path,
// default backend, 503, TLS and its redirect, the access log and the trace's hops. Expected pages
// and formats come from nginx (ngx_http_special_response.c) and ingress-nginx (nginx.tmpl,
// config.go, location.go, lua_ingress.lua, ssl.go), not from this code's output.

import { beforeAll, describe, expect, test } from 'vitest';
import { createCluster, type Cluster } from '../../cluster.ts';
import { R } from '../../apiserver/resources.ts';
import type { KObject } from '../../apiserver/types.ts';
import type { HttpRequest } from '../apps/types.ts';
import type { NetworkService } from '../service.ts';
import { OUTSIDE_IP } from '../addresses.ts';
import { LogStore } from '../../logs.ts';
import type { Vantage } from '../trace.ts';
import { tlsFor } from './app.ts';
import { parseCertificate } from './x509.ts';

// A self-signed certificate for foo.example and *.foo.example (openssl req -x509, prime256v1).
const CERT = `-----BEGIN CERTIFICATE-----
MIIByzCCAXKgAwIBAgIUTvoPaJUJ8fekQgCCuQO+4dJTmN4wCgYIKoZIzj0EAwIw
KDEUMBIGA1UEAwwLZm9vLmV4YW1wbGUxEDAOBgNVBAoMB1NhbmRib3gwHhcNMjYx
MTI2MDI1NzA1WhcNMzYxMTIzMDI1NzA1WjAoMRQwEgYDVQQDDAtmb28uZXhhbXBs
ZTEQMA4GA1UECgwHU2FuZGJveDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABCD/
VahbBSl9nGVfU9oofHoJgIDzukgzEWv5xLnZZSVjUshL5FSTPOL55g7+aaGhxsOP
bbCgzjOYRnHubIiZM9yjejB4MB0GA1UdDgQWBBQ6N9JymZ8IGVuaYpEL6yOQbvzQ
4TAfBgNVHSMEGDAWgBQ6N9JymZ8IGVuaYpEL6yOQbvzQ4TAPBgNVHRMBAf8EBTAD
AQH/MCUGA1UdEQQeMByCC2Zvby5leGFtcGxlgg0qLmZvby5leGFtcGxlMAoGCCqG
SM49BAMCA0cAMEQCIAG+GOTNmIrkYLDDHcHmKJYDCYddMddtEY6huOGAS1KMAiAA
uFPr2XvzotvyRRQa0x3r7sbDPaGhVXnxfP1hyTfaUw==
-----END CERTIFICATE-----
`;

/** nginx's 404 page with server_tokens off (ngx_http_error_404_page + ngx_http_error_tail). */
const NGINX_404 = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const NGINX_503 =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const LB_IP = '192.168.49.250';
const outside: Vantage = { kind: 'outside', ip: OUTSIDE_IP };

function deployment(name: string, image: string, replicas: number, labels: Record<string, string> = { app: name }): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image }] } } },
  };
}

function service(name: string, selector: Record<string, string>, port = 80, targetPort = 80): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector, ports: [{ port, targetPort }] } };
}

const path = (p: string, svc: string, pathType = 'Prefix', port = 80) => ({ path: p, pathType, backend: { service: { name: svc, port: { number: port } } } });

function get(c: Cluster, host: string, uri = '/', opts: { tls?: boolean; address?: string; port?: number; from?: Vantage } = {}) {
  const req = { method: 'GET', path: uri, headers: [['Host', host], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*']] as [string, string][], body: '', tls: opts.tls };
  return c.network.http(opts.from ?? outside, opts.address ?? LB_IP, opts.port ?? (opts.tls ? 443 : 80), req, { host, tool: 'curl' });
}

const hostname = (body: string) => /^Hostname: (.*)$/m.exec(body)?.[1] ?? '';

describe('ingress-nginx', () => {
  let c: Cluster;
  beforeAll(() => {
    c = createCluster();
    const k = c.kube;
    k.create(R.deployments, deployment('web', 'traefik/whoami', 2));
    k.create(R.deployments, deployment('api', 'traefik/whoami', 1));
    k.create(R.deployments, deployment('docs', 'nginx', 1));
    k.create(R.services, service('web', { app: 'web' }));
    k.create(R.services, service('api', { app: 'api' }));
    k.create(R.services, service('docs', { app: 'docs' }));
    k.create(R.services, service('empty', { app: 'nothing-has-this-label' }));
    k.create(R.secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'foo-tls', namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': btoa(CERT), 'tls.key': btoa('key') } });
    k.create(R.ingresses, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', namespace: 'default' },
      spec: {
        rules: [
          { host: 'shop.example', http: { paths: [path('/', 'web'), path('/api', 'api'), path('/docs', 'docs', 'Exact'), path('/down', 'empty')] } },
          { host: '*.apps.example', http: { paths: [path('/', 'api')] } },
        ],
      },
    });
    k.create(R.ingresses, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'secure', namespace: 'default' },
      spec: { ingressClassName: 'nginx', tls: [{ hosts: ['foo.example'], secretName: 'foo-tls' }], rules: [{ host: 'foo.example', http: { paths: [path('/', 'web')] } }] },
    });
    c.settle();
  });

  test('the addon: controller Deployment, Services and the default IngressClass', () => {
    const dep = c.kube.get(R.deployments, 'ingress-nginx', 'ingress-nginx-controller')!;
    expect(dep.status.readyReplicas).toBe(1);
    expect(dep.spec.template.spec.containers[0].image).toMatch(/^registry\.k8s\.io\/ingress-nginx\/controller:v1\.13\.2@sha256:/);
    const svc = c.kube.get(R.services, 'ingress-nginx', 'ingress-nginx-controller')!;
    expect(svc.spec.type).toBe('LoadBalancer');
    expect(svc.status.loadBalancer.ingress[0].ip).toBe(LB_IP);
    expect(c.kube.get(R.services, 'ingress-nginx', 'ingress-nginx-controller-admission')!.spec.ports[0]).toMatchObject({ name: 'https-webhook', port: 443 });
    const cls = c.kube.get(R.ingressclasses, undefined, 'nginx')!;
    expect(cls.spec.controller).toBe('k8s.io/ingress-nginx');
    expect(cls.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class']).toBe('true');
    // The DefaultIngressClass admission gave the class-less Ingress the default class.
    expect(c.kube.get(R.ingresses, 'default', 'shop')!.spec.ingressClassName).toBe('nginx');
  });

  test('ADDRESS: the published Service address at the next 60 s status sync; Sync events', () => {
    const addr = () => c.kube.get(R.ingresses, 'default', 'shop')!.status?.loadBalancer?.ingress;
    c.clock.advance(60_000);
    expect(addr()).toEqual([{ ip: LB_IP }]);
    const evs = c.kube.list(R.events, { namespace: 'default' }).filter((e) => e.involvedObject.kind === 'Ingress' && e.involvedObject.name === 'shop');
    expect(evs.map((e) => [e.type, e.reason, e.message, e.source.component])).toEqual([['Normal', 'Sync', 'Scheduled for sync', 'nginx-ingress-controller']]);
    // The status write is itself a change the controller's store sees: "(x2 over …)".
    expect(evs[0].count).toBe(2);
  });

  test('routes by Host and path from outside to the load-balancer address, with forwarded headers', () => {
    const r = get(c, 'shop.example', '/');
    expect(r.response?.status).toBe(200);
    expect(hostname(r.response!.body)).toMatch(/^web-/);
    const body = r.response!.body;
    // nginx.tmpl's proxy_set_header fields, as whoami echoes them: Go's Request.Write puts Host and
    // User-Agent first, then the canonicalised names sorted.
    const headers = body.split('\r\n').slice(1, -2);
    expect(headers.map((h) => h.split(':')[0])).toEqual(['Host', 'User-Agent', 'Accept', 'X-Forwarded-For', 'X-Forwarded-Host', 'X-Forwarded-Port', 'X-Forwarded-Proto', 'X-Forwarded-Scheme', 'X-Real-Ip', 'X-Request-Id', 'X-Scheme']);
    expect(body).toContain('X-Forwarded-Host: shop.example\r\n');
    expect(body).toContain('X-Forwarded-Port: 80\r\n');
    expect(body).toContain('X-Forwarded-Proto: http\r\n');
    expect(body).toMatch(/X-Request-Id: [0-9a-f]{32}\r\n/);
    // The load balancer's node masquerades the client (externalTrafficPolicy: Cluster).
    expect(body).toMatch(/X-Real-Ip: 192\.168\.49\.\d\r\n/);
    // The backend sees the controller Pod as its client.
    const ctrl = c.kube.list(R.pods, { namespace: 'ingress-nginx' })[0];
    expect(body).toContain(`RemoteAddr: ${ctrl.status.podIP}:`);
    // No Server header (server_tokens off → more_clear_headers Server).
    expect(r.response!.headers.map(([k]) => k)).not.toContain('Server');
  });

  test('round-robin over the endpoints', () => {
    const seen = new Set([1, 2, 3, 4].map(() => hostname(get(c, 'shop.example', '/').response!.body)));
    expect(seen.size).toBe(2);
  });

  test('Prefix matches by path element, longest wins; Exact only the path itself', () => {
    expect(hostname(get(c, 'shop.example', '/api').response!.body)).toMatch(/^api-/);
    expect(hostname(get(c, 'shop.example', '/api/').response!.body)).toMatch(/^api-/);
    expect(hostname(get(c, 'shop.example', '/api/v1/items?x=1').response!.body)).toMatch(/^api-/);
    expect(hostname(get(c, 'shop.example', '/apis').response!.body)).toMatch(/^web-/);
    // /docs is Exact: nginx answers /docs itself (its own 404 for a path it lacks) …
    const docs = get(c, 'shop.example', '/docs');
    expect(docs.response?.status).toBe(404);
    expect(docs.trace.hops.at(-1)?.pod?.name).toMatch(/^docs-/);
    // … while /docs/ falls through to the / rule.
    expect(hostname(get(c, 'shop.example', '/docs/').response!.body)).toMatch(/^web-/);
  });

  test('wildcard hosts, and the default backend for hosts without a rule', () => {
    expect(hostname(get(c, 'a.apps.example', '/').response!.body)).toMatch(/^api-/);
    expect(hostname(get(c, 'SHOP.example:80', '/').response!.body)).toMatch(/^web-/);
    const r = get(c, 'other.example', '/');
    expect(r.response?.status).toBe(404);
    expect(r.response?.body).toBe(NGINX_404);
    expect(r.response?.headers).toEqual([
      ['Date', expect.any(String)],
      ['Content-Type', 'text/html'],
      ['Content-Length', '146'],
      ['Connection', 'keep-alive'],
    ]);
    expect(r.trace.hops.find((h) => h.kind === 'ingress')?.text).toContain('default backend');
  });

  test('a backend Service without endpoints: 503', () => {
    const r = get(c, 'shop.example', '/down');
    expect(r.response?.status).toBe(503);
    expect(r.response?.reason).toBe('Service Temporarily Unavailable');
    expect(r.response?.body).toBe(NGINX_503);
    expect(r.trace.why).toContain('no ready endpoints');
  });

  test('the trace: load balancer → node → controller Pod → ingress rule → backend Pod', () => {
    const r = get(c, 'shop.example', '/api/x');
    const kinds = r.trace.hops.map((h) => h.kind);
    expect(kinds[0]).toBe('load-balancer');
    const ing = kinds.indexOf('ingress');
    expect(ing).toBeGreaterThan(0);
    expect(kinds.slice(0, ing)).toContain('dnat');
    expect(r.trace.hops[ing - 1].pod?.name).toMatch(/^ingress-nginx-controller-/);
    expect(r.trace.hops[ing].rule).toBe('default/shop');
    expect(r.trace.hops[ing].text).toContain('path /api (Prefix)');
    expect(r.trace.hops.at(-1)).toMatchObject({ kind: 'pod', pod: { name: expect.stringMatching(/^api-/) } });
    expect(r.trace.httpStatus).toBe(200);
  });

  test('through a node: the controller Service NodePort', () => {
    const svc = c.kube.get(R.services, 'ingress-nginx', 'ingress-nginx-controller')!;
    const nodePort = svc.spec.ports.find((p: { name: string }) => p.name === 'http').nodePort;
    const r = get(c, 'shop.example', '/', { address: '192.168.49.3', port: nodePort });
    expect(hostname(r.response!.body)).toMatch(/^web-/);
  });

  test('TLS: the Secret certificate for its host, 308 from http, the fake certificate otherwise', () => {
    const ctrl = c.kube.list(R.pods, { namespace: 'ingress-nginx' })[0];
    const target = { namespace: 'ingress-nginx', name: ctrl.metadata.name! };
    const own = tlsFor(c.network, target, 443, 'foo.example')!;
    expect(own).toMatchObject({ subject: 'CN=foo.example; O=Sandbox', selfSigned: true, hosts: ['foo.example', '*.foo.example'], fake: false });
    const fake = tlsFor(c.network, target, 443, 'shop.example')!;
    expect(fake).toMatchObject({ subject: 'O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate', selfSigned: true, fake: true });
    expect(tlsFor(c.network, target, 80, 'foo.example')).toBeUndefined();

    const https = get(c, 'foo.example', '/', { tls: true });
    expect(https.response?.status).toBe(200);
    expect(https.response!.body).toContain('X-Forwarded-Proto: https\r\n');
    expect(https.response!.body).toContain('X-Forwarded-Port: 443\r\n');
    // ssl-redirect: https://host + the URI without its trailing slash, 308 (http-redirect-code).
    const http = get(c, 'foo.example', '/');
    expect(http.response?.status).toBe(308);
    expect(http.response?.headers.find(([k]) => k === 'Location')?.[1]).toBe('https://foo.example');
    expect(get(c, 'foo.example', '/a/b/').response?.headers.find(([k]) => k === 'Location')?.[1]).toBe('https://foo.example/a/b');
    // Hosts without a certificate are served on https too (with the fake certificate), not redirected.
    expect(get(c, 'shop.example', '/', { tls: true }).response?.status).toBe(200);
    expect(get(c, 'shop.example', '/').response?.status).toBe(200);
  });

  test('access log lines in the upstreaminfo format', () => {
    const ctrl = c.kube.list(R.pods, { namespace: 'ingress-nginx' })[0];
    const lines = c.logs.read(LogStore.key('ingress-nginx', ctrl.metadata.name!, 'controller', 0)).map((l) => l.text);
    expect(lines[1]).toBe('NGINX Ingress controller');
    const proxied = lines.find((l) => l.includes('[default-api-80]'));
    expect(proxied).toMatch(/^192\.168\.49\.\d - - \[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "GET \/api HTTP\/1\.1" 200 \d+ "-" "curl\/8\.5\.0" \d+ [\d.]+ \[default-api-80\] \[\] 10\.244\.\d+\.\d+:80 \d+ [\d.]+ 200 [0-9a-f]{32}$/);
    expect(lines.some((l) => / 503 190 .*\[default-empty-80\] \[\] - - - - [0-9a-f]{32}$/.test(l))).toBe(true);
    // The catch-all default backend does not log (enable-access-log-for-default-backend: false).
    expect(lines.some((l) => l.includes('[upstream-default-backend]'))).toBe(false);
  });

  test('x509: subject, issuer and DNS names of a PEM certificate', () => {
    expect(parseCertificate(CERT)).toMatchObject({ subject: 'CN=foo.example; O=Sandbox', issuer: 'CN=foo.example; O=Sandbox', dnsNames: ['foo.example', '*.foo.example'] });
    expect(parseCertificate('not a certificate')).toBeUndefined();
  });
});
