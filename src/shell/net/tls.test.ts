// curl and wget over TLS against the Ingress controller of a booted cluster. Expected texts:
// curl-8_14_1 src/tool_operate.c (CURL_CA_CERT_ERRORMSG), lib/vtls/openssl.c (servercert,
// ossl_connect_step2, ossl_trace), lib/http2.c (HTTP/2 status line, OPENED stream), OpenSSL's
// X509_verify_cert_error_string; nginx src/http/ngx_http_special_response.c (the 400 for plain
// HTTP on the HTTPS port); busybox networking/wget.c (spawn_ssl_client).

import { beforeAll, describe, expect, test } from 'vitest';
import { createCluster, type Cluster } from '../../cluster/cluster.ts';
import { R } from '../../cluster/apiserver/resources.ts';
import type { KObject } from '../../cluster/apiserver/types.ts';
import { outsideHost, podHost } from './vantages.ts';
import { run, type Fixture } from './testing/fixture.ts';

// A self-signed certificate for foo.example and *.foo.example (openssl req -x509, prime256v1),
// valid from 2026-11-26 02:57:05 to 2036-11-23 02:57:05 UTC.
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

const LB_IP = '192.168.49.250';
const RESOLVE = ['--resolve', `foo.example:443:${LB_IP}`, '--resolve', `foo.example:80:${LB_IP}`, '--resolve', `shop.example:443:${LB_IP}`];

const CA_CERT_ERRORMSG =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the webpage mentioned above.\n';

let c: Cluster;
let fx: Fixture;

beforeAll(() => {
  c = createCluster();
  const k = c.kube;
  const labels = { app: 'web' };
  k.create(R.deployments, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'traefik/whoami' }] } } } } as KObject);
  k.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: labels, ports: [{ port: 80, targetPort: 80 }] } } as KObject);
  k.create(R.secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'foo-tls', namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': btoa(CERT), 'tls.key': btoa('key') } } as KObject);
  const backend = { service: { name: 'web', port: { number: 80 } } };
  k.create(R.ingresses, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      tls: [{ hosts: ['foo.example'], secretName: 'foo-tls' }],
      rules: [...['foo.example', 'shop.example'].map((host) => ({ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } })), { http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }],
    },
  } as KObject);
  c.settle();
  fx = { clock: c.clock, network: c.network, store: c.store } as unknown as Fixture;
});

const laptop = () => outsideHost(c.network, 'laptop', c.clock);

describe('curl https', () => {
  test('a self-signed certificate without -k: (60), the CA advice, then the hint', async () => {
    const r = await run(fx, laptop(), ['curl', '-sS', ...RESOLVE, 'https://foo.example/']);
    expect(r.code).toBe(60);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith('curl: (60) SSL certificate problem: self-signed certificate\n' + CA_CERT_ERRORMSG)).toBe(true);
    expect(r.stderr.slice(('curl: (60) SSL certificate problem: self-signed certificate\n' + CA_CERT_ERRORMSG).length)).toMatch(/^hint: .*foo-tls/);
    // The trace ends in the controller Pod: the connection was made, TLS refused the peer.
    const t = c.network.dataplane.traces.at(-1)!;
    expect(t.result).toMatchObject({ kind: 'connected', port: 443 });
  });

  test('-v of the failed handshake: ClientHello, CA bundle, server flight, unknown CA alert', async () => {
    const r = await run(fx, laptop(), ['curl', '-sSv', ...RESOLVE, 'https://foo.example/']);
    const lines = r.stderr.split('\n');
    const from = lines.indexOf(`*   Trying ${LB_IP}:443...`);
    expect(lines.slice(from + 1, from + 20)).toEqual([
      '* ALPN: curl offers h2,http/1.1',
      '} [5 bytes data]',
      '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
      '} [512 bytes data]',
      '*  CAfile: /etc/ssl/certs/ca-certificates.crt',
      '*  CApath: /etc/ssl/certs',
      '{ [5 bytes data]',
      '* TLSv1.3 (IN), TLS handshake, Server hello (2):',
      '{ [122 bytes data]',
      '* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):',
      '{ [21 bytes data]',
      '* TLSv1.3 (IN), TLS handshake, Certificate (11):',
      expect.stringMatching(/^\{ \[\d+ bytes data\]$/),
      '* TLSv1.3 (OUT), TLS alert, unknown CA (560):',
      '} [2 bytes data]',
      '* SSL certificate problem: self-signed certificate',
      '* closing connection #0',
      'curl: (60) SSL certificate problem: self-signed certificate',
      'More details here: https://curl.se/docs/sslcerts.html',
    ]);
    expect(r.stderr).not.toContain('Connected to');
  });

  test('-k: HTTP/2 through the controller to the backend, which sees https', async () => {
    const r = await run(fx, laptop(), ['curl', '-sk', ...RESOLVE, 'https://foo.example/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Hostname: web-/);
    expect(r.stdout).toContain('X-Forwarded-Proto: https\r\n');
    const i = await run(fx, laptop(), ['curl', '-ski', ...RESOLVE, 'https://foo.example/']);
    // http2.c: "HTTP/2 " + status + " \r\n"; header names as the server sent them (lower case).
    expect(i.stdout.startsWith('HTTP/2 200 \r\ndate: ')).toBe(true);
    const head = i.stdout.slice(0, i.stdout.indexOf('\r\n\r\n'));
    expect(head).toContain('\r\ncontent-type: text/plain; charset=utf-8');
    expect(head).not.toMatch(/\r\n(connection|keep-alive|transfer-encoding):/i);
  });

  test('-kv: handshake summary, certificate block, then Connected, HTTP/2 stream and headers', async () => {
    const r = await run(fx, laptop(), ['curl', '-skv', ...RESOLVE, 'https://foo.example/']);
    const lines = r.stderr.split('\n');
    const from = lines.indexOf('* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / RSASSA-PSS');
    expect(from).toBeGreaterThan(0);
    expect(lines.slice(from, from + 20)).toEqual([
      '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / RSASSA-PSS',
      '* ALPN: server accepted h2',
      '* Server certificate:',
      '*  subject: CN=foo.example; O=Sandbox',
      '*  start date: Nov 26 02:57:05 2026 GMT',
      '*  expire date: Nov 23 02:57:05 2036 GMT',
      '*  issuer: CN=foo.example; O=Sandbox',
      '*  SSL certificate verify result: self-signed certificate (18), continuing anyway.',
      `* Connected to foo.example (${LB_IP}) port 443`,
      '* using HTTP/2',
      '* [HTTP/2] [1] OPENED stream for https://foo.example/',
      '* [HTTP/2] [1] [:method: GET]',
      '* [HTTP/2] [1] [:scheme: https]',
      '* [HTTP/2] [1] [:authority: foo.example]',
      '* [HTTP/2] [1] [:path: /]',
      '* [HTTP/2] [1] [user-agent: curl/8.14.1]',
      '* [HTTP/2] [1] [accept: */*]',
      '> GET / HTTP/2\r',
      '> Host: foo.example\r',
      '> User-Agent: curl/8.14.1\r',
    ]);
    // -k: no CA bundle is loaded (verifypeer off), and no subjectAltName check (verifyhost off).
    expect(r.stderr).not.toContain('CAfile');
    expect(r.stderr).not.toContain('subjectAltName');
    expect(lines).toContain('< HTTP/2 200 \r');
    expect(lines.indexOf('* Connected to foo.example (192.168.49.250) port 443')).toBeGreaterThan(lines.indexOf('* TLSv1.3 (OUT), TLS handshake, Finished (20):'));
  });

  test("a host without a TLS Secret gets the controller's fake certificate", async () => {
    const r = await run(fx, laptop(), ['curl', '-skv', ...RESOLVE, 'https://shop.example/']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('*  subject: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate\n');
    expect(r.stderr).toContain('*   Certificate level 0: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption\n');
    const strict = await run(fx, laptop(), ['curl', '-sS', ...RESOLVE, 'https://shop.example/']);
    expect(strict.stderr.split('\n')[0]).toBe('curl: (60) SSL certificate problem: self-signed certificate');
  });

  test('plain HTTP to the HTTPS port: nginx answers 400 with its page', async () => {
    const r = await run(fx, laptop(), ['curl', '-s', '-w', '%{http_code}', `http://${LB_IP}:443/`]);
    expect(r.stdout).toBe(
      '<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n400',
    );
  });

  test('https to a plain-HTTP server: (35) wrong version number, no Connected line', async () => {
    const client = c.kube.list(R.pods, { namespace: 'default' }).find((p) => p.metadata.name!.startsWith('web-'))!;
    const r = await run(fx, podHost(c.network, client, 'netshoot', c.clock), ['curl', '-sSv', 'https://web:80/']);
    expect(r.code).toBe(35);
    expect(r.stderr).toContain('* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n');
    expect(r.stderr).not.toContain('Connected to');
    expect(r.stderr).toContain('curl: (35) TLS connect error: error:0A00010B:SSL routines::wrong version number\n');
  });
});

describe('wget https (BusyBox)', () => {
  test('warns once that it does not validate certificates, then fetches', async () => {
    const client = c.kube.list(R.pods, { namespace: 'default' }).find((p) => p.metadata.name!.startsWith('web-'))!;
    const r = await run(fx, podHost(c.network, client, 'busybox', c.clock), ['wget', '-qO-', `https://${LB_IP}/`, `https://${LB_IP}/`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wget: note: TLS certificate validation not implemented\n');
    expect(r.stdout.match(/^Hostname: /gm)).toHaveLength(2);
  });
});
